#include "config.h"
#include "search.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "query.h"
#include "search_int.h"
#include "store_int.h"
#include "str.h"
#include "text.h"
#include "say.h"
#include "xmalloc.h"

void sc_hits_free(struct sc_hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		sc_hit_clear(&h->v[i]);
	free(h->v);
	for (size_t i = 0; i < h->terms.n; i++)
		free(h->terms.v[i]);
	free(h->terms.v);
	free(h->suggest);
	memset(h, 0, sizeof *h);
}

size_t sc_hits_keep_registered(struct sc_hits *h)
{
	size_t k = 0, n = h->n;

	for (size_t i = 0; i < n; i++) {
		if (sc_entry_registered(&h->v[i].e))
			h->v[k++] = h->v[i];
		else
			sc_hit_clear(&h->v[i]);
	}
	h->n = k;
	return n - k;
}

static struct sc_hit *hit_push(struct sc_hits *h)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	memset(&h->v[h->n], 0, sizeof h->v[h->n]);
	return &h->v[h->n++];
}

static bool hit_has(const struct sc_hits *h, int64_t id)
{
	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].e.id == id)
			return true;
	return false;
}

bool search_is_code(const char *t)
{
	size_t n = strlen(t), digits = 0;

	if (n < 2 || n > 12 || !isdigit((unsigned char)t[0]))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)t[i]))
			digits++;
		else if (t[i] != 'x' && t[i] != 'X' && t[i] != '.' && t[i] != '-')
			return false;
	}
	return digits >= 1;
}

struct cand {
	int64_t id;
	double score;
};
static int fetch_ids(struct store *st, struct search_state *ss, const struct cand *v, size_t n,
                     size_t limit, struct sc_hits *out, char **cause);

/* Ids of the entries whose code matches a pattern of digits and x (40x,
 * 4xx; with substatus, the sub-status codes of 403), plain codes first, in
 * code order, at most limit: found through the (num, hi) index, and only the
 * ids are sorted, so that a pattern over many sub-status codes costs no
 * more than a screenful of entries. */
static int pattern_ids(struct store *st, struct search_state *ss, const char *pattern,
                       const char *protocol, bool substatus, size_t limit, struct cand **out,
                       size_t *nout, char **cause)
{
	size_t head = strcspn(pattern, "."), n = 0;
	int lo = 0, hi = 0, rc;
	char *like = xstrdup(pattern);

	for (size_t i = 0; i < head; i++) {
		bool x = pattern[i] == 'x' || pattern[i] == 'X';
		lo = lo * 10 + (x ? 0 : pattern[i] - '0');
		hi = hi * 10 + (x ? 9 : pattern[i] - '0');
	}
	for (char *q = like; *q; q++)
		*q = *q == 'x' || *q == 'X' ? '_' : *q;
	*out = xcalloc(limit ? limit : 1, sizeof **out);
	sqlite3_stmt *s = ss->pattern;
	if (protocol)
		sqlite3_bind_text(s, 1, protocol, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, lo);
	sqlite3_bind_int(s, 3, hi);
	sqlite3_bind_text(s, 4, like, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 5, substatus);
	sqlite3_bind_int64(s, 6, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < limit)
		(*out)[n++].id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	free(like);
	*nout = n;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_error(st, SAY("cannot search"));
		return -1;
	}
	return 0;
}

/* Code hits: exact codes, ranges holding the number, pattern matches; with
 * substatus, the sub-status codes of a code (iis 403). */
static int code_hits(struct store *st, struct search_state *ss, const char *text, const char *protocol,
                     bool substatus, size_t limit, struct sc_hits *out, char **cause)
{
	struct sc_entries found = {0};
	size_t head = strcspn(text, ".");
	int rc;

	if ((strchr(text, 'x') || strchr(text, 'X') || substatus) && head > 0 && head <= 6 &&
	    strspn(text, "0123456789xX") == head) {
		struct cand *ids;
		size_t n, first = out->n;
		rc = pattern_ids(st, ss, text, protocol, substatus, limit - out->n, &ids, &n, cause);
		if (rc == 0)
			rc = fetch_ids(st, ss, ids, n, limit - out->n, out, cause);
		for (size_t i = first; i < out->n; i++) {
			out->v[i].exact = true;
			out->v[i].rank = -1e9 + (double)(i - first);
		}
		free(ids);
		return rc;
	}
	rc = store_lookup(st, protocol, text, &found, cause);
	for (size_t i = 0; rc == 0 && i < found.n && out->n < limit; i++) {
		struct sc_hit *h = hit_push(out);
		h->e = found.v[i];
		memset(&found.v[i], 0, sizeof found.v[i]);
		h->exact = true;
		h->rank = -1e9 + (double)i;
	}
	sc_entries_free(&found);
	return rc;
}

