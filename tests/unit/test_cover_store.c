/* test_cover_store.c: the store's error paths make coverage found
 * untested: every write the database refuses (a trigger that RAISEs, a
 * dropped table, a full disk) fails with one message naming the database
 * and leaves the rows as they were; files that cannot be opened as asked
 * say why. */
#include "config.h"
#include "testutil.h"

#include <errno.h>

#include "buf.h"
#include "say.h"
#include "schema.h"
#include "userdata.h"

static void sql(struct store *st, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(store_db(st), text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
}

static int64_t entry_id(struct store *st, const char *code)
{
	return tu_int(st, "SELECT id FROM entry WHERE protocol = 'http' AND code = ?1", code);
}

/* ---- one call of each writer --------------------------------------------- */

static int w_source(struct store *st, char **cause)
{
	struct source_info s = { .file = "w.md", .kind = "user", .format = "markdown", .language = "en" };
	return store_add_source(st, &s, cause) < 0 ? -1 : 0;
}
static int w_source_rows(struct store *st, char **cause)
{
	return store_set_source_rows(st, 1, 99, cause);
}
static int w_protocol(struct store *st, char **cause)
{
	struct protocol_info p = { .id = "gopher", .name_en = "Gopher" };
	return store_add_protocol(st, &p, 9, cause);
}
static int w_class(struct store *st, char **cause)
{
	struct class_info c = { .protocol = "http", .id = "9xx", .lo = 900, .hi = 999 };
	return store_add_class(st, &c, cause);
}
static int w_class_fill(struct store *st, char **cause)
{
	return store_class_fill(st, "http", "2xx", "成功", "成功。", cause);
}
static int w_entry(struct store *st, char **cause)
{
	return store_entry_ensure(st, "http", "299", 299, -1, 299, cause) < 0 ? -1 : 0;
}
static int w_entry_update(struct store *st, char **cause)
{
	char phrase[] = "Not Found", status[] = "standard";
	struct sc_entry e = { .id = entry_id(st, "404"), .phrase_en = phrase, .status = status };
	return store_entry_update(st, &e, cause);
}
static int w_alias(struct store *st, char **cause)
{
	return store_add_alias(st, entry_id(st, "404"), "missing page", "en", cause);
}
static int w_claim(struct store *st, char **cause)
{
	return store_add_claim(st, 1, entry_id(st, "404"), 7, "404", "phrase", "en", "Gone", "used", cause) < 0
	       ? -1 : 0;
}
static int w_finding(struct store *st, char **cause)
{
	return store_add_finding(st, 1, 7, "typo", "404", entry_id(st, "404"), "m", "r", "消", "解", cause) < 0
	       ? -1 : 0;
}
static int w_review(struct store *st, char **cause)
{
	struct review_info r = { .protocol = "http", .code = "404", .lang = "en", .kind = "typo", .match = "x",
	                         .message_en = "m", .message_zh = "消", .resolution_en = "r",
	                         .resolution_zh = "解", .source = "s", .file = "v.tsv", .line = 2 };
	return store_add_review(st, &r, cause);
}
static int w_historic(struct store *st, char **cause)
{
	return store_add_historic(st, "http", "404", "Lost", "丢失", "", NULL, NULL, "s", cause);
}
static int w_meaning(struct store *st, char **cause)
{
	const char *v[9] = { "http", "404", "m", "义", "w", "谁", "n", "注", "s" };
	return store_add_meaning(st, v, cause);
}
static int w_comparison(struct store *st, char **cause)
{
	return store_add_comparison(st, "http:404 http:410", "t", "题", "n", "注", "s", cause) < 0 ? -1 : 0;
}
static int w_xref(struct store *st, char **cause)
{
	return store_add_xref(st, entry_id(st, "404"), entry_id(st, "204"), "see", 0, cause);
}
static int w_vendor(struct store *st, char **cause)
{
	return store_add_vendor(st, "Acme", "acme", cause);
}
static int w_prior(struct store *st, char **cause)
{
	return store_add_prior(st, "http", "404", 1.5, NULL, cause);
}
static int w_synonyms(struct store *st, char **cause)
{
	return store_add_synonyms(st, 77, "lost;missing", cause);
}
static int w_apply_vendors(struct store *st, char **cause)
{
	return store_apply_vendors(st, cause);
}
static int w_clear_derived(struct store *st, char **cause)
{
	return store_clear_derived(st, cause);
}
static int w_index_stats(struct store *st, char **cause)
{
	return store_index_stats(st, cause);
}

static int each_stop(void *ctx, const struct sc_used_claim *c)
{
	(void)c;
	++*(int *)ctx;
	return 1;
}
static int r_knowns(struct store *st, char **cause)
{
	struct sc_knowns k = {0};
	int rc = store_knowns(st, &k, cause);
	sc_knowns_free(&k);
	return rc;
}
static int r_each_used(struct store *st, char **cause)
{
	int n = 0;
	return store_each_used_claim(st, each_stop, &n, cause);
}
static int r_repeat(struct store *st, char **cause)
{
	return store_source_repeat(st, 1, cause) < 0 ? -1 : 0;
}

/* ---- refused writes ------------------------------------------------------ */

static const struct writer {
	const char *name;
	int (*call)(struct store *st, char **cause);
	const char *table, *event;     /* the trigger that refuses it */
	const char *what;              /* the words of the message */
	bool partial;                  /* wrote before the refusal (the caller rolls back) */
} writers[] = {
	{ "add_source", w_source, "source", "INSERT", "cannot write", false },
	{ "set_source_rows", w_source_rows, "source", "UPDATE", "cannot write", false },
	{ "add_protocol", w_protocol, "protocol", "INSERT", "cannot write", false },
	{ "add_class", w_class, "class", "INSERT", "cannot write", false },
	{ "class_fill", w_class_fill, "class", "UPDATE", "cannot write", false },
	{ "entry_ensure", w_entry, "entry", "INSERT", "cannot write", false },
	{ "entry_ensure (parent)", w_entry, "entry", "UPDATE", "cannot write", true },
	{ "entry_update", w_entry_update, "entry", "UPDATE", "cannot write", false },
	{ "add_alias", w_alias, "alias", "INSERT", "cannot write", false },
	{ "add_claim", w_claim, "claim", "INSERT", "cannot write", false },
	{ "add_finding", w_finding, "finding", "INSERT", "cannot write", false },
	{ "add_review", w_review, "review", "INSERT", "cannot write", false },
	{ "add_historic", w_historic, "historic", "INSERT", "cannot write", false },
	{ "add_meaning", w_meaning, "meaning", "INSERT", "cannot write", false },
	{ "add_comparison", w_comparison, "comparison", "INSERT", "cannot write", false },
	{ "add_xref", w_xref, "xref", "INSERT", "cannot write", false },
	{ "add_vendor", w_vendor, "vendor", "INSERT", "cannot write", false },
	{ "add_prior", w_prior, "prior", "INSERT", "cannot write", false },
	{ "add_synonyms", w_synonyms, "synonym", "INSERT", "cannot write", false },
	{ "apply_vendors", w_apply_vendors, "entry", "UPDATE", "cannot write", false },
	{ "clear_derived", w_clear_derived, "xref", "DELETE", "cannot write", false },
	{ "index_stats (terms)", w_index_stats, "termstat", "INSERT", "cannot write", true },
	{ "index_stats (prior)", w_index_stats, "search_prior", "INSERT", "cannot index", true },
	{ "index_stats (old prior)", w_index_stats, "search_prior", "DELETE", "cannot write", false },
};

/* Rows of every table a writer writes, as one string. */
static char *snapshot(struct store *st)
{
	return tu_text(st, "SELECT (SELECT count(*) FROM source) || ' ' || (SELECT total(rows) FROM source)"
	                   " || ' ' || (SELECT count(*) FROM protocol) || ' ' || (SELECT count(*) FROM class)"
	                   " || ' ' || (SELECT count(*) FROM class WHERE name_zh IS NULL)"
	                   " || ' ' || (SELECT count(*) FROM entry) || ' ' || (SELECT count(*) FROM entry"
	                   "   WHERE parent IS NOT NULL OR vendor IS NOT NULL)"
	                   " || ' ' || (SELECT group_concat(coalesce(phrase_en, '-'), '|') FROM entry)"
	                   " || ' ' || (SELECT count(*) FROM alias) || ' ' || (SELECT count(*) FROM claim)"
	                   " || ' ' || (SELECT count(*) FROM finding) || ' ' || (SELECT count(*) FROM review)"
	                   " || ' ' || (SELECT count(*) FROM historic) || ' ' || (SELECT count(*) FROM meaning)"
	                   " || ' ' || (SELECT count(*) FROM comparison) || ' ' || (SELECT count(*) FROM xref)"
	                   " || ' ' || (SELECT count(*) FROM vendor) || ' ' || (SELECT count(*) FROM prior)"
	                   " || ' ' || (SELECT count(*) FROM synonym) || ' ' || (SELECT count(*) FROM termstat)"
	                   " || ' ' || (SELECT count(*) FROM search_prior)", NULL);
}

/* Each writer, refused by a trigger on its table, fails with "DB: WHAT:
 * ..." and changes no row; without the trigger the same call works. */
static void test_writes_refused(void **state)
{
	(void)state;
	struct store *st = tu_db("refused.db");
	char *prefix = NULL;

	/* a sub-status code, so that a new parent has a child to adopt; a
	 * derived cross-reference and the statistics, to be replaced */
	assert_true(store_entry_ensure(st, "http", "299.1", 299, 1, 299, &prefix) > 0);
	assert_int_equal(store_add_xref(st, entry_id(st, "404"), entry_id(st, "410"), "family", 0, &prefix), 0);
	assert_int_equal(store_index_entry(st, entry_id(st, "404"), "404", "Not Found", NULL, "Gone.", NULL,
	                                   &prefix), 0);
	assert_int_equal(store_index_stats(st, &prefix), 0);
	for (size_t i = 0; i < sizeof writers / sizeof *writers; i++) {
		const struct writer *w = &writers[i];
		char *trigger = xasprintf("CREATE TEMP TRIGGER refuse BEFORE %s ON main.%s"
		                          " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END", w->event, w->table);
		char *cause = NULL, *before, *after;
		sql(st, "SAVEPOINT w");
		sql(st, trigger);
		before = snapshot(st);
		if (w->call(st, &cause) == 0)
			fail_msg("%s: not refused by a trigger BEFORE %s ON %s", w->name, w->event, w->table);
		after = snapshot(st);
		if (!w->partial && strcmp(after, before) != 0)
			fail_msg("%s: refused, but the rows changed from %s to %s", w->name, before, after);
		prefix = xasprintf("%s: %s: ", store_path(st), w->what);
		if (cause == NULL || strncmp(cause, prefix, strlen(prefix)) != 0 || strchr(cause, '\n'))
			fail_msg("%s: \"%s\", not one line \"%s...\"", w->name, cause ? cause : "(none)", prefix);
		/* says why: a rule refused it, not "cannot be used" */
		if (strcmp(cause + strlen(prefix), "the database refused the change (a rule of its schema)") != 0)
			fail_msg("%s: \"%s\": not why", w->name, cause);
		free(cause);
		cause = NULL;
		sql(st, "DROP TRIGGER temp.refuse");
		if (w->call(st, &cause) != 0)
			fail_msg("%s without the trigger: %s", w->name, cause);
		sql(st, "ROLLBACK TO w; RELEASE w");
		free(prefix);
		free(before);
		free(after);
		free(trigger);
	}
	store_rollback(st);
	store_close(st);
}

/* A table missing (a database of another program or version): the writer
 * and the importer's reads cannot prepare and say so. */
static void test_table_missing(void **state)
{
	(void)state;
	static const struct { const char *drop; const struct writer w; } cases[] = {
		{ "vendor", { "add_vendor", w_vendor, NULL, NULL, "cannot write", false } },
		{ "prior", { "add_prior", w_prior, NULL, NULL, "cannot write", false } },
		{ "prior", { "index_stats", w_index_stats, NULL, NULL, "cannot index", false } },
		{ "entry", { "entry_ensure", w_entry, NULL, NULL, "cannot read", false } },
		{ "claim", { "knowns", r_knowns, NULL, NULL, "cannot read", false } },
		{ "claim", { "each_used_claim", r_each_used, NULL, NULL, "cannot read", false } },
		{ "claim", { "source_repeat", r_repeat, NULL, NULL, "cannot read", false } },
		{ "review", { "apply_reviews", store_apply_reviews, NULL, NULL, "cannot write", false } },
	};
	struct store *st = tu_db("missing.db");

	sql(st, "PRAGMA foreign_keys = OFF");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *drop = xasprintf("DROP TABLE %s", cases[i].drop), *cause = NULL;
		char *want = xasprintf("%s: %s: not a usable statuscodes database", store_path(st), cases[i].w.what);
		sql(st, "SAVEPOINT m");
		sql(st, drop);
		if (cases[i].w.call(st, &cause) == 0)
			fail_msg("%s: works without table %s", cases[i].w.name, cases[i].drop);
		if (cause == NULL || strcmp(cause, want) != 0)
			fail_msg("%s: \"%s\", not \"%s\"", cases[i].w.name, cause ? cause : "(none)", want);
		sql(st, "ROLLBACK TO m; RELEASE m");
		free(cause);
		free(want);
		free(drop);
	}
	store_rollback(st);
	store_close(st);
}

