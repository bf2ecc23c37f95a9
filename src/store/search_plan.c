/* search_plan.c: what a user typed, as a plan the index can answer.
 * Protocol and vendor names narrow instead of being words; words that a
 * glossary or synonym row joins ("timed out", 重定向 / redirect) become one
 * concept with every way of writing it; every concept gets its weight (idf)
 * from the documents per term counted when the index was built. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "query.h"
#include "search.h"
#include "search_int.h"
#include "store_int.h"
#include "text.h"
#include "tokenizer.h"
#include "xmalloc.h"

#define PLAN_NGRAM 4           /* longest run of words looked up as one term */
#define PLAN_COMPLETIONS 24    /* a prefix of 4+ letters: its most common completions */
#define PLAN_CJK_TERM 6        /* longest Chinese glossary term looked for */

/* Names of who defines codes that narrow a search instead of being words. */
static const char *const plan_vendors[] = { "nginx", "cloudflare", "aws", "amazon", "apache", NULL };

static char *plan_quote(const char *s, size_t n, bool prefix)
{
	struct buf b = {0};

	buf_addc(&b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(&b, '"');
		buf_addc(&b, s[i]);
	}
	buf_addc(&b, '"');
	if (prefix)
		buf_addc(&b, '*');
	return buf_detach(&b);
}

/* ---- documents per term ---------------------------------------------------- */

struct df_ctx {
	struct search_state *ss;
	int64_t min;      /* over positions */
	int64_t cur;      /* max over the tokens at the current position */
	bool any;
	struct strv *stems; /* colocated tokens (stems), to highlight */
};

static int64_t term_doc(struct search_state *ss, const char *tok, int len)
{
	int64_t d = 0;

	sqlite3_bind_text(ss->term_doc, 1, tok, len, SQLITE_TRANSIENT);
	if (sqlite3_step(ss->term_doc) == SQLITE_ROW)
		d = sqlite3_column_int64(ss->term_doc, 0);
	sqlite3_reset(ss->term_doc);
	return d;
}

static void df_cb(void *v, const char *tok, int len, int start, int end, int colocated)
{
	struct df_ctx *c = v;
	int64_t d = term_doc(c->ss, tok, len);

	(void)start;
	(void)end;
	if (colocated && c->stems && len >= 3) {
		char *t = xstrndup(tok, (size_t)len);
		if (!strv_contains(c->stems, t))
			strv_push_owned(c->stems, t);
		else
			free(t);
	}
	if (!colocated) {
		if (c->any && c->cur < c->min)
			c->min = c->cur;
		c->cur = 0;
		c->any = true;
	}
	if (d > c->cur)
		c->cur = d;
}

/* Documents holding the phrase text (at most those of its rarest token). */
static int64_t phrase_doc(struct search_state *ss, const char *text, struct strv *stems)
{
	struct df_ctx c = { .ss = ss, .min = INT64_MAX, .stems = stems };

	if (tokenizer_run(ss->tok, text, FTS5_TOKENIZE_QUERY, df_cb, &c) != SQLITE_OK || !c.any)
		return 0;
	if (c.cur < c.min)
		c.min = c.cur;
	return c.min;
}

/* Index terms that begin with prefix (lowercase ASCII), most common first. */
static size_t prefix_terms(struct search_state *ss, const char *prefix, struct strv *out, int64_t *docs)
{
	char *hi = xstrdup(prefix);
	size_t n = strlen(hi);

	hi[n - 1]++;
	sqlite3_bind_text(ss->prefix_terms, 1, prefix, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ss->prefix_terms, 2, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(ss->prefix_terms, 3, PLAN_COMPLETIONS + 1);
	*docs = 0;
	while (sqlite3_step(ss->prefix_terms) == SQLITE_ROW) {
		strv_push(out, (const char *)sqlite3_column_text(ss->prefix_terms, 0));
		*docs += sqlite3_column_int64(ss->prefix_terms, 1);
	}
	sqlite3_reset(ss->prefix_terms);
	free(hi);
	return out->n;
}

/* ---- glossary and synonyms ----------------------------------------------------- */

/* The group of terms that key (folded) belongs to, or 0. */
static int64_t syn_group(struct search_state *ss, const char *text)
{
	char *key = str_fold(text);
	int64_t g = 0;

	if (*key) {
		sqlite3_bind_text(ss->syn_groups, 1, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ss->syn_groups) == SQLITE_ROW)
			g = sqlite3_column_int64(ss->syn_groups, 0);
		sqlite3_reset(ss->syn_groups);
	}
	free(key);
	return g;
}