/* Rows scored per query on a database of more than SEARCH_RANK_ALL entries:
 * the first this many matches in index order, a bound on the work per key
 * (docs/SEARCH.md, "Cost"). Smaller databases score every match. */
#define SEARCH_RANK_ALL 20000
#define SEARCH_CANDIDATES 200
/* Fewer hits than this with all the words: the best with some follow. */
#define SEARCH_FEW 5

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Runs the plan's match once: every candidate's score, best first. */
static int rank_all(struct store *st, struct search_state *ss, struct search_plan *p,
                    struct cand **out, size_t *nout, char **cause)
{
	char *match = plan_match(p);
	size_t n = 0, cap = 0;
	struct cand *v = NULL;
	int rc;

	*out = NULL;
	*nout = 0;
	if (match == NULL)
		return 0;
	sqlite3_bind_text(ss->rank, 1, match, -1, SQLITE_TRANSIENT);
	sqlite3_bind_pointer(ss->rank, 2, p, "sc_plan", NULL);
	sqlite3_bind_int(ss->rank, 3, ss->nentries > SEARCH_RANK_ALL ? SEARCH_CANDIDATES : -1);
	while ((rc = sqlite3_step(ss->rank)) == SQLITE_ROW) {
		double score = sqlite3_column_double(ss->rank, 1);
		if (score < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].id = sqlite3_column_int64(ss->rank, 0);
		v[n++].score = score;
	}
	sqlite3_reset(ss->rank);
	sqlite3_clear_bindings(ss->rank);
	free(match);
	if (rc != SQLITE_DONE) {
		free(v);
		/* a query FTS5 refused is no hits, never an error on screen */
		if ((sqlite3_errcode(store_db(st)) & 0xFF) == SQLITE_ERROR)
			return 0;
		*cause = store_error(st, SAY("cannot search"));
		return -1;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cand_cmp);
	*out = v;
	*nout = n;
	return 0;
}

void search_add_id(struct buf *b, int64_t x)
{
	char d[24];
	size_t n = 0;
	uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;

	do
		d[sizeof d - ++n] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (x < 0)
		d[sizeof d - ++n] = '-';
	buf_add(b, d + sizeof d - n, n);
}

/* Puts out->v[first..] (rows in any order) into the order of ids. */
static void hits_in_order(struct sc_hits *out, size_t first, const int64_t *ids, size_t n)
{
	struct sc_hit *slot = xcalloc(n ? n : 1, sizeof *slot);
	size_t k = first;

	for (size_t i = first; i < out->n; i++) {
		size_t j = 0;
		while (j < n && ids[j] != out->v[i].e.id)
			j++;
		if (j < n)
			slot[j] = out->v[i];
		else   /* not asked for: never, but never a leak either */
			sc_entry_clear(&out->v[i].e);
	}
	for (size_t j = 0; j < n; j++)
		if (slot[j].e.id == ids[j])
			out->v[k++] = slot[j];
	out->n = k;
	free(slot);
}

/* The entries of the first candidates not yet among the hits, brief (what
 * a list shows), in one statement, appended in candidate order. */
static int fetch_ids(struct store *st, struct search_state *ss, const struct cand *v, size_t n,
                     size_t limit, struct sc_hits *out, char **cause)
{
	struct buf json = {0};
	int64_t *ids = xcalloc(limit ? limit : 1, sizeof *ids);
	size_t take = 0, first = out->n;
	int rc;

	buf_addc(&json, '[');
	for (size_t i = 0; i < n && take < limit; i++) {
		if (hit_has(out, v[i].id))
			continue;
		if (take)
			buf_addc(&json, ',');
		search_add_id(&json, v[i].id);
		ids[take++] = v[i].id;
	}
	buf_addc(&json, ']');
	if (take == 0) {
		buf_free(&json);
		free(ids);
		return 0;
	}
	sqlite3_bind_text(ss->fetch, 1, buf_str(&json), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(ss->fetch)) == SQLITE_ROW) {
		struct sc_hit *h = hit_push(out);
		store_entry_from_row(ss->fetch, 0, &h->e);
		h->e.brief = true;
	}
	sqlite3_reset(ss->fetch);
	buf_free(&json);
	hits_in_order(out, first, ids, take);
	free(ids);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot search"));
		return -1;
	}
	return 0;
}