/* A full disk (here: the database may not grow) fails the write that
 * needs a page and says so; SQLite rolls the whole transaction back, so
 * the database is as it was before it. */
static void test_disk_full(void **state)
{
	(void)state;
	struct store *st = tu_db("full.db");
	char *cause = NULL, *big = xmalloc(3001);
	int added = 0;

	memset(big, 'x', 3000);
	big[3000] = '\0';
	assert_true(tu_int(st, "SELECT count(*) FROM claim", NULL) > 0);
	sql(st, "PRAGMA max_page_count = 1");   /* no more pages than it has now */
	while (added < 1000 && store_add_claim(st, 1, 0, 1, "x", "phrase", "en", big, "used", &cause) > 0)
		added++;
	assert_true(added < 1000);
	char *want = xasprintf("%s: cannot write: the disk is full; the database is as it was", store_path(st));
	assert_non_null(cause);
	assert_string_equal(cause, want);
	assert_int_equal(tu_int(st, "SELECT count(*) FROM claim", NULL), 0);
	free(want);
	free(cause);
	free(big);
	store_rollback(st);
	store_close(st);
}

static void test_reviews_and_claims(void **state)
{
	(void)state;
	struct store *st = tu_db("reviews.db");
	char *cause = NULL;
	int n = 0;

	/* a review whose text no document has: the file and line of the row */
	assert_int_equal(w_review(st, &cause), 0);
	assert_int_equal(store_apply_reviews(st, &cause), -1);
	assert_string_equal(cause, "v.tsv:2: the review matches no claim of a document");
	free(cause);
	cause = NULL;
	/* the callback ends the walk */
	assert_int_equal(store_each_used_claim(st, each_stop, &n, &cause), 0);
	assert_int_equal(n, 1);
	store_rollback(st);
	store_close(st);
}

