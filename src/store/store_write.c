/* store_write.c: the writer the importer uses, and the reads only the
 * importer needs. */
#include "config.h"
#include "store_write.h"

#include <stdlib.h>
#include <string.h>

#include <math.h>
#include <stdbool.h>

#include "store_int.h"
#include "str.h"
#include "say.h"
#include "xmalloc.h"


/* Binds a NULL-terminated list of text values to ?1, ?2, ... */
static void bind_texts(sqlite3_stmt *s, int first, const char *const *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (v[i])
			sqlite3_bind_text(s, first + i, v[i], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, first + i);
	}
}

/* Prepares sql (once per connection), binds texts then ints, steps it once. Returns the last insert
 * rowid (or 1 when nothing was inserted), or -1 with *cause. */
static int64_t run(struct store *st, const char *sql, const char *const *texts, int ntexts,
                   const int64_t *ints, int nints, char **cause)
{
	sqlite3_stmt *s = store_cached(st, sql);
	int rc;

	if (s == NULL) {
		*cause = store_error(st, SAY("cannot write"));
		return -1;
	}
	bind_texts(s, 1, texts, ntexts);
	for (int i = 0; i < nints; i++)
		sqlite3_bind_int64(s, ntexts + 1 + i, ints[i]);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_error(st, SAY("cannot write"));
		return -1;
	}
	int64_t id = sqlite3_last_insert_rowid(store_db(st));
	return id > 0 ? id : 1;
}

static int exec(struct store *st, const char *sql, char **cause)
{
	if (sqlite3_exec(store_db(st), sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot write"));
		return -1;
	}
	return 0;
}

int store_begin(struct store *st, char **cause) { return exec(st, "BEGIN IMMEDIATE", cause); }
int store_commit(struct store *st, char **cause) { return exec(st, "COMMIT", cause); }
void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(store_db(st)))
		sqlite3_exec(store_db(st), "ROLLBACK", NULL, NULL, NULL);
}

