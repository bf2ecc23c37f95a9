/* curated.c: the project's own data under db/curated: tab-separated tables
 * with a header line. A table is recognised by its columns, not its name:
 *   protocol name_en ...            protocols
 *   protocol class lo hi ...        classes
 *   protocol code phrase_en ...     registry facts (one row per code)
 *   protocol code former_en match   meanings the registry no longer has
 *   protocol code meaning_en who_en other meanings sources give the number
 *   members title_en note_en ...    comparisons of confusable codes
 *   protocol code check_en check_zh what to check, per code
 *   protocol code detail_en detail_zh  the project's own details
 *   protocol code lang kind match ...  the review of the documents' texts
 *   protocol code kind field was now   corrections of the project's own labels
 *   vendor spec_match               who made the unofficial codes */
#include "config.h"
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "store_write.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

struct tsv {
	char *file;
	struct cells head;
	struct cells *rows;
	size_t nrows;
};

static void tsv_free(struct tsv *t)
{
	cells_free(&t->head);
	for (size_t i = 0; i < t->nrows; i++)
		cells_free(&t->rows[i]);
	free(t->rows);
	free(t->file);
	memset(t, 0, sizeof *t);   /* import_curated frees what tsv_load left: nothing twice */
}

static void tsv_split(const char *line, int lineno, struct cells *out)
{
	size_t cap = 0;
	const char *p = line;

	memset(out, 0, sizeof *out);
	out->line = lineno;
	for (;;) {
		const char *tab = strchr(p, '\t');
		size_t n = tab ? (size_t)(tab - p) : strlen(p);
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		out->v[out->n++] = str_trim_copy(p, n);
		if (!tab)
			break;
		p = tab + 1;
	}
}

static int tsv_load(const char *path, const char *name, struct tsv *t, char **cause)
{
	FILE *f = fopen(path, "rb");
	struct buf all = {0};
	char chunk[8192];
	size_t n;
	struct lines l;

	memset(t, 0, sizeof *t);
	if (f == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&all, chunk, n);
	fclose(f);
	if (!utf8_valid(buf_str(&all), all.len)) {
		*cause = xasprintf("%s: not valid UTF-8", path);
		buf_free(&all);
		return -1;
	}
	lines_split(buf_str(&all), all.len, &l);
	buf_free(&all);
	t->file = xstrdup(name);
	t->rows = xcalloc(l.n ? l.n : 1, sizeof *t->rows);
	for (size_t i = 0; i < l.n; i++) {
		if (str_empty(l.v[i]))
			continue;
		if (t->head.n == 0) {
			tsv_split(l.v[i], (int)i + 1, &t->head);
			continue;
		}
		tsv_split(l.v[i], (int)i + 1, &t->rows[t->nrows]);
		if (t->rows[t->nrows].n != t->head.n) {
			*cause = xasprintf("%s:%zu: %zu fields where the header has %zu", path, i + 1,
			                   t->rows[t->nrows].n, t->head.n);
			t->nrows++;
			lines_free(&l);
			tsv_free(t);
			return -1;
		}
		t->nrows++;
	}
	lines_free(&l);
	return 0;
}

static int tsv_col(const struct tsv *t, const char *name)
{
	for (size_t i = 0; i < t->head.n; i++)
		if (strcmp(t->head.v[i], name) == 0)
			return (int)i;
	return -1;
}

/* The value of column name in row r, or NULL when absent or empty. */
static const char *tsv_get(const struct tsv *t, const struct cells *r, const char *name)
{
	int c = tsv_col(t, name);
	return c < 0 || *r->v[c] == '\0' ? NULL : r->v[c];
}

enum table_kind {
	T_UNKNOWN, T_PROTOCOLS, T_CLASSES, T_REGISTRY, T_CHECKS, T_DETAILS, T_REVIEW, T_CORRECTIONS,
	T_HISTORIC, T_MEANINGS, T_COMPARE,
	T_PRIOR, T_GLOSSARY, T_SYNONYMS, T_VENDORS
};

static enum table_kind tsv_kind(const struct tsv *t)
{
	int has_protocol = tsv_col(t, "protocol") >= 0, has_code = tsv_col(t, "code") >= 0;