/* ---- reads that fail ------------------------------------------------------ */

/* Each reader: its rows counted in *n, freed. */
#define READER(fn, type, freefn, call) \
	static int fn(struct store *st, char **cause, size_t *n) \
	{ \
		type l = {0}; \
		int rc = call; \
		*n = l.n; \
		freefn(&l); \
		return rc; \
	}
READER(rd_lookup, struct sc_entries, sc_entries_free, store_lookup(st, "http", "404", &l, cause))
READER(rd_list, struct sc_entries, sc_entries_free, store_list(st, "http", NULL, &l, cause))
READER(rd_list_like, struct sc_entries, sc_entries_free, store_list(st, NULL, "4*", &l, cause))
READER(rd_top, struct sc_entries, sc_entries_free, store_list_top(st, "http", NULL, &l, cause))
READER(rd_subs, struct sc_entries, sc_entries_free, store_list_subs(st, 1, &l, cause))
READER(rd_complete, struct sc_entries, sc_entries_free, store_complete(st, "http", "4", true, 10, &l, cause))
READER(rd_nearest, struct sc_entries, sc_entries_free, store_nearest(st, "http", "405", 3, &l, cause))
READER(rd_claims, struct sc_claims, sc_claims_free, store_claims(st, 1, &l, cause))
READER(rd_findings, struct sc_findings, sc_findings_free, store_findings(st, 0, 0, &l, cause))
READER(rd_xrefs, struct sc_xrefs, sc_xrefs_free, store_xrefs(st, 1, &l, cause))
READER(rd_sources, struct sc_sources, sc_sources_free, store_sources(st, &l, cause))
READER(rd_protocols, struct sc_protocols, sc_protocols_free, store_protocols(st, &l, cause))
READER(rd_classes, struct sc_classes, sc_classes_free, store_classes(st, "http", &l, cause))
READER(rd_meanings, struct sc_meanings, sc_meanings_free, store_other_meanings(st, "http", "404", &l, cause))
READER(rd_historics, struct sc_historics, sc_historics_free, store_historics(st, &l, cause))
READER(rd_former, struct sc_historics, sc_historics_free, store_former_meanings(st, "http", "421", &l, cause))