static void concept_add_alt(struct search_concept *c, char *alt)
{
	for (size_t i = 0; i < c->nalts; i++)
		if (strcmp(c->alts[i], alt) == 0) {
			free(alt);
			return;
		}
	if (c->nalts < PLAN_MAX_ALTS)
		c->alts[c->nalts++] = alt;
	else
		free(alt);
}

/* Every term of group g and of the groups that share a term with it. */
static void concept_add_group(struct search_state *ss, struct search_concept *c, int64_t g)
{
	sqlite3_bind_int64(ss->syn_terms, 1, g);
	while (sqlite3_step(ss->syn_terms) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(ss->syn_terms, 0);
		if (t)
			concept_add_alt(c, plan_quote(t, strlen(t), false));
	}
	sqlite3_reset(ss->syn_terms);
}

static struct search_concept *plan_push(struct search_plan *p, const char *typed, size_t n)
{
	if (p->n == PLAN_MAX_CONCEPTS)
		return NULL;
	struct search_concept *c = &p->c[p->n++];
	memset(c, 0, sizeof *c);
	c->typed = xstrndup(typed, n);
	return c;
}

static bool all_cjk(const char *s)
{
	uint32_t cp;
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0 || !cp_is_cjk(cp))
			return false;
		i += (size_t)len;
	}
	return n > 0;
}

/* A run of Chinese: glossary terms found by longest match become concepts
 * with their translations; the text between them stays a phrase. */
static void plan_cjk(struct search_state *ss, struct search_plan *p, const char *s)
{
	size_t n = strlen(s), i = 0, lit = 0;
	uint32_t cp;

	while (i < n) {
		size_t best = 0, ends[PLAN_CJK_TERM], k = 0, j = i;
		int64_t g = 0;
		while (k < PLAN_CJK_TERM && j < n) {
			int len = utf8_decode(s + j, n - j, &cp);
			j += len > 0 ? (size_t)len : 1;
			ends[k++] = j;
		}
		for (size_t e = k; e >= 2 && g == 0; e--) {
			char *sub = xstrndup(s + i, ends[e - 1] - i);
			if ((g = syn_group(ss, sub)) != 0)
				best = ends[e - 1] - i;
			free(sub);
		}
		if (g == 0) {
			i = ends[0];
			continue;
		}
		struct search_concept *c;
		if (i > lit && (c = plan_push(p, s + lit, i - lit)) != NULL)
			concept_add_alt(c, plan_quote(s + lit, i - lit, false));
		if ((c = plan_push(p, s + i, best)) != NULL) {
			concept_add_alt(c, plan_quote(s + i, best, false));
			concept_add_group(ss, c, g);
		}
		i += best;
		lit = i;
	}
	struct search_concept *c;
	if (n > lit && (c = plan_push(p, s + lit, n - lit)) != NULL)
		concept_add_alt(c, plan_quote(s + lit, n - lit, false));
}

/* The last word, still being typed: its own prefix while short (the index
 * keeps 2- and 3-character prefixes), then its most common completions.
 * In a word of several (Retry-Aft), the last one is completed and the
 * others kept: "Retry-after", not "Retry-Aft"*, whose prefix FTS5 would
 * expand over the whole index. */