	if (tsv_col(t, "members") >= 0 && tsv_col(t, "note_en") >= 0)
		return T_COMPARE;
	if (has_protocol && has_code && tsv_col(t, "former_en") >= 0 && tsv_col(t, "match") >= 0)
		return T_HISTORIC;
	if (has_protocol && has_code && tsv_col(t, "meaning_en") >= 0 && tsv_col(t, "who_en") >= 0)
		return T_MEANINGS;
	if (has_protocol && has_code && tsv_col(t, "phrase_en") >= 0)
		return T_REGISTRY;
	if (has_protocol && has_code && tsv_col(t, "check_en") >= 0 && tsv_col(t, "check_zh") >= 0 &&
	    tsv_col(t, "source") >= 0)
		return T_CHECKS;
	if (has_protocol && has_code && tsv_col(t, "detail_en") >= 0 && tsv_col(t, "detail_zh") >= 0 &&
	    tsv_col(t, "source") >= 0)
		return T_DETAILS;
	if (has_protocol && has_code && tsv_col(t, "kind") >= 0 && tsv_col(t, "field") >= 0 &&
	    tsv_col(t, "was") >= 0 && tsv_col(t, "now") >= 0)
		return T_CORRECTIONS;
	if (has_protocol && has_code && tsv_col(t, "lang") >= 0 && tsv_col(t, "kind") >= 0 &&
	    tsv_col(t, "match") >= 0 && tsv_col(t, "message_en") >= 0)
		return T_REVIEW;
	if (has_protocol && tsv_col(t, "class") >= 0 && tsv_col(t, "lo") >= 0)
		return T_CLASSES;
	if (has_protocol && tsv_col(t, "name_en") >= 0)
		return T_PROTOCOLS;
	if (has_protocol && has_code && tsv_col(t, "seen_pct") >= 0)
		return T_PRIOR;
	if (tsv_col(t, "en") >= 0 && tsv_col(t, "zh") >= 0)
		return T_GLOSSARY;
	if (tsv_col(t, "terms") >= 0)
		return T_SYNONYMS;
	if (tsv_col(t, "vendor") >= 0 && tsv_col(t, "spec_match") >= 0)
		return T_VENDORS;
	return T_UNKNOWN;
}

/* A table derived from a published measurement (the search prior) names it
 * in its source column, "WORK: how it was derived"; its provenance is that
 * work, not the project. NULL for the other tables. Owned. */
static char *derived_from(const struct tsv *t)
{
	if (tsv_kind(t) != T_PRIOR || t->nrows == 0 || tsv_col(t, "source") < 0)
		return NULL;
	const char *src = tsv_get(t, &t->rows[0], "source");
	const char *colon = src ? strstr(src, ": ") : NULL;
	return src && *src ? xstrndup(src, colon ? (size_t)(colon - src) : strlen(src)) : NULL;
}

static int64_t curated_source(struct store *st, const struct tsv *t, char **cause)
{
	char *work = derived_from(t);
	struct source_info s = {
		.file = t->file, .kind = "curated", .format = "tsv", .language = "en+zh",
		.title = work ? work : "statuscodes curated data",
		.author = work ? "derived by the statuscodes project" : "statuscodes project",
		.lines = (int64_t)t->nrows + 1, .rows = (int64_t)t->nrows,
	};
	int64_t id = store_add_source(st, &s, cause);
	free(work);
	return id;
}

static int load_protocols(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		struct protocol_info p = {
			.id = tsv_get(t, r, "protocol"), .name_en = tsv_get(t, r, "name_en"),
			.name_zh = tsv_get(t, r, "name_zh"), .desc_en = tsv_get(t, r, "desc_en"),
			.desc_zh = tsv_get(t, r, "desc_zh"),
		};
		if (store_add_protocol(st, &p, (int)i + 1, cause) != 0)
			return -1;
	}
	return 0;
}

static int load_classes(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		struct class_info c = {
			.protocol = tsv_get(t, r, "protocol"), .id = tsv_get(t, r, "class"),
			.name_en = tsv_get(t, r, "name_en"), .name_zh = tsv_get(t, r, "name_zh"),
			.desc_en = tsv_get(t, r, "desc_en"), .desc_zh = tsv_get(t, r, "desc_zh"),
			.lo = atoi(tsv_get(t, r, "lo") ? tsv_get(t, r, "lo") : "0"),
			.hi = atoi(tsv_get(t, r, "hi") ? tsv_get(t, r, "hi") : "0"),
		};
		if (!c.protocol || !c.id || c.hi < c.lo) {
			*cause = xasprintf("%s:%d: a class needs protocol, class, lo and hi", t->file, r->line);
			return -1;
		}
		if (store_add_class(st, &c, cause) != 0)
			return -1;
	}
	return 0;
}