/* The entries of the best candidates, with their scores. */
static int fetch(struct store *st, struct search_state *ss, const struct search_plan *p,
                 const struct cand *v, size_t n, size_t limit, struct sc_hits *out, char **cause)
{
	size_t first = out->n;

	if (fetch_ids(st, ss, v, n, limit, out, cause) != 0)
		return -1;
	/* scores back onto the hits (both lists are in candidate order) */
	for (size_t i = first, j = 0; i < out->n && j < n; j++) {
		if (v[j].id != out->v[i].e.id)
			continue;
		out->v[i].rank = -v[j].score;
		out->v[i].matched = rank_matched(v[j].score);
		if (out->v[i].matched < p->n)
			out->partial = true;
		i++;
	}
	return 0;
}

/* A name that is the whole query is the best match there is. */
static void promote_exact(struct sc_hits *out, const char *typed)
{
	char *q = str_fold(typed);

	for (size_t i = 0; *q && i < out->n; i++) {
		struct sc_hit *h = &out->v[i];
		if (h->exact || h->fuzzy)
			continue;
		char *en = str_fold(h->e.phrase_en ? h->e.phrase_en : "");
		char *zh = str_fold(h->e.phrase_zh ? h->e.phrase_zh : "");
		if (strcmp(q, en) == 0 || strcmp(q, zh) == 0) {
			h->exact = true;
			double below = fmod(-h->rank, RANK_PER_TIER);
			double words = floor(-h->rank / RANK_PER_WORD);
			h->rank = -(words * RANK_PER_WORD + RANK_EXACT_TIER * RANK_PER_TIER + below);
		}
		free(en);
		free(zh);
	}
	free(q);
}

static int hit_cmp(const void *a, const void *b)
{
	const struct sc_hit *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	/* ties: code order */
	int c = strcmp(x->e.protocol, y->e.protocol);
	if (c)
		return c;
	return x->e.num != y->e.num ? (x->e.num < y->e.num ? -1 : 1)
	                             : (x->e.sub < y->e.sub ? -1 : x->e.sub > y->e.sub);
}

/* The plan's hits: all words; if few, the best with some of them after. */
static int plan_hits(struct store *st, struct search_state *ss, struct search_plan *p, size_t limit,
                     bool typo_first, struct sc_hits *out, char **cause)
{
	struct cand *v;
	size_t n;
	bool unknown = false;

	for (size_t i = 0; i < p->n; i++)
		unknown |= p->c[i].plain && p->c[i].df == 0 && p->codes.n == 0;

	if (rank_all(st, ss, p, &v, &n, cause) != 0 ||
	    fetch(st, ss, p, v, n, limit - out->n, out, cause) != 0) {
		free(v);
		return -1;
	}
	free(v);
	/* a word no entry has is likely a typo: "did you mean" goes first */
	if (n < SEARCH_FEW && p->n > 1 && out->n < limit && !(typo_first && unknown && n == 0)) {
		p->any = true;
		int rc = rank_all(st, ss, p, &v, &n, cause);
		if (rc == 0)
			rc = fetch(st, ss, p, v, n, limit - out->n, out, cause);
		free(v);
		p->any = false;
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Only protocol words ("websocket"): that protocol's top-level codes (no
 * ranges), by prior (registered codes first), then in code order; read as
 * ids through the index on plain codes, then fetched. */
static int protocol_hits(struct store *st, struct search_state *ss, const char *protocol, size_t limit,
                         struct sc_hits *out, char **cause)
{
	struct cand *v = NULL;
	size_t n = 0, cap = 0, first = out->n;
	int rc;

	sqlite3_bind_text(ss->plain, 1, protocol, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(ss->plain)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ss->plain, 0);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].id = id;
		/* by prior, then in code order (the statement's order) */
		v[n].score = (id >= 0 && (size_t)id < ss->nprior / 2 ? ss->prior[2 * id] : 0) * 1e6 - (double)n;
		n++;
	}
	sqlite3_reset(ss->plain);
	if (rc != SQLITE_DONE) {
		free(v);
		*cause = store_error(st, SAY("cannot search"));
		return -1;
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cand_cmp);
	rc = fetch_ids(st, ss, v, n, limit - out->n, out, cause);
	for (size_t i = first; i < out->n; i++)
		out->v[i].rank = (double)(i - first);
	free(v);
	return rc;
}