static int rd_by_id(struct store *st, char **cause, size_t *n)
{
	struct sc_entry e;
	int rc = store_entry_by_id(st, 1, &e, cause);
	*n = rc == 0;
	if (rc == 0)
		sc_entry_clear(&e);
	return rc;
}

/* The importer's reads and the statements that write what they read. */
#define NO_ROWS(fn, call) \
	static int fn(struct store *st, char **cause, size_t *n) \
	{ \
		*n = 0; \
		return call(st, cause); \
	}
NO_ROWS(rd_knowns, r_knowns)
NO_ROWS(rd_each_used, r_each_used)
NO_ROWS(rd_repeat, r_repeat)
NO_ROWS(rd_index_stats, w_index_stats)
NO_ROWS(rd_apply_reviews, store_apply_reviews)
NO_ROWS(rd_apply_vendors, w_apply_vendors)

static const struct { const char *name; int (*call)(struct store *, char **, size_t *); } readers[] = {
	{ "lookup", rd_lookup }, { "list", rd_list }, { "list (pattern)", rd_list_like },
	{ "list_top", rd_top }, { "list_subs", rd_subs }, { "complete", rd_complete },
	{ "nearest", rd_nearest }, { "entry_by_id", rd_by_id }, { "claims", rd_claims },
	{ "findings", rd_findings }, { "xrefs", rd_xrefs }, { "sources", rd_sources },
	{ "protocols", rd_protocols }, { "classes", rd_classes }, { "other_meanings", rd_meanings },
	{ "historics", rd_historics }, { "former_meanings", rd_former },
	/* the importer's (the message names the database; no list) */
	{ "knowns", rd_knowns }, { "each_used_claim", rd_each_used }, { "source_repeat", rd_repeat },
	{ "index_stats", rd_index_stats }, { "apply_reviews", rd_apply_reviews },
	{ "apply_vendors", rd_apply_vendors },
};
#define NREADERS 17   /* the readers above the importer's */

