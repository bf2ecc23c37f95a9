/* store_read.c: every query the program runs on the reference database.
 * User text only ever reaches SQL as a bound parameter. The structs these
 * fill are decoded, copied and freed in store_types.c. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "store_write.h"
#include "store_int.h"
#include "str.h"
#include "say.h"
#include "xmalloc.h"


/* sql, prepared once per connection (store_cached): a lookup, a list or
 * an entry document runs the same few statements again and again. */
static int prep(struct store *st, const char *sql, sqlite3_stmt **s, char **cause)
{
	if ((*s = store_cached(st, sql)) == NULL) {
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

/* A statement from prep() is done with: ready for its next use. */
static void done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* Steps s to the end, appending every row as an entry; finalizes s. */
static int collect_entries(struct store *st, sqlite3_stmt *s, struct sc_entries *out, char **cause)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_entry_from_row(s, 0, LIST_PUSH(out));
	done(s);
	if (rc != SQLITE_DONE) {
		sc_entries_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_lookup(struct store *st, const char *protocol, const char *code,
                 struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;
	size_t before = out->n;

	/* both forms use the (protocol, code) index: "?1 IS NULL OR" would not */
	int rc = protocol
	    ? prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e JOIN protocol p ON p.id = e.protocol"
	               " WHERE e.protocol = ?1 AND e.code = ?2 ORDER BY p.sort, e.sort_key", &s, cause)
	    : prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e JOIN protocol p ON p.id = e.protocol"
	               " WHERE e.protocol IN (SELECT id FROM protocol) AND e.code = ?2"
	               " ORDER BY p.sort, e.sort_key", &s, cause);
	if (rc != 0)
		return -1;
	bind_text(s, 1, protocol);
	bind_text(s, 2, code);
	if (collect_entries(st, s, out, cause) != 0)
		return -1;
	if (out->n > before || !str_is_digits(code) || strlen(code) > 9)
		return 0;
	/* a number inside a range, such as WebSocket 4001 in 4000-4999; a
	 * three-digit number names a range only when the protocol is given */
	if (protocol == NULL && atoi(code) < 1000)
		return 0;
	if (prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e JOIN protocol p ON p.id = e.protocol"
	             " WHERE (?1 IS NULL OR e.protocol = ?1) AND e.hi > e.num"
	             " AND ?2 BETWEEN e.num AND e.hi ORDER BY p.sort, e.sort_key", &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	sqlite3_bind_int(s, 2, atoi(code));
	return collect_entries(st, s, out, cause);
}

int store_entry_by_id(struct store *st, int64_t id, struct sc_entry *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e WHERE e.id = ?1", &s, cause) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_entry_from_row(s, 0, out);
	done(s);
	if (rc == SQLITE_ROW)
		return 0;
	*cause = rc == SQLITE_DONE ? xasprintf(SAY("no entry with id %lld"), (long long)id)
	                           : store_error(st, SAY("cannot read"));
	return -1;
}

int store_list(struct store *st, const char *protocol, const char *pattern,
               struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;
	char *like = NULL;

	if (pattern) {
		like = xstrdup(pattern);
		for (char *p = like; *p; p++)
			if (*p == 'x' || *p == 'X')
				*p = '_';
			else if (*p == '%' || *p == '_')
				*p = '#'; /* matches nothing: only x is a wildcard */
	}
	/* a pattern of digits and x (40x, 4xx, 403) bounds the number, so the
	 * (num, hi) index finds the rows instead of a scan */
	int lo = INT_MIN, hi = INT_MAX;
	size_t head = pattern ? strcspn(pattern, ".") : 0;
	if (pattern && head > 0 && head <= 6 && strspn(pattern, "0123456789xX") == head &&
	    isdigit((unsigned char)pattern[0])) {
		lo = hi = 0;
		for (size_t i = 0; i < head; i++) {
			bool x = pattern[i] == 'x' || pattern[i] == 'X';
			lo = lo * 10 + (x ? 0 : pattern[i] - '0');
			hi = hi * 10 + (x ? 9 : pattern[i] - '0');
		}
	}
	if (prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e JOIN protocol p ON p.id = e.protocol"
	             " WHERE (?1 IS NULL OR e.protocol = ?1) AND e.num BETWEEN ?4 AND ?5"
	             " AND (?2 IS NULL OR e.class = ?2 OR e.code LIKE ?3 OR e.code LIKE ?3 || '.%')"
	             " ORDER BY p.sort, e.sort_key", &s, cause) != 0) {
		free(like);
		return -1;
	}
	bind_text(s, 1, protocol);
	bind_text(s, 2, pattern);
	bind_text(s, 3, like);
	sqlite3_bind_int(s, 4, lo);
	sqlite3_bind_int(s, 5, hi);
	free(like);
	return collect_entries(st, s, out, cause);
}

/* Steps s to the end, appending every row as a brief entry, and the count
 * in column ENTRY_NCOLS as its nsubs when counted; no partial results on
 * failure. */
static int collect_brief(struct store *st, sqlite3_stmt *s, bool counted, struct sc_entries *out,
                         char **cause)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_entry *e = LIST_PUSH(out);
		store_entry_from_row(s, 0, e);
		e->brief = true;
		int64_t k = counted ? sqlite3_column_int64(s, ENTRY_NCOLS) : 0;
		e->nsubs = k > 0 ? (size_t)k : 0;
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_entries_free(out);
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_list_top(struct store *st, const char *protocol, const char *class_id,
                   struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;

	/* entry_top is partial on parent IS NULL, ordered by sort_key: the
	 * rows come in code order without a sort; the counts walk entry_parent */
	if (prep(st, "SELECT " ENTRY_BRIEF_COLS("e") ", (SELECT count(*) FROM entry c WHERE c.parent = e.id)"
	             " FROM entry e WHERE e.protocol = ?1 AND e.class = ?2 AND e.parent IS NULL"
	             " ORDER BY e.sort_key, e.id", &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	bind_text(s, 2, class_id);
	return collect_brief(st, s, true, out, cause);
}

int store_list_subs(struct store *st, int64_t parent, struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;

	if (prep(st, "SELECT " ENTRY_BRIEF_COLS("e") " FROM entry e WHERE e.parent = ?1"
	             " ORDER BY e.sort_key", &s, cause) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, parent);
	return collect_brief(st, s, false, out, cause);
}

int store_complete(struct store *st, const char *protocol, const char *prefix, bool subs, size_t max,
                   struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;
	size_t n = strlen(prefix);
	char *hi = xmalloc(n + 2);

	/* codes from prefix up to (not including) the prefix with its last
	 * byte raised: a range on the (protocol, code) index for each protocol */
	memcpy(hi, prefix, n + 1);
	if (n == 0) {
		hi[0] = 0x7f;
		hi[1] = '\0';
	} else {
		hi[n - 1]++;
	}
	if (prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e JOIN protocol p ON p.id = e.protocol"
	             " WHERE e.protocol IN (SELECT id FROM protocol WHERE ?1 IS NULL OR id = ?1)"
	             " AND e.code >= ?2 AND e.code < ?3 AND (?4 OR e.sub IS NULL)"
	             " ORDER BY p.sort, e.sort_key LIMIT ?5", &s, cause) != 0) {
		free(hi);
		return -1;
	}
	bind_text(s, 1, protocol);
	bind_text(s, 2, prefix);
	bind_text(s, 3, hi);
	free(hi);
	sqlite3_bind_int(s, 4, subs);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)max);
	return collect_entries(st, s, out, cause);
}