static int load_registry(struct store *st, const struct tsv *t, char **cause)
{
	int64_t src = curated_source(st, t, cause);
	static const struct { const char *col, *field, *lang; } facts[] = {
		{ "phrase_en", "phrase", "en" }, { "phrase_zh", "phrase", "zh" },
		{ "summary_en", "summary", "en" }, { "summary_zh", "summary", "zh" },
		{ "status", "status", "-" }, { "spec", "spec", "-" }, { "source", "cites", "-" },
	};

	if (src < 0)
		return -1;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		const char *proto = tsv_get(t, r, "protocol"), *code = tsv_get(t, r, "code");
		int num, sub, hi;
		char *canon = NULL;
		if (!proto || !code || !code_parse(code, &num, &sub, &hi, &canon)) {
			*cause = xasprintf("%s:%d: a registry row needs a protocol and a code", t->file, r->line);
			return -1;
		}
		int64_t id = store_entry_ensure(st, proto, canon, num, sub, hi, cause);
		free(canon);
		if (id < 0)
			return -1;
		for (size_t k = 0; k < sizeof facts / sizeof facts[0]; k++) {
			const char *v = tsv_get(t, r, facts[k].col);
			if (v && store_add_claim(st, src, id, r->line, code, facts[k].field, facts[k].lang,
			                         v, "used", cause) < 0)
				return -1;
		}
		const char *aliases = tsv_get(t, r, "aliases");
		if (aliases) {
			char *copy = xstrdup(aliases);
			for (char *a = strtok(copy, ";"); a; a = strtok(NULL, ";")) {
				char *name = str_trim(a);
				const char *lang = text_has_cjk(name) ? "zh" : "en";
				if (*name == '\0')
					continue;
				if (store_add_claim(st, src, id, r->line, code, "alias", lang, name, "used", cause) < 0 ||
				    store_add_alias(st, id, name, lang, cause) != 0) {
					free(copy);
					return -1;
				}
			}
			free(copy);
		}
	}
	return store_set_source_rows(st, src, (int64_t)t->nrows, cause);
}

/* The entry (protocol, code) exactly, or -1 with *cause naming the row. */
static int64_t known_entry(struct store *st, const struct tsv *t, const struct cells *r, char **cause)
{
	const char *proto = tsv_get(t, r, "protocol"), *code = tsv_get(t, r, "code");
	struct sc_entries found = {0};
	int64_t id = -1;

	if (proto && code && store_lookup(st, proto, code, &found, cause) == 0 && found.n > 0 &&
	    strcmp(found.v[0].code, code) == 0)
		id = found.v[0].id;
	sc_entries_free(&found);
	if (id < 0 && *cause == NULL)
		*cause = xasprintf("%s:%d: %s %s is not in the registry", t->file, r->line,
		                   proto ? proto : "(no protocol)", code ? code : "(no code)");
	return id;
}

/* A per-code text table in both languages with its citation (what to
 * check, the project's details): each text is a claim of this table with
 * the given field, which derive.c makes the entry's text. */
static int load_bilingual(struct store *st, const struct tsv *t, const char *field, char **cause)
{
	int64_t src = curated_source(st, t, cause);
	char *col_en = xasprintf("%s_en", field), *col_zh = xasprintf("%s_zh", field);
	const struct { const char *col, *field, *lang; } facts[] = {
		{ col_en, field, "en" }, { col_zh, field, "zh" }, { "source", "cites", "-" },
	};
	int rc = src < 0 ? -1 : 0;

	for (size_t i = 0; i < t->nrows && rc == 0; i++) {
		const struct cells *r = &t->rows[i];
		int64_t id = known_entry(st, t, r, cause);
		if (id < 0) {
			rc = -1;
			break;
		}
		if (!tsv_get(t, r, col_en) || !tsv_get(t, r, col_zh) || !tsv_get(t, r, "source")) {
			*cause = xasprintf("%s:%d: a row needs %s, %s and source", t->file, r->line, col_en, col_zh);
			rc = -1;
			break;
		}
		for (size_t k = 0; k < sizeof facts / sizeof facts[0] && rc == 0; k++)
			if (store_add_claim(st, src, id, r->line, tsv_get(t, r, "code"), facts[k].field,
			                    facts[k].lang, tsv_get(t, r, facts[k].col), "used", cause) < 0)
				rc = -1;
	}
	free(col_en);
	free(col_zh);
	return rc == 0 ? store_set_source_rows(st, src, (int64_t)t->nrows, cause) : -1;
}

