/* search_snippet.c: what a hit shows of why it matched: the terms the
 * search matched (search_term_at, also for the front ends' highlighting)
 * and a snippet of the first text that holds one, cut in C from the
 * entry's text. The texts are read raw, only for the hits a screen shows
 * first, and only the bytes a snippet keeps go through text_clean(). Each
 * hit gets a snippet per language (from that language's texts, or its
 * first text unmarked when only the other language's matched) and one
 * for both, from the query's language first. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "say.h"
#include "search.h"
#include "search_int.h"
#include "store_int.h"
#include "text.h"
#include "xmalloc.h"

/* How many hits get a snippet (the ones a screen shows first). */
#define SEARCH_SNIPPETS 20
/* Bytes of text shown before the first match in a snippet, and in all. */
#define SNIPPET_BEFORE 40
#define SNIPPET_BYTES 160

size_t search_term_at(const struct sc_hits *h, const char *s, size_t n, bool word_start)
{
	size_t best = 0;

	if (n == 0 || (!word_start && isalnum((unsigned char)s[0])))
		return 0;   /* inside a word: only Chinese terms start here, never there */
	for (size_t t = 0; t < h->terms.n; t++) {
		const char *term = h->terms.v[t];
		if (tolower((unsigned char)s[0]) != tolower((unsigned char)term[0]))
			continue;
		size_t len = strlen(term);
		bool latin = isalnum((unsigned char)term[0]);
		if (len == 0 || len > n || (latin && !word_start))
			continue;
		size_t k = 0;
		while (k < len && tolower((unsigned char)s[k]) == tolower((unsigned char)term[k]))
			k++;
		if (k < len)
			continue;
		if (latin)   /* the rest of the word: redirect|ion */
			while (k < n && isalnum((unsigned char)s[k]))
				k++;
		if (k > best)
			best = k;
	}
	return best;
}

/* The bytes a term of h can start with, both cases: most positions of a
 * text are passed over with one look-up instead of a walk over every term. */
static void term_starts(const struct sc_hits *h, bool start[256])
{
	memset(start, 0, 256 * sizeof *start);
	for (size_t t = 0; t < h->terms.n; t++) {
		unsigned char c = (unsigned char)h->terms.v[t][0];
		start[tolower(c)] = start[toupper(c)] = true;
	}
}

/* The length of the term of h at text[i], or 0. */
static size_t term_here(const struct sc_hits *h, const bool start[256], const char *text, size_t n, size_t i)
{
	if (!start[(unsigned char)text[i]])
		return 0;
	return search_term_at(h, text + i, n - i, i == 0 || !isalnum((unsigned char)text[i - 1]));
}

/* Appends text_clean() of s[0..n). */
static void add_clean(struct buf *b, const char *s, size_t n)
{
	char *piece = text_clean(s, n);
	buf_adds(b, piece);
	free(piece);
}

/* text (any bytes) with every term of h between SEARCH_MARK_ON and
 * SEARCH_MARK_OFF, cut around the first one; the rest as text_clean()
 * shows it, so the only marks are the ones put here. When no term occurs
 * in text: its beginning, unmarked, if plain, else NULL (and NULL for an
 * empty text). */
static char *snippet_of(const struct sc_hits *h, const bool start[256], const char *text, bool plain)
{
	size_t n = text ? strlen(text) : 0, first = n;
	struct buf b = {0};

	for (size_t i = 0; i < n && first == n; i++)
		if (start[(unsigned char)text[i]] && term_here(h, start, text, n, i))
			first = i;
	if (first == n && (!plain || n == 0))
		return NULL;
	if (first == n)
		first = 0;
	size_t begin = first > SNIPPET_BEFORE ? first - SNIPPET_BEFORE : 0, end;
	while (begin > 0 && ((unsigned char)text[begin] & 0xC0) == 0x80)
		begin--;
	if (begin > 0)
		buf_adds(&b, "…");
	end = begin + SNIPPET_BYTES < n ? begin + SNIPPET_BYTES : n;
	while (end < n && ((unsigned char)text[end] & 0xC0) == 0x80)
		end++;
	size_t run = begin;   /* text[run..i) is plain, not yet added */
	for (size_t i = begin; i < end;) {
		size_t m = term_here(h, start, text, n, i);
		if (m == 0) {
			i++;
			continue;
		}
		add_clean(&b, text + run, i - run);
		buf_addc(&b, SEARCH_MARK_ON);
		add_clean(&b, text + i, m);
		buf_addc(&b, SEARCH_MARK_OFF);
		i += m;
		run = i;
		if (i > end)
			end = i;
	}
	add_clean(&b, text + run, end > run ? end - run : 0);
	if (end < n)
		buf_adds(&b, "…");
	return buf_detach(&b);
}