/* Counts the steps of the virtual machine; interrupts the statement at
 * the limit'th when a limit is set. */
static int progress_steps, progress_limit;
static int interrupt_at(void *ctx)
{
	(void)ctx;
	return ++progress_steps == progress_limit;
}

/* Stops readers[i] at its first step, half way and at its last (after
 * its rows): each stop is -1, a one-line cause starting with want, no
 * rows. */
static void interrupt_reader(struct store *st, size_t i, const char *want)
{
	char *cause = NULL;
	size_t n = 0, failed = 0;
	/* how many steps the whole read takes; then stop it at the first,
	 * half way and at the last (after its rows) */
	progress_steps = progress_limit = 0;
	sqlite3_progress_handler(store_db(st), 1, interrupt_at, NULL);
	if (readers[i].call(st, &cause, &n) != 0)
		fail_msg("%s: %s", readers[i].name, cause);
	int steps = progress_steps, limits[] = { 1, steps / 2, steps - 1 };
	for (size_t k = 0; k < sizeof limits / sizeof *limits; k++) {
		progress_steps = 0;
		progress_limit = limits[k];
		int rc = readers[i].call(st, &cause, &n);
		if (rc == 0)
			continue;
		failed++;
		if (n != 0)
			fail_msg("%s interrupted after %d of %d steps: %zu rows", readers[i].name, limits[k], steps, n);
		if (cause == NULL || strncmp(cause, want, strlen(want)) != 0 || strchr(cause, '\n'))
			fail_msg("%s interrupted: \"%s\"", readers[i].name, cause ? cause : "(none)");
		free(cause);
		cause = NULL;
	}
	sqlite3_progress_handler(store_db(st), 0, NULL, NULL);
	if (failed == 0)
		fail_msg("%s: never interrupted", readers[i].name);
}

/* A read that fails on its way through the rows (here: interrupted after
 * a number of steps) returns -1, the database's name and no rows, never a
 * part of them; with the tables gone, reading cannot begin and says the
 * database is not a usable one. */
static void test_reads_fail(void **state)
{
	(void)state;
	struct store *st = tu_db("reads.db");
	char *cause = NULL;
	char *prefix = xasprintf("%s: cannot read: ", store_path(st)), *dbname = xasprintf("%s: ", store_path(st));

	tu_import(st, "reads.md", "| Code | Reason | Meaning |\n|---|---|---|\n| 404 | Lost | Not here. |\n"
	                          "| 418 | Teapot | Short and stout. |\n");
	for (size_t i = 0; i < NREADERS; i++)
		interrupt_reader(st, i, prefix);
	/* the importer's, in a transaction of their own: an interrupted
	 * statement rolls the whole transaction back */
	assert_int_equal(store_commit(st, &cause), 0);
	for (size_t i = NREADERS; i < sizeof readers / sizeof *readers; i++) {
		assert_int_equal(store_begin(st, &cause), 0);
		interrupt_reader(st, i, dbname);
		store_rollback(st);
	}
	sql(st, "PRAGMA foreign_keys = OFF; DROP TABLE entry; DROP TABLE claim; DROP TABLE finding; DROP TABLE xref;"
	        " DROP TABLE source; DROP TABLE protocol; DROP TABLE class; DROP TABLE meaning; DROP TABLE historic;");
	char *path = xstrdup(store_path(st)), *want = xasprintf("%snot a usable statuscodes database", prefix);
	store_close(st);
	assert_int_equal(store_open(path, STORE_READ, &st, &cause), 0);
	for (size_t i = 0; i < NREADERS; i++) {
		size_t n = 1;
		if (readers[i].call(st, &cause, &n) == 0)
			fail_msg("%s: read without its tables", readers[i].name);
		if (n != 0 || cause == NULL || strcmp(cause, want) != 0)
			fail_msg("%s: %zu rows, \"%s\"", readers[i].name, n, cause ? cause : "(none)");
		free(cause);
		cause = NULL;
	}
	store_close(st);
	free(want);
	free(path);
	free(prefix);
	free(dbname);
}

