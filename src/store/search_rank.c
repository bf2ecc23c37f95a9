/* search_rank.c: the score of one matching row (the FTS5 auxiliary
 * function sc_rank), and the per-connection state the search keeps. The
 * formula is the one docs/SEARCH.md documents; keep them together. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "search_int.h"
#include "store_int.h"
#include "tokenizer.h"
#include "say.h"
#include "xmalloc.h"

/* Column weights of the search table (code, phrase, alias, summary,
 * detail): a name counts more than a summary, a summary more than details. */
static const double rank_colw[] = { 10.0, 8.0, 6.0, 3.0, 1.0 };
#define RANK_NCOLS 5
#define RANK_NAME_COLS 3   /* code, phrase, alias are names */
#define RANK_MAX_INST 256  /* instances looked at per row */

struct rank_row {
	double best[PLAN_MAX_CONCEPTS];
	int    count[PLAN_MAX_CONCEPTS];
	bool   name[PLAN_MAX_CONCEPTS];
	/* (column, offset) of each instance, by concept, for adjacency */
	int    inst_c[RANK_MAX_INST], inst_col[RANK_MAX_INST], inst_off[RANK_MAX_INST];
	int    ninst;
};

/* Do the concepts appear in the order typed, each right after the last,
 * in one column? (A whole phrase, not scattered words.) */
static bool rank_adjacent(const struct rank_row *r, size_t nconcepts)
{
	for (size_t k = 0; k + 1 < nconcepts; k++) {
		bool found = false;
		for (int i = 0; i < r->ninst && !found; i++) {
			if (r->inst_c[i] != (int)k)
				continue;
			for (int j = 0; j < r->ninst && !found; j++)
				found = r->inst_c[j] == (int)k + 1 && r->inst_col[j] == r->inst_col[i] &&
				        r->inst_off[j] > r->inst_off[i] && r->inst_off[j] <= r->inst_off[i] + 4;
		}
		if (!found)
			return false;
	}
	return true;
}

/* sc_rank(search, plan): higher is better; -1 for a row the plan's
 * protocol or sub-status filter leaves out. */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nval, sqlite3_value **val)
{
	const struct search_plan *p = nval == 1 ? sqlite3_value_pointer(val[0], "sc_plan") : NULL;
	struct rank_row r;
	int ninst = 0;

	if (p == NULL) {
		sqlite3_result_error(ctx, "sc_rank: no plan", -1);
		return;
	}
	sqlite3_int64 id = api->xRowid(fts);
	int level = 0, proto = 0;
	if (id >= 0 && (size_t)id < p->nprior / 2) {
		level = p->prior[2 * id];
		proto = p->prior[2 * id + 1] & 0x7F;
		if ((p->protocol && proto != p->protocol) ||
		    (p->substatus && !(p->prior[2 * id + 1] & 0x80))) {
			sqlite3_result_double(ctx, -1.0);
			return;
		}
	}
	memset(&r, 0, sizeof r);
	if (api->xInstCount(fts, &ninst) != SQLITE_OK)
		ninst = 0;
	for (int i = 0; i < ninst && i < RANK_MAX_INST; i++) {
		int ip, ic, io;
		if (api->xInst(fts, i, &ip, &ic, &io) != SQLITE_OK || ip < 0 || ip >= p->nphrases ||
		    ic < 0 || ic >= RANK_NCOLS)
			continue;
		int c = p->phrase_concept[ip];
		if (c < 0)
			continue;
		if (rank_colw[ic] > r.best[c])
			r.best[c] = rank_colw[ic];
		r.count[c]++;
		r.name[c] |= ic < RANK_NAME_COLS;
		r.inst_c[r.ninst] = c;
		r.inst_col[r.ninst] = ic;
		r.inst_off[r.ninst++] = io;
	}
	size_t matched = 0;
	bool names = true;
	double text = 0, most = 0, got = 0, all = 0;
	for (size_t c = 0; c < p->n; c++) {
		most += p->c[c].idf * rank_colw[0] * 1.3;
		all += p->c[c].idf;
		if (r.best[c] <= 0)
			continue;
		matched++;
		got += p->c[c].idf;
		names &= r.name[c];
		int extra = r.count[c] > 4 ? 3 : r.count[c] - 1;
		text += p->c[c].idf * r.best[c] * (1.0 + 0.1 * extra);
	}
	double tier = 0;
	if (matched > 0 && names)
		tier = 2;
	if (matched == p->n && p->n > 1 && rank_adjacent(&r, p->n))
		tier += tier > 0 ? 0.5 : 1;
	/* the share of the query's weight matched, in tenths: all of it when
	 * every concept matched */
	double share = matched == p->n ? 10 : all > 0 ? floor(10.0 * got / all) : 0;
	if (share >= 10 && matched < p->n)
		share = 9;
	double norm = most > 0 ? 100.0 * text / most : 0;
	double prior = 0.25 + 1.5 * (double)level / 255.0;
	double t = norm * prior;
	t = floor((t > RANK_TEXT_MAX ? RANK_TEXT_MAX : t) * 100.0) / 100.0;
	sqlite3_result_double(ctx, share * RANK_PER_WORD + tier * RANK_PER_TIER + t +
	                           (double)matched * 1e-4);
}

size_t rank_matched(double score)
{
	double frac = fmod(score, 0.01);
	return (size_t)llround(frac * 1e4);
}