/* The project's review of the documents' texts: applied to their claims
 * once they are imported (import_finish). */
static int load_review(struct store *st, const struct tsv *t, char **cause)
{
	static const char *const kinds[] = { "truncated_text", "typo", "mistranslation",
	                                     "outdated_rule", "contradicts_rfc" };
	static const char *const need[] = { "protocol", "code", "lang", "kind", "match", "message_en",
	                                    "message_zh", "resolution_en", "resolution_zh", "source" };

	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		bool kind_ok = false;
		for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
			if (!tsv_get(t, r, need[k])) {
				*cause = xasprintf("%s:%d: a review row needs %s", t->file, r->line, need[k]);
				return -1;
			}
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			kind_ok |= strcmp(tsv_get(t, r, "kind"), kinds[k]) == 0;
		if (!kind_ok) {
			*cause = xasprintf("%s:%d: unknown kind of review finding \"%s\"", t->file, r->line,
			                   tsv_get(t, r, "kind"));
			return -1;
		}
		if (known_entry(st, t, r, cause) < 0)
			return -1;
		struct review_info v = {
			.protocol = tsv_get(t, r, "protocol"), .code = tsv_get(t, r, "code"),
			.lang = tsv_get(t, r, "lang"), .kind = tsv_get(t, r, "kind"),
			.match = tsv_get(t, r, "match"), .message_en = tsv_get(t, r, "message_en"),
			.message_zh = tsv_get(t, r, "message_zh"),
			.resolution_en = tsv_get(t, r, "resolution_en"),
			.resolution_zh = tsv_get(t, r, "resolution_zh"), .source = tsv_get(t, r, "source"),
			.file = t->file, .line = r->line,
		};
		if (store_add_review(st, &v, cause) != 0)
			return -1;
	}
	return 0;
}

/* Corrections of the project's own labels: each becomes a finding at the
 * registry line that holds the corrected value, so `sources` lists what
 * the project itself got wrong beside what the documents did. A row whose
 * value is not in the registry stops the build. */
static int load_corrections(struct store *st, const struct tsv *t, char **cause)
{
	static const char *const need[] = { "protocol", "code", "kind", "field", "was", "now", "message_en",
	                                    "message_zh", "resolution_en", "resolution_zh", "source" };

	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
			if (!tsv_get(t, r, need[k])) {
				*cause = xasprintf("%s:%d: a correction needs %s", t->file, r->line, need[k]);
				return -1;
			}
		if (strcmp(tsv_get(t, r, "kind"), "own_label") != 0) {
			*cause = xasprintf("%s:%d: unknown kind of correction \"%s\"", t->file, r->line,
			                   tsv_get(t, r, "kind"));
			return -1;
		}
		int64_t id = known_entry(st, t, r, cause);
		if (id < 0)
			return -1;
		int rc = store_add_correction(st, id, tsv_get(t, r, "field"), tsv_get(t, r, "now"),
		                              tsv_get(t, r, "kind"), tsv_get(t, r, "code"),
		                              tsv_get(t, r, "message_en"), tsv_get(t, r, "resolution_en"),
		                              tsv_get(t, r, "message_zh"), tsv_get(t, r, "resolution_zh"), cause);
		if (rc == 1)
			*cause = xasprintf("%s:%d: %s %s has no %s \"%s\" in the registry", t->file, r->line,
			                   tsv_get(t, r, "protocol"), tsv_get(t, r, "code"), tsv_get(t, r, "field"),
			                   tsv_get(t, r, "now"));
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int load_historic(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		if (store_add_historic(st, tsv_get(t, r, "protocol"), tsv_get(t, r, "code"),
		                       tsv_get(t, r, "former_en"), tsv_get(t, r, "former_zh"),
		                       tsv_get(t, r, "match") ? tsv_get(t, r, "match") : "",
		                       tsv_get(t, r, "note_en"), tsv_get(t, r, "note_zh"),
		                       tsv_get(t, r, "source"), cause) != 0)
			return -1;
	}
	return 0;
}