/* ---- opening ------------------------------------------------------------- */

static void expect_open(const char *path, enum store_mode mode, const char *rest)
{
	struct store *st = NULL;
	char *cause = NULL, *want = xasprintf("%s: %s", path, rest);
	assert_int_equal(store_open(path, mode, &st, &cause), -1);
	assert_null(st);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
}

/* A copy of the built database at a temporary path. Caller frees. */
static char *built_copy(const char *name)
{
	char *src = getenv("STATUSCODES_DB") ? xstrdup(getenv("STATUSCODES_DB"))
	                                     : xasprintf("%s/db/statuscodes.db", tu_builddir());
	char *dst = tu_tmp(name), *data;
	size_t len;
	assert_non_null(data = tu_read(src, &len));
	unlink(dst);
	tu_write(dst, data, len);
	free(data);
	free(src);
	return dst;
}

static void test_open_refused(void **state)
{
	(void)state;
	char *fifo = tu_tmp("fifo.db"), *ro = built_copy("ro.db"), *under = xasprintf("%s/x.db", ro);
	struct store *st = NULL;
	char *cause = NULL;

	unlink(fifo);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	expect_open(fifo, STORE_READ, "is not a regular file");
	expect_open(ro, STORE_CREATE, "already exists; will not overwrite it");
	/* a path through a file */
	char *reason = xasprintf("cannot open database: %s", say_errno(ENOTDIR));
	expect_open(under, STORE_READ, reason);
	free(reason);
	/* no write permission: read-only for every user, root too */
	assert_int_equal(chmod(ro, 0444), 0);
	expect_open(ro, STORE_WRITE, "the database is read-only");
	expect_open(ro, STORE_IMPORT, "the database is read-only");
	assert_int_equal(store_open(ro, STORE_READ, &st, &cause), 0);
	store_close(st);
	if (geteuid() != 0) {   /* root reads anything */
		assert_int_equal(chmod(ro, 0), 0);
		expect_open(ro, STORE_READ, "cannot read the database: permission denied");
	}
	chmod(ro, 0644);
	free(fifo);
	free(ro);
	free(under);
}

/* An import whose file another process is writing waits, then says the
 * database is locked; the file is as it was and no copy is left. */