/* The marked snippet from the first of texts (NULLs allowed) that holds
 * a term; else, if plain, the first non-empty one's beginning unmarked;
 * else NULL. */
static char *snippet_first(const struct sc_hits *h, const bool start[256], const char *const *texts,
                           size_t ntexts, bool plain)
{
	char *s = NULL;

	for (size_t k = 0; k < ntexts && s == NULL; k++)
		s = snippet_of(h, start, texts[k], false);
	for (size_t k = 0; plain && k < ntexts && s == NULL; k++)
		s = snippet_of(h, start, texts[k], true);
	return s;
}

/* The texts a snippet is cut from, English and Chinese in turn: summary,
 * details, what to check (the columns of the texts statement). */
#define SNIPPET_TEXTS 6

/* The snippets of hit i from its texts t (any bytes, NULLs allowed; the
 * names come last: the row shows them already). zh_first: the query is
 * Chinese, so a Chinese match is the one to show in both. */
static void snippets_for(struct sc_hits *out, size_t i, const bool start[256], bool zh_first,
                         const char *const t[SNIPPET_TEXTS])
{
	struct sc_hit *hit = &out->v[i];
	const char *en[] = { t[0], t[2], t[4], hit->e.phrase_en };
	const char *zh[] = { t[1], t[3], t[5], hit->e.phrase_zh };
	char *m_en = snippet_first(out, start, en, 4, false);
	char *m_zh = snippet_first(out, start, zh, 4, false);

	hit->snippet = xstrdup(zh_first ? (m_zh ? m_zh : m_en) : (m_en ? m_en : m_zh));
	/* only the other language's text matched: this language's, unmarked */
	hit->snippet_en = m_en ? m_en : m_zh ? snippet_first(out, start, en, 2, true) : NULL;
	hit->snippet_zh = m_zh ? m_zh : m_en ? snippet_first(out, start, zh, 2, true) : NULL;
}

const char *search_snippet(const struct sc_hit *h, bool en, bool zh)
{
	const char *s = en && !zh ? h->snippet_en : zh && !en ? h->snippet_zh : NULL;

	return s ? s : h->snippet;
}

void sc_hit_clear(struct sc_hit *h)
{
	sc_entry_clear(&h->e);
	free(h->snippet);
	free(h->snippet_en);
	free(h->snippet_zh);
	h->snippet = h->snippet_en = h->snippet_zh = NULL;
}

/* The hits among the first n that are brief (their texts not read), as a
 * JSON array of ids into ids; how many. */
static size_t brief_ids(const struct sc_hits *out, size_t n, struct buf *ids)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (out->v[i].e.brief) {
			buf_addc(ids, k++ ? ',' : '[');
			search_add_id(ids, out->v[i].e.id);
		}
	buf_addc(ids, ']');
	return k;
}

int search_snippets(struct store *st, struct search_state *ss, const char *query, struct sc_hits *out,
                    char **cause)
{
	size_t n = out->n < SEARCH_SNIPPETS ? out->n : SEARCH_SNIPPETS;
	struct buf ids = {0};
	bool start[256], zh_first = text_has_cjk(query);
	int rc = SQLITE_DONE;

	term_starts(out, start);
	for (size_t i = 0; i < n; i++) {
		const struct sc_entry *e = &out->v[i].e;
		const char *t[SNIPPET_TEXTS] = { e->summary_en, e->summary_zh, e->detail_en, e->detail_zh,
		                                 e->check_en, e->check_zh };
		if (!e->brief)
			snippets_for(out, i, start, zh_first, t);
	}
	/* the texts of the brief ones, raw, in one statement */
	if (brief_ids(out, n, &ids) > 0) {
		sqlite3_stmt *s = ss->texts;
		sqlite3_bind_text(s, 1, buf_str(&ids), -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(s, 0);
			const char *t[SNIPPET_TEXTS];
			for (int k = 0; k < SNIPPET_TEXTS; k++)
				t[k] = (const char *)sqlite3_column_text(s, 1 + k);
			for (size_t i = 0; i < n; i++)
				if (out->v[i].e.id == id && out->v[i].e.brief)
					snippets_for(out, i, start, zh_first, t);
		}
		sqlite3_reset(s);
	}
	buf_free(&ids);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot search"));
		return -1;
	}
	return 0;
}