/* The other meanings of a number: each row is a row of the meaning table
 * (the entry document shows it) and claims of this file (the meaning in
 * both languages, its citation), so that `sources` and the entry's
 * sources list say where it comes from and search finds it by name. */
static int load_meanings(struct store *st, const struct tsv *t, char **cause)
{
	static const char *const cols[] = { "protocol", "code", "meaning_en", "meaning_zh", "who_en",
	                                    "who_zh", "note_en", "note_zh", "source" };
	const struct { const char *col, *field, *lang; } facts[] = {
		{ "meaning_en", "meaning", "en" }, { "meaning_zh", "meaning", "zh" }, { "source", "cites", "-" },
	};
	int64_t src = curated_source(st, t, cause);
	int rc = src < 0 ? -1 : 0;

	for (size_t i = 0; i < t->nrows && rc == 0; i++) {
		const struct cells *r = &t->rows[i];
		const char *v[sizeof cols / sizeof cols[0]];
		int64_t id = known_entry(st, t, r, cause);
		if (id < 0)
			return -1;
		for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++)
			if (!(v[k] = tsv_get(t, r, cols[k]))) {
				*cause = xasprintf("%s:%d: a meaning row needs %s", t->file, r->line, cols[k]);
				return -1;
			}
		rc = store_add_meaning(st, v, cause);
		for (size_t k = 0; k < sizeof facts / sizeof facts[0] && rc == 0; k++)
			if (store_add_claim(st, src, id, r->line, v[1], facts[k].field, facts[k].lang,
			                    tsv_get(t, r, facts[k].col), "used", cause) < 0)
				rc = -1;
	}
	return rc == 0 ? store_set_source_rows(st, src, (int64_t)t->nrows, cause) : -1;
}

/* "http:401" -> entry id, or -1 with *cause. */
static int64_t member_id(struct store *st, const struct tsv *t, int line, const char *m, char **cause)
{
	const char *colon = strchr(m, ':');
	struct sc_entries found = {0};
	int64_t id = -1;

	if (colon) {
		char *proto = xstrndup(m, (size_t)(colon - m));
		if (store_lookup(st, proto, colon + 1, &found, cause) == 0 && found.n > 0 &&
		    strcmp(found.v[0].code, colon + 1) == 0)
			id = found.v[0].id;
		free(proto);
	}
	sc_entries_free(&found);
	if (id < 0 && *cause == NULL)
		*cause = xasprintf("%s:%d: comparison member %s is not in the registry", t->file, line, m);
	return id;
}

static int load_comparisons(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		const char *members = tsv_get(t, r, "members");
		int64_t *ids = NULL;
		size_t n = 0, cap = 0;
		if (!members) {
			*cause = xasprintf("%s:%d: a comparison needs members", t->file, r->line);
			return -1;
		}
		int64_t cid = store_add_comparison(st, members, tsv_get(t, r, "title_en"),
		                                   tsv_get(t, r, "title_zh"), tsv_get(t, r, "note_en"),
		                                   tsv_get(t, r, "note_zh"), tsv_get(t, r, "source"), cause);
		if (cid < 0)
			return -1;
		/* every member, however many: each is compared with all the others */
		char *copy = xstrdup(members);
		int rc = 0;
		for (char *m = strtok(copy, " "); m && rc == 0; m = strtok(NULL, " ")) {
			ids = xgrow(ids, n, &cap, sizeof *ids);
			if ((ids[n++] = member_id(st, t, r->line, m, cause)) < 0)
				rc = -1;
		}
		free(copy);
		for (size_t a = 0; a < n && rc == 0; a++)
			for (size_t b = 0; b < n && rc == 0; b++)
				if (a != b && store_add_xref(st, ids[a], ids[b], "compare", cid, cause) != 0)
					rc = -1;
		free(ids);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* How often each code is seen, from a cited measurement (the search's
 * prior). */
static int load_prior(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		const char *proto = tsv_get(t, r, "protocol"), *code = tsv_get(t, r, "code");
		const char *seen = tsv_get(t, r, "seen_pct");
		char *end = NULL;
		double v = seen ? strtod(seen, &end) : -1;
		if (!proto || !code || !seen || *end != '\0' || v < 0 || v > 100) {
			*cause = xasprintf("%s:%d: a prior row needs a protocol, a code and a percentage",
			                   t->file, r->line);
			return -1;
		}
		if (store_add_prior(st, proto, code, v, tsv_get(t, r, "source"), cause) != 0)
			return -1;
	}
	return 0;
}