static void test_import_locked(void **state)
{
	(void)state;
	char *path = built_copy("locked.db"), *cause = NULL, *orig, *now;
	size_t olen, nlen;
	sqlite3 *other;
	struct store *st = NULL;

	orig = tu_read(path, &olen);
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	expect_open(path, STORE_IMPORT, "cannot lock it for writing: the database is locked by another process");
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	now = tu_read(path, &nlen);
	assert_int_equal(nlen, olen);
	assert_memory_equal(now, orig, olen);
	free(now);
	/* publishing with the work unfinished is refused */
	assert_int_equal(store_open(path, STORE_IMPORT, &st, &cause), 0);
	assert_int_equal(store_begin(st, &cause), 0);
	assert_int_equal(store_publish(st, &cause), -1);
	char *want = xasprintf("%s: internal error: publishing an unfinished import", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	store_rollback(st);
	store_close(st);
	now = tu_read(path, &nlen);
	assert_memory_equal(now, orig, olen);
	free(now);
	free(orig);
	free(path);
}

/* A database of an older schema is refused with what to do; one of this
 * schema can be compacted (the build does) and still reads the same;
 * compacting a read-only one says why it cannot. */
static void test_schema_and_compact(void **state)
{
	(void)state;
	char *old = built_copy("older.db"), *path = built_copy("compact.db"), *cause = NULL;
	struct store *st = NULL;
	sqlite3 *db;

	assert_int_equal(sqlite3_open(old, &db), SQLITE_OK);
	char *pragma = xasprintf("PRAGMA user_version = %d", SC_SCHEMA_VERSION - 1);
	assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	char *want = xasprintf("made by an older statuscodes (schema %d; this program reads %d); rebuild it",
	                       SC_SCHEMA_VERSION - 1, SC_SCHEMA_VERSION);
	expect_open(old, STORE_READ, want);
	free(want);
	free(pragma);

	assert_int_equal(store_open(path, STORE_READ, &st, &cause), 0);
	int64_t n = store_entry_count(st);
	assert_true(n > 0);
	assert_int_equal(store_entry_count(st), n);   /* counted once */
	assert_int_equal(store_compact(st, &cause), -1);
	want = xasprintf("%s: cannot compact: the database is read-only", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = NULL;
	store_close(st);
	assert_int_equal(store_open(path, STORE_WRITE, &st, &cause), 0);
	assert_int_equal(store_compact(st, &cause), 0);
	store_close(st);
	tu_integrity_ok(path);
	assert_int_equal(store_open(path, STORE_READ, &st, &cause), 0);
	assert_int_equal(store_entry_count(st), n);
	store_close(st);
	free(old);
	free(path);
}

/* ---- the user's database ------------------------------------------------- */

/* Runs text on the file path with a connection of its own. */
static void file_sql(const char *path, const char *text)
{
	sqlite3 *db;
	char *err = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 2000);
	if (sqlite3_exec(db, text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
	sqlite3_close(db);
}

/* A new directory holding a copy of the schema-1 user database. */
static char *v1_dir(const char *name)
{
	char *dir = tu_tmp(name), *src = xasprintf("%s/tests/data/userdata-v1.db", tu_srcdir());
	char *dst = xasprintf("%s/user.db", dir), *data;
	size_t len;
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_non_null(data = tu_read(src, &len));
	tu_write(dst, data, len);
	free(data);
	free(src);
	free(dst);
	return dir;
}

/* The bookmarks, or with history set the last visits, as one string. */
static char *refs_list(struct userdata *u, bool history)
{
	struct userdata_refs r = {0};
	struct buf b = {0};
	assert_int_equal(history ? userdata_history(u, 10, &r) : userdata_bookmarks(u, &r), 0);
	for (size_t i = 0; i < r.n; i++)
		buf_addf(&b, "%s%s:%s", i ? " " : "", r.v[i].protocol, r.v[i].code);
	userdata_refs_free(&r);
	return buf_detach(&b);
}

/* An old user database another program is writing cannot be brought up
 * to date: it opens read-only, says why, and shows what it holds; once
 * the other program is done it is migrated with nothing lost. */
static void test_user_db_locked(void **state)
{
	(void)state;
	char *dir = v1_dir("ud-locked"), *path = xasprintf("%s/user.db", dir), *v;
	sqlite3 *other;
	struct userdata *u;

	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(u = userdata_open(dir));
	assert_false(userdata_writable(u));
	char *want = xasprintf("%s cannot be written (locked or damaged)", path);
	assert_string_equal(userdata_readonly_reason(u), want);
	free(want);
	v = refs_list(u, false);
	assert_string_equal(v, "http:404 ftp:530 http:403.14");
	free(v);
	assert_non_null(v = userdata_get(u, "lang"));
	assert_string_equal(v, "zh");
	free(v);
	assert_int_equal(userdata_set(u, "lang", "en"), -1);
	assert_int_equal(userdata_bookmark(u, "http", "410", true), -1);
	assert_int_equal(userdata_visit(u, "http", "410"), -1);
	userdata_close(u);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_non_null(u = userdata_open(dir));
	assert_true(userdata_writable(u));
	assert_null(userdata_readonly_reason(u));
	v = refs_list(u, false);
	assert_string_equal(v, "http:404 ftp:530 http:403.14");
	free(v);
	assert_int_equal(userdata_study_review_count(u, NULL), 0);
	userdata_close(u);
	free(path);
	free(dir);
}

/* A newer program's user database is read, never written. */
static void test_user_db_newer(void **state)
{
	(void)state;
	char *dir = v1_dir("ud-newer"), *path = xasprintf("%s/user.db", dir), *v;
	struct userdata *u;

	assert_non_null(u = userdata_open(dir));   /* brought up to this version */
	userdata_close(u);
	file_sql(path, "PRAGMA user_version = 99");
	assert_non_null(u = userdata_open(dir));
	assert_false(userdata_writable(u));
	char *want = xasprintf("%s was made by a newer statuscodes", path);
	assert_string_equal(userdata_readonly_reason(u), want);
	free(want);
	assert_int_equal(userdata_set(u, "lang", "en"), -1);
	char card[] = "http:404";
	struct userdata_card c = { .card = card };
	assert_int_equal(userdata_study_answer(u, &c, 3, true, 1000), -1);
	userdata_close(u);
	assert_non_null(v = userdata_peek(dir, "lang"));
	assert_string_equal(v, "zh");
	free(v);
	/* a file that is not a database: no user data at all */
	file_sql(path, "PRAGMA user_version = 2");
	tu_write(path, "not a database, not at all; long enough to be looked at by SQLite......"
	               "................................................................", 136);
	assert_null(userdata_open(dir));
	assert_null(userdata_peek(dir, "lang"));
	free(path);
	free(dir);
}

/* Writes the user database refuses (a trigger here; a full disk) return
 * -1 and leave it as it was: an answer is its card and its review, both
 * or neither. */
static void test_user_db_refused(void **state)
{
	(void)state;
	char *dir = v1_dir("ud-refused"), *path = xasprintf("%s/user.db", dir), *v;
	struct userdata *u;
	struct userdata_cards cards = {0};
	char card[] = "http:404";
	struct userdata_card c = { .card = card, .state = 2, .stability = 3.5, .reps = 1 };

	assert_non_null(u = userdata_open(dir));
	userdata_close(u);
	file_sql(path, "CREATE TRIGGER r1 BEFORE INSERT ON study_review BEGIN SELECT RAISE(ABORT, 'no'); END;"
	               "CREATE TRIGGER r2 BEFORE INSERT ON visit BEGIN SELECT RAISE(ABORT, 'no'); END;"
	               "CREATE TRIGGER r3 BEFORE INSERT ON setting BEGIN SELECT RAISE(ABORT, 'no'); END;"
	               "CREATE TRIGGER r4 BEFORE UPDATE ON setting BEGIN SELECT RAISE(ABORT, 'no'); END;"
	               "CREATE TRIGGER r5 BEFORE DELETE ON bookmark BEGIN SELECT RAISE(ABORT, 'no'); END;");
	assert_non_null(u = userdata_open(dir));
	assert_true(userdata_writable(u));
	assert_int_equal(userdata_study_answer(u, &c, 3, true, 1000), -1);
	assert_int_equal(userdata_study_cards(u, &cards), 0);
	assert_int_equal(cards.n, 0);
	assert_int_equal(userdata_visit(u, "http", "410"), -1);
	v = refs_list(u, true);
	assert_string_equal(v, "http:401 http:403 websocket:1006");
	free(v);
	assert_int_equal(userdata_set(u, "lang", "en"), -1);
	assert_int_equal(userdata_set(u, "theme", "dark"), -1);
	assert_non_null(v = userdata_get(u, "lang"));
	assert_string_equal(v, "zh");
	free(v);
	assert_int_equal(userdata_bookmark(u, "http", "404", false), -1);
	v = refs_list(u, false);
	assert_string_equal(v, "http:404 ftp:530 http:403.14");
	free(v);
	userdata_close(u);
	/* without the triggers the same writes work */
	file_sql(path, "DROP TRIGGER r1; DROP TRIGGER r2; DROP TRIGGER r3; DROP TRIGGER r4; DROP TRIGGER r5;");
	assert_non_null(u = userdata_open(dir));
	assert_int_equal(userdata_study_answer(u, &c, 3, true, 1000), 0);
	assert_int_equal(userdata_study_cards(u, &cards), 0);
	assert_int_equal(cards.n, 1);
	assert_string_equal(cards.v[0].card, "http:404");
	assert_int_equal(userdata_study_review_count(u, "http:404"), 1);
	assert_int_equal(userdata_visit(u, "http", "410"), 0);
	v = refs_list(u, true);
	assert_string_equal(v, "http:401 http:403 websocket:1006 http:410");
	free(v);
	assert_int_equal(userdata_set(u, "lang", "en"), 0);
	userdata_cards_free(&cards);
	userdata_close(u);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writes_refused),
		cmocka_unit_test(test_table_missing),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_reviews_and_claims),
		cmocka_unit_test(test_reads_fail),
		cmocka_unit_test(test_open_refused),
		cmocka_unit_test(test_import_locked),
		cmocka_unit_test(test_schema_and_compact),
		cmocka_unit_test(test_user_db_locked),
		cmocka_unit_test(test_user_db_newer),
		cmocka_unit_test(test_user_db_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
