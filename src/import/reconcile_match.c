/* reconcile_match.c: matching a document's rows against what the registry
 * knows (codes, phrases, aliases), the text helpers the checks share, and
 * grouping rows by what they say. */
#include "config.h"
#include "reconcile_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* ---- what the registry knows -------------------------------------------- */

const struct sc_known *rc_known_code(const struct ctx *c, const char *protocol, const char *code)
{
	for (size_t i = 0; i < c->kn.n; i++)
		if (strcmp(c->kn.v[i].protocol, protocol) == 0 && strcmp(c->kn.v[i].code, code) == 0)
			return &c->kn.v[i];
	return NULL;
}

/* Does phrase name code k (its registry phrase, or one of its aliases)?
 * 2: the registry phrase; 1: an alias; 0: no. */
int rc_known_names(const struct sc_known *k, const char *phrase)
{
	char *f = str_fold(phrase);
	int hit = 0;

	if (*f == '\0') {
		free(f);
		return 0;
	}
	char *p = str_fold(k->phrase_en ? k->phrase_en : "");
	char *z = str_fold(k->phrase_zh ? k->phrase_zh : "");
	if (strcmp(f, p) == 0 || strcmp(f, z) == 0)
		hit = 2;
	for (size_t i = 0; !hit && i < k->aliases.n; i++) {
		char *a = str_fold(k->aliases.v[i]);
		if (strcmp(f, a) == 0)
			hit = 1;
		free(a);
	}
	free(p);
	free(z);
	free(f);
	return hit;
}

/* The registered, top-level code of protocol that phrase names, or NULL. */
const struct sc_known *rc_known_by_phrase(const struct ctx *c, const char *protocol, const char *phrase)
{
	const struct sc_known *alias = NULL;

	for (size_t i = 0; i < c->kn.n; i++) {
		const struct sc_known *k = &c->kn.v[i];
		if (!k->registered || strcmp(k->protocol, protocol) != 0 || strchr(k->code, '.'))
			continue;
		int hit = rc_known_names(k, phrase);
		if (hit == 2)
			return k;
		if (hit == 1 && alias == NULL)
			alias = k;
	}
	return alias;
}

/* ---- text ----------------------------------------------------------------- */

/* A short quotation of s for messages: at most 40 columns. Caller frees. */
char *rc_quote(const char *s)
{
	struct buf b = {0};
	text_fit(&b, s ? s : "", 40, false, true);
	return buf_detach(&b);
}

const char *rc_lang_of(const char *s)
{
	size_t cjk = 0, words = 0, n = strlen(s), i = 0;
	uint32_t cp;
	bool in_word = false;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (cp_is_cjk_ideograph(cp))
			cjk++;
		bool letter = cp < 0x80 && isalpha((int)cp);
		if (letter && !in_word)
			words++;
		in_word = letter;
		i += (size_t)len;
	}
	return cjk > 0 && cjk * 2 >= words ? "zh" : "en";
}

/* Text without a final full stop, for comparing two texts. Caller frees. */
char *rc_text_key(const char *s)
{
	char *k = xstrdup(s ? s : "");
	size_t n = strlen(k);
	if (str_ends_with(k, "\xE3\x80\x82"))
		n -= 3;
	else if (n && k[n - 1] == '.')
		n--;
	k[n] = '\0';
	return k;
}

/* ---- grouping rows by what they say ------------------------------------------ */

struct gkey {
	const char *k;
	size_t i;
};

static int gkey_cmp(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;
	int c = strcmp(x->k, y->k);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Groups c's rows by key(c, row), a malloc'd string or NULL for a row that
 * belongs to no group. Free with rc_groups_free(). */
void rc_groups_make(struct ctx *c, char *(*key)(const struct rrow *), struct groups *g)
{
	struct gkey *v = xcalloc(c->n ? c->n : 1, sizeof *v);
	size_t m = 0;

	g->first = xcalloc(c->n ? c->n : 1, sizeof *g->first);
	g->next = xcalloc(c->n ? c->n : 1, sizeof *g->next);
	g->keys = xcalloc(c->n ? c->n : 1, sizeof *g->keys);
	for (size_t i = 0; i < c->n; i++) {
		g->first[i] = g->next[i] = NONE;
		if ((g->keys[i] = key(&c->r[i])) != NULL)
			v[m++] = (struct gkey){ g->keys[i], i };
	}
	qsort(v, m, sizeof *v, gkey_cmp);
	for (size_t j = 0, head = 0; j < m; j++) {
		if (j > 0 && strcmp(v[j - 1].k, v[j].k) == 0)
			g->next[v[j - 1].i] = v[j].i;
		else
			head = j;
		g->first[v[j].i] = v[head].i;
	}
	free(v);
}

void rc_groups_free(struct groups *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g->keys[i]);
	free(g->keys);
	free(g->first);
	free(g->next);
}
