#include "config.h"
#include "search.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "query.h"
#include "store_int.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

void sc_hits_free(struct sc_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		sc_entry_clear(&h->v[i].e);
		free(h->v[i].snippet);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
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

/* Code hits: exact codes, ranges holding the number, pattern matches. */
static int code_hits(struct store *st, const char *text, const char *protocol, size_t limit,
                     struct sc_hits *out, char **cause)
{
	struct sc_entries found = {0};
	int rc;

	if (strchr(text, 'x') || strchr(text, 'X'))
		rc = store_list(st, protocol, text, &found, cause);
	else
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

/* Above this many entries, a last word of up to SEARCH_SHORT_PREFIX
 * characters typed so far is not ranked as a prefix: it matches a large
 * part of the index, and bm25 would score every match before the first
 * screenful. Exact words are ranked first, then prefix matches follow in
 * index order. */
#define SEARCH_RANK_ALL 20000
#define SEARCH_SHORT_PREFIX 3
/* On such a database, a query that matches more than this many entries is
 * ranked among its first SEARCH_RANK_MAX matches in index order only:
 * bm25 costs time in proportion to the matches it scores. */
#define SEARCH_RANK_MAX 4000

/* How many hits get a snippet (the ones a screen shows first). */
#define SEARCH_SNIPPETS 20

/* The weight of a hit beyond its text: registered top-level codes are what
 * most people mean, IIS sub-status codes rarely. bm25 is negative, lower
 * is better, so a weight above 1 ranks higher. */
static double hit_weight(const struct sc_entry *e)
{
	return (e->sub >= 0 ? 0.6 : 1.0) * (e->status && strcmp(e->status, "standard") == 0 ? 1.25 : 1.0);
}

/* Full-text hits, best first. FTS5 ranks by the bm25 the index is
 * configured with (column weights: code > phrase > alias > summary >
 * detail) and hands over twice the candidates needed, with their entries
 * from the same query; the weighting above reorders them. */
static int fts_hits(struct store *st, const char *match, const char *protocol, size_t limit,
                    bool ranked, struct sc_hits *out, char **cause)
{
	sqlite3_stmt *s;
	size_t before = out->n;
	int rc;

	sqlite3_int64 cut = INT64_MAX;

	if (ranked && store_entry_count(st) > SEARCH_RANK_ALL) {
		/* the rowid of the SEARCH_RANK_MAXth match, if there are that many */
		if (sqlite3_prepare_v2(store_db(st),
		        "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid LIMIT 1 OFFSET ?2",
		        -1, &s, NULL) == SQLITE_OK) {
			sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(s, 2, SEARCH_RANK_MAX - 1);
			if (sqlite3_step(s) == SQLITE_ROW)
				cut = sqlite3_column_int64(s, 0);
			sqlite3_finalize(s);
		}
	}
	if (ranked)
		rc = sqlite3_prepare_v2(store_db(st),
		        "SELECT " ENTRY_COLS("e") ", search.rank"
		        " FROM search JOIN entry e ON e.id = search.rowid"
		        " WHERE search MATCH ?1 AND (?2 IS NULL OR e.protocol = ?2) AND search.rowid <= ?4"
		        " ORDER BY search.rank LIMIT ?3", -1, &s, NULL);
	else
		rc = sqlite3_prepare_v2(store_db(st),
		        "SELECT " ENTRY_COLS("e") ", 0"
		        " FROM search JOIN entry e ON e.id = search.rowid"
		        " WHERE search MATCH ?1 AND (?2 IS NULL OR e.protocol = ?2) LIMIT ?3", -1, &s, NULL);
	if (rc != SQLITE_OK) {
		*cause = store_error(st, "cannot search");
		return -1;
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
	if (protocol)
		sqlite3_bind_text(s, 2, protocol, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)(limit * 2 + 10));
	if (ranked)
		sqlite3_bind_int64(s, 4, cut);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (hit_has(out, sqlite3_column_int64(s, 0)))
			continue;
		struct sc_hit *h = hit_push(out);
		store_entry_from_row(s, 0, &h->e);
		h->rank = ranked ? sqlite3_column_double(s, ENTRY_NCOLS) * hit_weight(&h->e)
		                 : 1e6 + (double)(out->n - before); /* after every ranked hit */
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		/* a query FTS5 refused is no hits, never an error on screen */
		int base = sqlite3_errcode(store_db(st)) & 0xFF;
		if (base == SQLITE_ERROR)
			return 0;
		*cause = store_error(st, "cannot search");
		return -1;
	}
	return 0;
}

/* Snippets with the match marked, for the first hits only. */
/* A snippet as text_clean() shows it, keeping the \1 and \2 that mark
 * the matched words (the renderers turn them into highlighting). Caller
 * frees. */
static char *snippet_clean(const char *s, size_t n)
{
	struct buf b = {0};
	size_t i = 0;

	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '\1' && s[j] != '\2')
			j++;
		char *piece = text_clean(s + i, j - i);
		buf_adds(&b, piece);
		free(piece);
		if (j < n)
			buf_addc(&b, s[j++]);
		i = j;
	}
	return buf_detach(&b);
}