static void plan_prefix(struct search_state *ss, struct search_concept *c, const char *w)
{
	char *low = xstrdup(w);
	struct strv comp = {0};
	int64_t docs;
	size_t cut = strlen(low);

	for (char *q = low; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	while (cut > 0 && isalnum((unsigned char)low[cut - 1]))
		cut--;   /* low + cut: the last word, ASCII letters and digits */
	bool whole = cut == 0 || strchr("-.'", low[cut - 1]) != NULL;
	if (whole && strlen(low + cut) >= 4 && prefix_terms(ss, low + cut, &comp, &docs) <= PLAN_COMPLETIONS &&
	    comp.n > 0) {
		for (size_t i = 0; i < comp.n; i++) {
			char *alt = xasprintf("%.*s%s", (int)cut, w, comp.v[i]);
			concept_add_alt(c, plan_quote(alt, strlen(alt), false));
			free(alt);
		}
	} else {
		concept_add_alt(c, plan_quote(w, strlen(w), true));
	}
	strv_free(&comp);
	free(low);
}

/* Protocol and vendor words narrow the search (when other words remain). */
static bool plan_narrow(struct search_plan *p, const char *w, bool others)
{
	const char *proto = store_protocol_id(w);

	if (!others)
		return false;
	if (proto && p->protocol_id == NULL) {
		p->protocol_id = proto;
		return true;
	}
	if (proto)
		return true;
	if (str_casecmp(w, "iis") == 0) {
		p->substatus = true;
		return true;
	}
	for (size_t i = 0; plan_vendors[i]; i++)
		if (str_casecmp(w, plan_vendors[i]) == 0 && p->vendor == NULL) {
			p->vendor = plan_quote(w, strlen(w), false);
			return true;
		}
	return false;
}

/* The position (1-based) of protocol id in the protocol table's order, as
 * search_prior records it; 0 when there is no such protocol. */
static int protocol_position(struct search_state *ss, const char *id)
{
	int pos = 0, i = 0;

	while (sqlite3_step(ss->protocols) == SQLITE_ROW) {
		i++;
		const char *t = (const char *)sqlite3_column_text(ss->protocols, 0);
		if (pos == 0 && t && strcmp(t, id) == 0)
			pos = i;
	}
	sqlite3_reset(ss->protocols);
	return pos;
}

/* Concepts from the words left after narrowing: runs of up to PLAN_NGRAM
 * words that the glossary names together first, longest first. */
static void plan_concepts(struct search_state *ss, struct search_plan *p, struct strv *w,
                          bool prefix_last)
{
	for (size_t i = 0; i < w->n;) {
		size_t take = 0;
		int64_t g = 0;
		for (size_t k = w->n - i < PLAN_NGRAM ? w->n - i : PLAN_NGRAM; k >= 1 && !g; k--) {
			if (prefix_last && i + k == w->n && k > 1)
				continue;   /* a word being typed is no part of a run */
			struct buf b = {0};
			for (size_t j = 0; j < k; j++) {
				if (j)
					buf_addc(&b, ' ');
				buf_adds(&b, w->v[i + j]);
			}
			if ((g = syn_group(ss, buf_str(&b))) != 0) {
				struct search_concept *c = plan_push(p, buf_str(&b), b.len);
				if (c) {
					concept_add_alt(c, plan_quote(buf_str(&b), b.len, false));
					concept_add_group(ss, c, g);
				}
				take = k;
			}
			buf_free(&b);
		}
		if (take) {
			i += take;
			continue;
		}
		const char *word = w->v[i];
		bool last = i + 1 == w->n;
		if (all_cjk(word)) {
			plan_cjk(ss, p, word);
		} else {
			struct search_concept *c = plan_push(p, word, strlen(word));
			if (c && last && prefix_last)
				plan_prefix(ss, c, word);
			else if (c) {
				concept_add_alt(c, plan_quote(word, strlen(word), false));
				c->plain = true;
				for (const char *q = word; *q; q++)
					c->plain &= isalpha((unsigned char)*q) != 0;
			}
		}
		i++;
	}
}

/* Each concept's weight, and the words to highlight. */
static void plan_weights(struct store *st, struct search_state *ss, struct search_plan *p)
{
	double n = ss->nentries > 0 ? (double)ss->nentries : 1;

	for (size_t i = 0; i < p->n; i++) {
		struct search_concept *c = &p->c[i];
		double df = 0;
		for (size_t a = 0; a < c->nalts; a++) {
			const char *alt = c->alts[a];
			size_t len = strlen(alt);
			bool pre = alt[len - 1] == '*';
			char *raw = xstrndup(alt + 1, len - (pre ? 3 : 2));
			/* the quotes inside were doubled */
			char *o = raw;
			for (const char *q = raw; *q; q++) {
				*o++ = *q;
				if (*q == '"' && q[1] == '"')
					q++;
			}
			*o = '\0';
			df += pre ? n / 4 : (double)phrase_doc(ss, raw, &p->terms);
			if (!strv_contains(&p->terms, raw))
				strv_push(&p->terms, raw);
			free(raw);
		}
		if (df > n)
			df = n;
		c->df = df;
		c->idf = log(1.0 + (n - df + 0.5) / (df + 0.5));
	}
}

/* Splits a piece at punctuation that joins no word (net::ERR_TOO_MANY,
 * HTTP/1.1, "error:"), keeping - . ' inside words (Retry-After, 403.14). */
static void split_piece(const char *piece, struct strv *out)
{
	size_t n = strlen(piece), start = 0;

	for (size_t i = 0; i <= n; i++) {
		unsigned char ch = (unsigned char)piece[i];
		bool sep = i == n || (ch < 0x80 && !isalnum(ch) && ch != '-' && ch != '.' && ch != '\'' &&
		                      ch != '"');
		if (!sep)
			continue;
		size_t a = start, b = i;
		while (a < b && strchr("-.'", piece[a]))
			a++;
		while (b > a && strchr("-.'", piece[b - 1]))
			b--;
		bool word = false;
		for (size_t k = a; k < b; k++)
			word |= isalnum((unsigned char)piece[k]) || (unsigned char)piece[k] >= 0x80;
		if (word)
			strv_push_owned(out, xstrndup(piece + a, b - a));
		start = i + 1;
	}
}

/* A word that is a code or a code pattern: 404, 403.14, 4xx, 1006. */
static bool is_code_word(const char *w)
{
	return search_is_code(w) && (strspn(w, "0123456789") >= 3 || strchr(w, 'x') || strchr(w, 'X'));
}

/* One letter being typed after other text ("websocket c", "Retry-A") is
 * not yet a word: the query is what came before it. */
static void drop_letter_being_typed(const char *text, struct strv *pieces, bool *prefixable)
{
	size_t tl = strlen(text);
	if (pieces->n == 0 || tl == 0 || !isalpha((unsigned char)text[tl - 1]))
		return;
	char *last = pieces->v[pieces->n - 1];
	size_t ll = strlen(last), k = ll;
	while (k > 0 && isalnum((unsigned char)last[k - 1]))
		k--;
	if (ll - k == 1 && k > 0) {
		while (k > 0 && strchr("-.'", last[k - 1]))
			k--;
		last[k] = '\0';
		*prefixable = k >= 2;
	} else if (ll == 1 && pieces->n > 1) {
		free(pieces->v[--pieces->n]);
		*prefixable = false;
	}
}

/* Codes among other words are looked up, not searched for as words: they
 * move from words to codes. */
static void take_code_words(struct strv *words, struct strv *codes)
{
	for (size_t i = 0; words->n > 1 && i < words->n;) {
		if (is_code_word(words->v[i])) {
			strv_push_owned(codes, words->v[i]);
			memmove(&words->v[i], &words->v[i + 1], (words->n - i - 1) * sizeof *words->v);
			words->n--;
		} else {
			i++;
		}
	}
}

int plan_build(struct store *st, struct search_state *ss, const char *text, const char *protocol,
               bool prefix, struct search_plan *p, char **cause)
{
	struct strv raw = {0}, pieces = {0}, words = {0};
	bool prefixable = query_split(text, &raw) && prefix;
	size_t letters = 0;

	memset(p, 0, sizeof *p);
	p->protocol_id = protocol;
	for (size_t i = 0; i < raw.n; i++) {
		size_t before = pieces.n;
		split_piece(raw.v[i], &pieces);
		/* a piece cut at its end is finished: no prefix */
		if (i + 1 == raw.n && pieces.n > before && prefixable) {
			const char *last = pieces.v[pieces.n - 1];
			const char *r = raw.v[i];
			prefixable = strlen(r) >= strlen(last) &&
			             strcmp(r + strlen(r) - strlen(last), last) == 0;
		}
	}
	if (prefix)
		drop_letter_being_typed(text, &pieces, &prefixable);
	for (size_t i = 0; i < pieces.n; i++)
		if (!plan_narrow(p, pieces.v[i], pieces.n > 1))
			strv_push(&words, pieces.v[i]);
	take_code_words(&words, &p->codes);
	/* a protocol's name alone: that protocol's codes */
	if (pieces.n == 1 && p->protocol_id == NULL && words.n == 1 &&
	    (p->protocol_id = store_protocol_id(pieces.v[0])) != NULL)
		free(words.v[--words.n]);
	p->only_narrowing = words.n == 0 && p->codes.n == 0 && pieces.n > 0;
	struct buf typed = {0};
	for (size_t i = 0; i < words.n; i++) {
		if (i)
			buf_addc(&typed, ' ');
		buf_adds(&typed, words.v[i]);
		for (const char *q = words.v[i]; *q; q++)
			letters += ((unsigned char)*q & 0xC0) != 0x80;
	}
	p->typed = buf_detach(&typed);
	if (p->typed == NULL)
		p->typed = xstrdup("");
	/* one or two letters find names and codes, not every text with an "a" */
	p->names_only = letters > 0 && letters <= 2 && !text_has_cjk(p->typed);
	/* two letters typed are a prefix of a name; one letter is a word */
	plan_concepts(ss, p, &words, prefixable && letters >= 2);
	if (p->protocol_id)
		p->protocol = protocol_position(ss, p->protocol_id);
	if (p->protocol_id && p->protocol == 0)
		p->protocol = 0x7F;  /* no such protocol: nothing matches */
	p->prior = ss->prior;
	p->nprior = ss->nprior;
	plan_weights(st, ss, p);
	strv_free(&raw);
	strv_free(&pieces);
	strv_free(&words);
	(void)cause;
	return 0;
}

void plan_free(struct search_plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->c[i].typed);
		for (size_t a = 0; a < p->c[i].nalts; a++)
			free(p->c[i].alts[a]);
	}
	free(p->vendor);
	free(p->typed);
	strv_free(&p->terms);
	strv_free(&p->codes);
	memset(p, 0, sizeof *p);
}