/* Codes typed among words ("502 Bad Gateway nginx"): each entry with that
 * code goes first, those the words match too before the others. */
static int code_word_hits(struct store *st, struct search_state *ss, const struct search_plan *p, size_t limit,
                          struct sc_hits *out, char **cause)
{
	size_t text_hits = out->n;

	for (size_t c = 0; c < p->codes.n; c++) {
		struct sc_hits found = {0};
		if (code_hits(st, ss, p->codes.v[c], p->protocol_id, false, limit, &found, cause) != 0) {
			sc_hits_free(&found);
			return -1;
		}
		for (size_t i = 0; i < found.n; i++) {
			bool seen = false;
			for (size_t k = 0; k < text_hits; k++)
				if (out->v[k].e.id == found.v[i].e.id) {
					out->v[k].rank -= 1e9;
					out->v[k].exact = true;
					seen = true;
				}
			if (seen || hit_has(out, found.v[i].e.id) || (p->substatus && found.v[i].e.sub < 0))
				continue;
			struct sc_hit *h = hit_push(out);
			h->e = found.v[i].e;
			memset(&found.v[i].e, 0, sizeof found.v[i].e);
			h->exact = true;
			h->rank = -5e8 + (double)i;
		}
		sc_hits_free(&found);
	}
	return 0;
}

/* A code typed alone: 404 (and the range holding it), a pattern (40x, and
 * 40 as 40x), or with "iis" its sub-status codes. */
static int whole_code_hits(struct store *st, struct search_state *ss, const struct search_plan *p, size_t limit,
                           struct sc_hits *out, char **cause)
{
	char pat[16];
	const char *code = p->typed;
	size_t n = strlen(code);

	if (n == 2 && strspn(code, "0123456789") == 2) {
		snprintf(pat, sizeof pat, "%sx", code);
		code = pat;
	}
	if (!search_is_code(code))
		return 0;
	return code_hits(st, ss, code, p->protocol_id, p->substatus && strspn(code, "0123456789") == n,
	                 limit, out, cause);
}

/* A search of text: code hits, then the plan's hits. */
static int search_once(struct store *st, struct search_state *ss, const char *text, const char *protocol,
                       size_t limit, bool prefix, bool typo_first, struct sc_hits *out, char **cause)
{
	struct search_plan p;
	int rc = plan_build(st, ss, text, protocol, prefix, &p, cause);

	if (rc == 0 && p.codes.n == 0)
		rc = whole_code_hits(st, ss, &p, limit, out, cause);
	if (rc == 0 && p.only_narrowing && p.protocol_id)
		rc = protocol_hits(st, ss, p.protocol_id, limit, out, cause);
	if (rc == 0 && out->n < limit)
		rc = plan_hits(st, ss, &p, limit, typo_first, out, cause);
	if (rc == 0 && out->n == 0 && p.vendor) {
		/* no code of that vendor has the words: the words alone */
		free(p.vendor);
		p.vendor = NULL;
		rc = plan_hits(st, ss, &p, limit, typo_first, out, cause);
	}
	if (rc == 0 && p.codes.n)
		rc = code_word_hits(st, ss, &p, limit, out, cause);
	if (rc == 0) {
		out->words = p.n;
		for (size_t i = 0; i < p.terms.n; i++) {
			out->terms.v = xreallocarray(out->terms.v, out->terms.n + 1, sizeof *out->terms.v);
			out->terms.v[out->terms.n++] = xstrdup(p.terms.v[i]);
		}
		promote_exact(out, p.typed);
	}
	if (rc == 0 && out->n == 0 && !prefix) {
		/* "authenti": a word not finished is still a word begun */
		plan_free(&p);
		if ((rc = plan_build(st, ss, text, protocol, true, &p, cause)) == 0)
			rc = plan_hits(st, ss, &p, limit, typo_first, out, cause);
	}
	plan_free(&p);
	return rc;
}

