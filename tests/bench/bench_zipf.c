/* bench_zipf.c: text for the second generated database, drawn from a
 * Zipf-distributed vocabulary (word of rank r with probability in
 * proportion to 1/r), as natural text is. The pessimistic generator reuses
 * the real entries' ~410 sentences, so every word is hundreds of times as
 * common as in real text; here the real words keep their order of
 * frequency but are spread among made-up words (one real word in four
 * ranks, one real Chinese character in three), so a common real word stays
 * common and a rare one becomes rare. Deterministic: the same seed gives the
 * same database. */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "buf.h"
#include "text.h"
#include "xmalloc.h"

#define ZIPF_WORDS_EN 50000
#define ZIPF_CHARS_ZH 6000

struct count {
	char *s;
	size_t n;
};

struct zipf {
	char  **en, **zh;       /* by rank */
	double *cdf_en, *cdf_zh;
	uint64_t rng;
};

static int count_cmp(const void *a, const void *b)
{
	const struct count *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->s, y->s);
}

/* Adds s to the counts (a linear list: a few thousand distinct words). */
static void count_add(struct count **v, size_t *n, size_t *cap, const char *s, size_t len)
{
	for (size_t i = 0; i < *n; i++)
		if (strlen((*v)[i].s) == len && memcmp((*v)[i].s, s, len) == 0) {
			(*v)[i].n++;
			return;
		}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = (struct count){ xstrndup(s, len), 1 };
}

/* A made-up word for rank r: consonant-vowel syllables. */
static char *made_up(size_t r)
{
	static const char c[] = "bdfghklmnprstvz", v[] = "aeiou";
	char w[32];
	size_t k = 0, x = r + 107;   /* two syllables at least */
	do {
		w[k++] = c[x % 15];
		x /= 15;
		w[k++] = v[x % 5];
		x /= 5;
	} while (x > 0 && k < 28);
	w[k++] = 'n';   /* no made-up word is a real English word by accident */
	w[k] = '\0';
	return xstrdup(w);
}

static double *zipf_cdf(size_t n)
{
	double *c = xcalloc(n, sizeof *c), sum = 0;
	for (size_t i = 0; i < n; i++)
		c[i] = (sum += 1.0 / (double)(i + 1));
	for (size_t i = 0; i < n; i++)
		c[i] /= sum;
	return c;
}

struct zipf *zipf_new(const char *const *texts, size_t ntexts)
{
	struct zipf *z = xcalloc(1, sizeof *z);
	struct count *we = NULL, *wz = NULL;
	size_t ne = 0, cape = 0, nz = 0, capz = 0;

	for (size_t t = 0; t < ntexts; t++) {
		const char *s = texts[t];
		size_t n = s ? strlen(s) : 0;
		for (size_t i = 0; i < n;) {
			uint32_t cp;
			int len = utf8_decode(s + i, n - i, &cp);
			if (len <= 0) {
				i++;
				continue;
			}
			if (cp_is_cjk_ideograph(cp)) {
				count_add(&wz, &nz, &capz, s + i, (size_t)len);
				i += (size_t)len;
			} else if (isalpha((unsigned char)s[i])) {
				size_t j = i;
				char w[64];
				while (j < n && isalpha((unsigned char)s[j]) && j - i < sizeof w - 1) {
					w[j - i] = (char)tolower((unsigned char)s[j]);
					j++;
				}
				count_add(&we, &ne, &cape, w, j - i);
				while (j < n && isalpha((unsigned char)s[j]))
					j++;
				i = j;
			} else {
				i += (size_t)len;
			}
		}
	}
	qsort(we, ne, sizeof *we, count_cmp);
	qsort(wz, nz, sizeof *wz, count_cmp);
	z->en = xcalloc(ZIPF_WORDS_EN, sizeof *z->en);
	z->zh = xcalloc(ZIPF_CHARS_ZH, sizeof *z->zh);
	size_t ri = 0, fake = 0;
	for (size_t r = 0; r < ZIPF_WORDS_EN; r++)
		z->en[r] = r % 4 == 0 && ri < ne ? xstrdup(we[ri++].s) : made_up(fake++);
	ri = 0;
	uint32_t next = 0x4E00;
	for (size_t r = 0; r < ZIPF_CHARS_ZH; r++) {
		if (r % 3 == 0 && ri < nz) {
			z->zh[r] = xstrdup(wz[ri++].s);
			continue;
		}
		/* an ideograph the real text does not use */
		for (;; next++) {
			char u[4] = { (char)(0xE0 | (next >> 12)), (char)(0x80 | ((next >> 6) & 0x3F)),
			              (char)(0x80 | (next & 0x3F)), 0 };
			bool used = false;
			for (size_t k = 0; k < nz && !used; k++)
				used = strcmp(wz[k].s, u) == 0;
			if (!used) {
				z->zh[r] = xstrdup(u);
				next++;
				break;
			}
		}
	}
	for (size_t i = 0; i < ne; i++)
		free(we[i].s);
	for (size_t i = 0; i < nz; i++)
		free(wz[i].s);
	free(we);
	free(wz);
	z->cdf_en = zipf_cdf(ZIPF_WORDS_EN);
	z->cdf_zh = zipf_cdf(ZIPF_CHARS_ZH);
	z->rng = 0x2545F4914F6CDD1Du;
	return z;
}

static size_t draw(struct zipf *z, const double *cdf, size_t n)
{
	z->rng ^= z->rng << 13;
	z->rng ^= z->rng >> 7;
	z->rng ^= z->rng << 17;
	double u = (double)(z->rng >> 11) / 9007199254740992.0;
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void zipf_text(struct zipf *z, bool zh, size_t n, struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (zh) {
			buf_adds(out, z->zh[draw(z, z->cdf_zh, ZIPF_CHARS_ZH)]);
			if (i + 1 < n && i % 9 == 8)
				buf_adds(out, "，");
		} else {
			if (i)
				buf_addc(out, ' ');
			buf_adds(out, z->en[draw(z, z->cdf_en, ZIPF_WORDS_EN)]);
		}
	}
	buf_adds(out, zh ? "。" : ".");
}

size_t zipf_range(struct zipf *z, size_t lo, size_t hi)
{
	z->rng ^= z->rng << 13;
	z->rng ^= z->rng >> 7;
	z->rng ^= z->rng << 17;
	return lo + (size_t)(z->rng % (hi - lo + 1));
}

void zipf_free(struct zipf *z)
{
	for (size_t i = 0; i < ZIPF_WORDS_EN; i++)
		free(z->en[i]);
	for (size_t i = 0; i < ZIPF_CHARS_ZH; i++)
		free(z->zh[i]);
	free(z->en);
	free(z->zh);
	free(z->cdf_en);
	free(z->cdf_zh);
	free(z);
}