char *plan_match(struct search_plan *p)
{
	struct buf b = {0};

	if (p->n == 0)
		return NULL;
	p->nphrases = 0;
	if (p->names_only)
		buf_adds(&b, "{code phrase alias} : (");
	for (size_t i = 0; i < p->n; i++) {
		if (i)
			buf_adds(&b, p->any ? " OR " : " AND ");
		buf_addc(&b, '(');
		for (size_t a = 0; a < p->c[i].nalts; a++) {
			if (a)
				buf_adds(&b, " OR ");
			buf_adds(&b, p->c[i].alts[a]);
			p->phrase_concept[p->nphrases++] = (int)i;
		}
		buf_addc(&b, ')');
	}
	if (p->names_only)
		buf_addc(&b, ')');
	if (p->vendor) {
		buf_adds(&b, " AND ");
		buf_adds(&b, p->vendor);
		p->phrase_concept[p->nphrases++] = -1;
	}
	return buf_detach(&b);
}

bool plan_close_term(struct search_state *ss, const char *word, char *out, size_t outsz)
{
	size_t n = strlen(word), max = n <= 4 ? 1 : 2, best = max + 1;
	int64_t best_doc = 0;
	char lo[2] = { 0 }, hi[2] = { 0 };
	char *w = xstrdup(word);

	for (char *q = w; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	lo[0] = w[0];
	hi[0] = (char)(w[0] + 1);
	sqlite3_bind_text(ss->vocab, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ss->vocab, 2, hi, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(ss->vocab) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(ss->vocab, 0);
		int64_t doc = sqlite3_column_int64(ss->vocab, 1);
		if (t == NULL || strcmp(t, w) == 0)
			continue;
		size_t d = str_distance(w, t, max);
		if (d < best || (d == best && doc > best_doc)) {
			best = d;
			best_doc = doc;
			if (strlen(t) < outsz)
				strcpy(out, t);
		}
	}
	sqlite3_reset(ss->vocab);
	free(w);
	return best <= max && best_doc > 0;
}