static int add_snippets(struct store *st, const char *match, struct sc_hits *out, char **cause)
{
	sqlite3_stmt *s;

	if (match == NULL || out->n == 0)
		return 0;
	if (sqlite3_prepare_v2(store_db(st),
	        "SELECT snippet(search, -1, char(1), char(2), '…', 24) FROM search"
	        " WHERE search MATCH ?1 AND rowid = ?2", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, "cannot search");
		return -1;
	}
	sqlite3_bind_text(s, 1, match, -1, SQLITE_TRANSIENT);
	for (size_t i = 0; i < out->n && i < SEARCH_SNIPPETS; i++) {
		struct sc_hit *h = &out->v[i];
		if (h->snippet || h->fuzzy)
			continue;
		sqlite3_bind_int64(s, 2, h->e.id);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
			h->snippet = snippet_clean((const char *)sqlite3_column_text(s, 0),
			                           (size_t)sqlite3_column_bytes(s, 0));
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return 0;
}

/* Moves hits whose phrase equals the query to the front (after codes). */
static void promote_exact(struct sc_hits *out, const char *text)
{
	char *q = str_fold(text);

	for (size_t i = 0; i < out->n; i++) {
		struct sc_hit *h = &out->v[i];
		if (h->exact)
			continue;
		char *en = str_fold(h->e.phrase_en ? h->e.phrase_en : "");
		char *zh = str_fold(h->e.phrase_zh ? h->e.phrase_zh : "");
		if (*q && (strcmp(q, en) == 0 || strcmp(q, zh) == 0)) {
			h->exact = true;
			h->rank = -1e6 + h->rank;
		}
		free(en);
		free(zh);
	}
	free(q);
}

static int hit_cmp(const void *a, const void *b)
{
	const struct sc_hit *x = a, *y = b;
	return x->rank < y->rank ? -1 : x->rank > y->rank ? 1 : 0;
}

/* Edit distance of the query to the closest word run of a name. */
static size_t name_distance(const char *q, const char *name, size_t max)
{
	char *f = str_fold(name ? name : "");
	size_t d = *f ? str_distance(q, f, max) : max + 1;
	free(f);
	return d;
}

/* No hits: offer entries whose phrase or alias is a few edits away. */
static int fuzzy_hits(struct store *st, const char *text, const char *protocol, size_t limit,
                      struct sc_hits *out, char **cause)
{
	sqlite3_stmt *s;
	char *q = str_fold(text);
	size_t qlen = strlen(q), max = qlen <= 4 ? 1 : qlen <= 8 ? 2 : 3;
	int rc;

	if (qlen < 3 || qlen > 64) {
		free(q);
		return 0;
	}
	rc = sqlite3_prepare_v2(store_db(st),
	        "SELECT e.id, e.phrase_en, e.phrase_zh,"
	        " (SELECT group_concat(a.name, char(10)) FROM alias a WHERE a.entry_id = e.id)"
	        " FROM entry e WHERE (?1 IS NULL OR e.protocol = ?1)", -1, &s, NULL);
	if (rc != SQLITE_OK) {
		free(q);
		*cause = store_error(st, "cannot search");
		return -1;
	}
	if (protocol)
		sqlite3_bind_text(s, 1, protocol, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t best = max + 1, d;
		const char *names[] = { (const char *)sqlite3_column_text(s, 1),
		                        (const char *)sqlite3_column_text(s, 2) };
		for (size_t i = 0; i < 2; i++)
			if ((d = name_distance(q, names[i], max)) < best)
				best = d;
		const unsigned char *al = sqlite3_column_text(s, 3);
		if (al) {
			char *copy = xstrdup((const char *)al);
			for (char *a = strtok(copy, "\n"); a; a = strtok(NULL, "\n"))
				if ((d = name_distance(q, a, max)) < best)
					best = d;
			free(copy);
		}
		if (best > max)
			continue;
		struct sc_hit *h = hit_push(out);
		if (store_entry_by_id(st, sqlite3_column_int64(s, 0), &h->e, cause) != 0) {
			out->n--;
			sqlite3_finalize(s);
			free(q);
			return -1;
		}
		h->fuzzy = true;
		h->rank = (double)best;
	}
	sqlite3_finalize(s);
	free(q);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, "cannot search");
		return -1;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, hit_cmp);
	while (out->n > limit)
		sc_entry_clear(&out->v[--out->n].e);
	return 0;
}

