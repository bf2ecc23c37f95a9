/* test_cover2.c: the error paths make coverage found untested in the
 * importer of curated tables and in the store's writer: each malformed
 * table and each refused write ends with one message that names the file
 * and line (or the database) and changes nothing. */
#include "config.h"
#include "testutil.h"

#include <errno.h>

/* ---- helpers ------------------------------------------------------------- */

static struct store *shared;   /* the test registry, a transaction open */

static int setup(void **state)
{
	(void)state;
	shared = tu_db("cover2.db");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_rollback(shared);
	store_close(shared);
	return 0;
}

static void sql(struct store *st, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(store_db(st), text, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", text, err);
}

/* A directory (new for each call) holding one table file named file. */
static char *table_dir(const char *file, const char *text)
{
	static int n;
	char *name = xasprintf("cur%d", ++n), *dir = tu_tmp(name);
	char *path = xasprintf("%s/%s", dir, file);
	free(name);
	assert_int_equal(mkdir(dir, 0755), 0);
	tu_write(path, text, strlen(text));
	free(path);
	return dir;
}

/* The number of rows of every table the importer writes, as one string. */
static char *row_counts(struct store *st)
{
	return tu_text(st, "SELECT (SELECT count(*) FROM protocol) || ' ' || (SELECT count(*) FROM class)"
	                   " || ' ' || (SELECT count(*) FROM entry) || ' ' || (SELECT count(*) FROM alias)"
	                   " || ' ' || (SELECT count(*) FROM source) || ' ' || (SELECT count(*) FROM claim)"
	                   " || ' ' || (SELECT count(*) FROM review) || ' ' || (SELECT count(*) FROM historic)"
	                   " || ' ' || (SELECT count(*) FROM meaning) || ' ' || (SELECT count(*) FROM comparison)"
	                   " || ' ' || (SELECT count(*) FROM xref) || ' ' || (SELECT count(*) FROM prior)"
	                   " || ' ' || (SELECT count(*) FROM synonym) || ' ' || (SELECT count(*) FROM vendor)"
	                   " || ' ' || (SELECT count(*) FROM finding)", NULL);
}

/* Imports the one table into the shared database inside a savepoint,
 * after the SQL before (a trigger, say), and rolls it back. Returns the
 * cause of the failure (caller frees; fails the test when it succeeded);
 * *dir is the table's directory. */
static char *import_fails(const char *before, const char *file, const char *text, char **dir)
{
	char *cause = NULL;
	*dir = table_dir(file, text);
	sql(shared, "SAVEPOINT t");
	if (before)
		sql(shared, before);
	if (import_curated(shared, *dir, &cause) == 0)
		fail_msg("%s/%s: imported without error", *dir, file);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	sql(shared, "ROLLBACK TO t; RELEASE t");
	return cause;
}

/* The same table imports, and what it wrote is then rolled back. */
static void import_ok(const char *file, const char *text, const char *check_sql, int64_t want)
{
	char *cause = NULL, *dir = table_dir(file, text);
	sql(shared, "SAVEPOINT t");
	if (import_curated(shared, dir, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(tu_int(shared, check_sql, NULL), want);
	sql(shared, "ROLLBACK TO t; RELEASE t");
	free(dir);
}

/* Importing the table fails with exactly PREFIX followed by rest, where
 * PREFIX is the table's path when full_path is set, else its name. */
static void expect_fail(const char *before, const char *file, const char *text, bool full_path,
                        const char *rest)
{
	char *dir, *cause = import_fails(before, file, text, &dir);
	char *want = full_path ? xasprintf("%s/%s%s", dir, file, rest) : xasprintf("%s%s", file, rest);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(dir);
}

/* Importing the directory dir fails with exactly "WHAT REST"; frees dir. */
static void dir_fails(char *dir, const char *what, const char *rest)
{
	char *cause = NULL, *want = xasprintf("%s%s", what, rest);
	assert_int_equal(import_curated(shared, dir, &cause), -1);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(dir);
}

/* ---- curated tables ------------------------------------------------------ */

#define CHECKS_HEAD "protocol\tcode\tcheck_en\tcheck_zh\tsource\n"

/* A row with fewer cells than the header, a file that is not UTF-8 and
 * columns of no known table each stop the import with the file's path (a
 * short row crashed it: the table was freed twice). */
static void test_table_shape(void **state)
{
	(void)state;
	char *dir, *before = row_counts(shared), *after;

	expect_fail(NULL, "t.tsv", CHECKS_HEAD "http\t301\tcheck\n", true,
	            ":2: 3 fields where the header has 5");
	expect_fail(NULL, "t.tsv", CHECKS_HEAD "\nhttp\t301\ta\tb\tc\td\n", true,
	            ":3: 6 fields where the header has 5");
	expect_fail(NULL, "u.tsv", "protocol\tname_en\nhttp\tH\xff\n", true,
	            ": not valid UTF-8");
	expect_fail(NULL, "k.tsv", "colour\tsize\nred\t1\n", true,
	            ": columns of no known curated table");
	/* a table after a bad one in the same directory is not loaded */
	dir = table_dir("a.tsv", "colour\n");
	char *other = xasprintf("%s/b.tsv", dir), *want = xasprintf("%s/a.tsv", dir);
	tu_write(other, "vendor\tspec_match\nAcme\tacme\n", strlen("vendor\tspec_match\nAcme\tacme\n"));
	dir_fails(dir, want, ": columns of no known curated table");
	free(want);
	free(other);
	after = row_counts(shared);
	assert_string_equal(after, before);
	free(after);
	free(before);
	/* no directory */
	dir = tu_tmp("no-such-dir");
	dir_fails(dir, dir, ": No such file or directory");
	/* a table that cannot be read (a link to nothing) */
	dir = table_dir("a.tsv", "vendor\tspec_match\nAcme\tacme\n");
	other = xasprintf("%s/b.tsv", dir);
	assert_int_equal(symlink("gone.tsv", other), 0);
	dir_fails(dir, other, ": No such file or directory");
	free(other);
}

#define REVIEW_HEAD "protocol\tcode\tlang\tkind\tmatch\tmessage_en\tmessage_zh\tresolution_en" \
	"\tresolution_zh\tsource\n"
#define MEANING_HEAD "protocol\tcode\tmeaning_en\tmeaning_zh\twho_en\twho_zh\tnote_en\tnote_zh\tsource\n"
#define PRIOR_HEAD "protocol\tcode\tseen_pct\tsource\n"
#define COMPARE_HEAD "members\ttitle_en\ttitle_zh\tnote_en\tnote_zh\tsource\n"

/* Each kind of table names the row that lacks what it needs (a prefix
 * of a code is not the code). */
static void test_table_rows(void **state)
{
	(void)state;
	static const struct { const char *file, *text, *rest; } cases[] = {
		{ "c.tsv", "protocol\tclass\tlo\thi\nhttp\t9xx\t999\t900\n",
		  ":2: a class needs protocol, class, lo and hi" },
		{ "c.tsv", "protocol\tclass\tlo\thi\nhttp\t\t900\t999\n",
		  ":2: a class needs protocol, class, lo and hi" },
		{ "r.tsv", "protocol\tcode\tphrase_en\nhttp\tabc\tX\n",
		  ":2: a registry row needs a protocol and a code" },
		{ "r.tsv", "protocol\tcode\tphrase_en\n\t404\tX\n",
		  ":2: a registry row needs a protocol and a code" },
		{ "x.tsv", CHECKS_HEAD "http\t301\ta\tb\tc\nhttp\t499\ta\tb\tc\n",
		  ":3: http 499 is not in the registry" },
		{ "x.tsv", CHECKS_HEAD "\t301\ta\tb\tc\n",
		  ":2: (no protocol) 301 is not in the registry" },
		{ "x.tsv", CHECKS_HEAD "http\t\ta\tb\tc\n",
		  ":2: http (no code) is not in the registry" },
		{ "x.tsv", CHECKS_HEAD "http\t301\ta\t\tc\n",
		  ":2: a row needs check_en, check_zh and source" },
		{ "d.tsv", "protocol\tcode\tdetail_en\tdetail_zh\tsource\n" "http\t204\td\t详\t\n",
		  ":2: a row needs detail_en, detail_zh and source" },
		{ "x.tsv", CHECKS_HEAD "http\t30\ta\tb\tc\n",
		  ":2: http 30 is not in the registry" },
		{ "v.tsv", REVIEW_HEAD "http\t301\ten\ttypo\t\tm\t消\tr\t解\ts\n",
		  ":2: a review row needs match" },
		{ "v.tsv", REVIEW_HEAD "http\t301\ten\ttypo\tx\tm\t消\tr\t解\t\n",
		  ":2: a review row needs source" },
		{ "v.tsv", REVIEW_HEAD "http\t301\ten\tbogus\tx\tm\t消\tr\t解\ts\n",
		  ":2: unknown kind of review finding \"bogus\"" },
		{ "v.tsv", REVIEW_HEAD "http\t599\ten\ttypo\tx\tm\t消\tr\t解\ts\n",
		  ":2: http 599 is not in the registry" },
		{ "m.tsv", MEANING_HEAD "http\t204\tm\t义\tw\t谁\tn\t\ts\n",
		  ":2: a meaning row needs note_zh" },
		{ "m.tsv", MEANING_HEAD "http\t299\tm\t义\tw\t谁\tn\t注\ts\n",
		  ":2: http 299 is not in the registry" },
		{ "q.tsv", COMPARE_HEAD "\tt\t题\tn\t注\ts\n",
		  ":2: a comparison needs members" },
		{ "q.tsv", COMPARE_HEAD "http:401 http:499\tt\t题\tn\t注\ts\n",
		  ":2: comparison member http:499 is not in the registry" },
		{ "q.tsv", COMPARE_HEAD "http:401 403\tt\t题\tn\t注\ts\n",
		  ":2: comparison member 403 is not in the registry" },
		{ "p.tsv", PRIOR_HEAD "http\t404\t101\ts\n",
		  ":2: a prior row needs a protocol, a code and a percentage" },
		{ "p.tsv", PRIOR_HEAD "http\t404\t-1\ts\n",
		  ":2: a prior row needs a protocol, a code and a percentage" },
		{ "p.tsv", PRIOR_HEAD "http\t404\t3x\ts\n",
		  ":2: a prior row needs a protocol, a code and a percentage" },
		{ "p.tsv", PRIOR_HEAD "http\t404\t\ts\n",
		  ":2: a prior row needs a protocol, a code and a percentage" },
		{ "w.tsv", "vendor\tspec_match\nAcme\t\n",
		  ":2: a vendor row needs a vendor and a spec_match" },
		{ "w.tsv", "vendor\tspec_match\n\tacme\n",
		  ":2: a vendor row needs a vendor and a spec_match" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		expect_fail(NULL, cases[i].file, cases[i].text, false, cases[i].rest);
}

/* Good tables of each kind write what they say. */
static void test_tables_load(void **state)
{
	(void)state;
	/* every kind is known; each row is one review */
	import_ok("v.tsv", REVIEW_HEAD "http\t301\ten\ttruncated_text\tx\tm\t消\tr\t解\ts\n"
	                   "http\t301\ten\tmistranslation\tx\tm\t消\tr\t解\ts\n"
	                   "http\t301\ten\toutdated_rule\tx\tm\t消\tr\t解\ts\n"
	                   "http\t301\ten\tcontradicts_rfc\tx\tm\t消\tr\t解\ts\n",
	          "SELECT count(*) FROM review WHERE file = 'v.tsv'", 4);

	/* a meaning is a row of its table and three claims of the file */
	import_ok("m.tsv", MEANING_HEAD "http\t204\tm\t义\tw\t谁\tn\t注\ts\n",
	          "SELECT (SELECT count(*) FROM meaning WHERE code = '204') * 10 +"
	          " (SELECT count(*) FROM claim c JOIN source s ON s.id = c.source_id WHERE s.file = 'm.tsv')", 13);
	/* three members: each is compared with the two others */
	import_ok("q.tsv", COMPARE_HEAD "http:404 http:410 http:421\tt\t题\tn\t注\ts\n",
	          "SELECT count(*) FROM xref x JOIN comparison c ON c.id = x.comparison_id"
	          " WHERE c.members = 'http:404 http:410 http:421'", 6);

	/* the work a prior is derived from is its source's title */
	import_ok("p.tsv", PRIOR_HEAD "http\t404\t2.5\tHTTP Archive 2024: share of responses\n",
	          "SELECT count(*) FROM source WHERE file = 'p.tsv' AND title = 'HTTP Archive 2024'"
	          " AND author = 'derived by the statuscodes project'", 1);
	import_ok("p.tsv", PRIOR_HEAD "http\t404\t100\tno colon here\n",
	          "SELECT count(*) FROM source WHERE file = 'p.tsv' AND title = 'no colon here'", 1);
	import_ok("p.tsv", "protocol\tcode\tseen_pct\nhttp\t404\t0\n",
	          "SELECT count(*) FROM source WHERE file = 'p.tsv' AND title = 'statuscodes curated data'"
	          " AND author = 'statuscodes project'", 1);

	import_ok("w.tsv", "vendor\tspec_match\nAcme\tacme\nBeta\tbeta\n", "SELECT count(*) FROM vendor", 2);

	/* a glossary row is one group of its two cells; a synonym row one of
	 * its terms, empty terms left out */
	import_ok("g.tsv", "en\tzh\nredirect\t重定向\n", "SELECT count(DISTINCT grp) * 10 + count(*) FROM synonym", 12);
	import_ok("s.tsv", "terms\nauth; login ;; \nerror\n",
	          "SELECT count(DISTINCT grp) * 10 + count(*) FROM synonym", 23);
}

/* A write the database refuses (a trigger here; a full disk, a lock)
 * stops the import of each kind of table with the database's name. */
static void test_table_write_refused(void **state)
{
	(void)state;
	static const struct { const char *table, *file, *text; } cases[] = {
		{ "protocol", "p.tsv", "protocol\tname_en\nws\tWebSocket\n" },
		{ "class", "c.tsv", "protocol\tclass\tlo\thi\nhttp\t5xx\t500\t599\n" },
		{ "entry", "r.tsv", "protocol\tcode\tphrase_en\nhttp\t299\tX\n" },
		{ "claim", "r.tsv", "protocol\tcode\tphrase_en\nhttp\t299\tX\n" },
		{ "alias", "r.tsv", "protocol\tcode\tphrase_en\taliases\nhttp\t299\tX\tex; 例\n" },
		{ "claim", "x.tsv", CHECKS_HEAD "http\t301\ta\tb\tc\n" },
		{ "source", "x.tsv", CHECKS_HEAD "http\t301\ta\tb\tc\n" },
		{ "review", "v.tsv", REVIEW_HEAD "http\t301\ten\ttypo\tx\tm\t消\tr\t解\ts\n" },
		{ "historic", "h.tsv", "protocol\tcode\tformer_en\tmatch\nhttp\t204\tEmpty\t\n" },
		{ "meaning", "m.tsv", MEANING_HEAD "http\t204\tm\t义\tw\t谁\tn\t注\ts\n" },
		{ "claim", "m.tsv", MEANING_HEAD "http\t204\tm\t义\tw\t谁\tn\t注\ts\n" },
		{ "comparison", "q.tsv", COMPARE_HEAD "http:401 http:403\tt\t题\tn\t注\ts\n" },
		{ "xref", "q.tsv", COMPARE_HEAD "http:401 http:403\tt\t题\tn\t注\ts\n" },
		{ "prior", "p.tsv", "protocol\tcode\tseen_pct\nhttp\t404\t1\n" },
		{ "synonym", "s.tsv", "terms\na;b\n" },
		{ "vendor", "w.tsv", "vendor\tspec_match\nAcme\tacme\n" },
		{ "source", "w.tsv", "vendor\tspec_match\nAcme\tacme\n" },
	};
	char *before = row_counts(shared), *after;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *trigger = xasprintf("CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.%s"
		                          " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END", cases[i].table);
		char *dir, *cause = import_fails(trigger, cases[i].file, cases[i].text, &dir);
		char *want = xasprintf("%s: cannot write: ", store_path(shared));
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("%s into %s: \"%s\", not \"%s...\"", cases[i].file, cases[i].table, cause, want);
		free(want);
		free(cause);
		free(trigger);
		free(dir);
	}
	/* a second row with the key of the first */
	char *dir, *cause = import_fails(NULL, "p.tsv", "protocol\tname_en\nws\tWebSocket\nws\tAgain\n", &dir);
	assert_non_null(strstr(cause, ": cannot write: "));
	free(cause);
	free(dir);
	after = row_counts(shared);
	assert_string_equal(after, before);
	free(after);
	free(before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_tables_load),
		cmocka_unit_test(test_table_write_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