/* Nothing matched: the query again with each unknown word replaced by the
 * commonest index term one or two edits away. */
static int did_you_mean(struct store *st, struct search_state *ss, const char *text, const char *protocol,
                        size_t limit, struct sc_hits *out, char **cause)
{
	struct strv pieces = {0};
	struct buf fixed = {0};
	bool changed = false;
	char term[128];
	int rc = 0;

	query_split(text, &pieces);
	for (size_t i = 0; i < pieces.n; i++) {
		const char *w = pieces.v[i];
		bool alpha = strlen(w) >= 4;
		for (const char *q = w; *q && alpha; q++)
			alpha = isalpha((unsigned char)*q) != 0;
		if (fixed.len)
			buf_addc(&fixed, ' ');
		if (alpha && !store_protocol_id(w) && plan_close_term(ss, w, term, sizeof term)) {
			char *low = xstrdup(w);
			for (char *q = low; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			changed |= strcmp(low, term) != 0;
			free(low);
			buf_adds(&fixed, term);
		} else {
			buf_adds(&fixed, w);
		}
	}
	if (changed && (rc = search_once(st, ss, buf_str(&fixed), protocol, limit, false, true, out, cause)) == 0 &&
	    out->n > 0) {
		for (size_t i = 0; i < out->n; i++)
			out->v[i].fuzzy = true;
		out->suggest = buf_detach(&fixed);
	}
	buf_free(&fixed);
	strv_free(&pieces);
	return rc;
}

/* Hits ranked at least, whatever the limit: a name that is the whole query
 * is promoted among the hits fetched, so with fewer fetched "-n 1 已创建"
 * gave FTP 257 (已创建路径名), not 201 (已创建), the first of the default
 * list. Small limits are the first rows of this many. */
#define SEARCH_RANK_MIN 20

/* The best limit hits for trimmed, ranked, without snippets. */
static int search_ranked(struct store *st, struct search_state *ss, const char *trimmed, const char *protocol,
                         size_t limit, bool prefix, struct sc_hits *out, char **cause)
{
	size_t ask = limit < SEARCH_RANK_MIN ? SEARCH_RANK_MIN : limit;
	int rc = search_once(st, ss, trimmed, protocol, ask, prefix, true, out, cause);
	if (rc == 0 && out->n == 0)
		rc = did_you_mean(st, ss, trimmed, protocol, ask, out, cause);
	if (rc == 0 && out->n == 0) {
		/* no close word either: the best of what the words do match */
		sc_hits_free(out);
		rc = search_once(st, ss, trimmed, protocol, ask, prefix, false, out, cause);
	}
	if (rc == 0 && out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, hit_cmp);
	while (rc == 0 && out->n > limit)
		sc_hit_clear(&out->v[--out->n]);
	return rc;
}

/* Registered codes are kept after ranking; the ranking is asked for more
 * hits (four times as many each round) until limit of them are left or
 * there are no more, so that a filter never hides a registered code that
 * ranks below limit unregistered ones. */
#define SEARCH_ASK_MAX 10000

int store_search(struct store *st, const char *text, const char *protocol, size_t limit,
                 unsigned flags, struct sc_hits *out, char **cause)
{
	char *clean = text_clean(text, strnlen(text, 1 << 16));
	char *trimmed = str_trim(clean);
	struct search_state *ss = search_state(st, cause);
	bool prefix = flags & SEARCH_PREFIX;
	int rc = ss ? 0 : -1;

	*cause = ss ? NULL : *cause;
	if (limit == 0)
		limit = 50;
	store_read_begin(st);
	for (size_t ask = limit; rc == 0; ask *= 4) {
		rc = search_ranked(st, ss, trimmed, protocol, ask, prefix, out, cause);
		if (rc != 0 || !(flags & SEARCH_REGISTERED))
			break;
		size_t got = out->n;
		sc_hits_keep_registered(out);
		if (out->n >= limit || got < ask || ask >= SEARCH_ASK_MAX)
			break;
		sc_hits_free(out);
	}
	if (rc == 0) {
		while (out->n > limit)
			sc_hit_clear(&out->v[--out->n]);
		rc = search_snippets(st, ss, trimmed, out, cause);
	}
	store_read_end(st);
	free(clean);
	if (rc != 0)
		sc_hits_free(out); /* no partial results: they were never freed */
	return rc;
}