int rank_register(sqlite3 *db)
{
	fts5_api *api;
	int rc = tokenizer_api(db, &api);

	if (rc != SQLITE_OK)
		return rc;
	return api->xCreateFunction(api, "sc_rank", NULL, rank_fn, NULL);
}

static void state_free(void *v)
{
	struct search_state *ss = v;

	if (ss == NULL)
		return;
	sqlite3_finalize(ss->term_doc);
	sqlite3_finalize(ss->prefix_terms);
	sqlite3_finalize(ss->syn_groups);
	sqlite3_finalize(ss->syn_terms);
	sqlite3_finalize(ss->rank);
	sqlite3_finalize(ss->fetch);
	sqlite3_finalize(ss->texts);
	sqlite3_finalize(ss->vocab);
	sqlite3_finalize(ss->pattern);
	sqlite3_finalize(ss->plain);
	sqlite3_finalize(ss->protocols);
	tokenizer_close(ss->tok);
	free(ss->prior);
	free(ss);
}

static int state_prepare(sqlite3 *db, struct search_state *ss)
{
	const struct { sqlite3_stmt **s; const char *sql; } q[] = {
		{ &ss->term_doc, "SELECT doc FROM termstat WHERE term = ?1" },
		/* completions of a prefix, most documents first */
		{ &ss->prefix_terms, "SELECT term, doc FROM termstat WHERE term >= ?1 AND term < ?2"
		                     " ORDER BY doc DESC LIMIT ?3" },
		{ &ss->syn_groups, "SELECT grp FROM synonym WHERE key = ?1" },
		{ &ss->syn_terms, "SELECT DISTINCT s.term FROM synonym s WHERE s.grp IN"
		                  " (SELECT b.grp FROM synonym a JOIN synonym b ON b.key = a.key"
		                  "  WHERE a.grp = ?1) ORDER BY s.term" },
		{ &ss->rank, "SELECT rowid, sc_rank(search, ?2) FROM search WHERE search MATCH ?1 LIMIT ?3" },
		/* hits, brief, in any order (search.c puts them in order) */
		{ &ss->fetch, "SELECT " ENTRY_BRIEF_COLS("e") " FROM json_each(?1) j JOIN entry e ON e.id = j.value" },
		/* the texts of brief hits, for their snippets */
		{ &ss->texts, "SELECT e.id, e.summary_en, e.summary_zh, e.detail_en, e.detail_zh, e.check_en,"
		              " e.check_zh FROM json_each(?1) j JOIN entry e ON e.id = j.value" },
		{ &ss->vocab, "SELECT term, doc FROM termstat WHERE term >= ?1 AND term < ?2" },
		/* the order build_prior() numbers protocols in */
		{ &ss->protocols, "SELECT id FROM protocol ORDER BY sort" },
		/* a protocol's top-level codes, through the index on plain codes */
		{ &ss->plain, "SELECT e.id FROM entry e WHERE e.sub IS NULL AND e.num >= 0"
		              " AND +e.protocol = ?1 AND +e.hi = e.num ORDER BY +e.sort_key" },
		/* codes matching a pattern, ids only: the plain codes through the
		 * (num, hi) index, then sub-status codes in code order through the
		 * sort_key index, which LIMIT stops early */
		{ &ss->pattern, "SELECT id FROM (SELECT e.id FROM entry e JOIN protocol p ON p.id = e.protocol"
		                " WHERE e.num BETWEEN ?2 AND ?3 AND e.sub IS NULL AND ?5 = 0"
		                " AND (?1 IS NULL OR +e.protocol = ?1) AND +e.code LIKE ?4"
		                " ORDER BY p.sort, e.sort_key LIMIT ?6)"
		                " UNION ALL SELECT id FROM (SELECT e.id FROM entry e"
		                " WHERE e.sort_key BETWEEN ?2 * 10000 + 1 AND ?3 * 10000 + 9999"
		                " AND +e.sub IS NOT NULL AND (?1 IS NULL OR +e.protocol = ?1)"
		                " AND +e.code LIKE ?4 || '.%' ORDER BY e.sort_key LIMIT ?6)" },
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
		if (sqlite3_prepare_v3(db, q[i].sql, -1, SQLITE_PREPARE_PERSISTENT, q[i].s, NULL) != SQLITE_OK)
			return -1;
	return 0;
}

struct search_state *search_state(struct store *st, char **cause)
{
	struct search_state *ss = store_search_state(st);
	sqlite3_stmt *s;

	if (ss)
		return ss;
	ss = xcalloc(1, sizeof *ss);
	if (rank_register(store_db(st)) != SQLITE_OK || state_prepare(store_db(st), ss) != 0 ||
	    tokenizer_open(store_db(st), &ss->tok) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot search"));
		state_free(ss);
		return NULL;
	}
	if (sqlite3_prepare_v2(store_db(st), "SELECT data FROM search_prior WHERE id = 1", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW) {
			const void *b = sqlite3_column_blob(s, 0);
			int n = sqlite3_column_bytes(s, 0);
			if (b && n > 0) {
				ss->prior = xmalloc((size_t)n);
				memcpy(ss->prior, b, (size_t)n);
				ss->nprior = (size_t)n;
			}
		}
		sqlite3_finalize(s);
	}
	ss->nentries = store_entry_count(st);
	store_set_search_state(st, ss, state_free);
	return ss;
}