int store_nearest(struct store *st, const char *protocol, const char *code, size_t max,
                  struct sc_entries *out, char **cause)
{
	sqlite3_stmt *s;
	const char *dot = strchr(code, '.');
	int num = atoi(code), sub = dot ? atoi(dot + 1) : -1;

	/* by number; a number of another length (a WebSocket 1000 for an HTTP
	 * 999) comes last; for 403.99 the sub-status codes of 403 come first */
	if (prep(st, "SELECT " ENTRY_COLS("e") " FROM entry e"
	             " WHERE (?1 IS NULL OR e.protocol = ?1)"
	             " ORDER BY abs(e.num - ?2)"
	             " + (length(CAST(e.num AS TEXT)) <> length(CAST(?2 AS TEXT))) * 100000"
	             " + CASE WHEN ?3 < 0 THEN (e.sub IS NOT NULL) * 0.5"
	             "        WHEN e.sub IS NULL THEN 0.5 ELSE abs(e.sub - ?3) / 100000.0 END,"
	             " e.sort_key LIMIT ?4",
	         &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	sqlite3_bind_int(s, 2, num);
	sqlite3_bind_int(s, 3, sub);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)max);
	return collect_entries(st, s, out, cause);
}

int store_claims(struct store *st, int64_t entry_id, struct sc_claims *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT s.file, coalesce(c.line, 0), c.label, c.field, c.lang, c.value, c.state"
	             " FROM claim c JOIN source s ON s.id = c.source_id"
	             " WHERE c.entry_id = ?1 ORDER BY s.id, c.line, c.id", &s, cause) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, entry_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_claim *c = LIST_PUSH(out);
		c->source = col_str(s, 0);
		c->line = sqlite3_column_int(s, 1);
		c->label = col_str(s, 2);
		c->field = col_str(s, 3);
		c->lang = col_str(s, 4);
		c->value = col_str(s, 5);
		c->state = col_str(s, 6);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_claims_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_findings(struct store *st, int64_t source_id, int64_t entry_id,
                   struct sc_findings *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT f.id, s.file, coalesce(f.line, 0), f.kind, f.label, e.code, e.protocol,"
	             " f.message, f.resolution, f.message_zh, f.resolution_zh"
	             " FROM finding f JOIN source s ON s.id = f.source_id"
	             " LEFT JOIN entry e ON e.id = f.entry_id"
	             " WHERE (?1 = 0 OR f.source_id = ?1) AND (?2 = 0 OR f.entry_id = ?2)"
	             " ORDER BY s.id, f.line, f.id", &s, cause) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_int64(s, 2, entry_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_finding *f = LIST_PUSH(out);
		f->id = sqlite3_column_int64(s, 0);
		f->source = col_str(s, 1);
		f->line = sqlite3_column_int(s, 2);
		f->kind = col_str(s, 3);
		f->label = col_str(s, 4);
		f->code = col_str(s, 5);
		f->protocol = col_str(s, 6);
		f->message = col_str(s, 7);
		f->resolution = col_str(s, 8);
		f->message_zh = col_str(s, 9);
		f->resolution_zh = col_str(s, 10);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_findings_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_xrefs(struct store *st, int64_t entry_id, struct sc_xrefs *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT x.kind, " ENTRY_COLS("o") ", c.title_en, c.title_zh, c.note_en, c.note_zh"
	             " FROM xref x JOIN entry o ON o.id = x.b"
	             " LEFT JOIN comparison c ON c.id = x.comparison_id"
	             " JOIN protocol p ON p.id = o.protocol"
	             " WHERE x.a = ?1"
	             " ORDER BY CASE x.kind WHEN 'compare' THEN 0 WHEN 'same-number' THEN 1"
	             " WHEN 'mentions' THEN 2 ELSE 3 END, coalesce(x.comparison_id, 0), p.sort, o.sort_key",
	         &s, cause) != 0)
		return -1;
	sqlite3_bind_int64(s, 1, entry_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_xref *x = LIST_PUSH(out);
		x->kind = col_str(s, 0);
		store_entry_from_row(s, 1, &x->other);
		x->title_en = col_str(s, 1 + ENTRY_NCOLS);
		x->title_zh = col_str(s, 2 + ENTRY_NCOLS);
		x->note_en = col_str(s, 3 + ENTRY_NCOLS);
		x->note_zh = col_str(s, 4 + ENTRY_NCOLS);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_xrefs_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_sources(struct store *st, struct sc_sources *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT s.id, s.file, s.kind, s.format, s.title, s.author, s.date, s.language,"
	             " s.bytes, s.lines, s.rows,"
	             " (SELECT count(*) FROM claim c WHERE c.source_id = s.id),"
	             " (SELECT count(*) FROM finding f WHERE f.source_id = s.id)"
	             " FROM source s ORDER BY s.id", &s, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_source *o = LIST_PUSH(out);
		o->id = sqlite3_column_int64(s, 0);
		o->file = col_str(s, 1);
		o->kind = col_str(s, 2);
		o->format = col_str(s, 3);
		o->title = col_str(s, 4);
		o->author = col_str(s, 5);
		o->date = col_str(s, 6);
		o->language = col_str(s, 7);
		o->bytes = sqlite3_column_int64(s, 8);
		o->lines = sqlite3_column_int64(s, 9);
		o->rows = sqlite3_column_int64(s, 10);
		o->claims = sqlite3_column_int64(s, 11);
		o->findings = sqlite3_column_int64(s, 12);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_sources_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_protocols(struct store *st, struct sc_protocols *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT p.id, p.name_en, p.name_zh, p.desc_en, p.desc_zh,"
	             " p.n, (SELECT count(*) FROM entry e WHERE e.protocol = p.id AND e.parent IS NULL),"
	             " (SELECT count(*) FROM entry e WHERE e.protocol = p.id AND e.parent IS NULL AND "
	             REGISTERED_SQL("e") ")"
	             " FROM protocol p ORDER BY p.sort", &s, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_protocol *p = LIST_PUSH(out);
		p->id = col_str(s, 0);
		p->name_en = col_str(s, 1);
		p->name_zh = col_str(s, 2);
		p->desc_en = col_str(s, 3);
		p->desc_zh = col_str(s, 4);
		p->count = sqlite3_column_int64(s, 5);
		p->top = sqlite3_column_int64(s, 6);
		p->top_registered = sqlite3_column_int64(s, 7);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_protocols_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_classes(struct store *st, const char *protocol, struct sc_classes *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	/* the top-level count walks entry_top, as the list does */
	if (prep(st, "SELECT c.protocol, c.id, c.name_en, c.name_zh, c.desc_en, c.desc_zh, c.lo, c.hi,"
	             " c.n, (SELECT count(*) FROM entry e WHERE e.protocol = c.protocol AND e.class = c.id"
	             " AND e.parent IS NULL), (SELECT count(*) FROM entry e WHERE e.protocol = c.protocol"
	             " AND e.class = c.id AND e.parent IS NULL AND " REGISTERED_SQL("e") ")"
	             " FROM class c JOIN protocol p ON p.id = c.protocol"
	             " WHERE (?1 IS NULL OR c.protocol = ?1) ORDER BY p.sort, c.lo", &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_class *c = LIST_PUSH(out);
		c->protocol = col_str(s, 0);
		c->id = col_str(s, 1);
		c->name_en = col_str(s, 2);
		c->name_zh = col_str(s, 3);
		c->desc_en = col_str(s, 4);
		c->desc_zh = col_str(s, 5);
		c->lo = sqlite3_column_int(s, 6);
		c->hi = sqlite3_column_int(s, 7);
		c->count = sqlite3_column_int64(s, 8);
		c->top = sqlite3_column_int64(s, 9);
		c->top_registered = sqlite3_column_int64(s, 10);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_classes_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

/* All former meanings, or those of one code when protocol and code are
 * given. */
static int historics(struct store *st, const char *protocol, const char *code,
                     struct sc_historics *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT protocol, code, former_en, former_zh, match, note_en, note_zh FROM historic"
	             " WHERE (?1 IS NULL OR protocol = ?1) AND (?2 IS NULL OR code = ?2) ORDER BY rowid",
	         &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	bind_text(s, 2, code);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_historic *h = LIST_PUSH(out);
		h->protocol = col_str(s, 0);
		h->code = col_str(s, 1);
		h->former_en = col_str(s, 2);
		h->former_zh = col_str(s, 3);
		h->match = col_str(s, 4);
		h->note_en = col_str(s, 5);
		h->note_zh = col_str(s, 6);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_historics_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_other_meanings(struct store *st, const char *protocol, const char *code,
                         struct sc_meanings *out, char **cause)
{
	sqlite3_stmt *s;
	int rc;

	if (prep(st, "SELECT protocol, code, meaning_en, meaning_zh, who_en, who_zh, note_en, note_zh, source"
	             " FROM meaning WHERE protocol = ?1 AND code = ?2 ORDER BY rowid",
	         &s, cause) != 0)
		return -1;
	bind_text(s, 1, protocol);
	bind_text(s, 2, code);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_meaning *m = LIST_PUSH(out);
		char **f[] = { &m->protocol, &m->code, &m->meaning_en, &m->meaning_zh, &m->who_en,
		               &m->who_zh, &m->note_en, &m->note_zh, &m->source };
		for (int c = 0; c < (int)(sizeof f / sizeof f[0]); c++)
			*f[c] = col_str(s, c);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		sc_meanings_free(out);  /* no partial results on failure */
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}

int store_historics(struct store *st, struct sc_historics *out, char **cause)
{
	return historics(st, NULL, NULL, out, cause);
}

int store_former_meanings(struct store *st, const char *protocol, const char *code,
                          struct sc_historics *out, char **cause)
{
	return historics(st, protocol, code, out, cause);
}