/* Terms that mean the same, one group per row: a glossary row joins its
 * English and Chinese cells, a synonym row the ;-separated terms of its
 * terms cell. *grp numbers the groups across tables. */
static int load_synonyms(struct store *st, const struct tsv *t, int64_t *grp, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		const char *cols[] = { "en", "zh", "terms" };
		++*grp;
		for (size_t c = 0; c < 3; c++) {
			const char *v = tsv_get(t, r, cols[c]);
			if (v && store_add_synonyms(st, *grp, v, cause) != 0)
				return -1;
		}
	}
	return 0;
}

/* The makers of unofficial codes, in the order their matches are tried. */
static int load_vendors(struct store *st, const struct tsv *t, char **cause)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct cells *r = &t->rows[i];
		const char *name = tsv_get(t, r, "vendor"), *match = tsv_get(t, r, "spec_match");
		if (!name || !match) {
			*cause = xasprintf("%s:%d: a vendor row needs a vendor and a spec_match", t->file, r->line);
			return -1;
		}
		if (store_add_vendor(st, name, match, cause) != 0)
			return -1;
	}
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int import_curated(struct store *st, const char *dir, char **cause)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct strv names = {0};
	struct tsv *tables;
	int rc = 0;

	*cause = NULL;
	if (d == NULL) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (str_ends_with(de->d_name, ".tsv"))
			strv_push(&names, de->d_name);
	closedir(d);
	qsort(names.v, names.n, sizeof *names.v, name_cmp);
	tables = xcalloc(names.n ? names.n : 1, sizeof *tables);
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		char *path = xasprintf("%s/%s", dir, names.v[i]);
		rc = tsv_load(path, names.v[i], &tables[i], cause);
		if (rc == 0 && tsv_kind(&tables[i]) == T_UNKNOWN) {
			*cause = xasprintf("%s: columns of no known curated table", path);
			rc = -1;
		}
		free(path);
	}
	/* protocols, then classes, then codes, then what refers to codes */
	int64_t grp = 0;
	for (enum table_kind k = T_PROTOCOLS; k <= T_VENDORS && rc == 0; k++) {
		for (size_t i = 0; i < names.n && rc == 0; i++) {
			if (tsv_kind(&tables[i]) != k)
				continue;
			switch (k) {
			case T_PROTOCOLS: rc = load_protocols(st, &tables[i], cause); break;
			case T_CLASSES:   rc = load_classes(st, &tables[i], cause); break;
			case T_REGISTRY:  rc = load_registry(st, &tables[i], cause); break;
			case T_CHECKS:    rc = load_bilingual(st, &tables[i], "check", cause); break;
			case T_DETAILS:   rc = load_bilingual(st, &tables[i], "detail", cause); break;
			case T_REVIEW:    rc = load_review(st, &tables[i], cause); break;
			case T_CORRECTIONS: rc = load_corrections(st, &tables[i], cause); break;
			case T_HISTORIC:  rc = load_historic(st, &tables[i], cause); break;
			case T_MEANINGS:  rc = load_meanings(st, &tables[i], cause); break;
			case T_COMPARE:   rc = load_comparisons(st, &tables[i], cause); break;
			case T_PRIOR:     rc = load_prior(st, &tables[i], cause); break;
			case T_GLOSSARY:
			case T_SYNONYMS:  rc = load_synonyms(st, &tables[i], &grp, cause); break;
			case T_VENDORS:   rc = load_vendors(st, &tables[i], cause); break;
			default: break;
			}
		}
	}
	/* every curated file is a source `statuscodes sources` lists; the
	 * registry, checks and details registered theirs for their claims */
	for (size_t i = 0; i < names.n && rc == 0; i++) {
		enum table_kind k = tsv_kind(&tables[i]);
		if (k != T_REGISTRY && k != T_CHECKS && k != T_DETAILS && k != T_MEANINGS &&
		    curated_source(st, &tables[i], cause) < 0)
			rc = -1;
	}
	for (size_t i = 0; i < names.n; i++)
		if (tables[i].file)
			tsv_free(&tables[i]);
	free(tables);
	strv_free(&names);
	return rc;
}