int store_search(struct store *st, const char *text, const char *protocol, size_t limit,
                 bool prefix, struct sc_hits *out, char **cause)
{
	char *clean = text_clean(text, strnlen(text, 1 << 16));
	char *trimmed = str_trim(clean);
	char *match = NULL;
	int rc = 0;

	*cause = NULL;
	if (limit == 0)
		limit = 50;
	if (search_is_code(trimmed))
		rc = code_hits(st, trimmed, protocol, limit, out, cause);
	if (rc == 0 && out->n < limit && (match = query_build(trimmed, prefix)) != NULL) {
		size_t tail = 0, n = strlen(trimmed);
		while (tail < n && isalnum((unsigned char)trimmed[n - 1 - tail]))
			tail++;
		char *exact = prefix ? query_build(trimmed, false) : NULL;
		if (exact && strcmp(exact, match) != 0 && tail <= SEARCH_SHORT_PREFIX &&
		    store_entry_count(st) > SEARCH_RANK_ALL) {
			rc = fts_hits(st, exact, protocol, limit, true, out, cause);
			if (rc == 0 && out->n < limit)
				rc = fts_hits(st, match, protocol, limit - out->n, false, out, cause);
		} else {
			rc = fts_hits(st, match, protocol, limit, true, out, cause);
		}
		free(exact);
	}
	if (rc == 0 && out->n == 0 && !prefix) {
		/* "authenti": a word not finished is still a word begun */
		free(match);
		if ((match = query_build(trimmed, true)) != NULL)
			rc = fts_hits(st, match, protocol, limit, true, out, cause);
	}
	if (rc == 0) {
		promote_exact(out, trimmed);
		if (out->n > 1)
			qsort(out->v, out->n, sizeof *out->v, hit_cmp);
		while (out->n > limit) {
			struct sc_hit *h = &out->v[--out->n];
			sc_entry_clear(&h->e);
			free(h->snippet);
		}
		rc = add_snippets(st, match, out, cause);
		if (rc == 0 && out->n == 0)
			rc = fuzzy_hits(st, trimmed, protocol, limit, out, cause);
	}
	free(match);
	free(clean);
	return rc;
}