int64_t store_add_source(struct store *st, const struct source_info *s, char **cause)
{
	const char *t[] = { s->file, s->kind, s->format, s->title, s->author, s->date, s->language };
	int64_t n[] = { s->bytes, s->lines, s->rows };
	return run(st, "INSERT INTO source(file, kind, format, title, author, date, language,"
	               " bytes, lines, rows) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	           t, 7, n, 3, cause);
}

int store_set_source_rows(struct store *st, int64_t source_id, int64_t rows, char **cause)
{
	int64_t n[] = { rows, source_id };
	return run(st, "UPDATE source SET rows = ?1 WHERE id = ?2", NULL, 0, n, 2, cause) < 0 ? -1 : 0;
}

int64_t store_source_repeat(struct store *st, int64_t source_id, char **cause)
{
#define CLAIMS_OF(src) "SELECT line, label, field, lang, value FROM claim WHERE source_id = " src
	sqlite3_stmt *s = store_cached(st,
		"SELECT o.id FROM source o JOIN source n ON n.id = ?1"
		" WHERE o.id <> n.id AND o.format = n.format AND o.bytes = n.bytes AND o.lines = n.lines"
		" AND (SELECT count(*) FROM claim WHERE source_id = o.id)"
		"   = (SELECT count(*) FROM claim WHERE source_id = n.id)"
		" AND NOT EXISTS (" CLAIMS_OF("n.id") " EXCEPT " CLAIMS_OF("o.id") ")"
		" AND NOT EXISTS (" CLAIMS_OF("o.id") " EXCEPT " CLAIMS_OF("n.id") ")"
		" ORDER BY o.id LIMIT 1");
#undef CLAIMS_OF
	int rc;
	int64_t id = 0;

	if (s == NULL) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	sqlite3_bind_int64(s, 1, source_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return id;
}

int store_add_protocol(struct store *st, const struct protocol_info *p, int sort, char **cause)
{
	const char *t[] = { p->id, p->name_en, p->name_zh, p->desc_en, p->desc_zh };
	int64_t n[] = { sort };
	return run(st, "INSERT INTO protocol(id, name_en, name_zh, desc_en, desc_zh, sort)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", t, 5, n, 1, cause) < 0 ? -1 : 0;
}

int store_add_class(struct store *st, const struct class_info *c, char **cause)
{
	const char *t[] = { c->protocol, c->id, c->name_en, c->name_zh, c->desc_en, c->desc_zh };
	int64_t n[] = { c->lo, c->hi };
	return run(st, "INSERT INTO class(protocol, id, name_en, name_zh, desc_en, desc_zh, lo, hi)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", t, 6, n, 2, cause) < 0 ? -1 : 0;
}

int store_class_fill(struct store *st, const char *protocol, const char *id,
                     const char *name_zh, const char *desc_zh, char **cause)
{
	const char *t[] = { protocol, id, name_zh, desc_zh };
	return run(st, "UPDATE class SET name_zh = coalesce(name_zh, ?3), desc_zh = coalesce(desc_zh, ?4)"
	               " WHERE protocol = ?1 AND id = ?2", t, 4, NULL, 0, cause) < 0 ? -1 : 0;
}

int64_t store_entry_ensure(struct store *st, const char *protocol, const char *code,
                           int num, int sub, int hi, char **cause)
{
	sqlite3_stmt *s;
	int64_t id = 0;
	const char *t[] = { protocol, code };

	if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM entry WHERE protocol = ?1 AND code = ?2",
	                       -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	bind_texts(s, 1, t, 2);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (id > 0)
		return id;
	/* the class is the narrowest range that holds the number; a sub-status
	 * hangs under its parent code */
	char *fallback = xasprintf("%dxx", num >= 100 && num < 1000 ? num / 100 : 0);
	const char *t2[] = { protocol, code, fallback };
	int64_t n[] = { num, sub, hi, (int64_t)num * 10000 + (sub >= 0 ? sub + 1 : 0) };
	id = run(st, "INSERT INTO entry(protocol, code, class, num, sub, hi, sort_key, status, parent)"
	             " VALUES(?1, ?2,"
	             " coalesce((SELECT id FROM class WHERE protocol = ?1 AND ?4 BETWEEN lo AND hi"
	             "           ORDER BY hi - lo LIMIT 1), ?3),"
	             " ?4, nullif(?5, -1), ?6, ?7, 'unverified',"
	             " CASE WHEN ?5 >= 0 THEN (SELECT id FROM entry WHERE protocol = ?1 AND code = CAST(?4 AS TEXT)) END)",
	         t2, 3, n, 4, cause);
	free(fallback);
	if (id > 0 && sub < 0) {
		/* sub-status codes imported before their parent */
		int64_t m[] = { id, num };
		const char *t3[] = { protocol };
		if (run(st, "UPDATE entry SET parent = ?2 WHERE protocol = ?1 AND num = ?3 AND sub IS NOT NULL",
		        t3, 1, m, 2, cause) < 0)
			return -1;
	}
	return id;
}

int store_entry_update(struct store *st, const struct sc_entry *e, char **cause)
{
	const char *t[] = { e->phrase_en, e->phrase_zh, e->summary_en, e->summary_zh, e->detail_en,
	                    e->detail_zh, e->origin_en, e->origin_zh, e->status, e->spec,
	                    e->check_en, e->check_zh };
	int64_t n[] = { e->id };
	return run(st, "UPDATE entry SET phrase_en = ?1, phrase_zh = ?2, summary_en = ?3,"
	               " summary_zh = ?4, detail_en = ?5, detail_zh = ?6, origin_en = ?7,"
	               " origin_zh = ?8, status = coalesce(?9, 'unverified'), spec = ?10,"
	               " check_en = ?11, check_zh = ?12 WHERE id = ?13",
	           t, 12, n, 1, cause) < 0 ? -1 : 0;
}

int store_add_alias(struct store *st, int64_t entry_id, const char *name, const char *lang, char **cause)
{
	const char *t[] = { name, lang };
	int64_t n[] = { entry_id };
	return run(st, "INSERT OR IGNORE INTO alias(name, lang, entry_id) VALUES(?1, ?2, ?3)",
	           t, 2, n, 1, cause) < 0 ? -1 : 0;
}

int64_t store_add_claim(struct store *st, int64_t source_id, int64_t entry_id, int line,
                        const char *label, const char *field, const char *lang,
                        const char *value, const char *state, char **cause)
{
	const char *t[] = { label, field, lang, value, state };
	int64_t n[] = { source_id, entry_id, line };
	return run(st, "INSERT INTO claim(label, field, lang, value, state, source_id, entry_id, line)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, 0), nullif(?8, 0))",
	           t, 5, n, 3, cause);
}

int64_t store_add_finding(struct store *st, int64_t source_id, int line, const char *kind,
                          const char *label, int64_t entry_id, const char *message,
                          const char *resolution, const char *message_zh,
                          const char *resolution_zh, char **cause)
{
	const char *t[] = { kind, label, message, resolution, message_zh, resolution_zh };
	int64_t n[] = { source_id, line, entry_id };
	return run(st, "INSERT INTO finding(kind, label, message, resolution, message_zh, resolution_zh,"
	               " source_id, line, entry_id)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, nullif(?8, 0), nullif(?9, 0))",
	           t, 6, n, 3, cause);
}

int store_add_correction(struct store *st, int64_t entry_id, const char *field, const char *now,
                         const char *kind, const char *label, const char *message,
                         const char *resolution, const char *message_zh, const char *resolution_zh,
                         char **cause)
{
	const char *t[] = { kind, label, message, resolution, message_zh, resolution_zh, field, now };
	int64_t n[] = { entry_id };
	if (run(st, "INSERT INTO finding(kind, label, message, resolution, message_zh, resolution_zh,"
	            " source_id, line, entry_id)"
	            " SELECT ?1, ?2, ?3, ?4, ?5, ?6, c.source_id, c.line, c.entry_id"
	            " FROM claim c JOIN source s ON s.id = c.source_id"
	            " WHERE s.kind = 'curated' AND c.entry_id = ?9 AND c.field = ?7 AND c.value = ?8"
	            " ORDER BY c.id LIMIT 1",
	        t, 8, n, 1, cause) < 0)
		return -1;
	return sqlite3_changes(store_db(st)) > 0 ? 0 : 1;
}

int store_add_review(struct store *st, const struct review_info *r, char **cause)
{
	const char *t[] = { r->protocol, r->code, r->lang, r->kind, r->match, r->message_en,
	                    r->message_zh, r->resolution_en, r->resolution_zh, r->source, r->file };
	int64_t n[] = { r->line };
	return run(st, "INSERT INTO review(protocol, code, lang, kind, match, message_en, message_zh,"
	               " resolution_en, resolution_zh, source, file, line)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	           t, 11, n, 1, cause) < 0 ? -1 : 0;
}

/* The claims a review row is about; shared by the statements below. */
#define REVIEW_CLAIMS \
	" FROM review r JOIN entry e ON e.protocol = r.protocol AND e.code = r.code" \
	" JOIN claim c ON c.entry_id = e.id AND c.lang = r.lang AND instr(c.value, r.match) > 0" \
	"  AND c.state <> 'duplicate'" \
	" JOIN source s ON s.id = c.source_id AND s.kind <> 'curated'"

int store_apply_reviews(struct store *st, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (exec(st, "INSERT INTO finding(source_id, line, kind, label, entry_id, message, resolution,"
	             " message_zh, resolution_zh)"
	             " SELECT DISTINCT c.source_id, c.line, r.kind, c.label, e.id, r.message_en,"
	             " r.resolution_en, r.message_zh, r.resolution_zh" REVIEW_CLAIMS
	             " WHERE NOT EXISTS (SELECT 1 FROM finding f WHERE f.source_id = c.source_id"
	             "  AND f.line IS c.line AND f.kind = r.kind AND f.entry_id = e.id);"
	             "UPDATE claim SET state = CASE WHEN EXISTS (SELECT 1" REVIEW_CLAIMS
	             "  WHERE c.id = claim.id AND r.kind = 'outdated_rule') THEN 'outdated' ELSE 'kept' END"
	             " WHERE state = 'used' AND id IN (SELECT c.id" REVIEW_CLAIMS ");", cause) != 0)
		return -1;
	if (sqlite3_prepare_v2(store_db(st), "SELECT r.file, r.line FROM review r WHERE NOT EXISTS"
	                       " (SELECT 1 FROM entry e JOIN claim c ON c.entry_id = e.id"
	                       "  JOIN source s ON s.id = c.source_id"
	                       "  WHERE e.protocol = r.protocol AND e.code = r.code AND c.lang = r.lang"
	                       "  AND instr(c.value, r.match) > 0 AND c.state <> 'duplicate'"
	                       "  AND s.kind <> 'curated') ORDER BY r.id LIMIT 1", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot read the review"));
		return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*cause = xasprintf(SAY("%s:%d: the review matches no claim of a document"),
		                   sqlite3_column_text(s, 0), sqlite3_column_int(s, 1));
	else if (rc != SQLITE_DONE)
		*cause = store_error(st, SAY("cannot read the review"));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_add_historic(struct store *st, const char *protocol, const char *code,
                       const char *former_en, const char *former_zh, const char *match,
                       const char *note_en, const char *note_zh, const char *source, char **cause)
{
	const char *t[] = { protocol, code, former_en, former_zh, match, note_en, note_zh, source };
	return run(st, "INSERT INTO historic(protocol, code, former_en, former_zh, match, note_en,"
	               " note_zh, source) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	           t, 8, NULL, 0, cause) < 0 ? -1 : 0;
}

int store_add_meaning(struct store *st, const char *const v[9], char **cause)
{
	return run(st, "INSERT INTO meaning(protocol, code, meaning_en, meaning_zh, who_en, who_zh, note_en,"
	               " note_zh, source) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	           v, 9, NULL, 0, cause) < 0 ? -1 : 0;
}

int64_t store_add_comparison(struct store *st, const char *members, const char *title_en,
                             const char *title_zh, const char *note_en, const char *note_zh,
                             const char *source, char **cause)
{
	const char *t[] = { members, title_en, title_zh, note_en, note_zh, source };
	return run(st, "INSERT INTO comparison(members, title_en, title_zh, note_en, note_zh, source)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", t, 6, NULL, 0, cause);
}

int store_add_xref(struct store *st, int64_t a, int64_t b, const char *kind,
                   int64_t comparison_id, char **cause)
{
	const char *t[] = { kind };
	int64_t n[] = { a, b, comparison_id };
	return run(st, "INSERT OR IGNORE INTO xref(kind, a, b, comparison_id) VALUES(?1, ?2, ?3, nullif(?4, 0))",
	           t, 1, n, 3, cause) < 0 ? -1 : 0;
}

int store_add_vendor(struct store *st, const char *name, const char *match, char **cause)
{
	const char *t[] = { name, match };
	return run(st, "INSERT INTO vendor(name, match) VALUES(?1, ?2)", t, 2, NULL, 0, cause) < 0 ? -1 : 0;
}

int store_apply_vendors(struct store *st, char **cause)
{
	return exec(st, "UPDATE entry SET vendor = CASE WHEN status = 'unofficial' THEN"
	                " (SELECT v.name FROM vendor v WHERE instr(entry.spec, v.match) > 0"
	                "  ORDER BY v.rowid LIMIT 1) END;", cause);
}

int store_clear_derived(struct store *st, char **cause)
{
	return exec(st, "DELETE FROM xref WHERE kind <> 'compare'; DELETE FROM search;", cause);
}

int store_index_entry(struct store *st, int64_t id, const char *code, const char *phrase,
                      const char *alias, const char *summary, const char *detail, char **cause)
{
	const char *t[] = { code, phrase, alias, summary, detail };
	int64_t n[] = { id };
	return run(st, "INSERT INTO search(code, phrase, alias, summary, detail, rowid)"
	               " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", t, 5, n, 1, cause) < 0 ? -1 : 0;
}

void sc_knowns_free(struct sc_knowns *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_known *k = &l->v[i];
		free(k->protocol); free(k->code); free(k->phrase_en); free(k->phrase_zh); free(k->status);
		for (size_t j = 0; j < k->aliases.n; j++)
			free(k->aliases.v[j]);
		free(k->aliases.v);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int store_knowns(struct store *st, struct sc_knowns *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	/* the registry's words: from curated sources only */
	if (sqlite3_prepare_v2(store_db(st),
	        "SELECT e.id, e.protocol, e.code, e.status,"
	        " (SELECT c.value FROM claim c JOIN source s ON s.id = c.source_id"
	        "   WHERE c.entry_id = e.id AND s.kind = 'curated' AND c.field = 'phrase' AND c.lang = 'en'),"
	        " (SELECT c.value FROM claim c JOIN source s ON s.id = c.source_id"
	        "   WHERE c.entry_id = e.id AND s.kind = 'curated' AND c.field = 'phrase' AND c.lang = 'zh'),"
	        " (SELECT group_concat(c.value, char(10)) FROM claim c JOIN source s ON s.id = c.source_id"
	        "   WHERE c.entry_id = e.id AND s.kind = 'curated' AND c.field = 'alias'),"
	        " EXISTS(SELECT 1 FROM claim c JOIN source s ON s.id = c.source_id"
	        "   WHERE c.entry_id = e.id AND s.kind = 'curated')"
	        " FROM entry e ORDER BY e.protocol, e.sort_key", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_known *k = LIST_PUSH(out);
		k->id = sqlite3_column_int64(s, 0);
		k->protocol = col_str(s, 1);
		k->code = col_str(s, 2);
		k->status = col_str(s, 3);
		k->phrase_en = col_str(s, 4);
		k->phrase_zh = col_str(s, 5);
		char *al = col_str(s, 6);
		k->registered = sqlite3_column_int(s, 7);
		if (al) {
			size_t cap = 0;
			for (char *p = al, *nl; p; p = nl) {
				nl = strchr(p, '\n');
				if (nl)
					*nl++ = '\0';
				k->aliases.v = xgrow(k->aliases.v, k->aliases.n, &cap, sizeof *k->aliases.v);
				k->aliases.v[k->aliases.n++] = xstrdup(p);
			}
			free(al);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_each_used_claim(struct store *st, int (*cb)(void *ctx, const struct sc_used_claim *c),
                          void *ctx, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(store_db(st),
	        "SELECT c.entry_id, c.source_id, s.kind, s.file, c.field, c.lang, c.value, coalesce(c.line, 0)"
	        " FROM claim c JOIN source s ON s.id = c.source_id"
	        " WHERE c.state = 'used' AND c.entry_id IS NOT NULL"
	        " ORDER BY c.entry_id, s.id, c.line, c.id", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_used_claim c = {
			.entry_id = sqlite3_column_int64(s, 0),
			.source_id = sqlite3_column_int64(s, 1),
			.source_kind = (const char *)sqlite3_column_text(s, 2),
			.source_file = (const char *)sqlite3_column_text(s, 3),
			.field = (const char *)sqlite3_column_text(s, 4),
			.lang = (const char *)sqlite3_column_text(s, 5),
			.value = (const char *)sqlite3_column_text(s, 6),
			.line = sqlite3_column_int(s, 7),
		};
		if (cb(ctx, &c) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_add_prior(struct store *st, const char *protocol, const char *code, double seen,
                    const char *source, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(store_db(st),
	        "INSERT OR REPLACE INTO prior(protocol, code, seen, source) VALUES(?1, ?2, ?3, ?4)",
	        -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot write"));
		return -1;
	}
	sqlite3_bind_text(s, 1, protocol, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_double(s, 3, seen);
	if (source)
		sqlite3_bind_text(s, 4, source, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot write"));
		return -1;
	}
	return 0;
}

int store_add_synonyms(struct store *st, int64_t grp, const char *terms, char **cause)
{
	char *copy = xstrdup(terms);
	int rc = 0;

	for (char *t = strtok(copy, ";"); t && rc == 0; t = strtok(NULL, ";")) {
		char *term = str_trim(t), *key = str_fold(term);
		const char *v[] = { key, term };
		int64_t n[] = { grp };
		if (*key)
			rc = run(st, "INSERT OR IGNORE INTO synonym(key, term, grp) VALUES(?1, ?2, ?3)",
			         v, 2, n, 1, cause) < 0 ? -1 : 0;
		free(key);
	}
	free(copy);
	return rc;
}

/* The prior level of an entry, 1-255, from what it is and how often it is
 * seen (docs/SEARCH.md, "The prior"): registered top-level codes 160, plus
 * up to 95 for the share of responses a cited measurement found (20 per
 * decade of hundredths of a percent); other top-level codes 100 (vendor and
 * unofficial) or 80 (obsolete, reserved, unused); sub-status codes 40. */
static int prior_level(const char *status, bool sub, double seen)
{
	if (sub)
		return 40;
	if (status == NULL || strcmp(status, "standard") != 0)
		return status && strcmp(status, "unofficial") == 0 ? 100 : 80;
	if (seen <= 0)
		return 160;
	double bonus = 20.0 * log10(1.0 + 100.0 * seen);
	return 160 + (int)(bonus > 95 ? 95 : bonus);
}

/* search_prior: two bytes per entry id, its prior level and its protocol's
 * position (1-based, 0 for none; bit 0x80 set for a sub-status code). */
static int build_prior(struct store *st, char **cause)
{
	sqlite3_stmt *s;
	unsigned char *blob = NULL;
	size_t cap = 0;
	int rc;

	if (sqlite3_prepare_v2(store_db(st),
	        "SELECT e.id, e.status, e.sub IS NOT NULL, coalesce(pr.seen, -1),"
	        " (SELECT count(*) FROM protocol q WHERE q.sort <= p.sort)"
	        " FROM entry e JOIN protocol p ON p.id = e.protocol"
	        " LEFT JOIN prior pr ON pr.protocol = e.protocol AND pr.code = e.code"
	        " ORDER BY e.id", -1, &s, NULL) != SQLITE_OK) {
		*cause = store_error(st, SAY("cannot index"));
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(s, 0);
		if (id < 0 || id > (sqlite3_int64)1 << 30)
			continue;
		size_t need = 2 * ((size_t)id + 1);
		if (need > cap) {
			size_t ncap = cap ? cap : 1024;
			while (ncap < need)
				ncap *= 2;
			blob = xrealloc(blob, ncap);
			memset(blob + cap, 0, ncap - cap);
			cap = ncap;
		}
		int proto = sqlite3_column_int(s, 4);
		blob[2 * id] = (unsigned char)prior_level((const char *)sqlite3_column_text(s, 1),
		                                          sqlite3_column_int(s, 2) != 0,
		                                          sqlite3_column_double(s, 3));
		blob[2 * id + 1] = (unsigned char)((proto > 0x7F ? 0x7F : proto) |
		                                   (sqlite3_column_int(s, 2) ? 0x80 : 0));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE || exec(st, "DELETE FROM search_prior", cause) != 0) {
		free(blob);
		if (!*cause)
			*cause = store_error(st, SAY("cannot index"));
		return -1;
	}
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO search_prior(id, data) VALUES(1, ?1)",
	                       -1, &s, NULL) != SQLITE_OK) {
		free(blob);
		*cause = store_error(st, SAY("cannot index"));
		return -1;
	}
	sqlite3_bind_blob(s, 1, blob ? (const void *)blob : (const void *)"", (int)cap, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	free(blob);
	if (rc != SQLITE_DONE) {
		*cause = store_error(st, SAY("cannot index"));
		return -1;
	}
	return 0;
}

int store_index_stats(struct store *st, char **cause)
{
	*cause = NULL;
	/* one segment: each term of a query is then looked up once, not once
	 * per segment the inserts left (a search's match costs half) */
	if (exec(st, "INSERT INTO search(search) VALUES('optimize');"
	             "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search, row);"
	             "DELETE FROM termstat;"
	             "INSERT INTO termstat(term, doc) SELECT term, doc FROM temp.search_vocab;"
	             "DROP TABLE temp.search_vocab;"
	             /* what the browser's first frame shows, without a scan */
	             "UPDATE protocol SET n = (SELECT count(*) FROM entry e WHERE e.protocol = protocol.id);"
	             "UPDATE class SET n = (SELECT count(*) FROM entry e"
	             " WHERE e.protocol = class.protocol AND e.class = class.id);", cause) != 0)
		return -1;
	return build_prior(st, cause);
}
