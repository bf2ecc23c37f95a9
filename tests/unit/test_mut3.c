/* test_mut3.c: tests written against survivors of mutation testing that
 * need a database failing on demand, a document at the size limit, or a
 * leak seen without valgrind (docs/TESTING.md, make check-mutants); each
 * was seen failing on its mutant and passing without it.
 *
 * A database fails on demand without a hook in src/: a TEMP trigger that
 * RAISEs on the insert in question, or a TEMP table that hides a table of
 * the schema (an unqualified name finds temp first), so that a query of
 * the real program fails as it would on a database of another version. */
#include "config.h"
#include "testutil.h"

#include <malloc.h>

#include "explain.h"
#include "panes.h"
#include "str.h"
#include "study.h"

static void exec_ok(struct store *st, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
}

/* ---- a database error while explaining ---------------------------------- */

/* A code seen in a log whose lookup fails (the entry table hidden) is an
 * error of explain_resolve, not a code without a meaning. Kills
 * src/explain/resolve.c:55 `return -1` to `return 0`. */
static void test_resolve_db_error(void **state)
{
	(void)state;
	char *path = tu_tmp("resolve.db"), *cause = NULL;
	struct store *st = tu_builtdb_copy(path);
	exec_ok(st, "CREATE TEMP TABLE entry(x)");
	struct explain *ex = explain_new();
	explain_feed(ex, "404\n200\n", 8);
	explain_finish(ex);
	assert_int_equal(explain_resolve(explain_report(ex), st, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "not a usable statuscodes database"));
	free(cause);
	explain_free(ex);
	store_close(st);
	unlink(path);
	free(path);
}

/* ---- a database error while storing a curated alias --------------------- */

/* import_curated of tests/data/curated into a new database where the
 * statement named by trigger (a TEMP trigger's SQL) fails; returns the
 * status and sets *cause. */
static int curated_failing(const char *tag, const char *trigger, char **cause)
{
	char *path = tu_tmp(tag), *dir = xasprintf("%s/tests/data/curated", tu_srcdir());
	struct store *st = NULL;
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, cause) != 0)
		fail_msg("%s", *cause);
	exec_ok(st, trigger);
	assert_int_equal(store_begin(st, cause), 0);
	int rc = import_curated(st, dir, cause);
	store_rollback(st);
	store_close(st);
	free(dir);
	free(path);
	return rc;
}

/* The registry's aliases are stored twice: as a claim and in the alias
 * table. A failure of either stops the import with the database's word.
 * The failing alias is CLOSE_UNSUPPORTED (websocket 1003), the registry's
 * last: the rows after it (1007, 4000-4999) are not referred to by the
 * other curated tables, so an import that gives up on the registry
 * quietly would otherwise succeed. Kills src/import/curated.c's `return -1`
 * after a failed alias (to `return 0`) and each `||` half dropped. */
static void test_alias_db_error(void **state)
{
	(void)state;
	char *cause = NULL;
	assert_int_equal(curated_failing("alias-ok.db", "SELECT 1", &cause), 0);
	assert_int_equal(curated_failing("alias-fail.db",
	                 "CREATE TEMP TRIGGER no_alias BEFORE INSERT ON main.alias WHEN new.name = 'CLOSE_UNSUPPORTED'"
	                 " BEGIN SELECT RAISE(ABORT, 'no alias today'); END", &cause), -1);
	assert_non_null(cause);
	free(cause);
	cause = NULL;
	assert_int_equal(curated_failing("alias-claim-fail.db",
	                 "CREATE TEMP TRIGGER no_alias_claim BEFORE INSERT ON main.claim"
	                 " WHEN new.field = 'alias' AND new.value = 'CLOSE_UNSUPPORTED' BEGIN SELECT RAISE(ABORT, 'no alias claim'); END",
	                 &cause), -1);
	assert_non_null(cause);
	free(cause);
}

/* ---- a database that cannot be replaced -------------------------------- */

/* An import whose rename fails for a reason other than the file size limit
 * (the database's path became a folder with a file in it) says it cannot
 * replace the database, and why; not "ulimit -f". Kills src/store/store.c's
 * `errno == EFBIG` to `!=` in store_publish. */
static void test_publish_rename_error(void **state)
{
	(void)state;
	char *path = tu_tmp("publish.db"), *cause = NULL;
	struct store *st = NULL;
	char *cmd = xasprintf("rm -rf '%s'", path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	if (store_open(path, STORE_CREATE, &st, &cause) != 0)
		fail_msg("%s", cause);
	store_close(st);
	if (store_open(path, STORE_IMPORT, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_begin(st, &cause), 0);
	assert_int_equal(store_commit(st, &cause), 0);
	/* the path is now a folder that is not empty: rename(2) fails with
	 * EISDIR, never EFBIG */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	char *inside = xasprintf("%s/keep", path);
	tu_write(inside, "x", 1);
	assert_int_equal(store_publish(st, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot replace it with the new copy"));
	assert_null(strstr(cause, "ulimit"));
	free(cause);
	store_close(st);
	unlink(inside);
	free(inside);
	cmd = xasprintf("rm -rf '%s' '%s'-*", path, path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
}

/* ---- a document of exactly the size limit ------------------------------ */

/* A markdown table padded with lines of spaces to exactly len bytes. */
static char *padded_doc(size_t len)
{
	static const char head[] = "| Code | Reason |\n|------|--------|\n| 404 | Not Found |\n";
	char *s = xmalloc(len + 1);
	size_t at = sizeof head - 1;
	memcpy(s, head, at);
	while (at < len) {
		size_t n = len - at < 200000 ? len - at : 200000;
		memset(s + at, ' ', n);
		at += n;
		if (at < len)
			s[at - 1] = '\n';
	}
	s[len] = '\0';
	return s;
}

/* A document of exactly DOC_MAX_BYTES (16 MiB) is read, one byte more is
 * not, from a file (doc_load) and from memory (doc_parse). Kills the `>` to
 * `>=` of the three size checks in src/import/fmt.c (doc_read, doc_parse,
 * doc_parse_text). */
static void test_doc_size_limit(void **state)
{
	(void)state;
	char *path = tu_tmp("limit.md"), *cause = NULL;
	struct doc d;
	char *text = padded_doc(DOC_MAX_BYTES);
	tu_write(path, text, DOC_MAX_BYTES);
	if (doc_load(path, "limit.md", &d, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.rows[0].label, "404");
	doc_free(&d);
	if (doc_parse("limit.md", text, DOC_MAX_BYTES, &d, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(d.nrows, 1);
	doc_free(&d);
	free(text);

	text = padded_doc(DOC_MAX_BYTES + 1);
	tu_write(path, text, DOC_MAX_BYTES + 1);
	assert_int_equal(doc_load(path, "limit.md", &d, &cause), -1);
	assert_non_null(strstr(cause, "larger than 16 MiB"));
	free(cause);
	assert_int_equal(doc_parse("limit.md", text, DOC_MAX_BYTES + 1, &d, &cause), -1);
	assert_non_null(strstr(cause, "larger than 16 MiB"));
	free(cause);
	free(text);
	unlink(path);
	free(path);
}

/* ---- no leak, seen without valgrind ------------------------------------- */

/* Bytes in use on the heap (glibc); 0 under a sanitizer or valgrind, which
 * replace malloc and see leaks themselves. */
static size_t heap_in_use(void)
{
	return mallinfo2().uordblks;
}

/* Parsing a document of each format and freeing it gives every byte back:
 * the second round (after one that fills any cache) leaves the heap as it
 * found it. Kills src/import/fmt_table.c's `k < n` to `k >= n` in md_parse
 * (the rows' cells never freed), which only `make check-valgrind` saw. */
static void test_parse_frees_all(void **state)
{
	(void)state;
	static const char *const docs[][2] = {
		{ "t.md", "# HTTP\n\n| Code | Reason | Meaning |\n|---|---|---|\n"
		          "| 404 | Not Found | 未找到 |\n| 410 | Gone | 已删除 |\n|  |\n| 999 |\n" },
		{ "t.html", "<table><tr><th>Code</th><th>Reason</th></tr>"
		            "<tr><td>404</td><td>Not Found</td></tr><tr><td>410</td><td>Gone &amp; away</td></tr></table>" },
		{ "t.txt", "404 Not Found\n410 Gone\n500 Internal Server Error\n" },
	};
	for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
		struct doc d;
		tu_parse(docs[i][0], docs[i][1], &d);
		doc_free(&d);
		size_t before = heap_in_use();
		tu_parse(docs[i][0], docs[i][1], &d);
		assert_true(d.nrows >= 2);
		doc_free(&d);
		size_t after = heap_in_use();
		if (after != before)
			fail_msg("%s: %zu bytes in use before parsing, %zu after freeing", docs[i][0], before, after);
	}
}

/* ---- a class heading is 1xx to 6xx ------------------------------------- */

/* In a sectioned list, "## 7xx Developer errors" is a heading but not a
 * class (no protocol has one): the prose under it is no class's text, and
 * its items stay in the list they were in. Kills src/import/doc.c:365
 * dropping `h[0] <= '6' &&` (7xx, 8xx, 9xx read as classes), and
 * `h[0] >= '1' &&` (0xx). */
static void test_heading_class_digits(void **state)
{
	(void)state;
	struct doc d;
	tu_parse("s.md",
	         "# HTTP status codes\n\n## 4xx Client errors\n\nThe client sent something wrong.\n\n"
	         "- 404 Not Found: nothing here.\n- 410 Gone: gone for good.\n\n"
	         "## 7xx Developer errors\n\nA joke list, not a class of HTTP.\n\n- 701 Meh: a joke.\n\n"
	         "## 0xx Nothing\n\nNot a class either.\n", &d);
	assert_string_equal(d.format, "sectioned-list");
	assert_int_equal(d.nrows, 3);
	for (size_t i = 0; i < d.ntexts; i++)
		if (d.texts[i].label && (strcmp(d.texts[i].label, "7xx") == 0 || strcmp(d.texts[i].label, "0xx") == 0))
			fail_msg("line %d: text of a class %s", d.texts[i].line, d.texts[i].label);
	assert_string_equal(d.rows[2].label, "701");
	assert_int_equal(d.rows[2].table, d.rows[0].table);
	doc_free(&d);
	tu_parse("s.md", "# FTP replies\n\n## 6xx Protected replies\n\nReplies of the security extensions.\n\n"
	                 "- 631 Integrity protected reply.\n", &d);
	assert_int_equal(d.ntexts, 1);
	assert_string_equal(d.texts[0].label, "6xx");
	doc_free(&d);
}

/* ---- a quiz hides a Chinese phrase wherever it stands -------------------- */

/* A term that does not begin with a letter or digit (a Chinese phrase) is
 * hidden even right after one: Chinese text runs on without spaces, and
 * "返回404未找到" must not give away 未找到. Kills src/study/question.c:59
 * dropping `word_byte(m[0]) &&` (the whole-word rule applied to it). */
static void test_mask_after_word(void **state)
{
	(void)state;
	char *m = study_mask("返回404未找到。", (const char *[]){ "未找到", "404" }, 2);
	assert_string_equal(m, "返回______。");
	free(m);
	m = study_mask("ASP.NET 404", (const char *[]){ ".NET" }, 1);
	assert_string_equal(m, "ASP___ 404");
	free(m);
	m = study_mask("4040 and x404", (const char *[]){ "404" }, 1);   /* a code is a whole word */
	assert_string_equal(m, "4040 and x404");
	free(m);
}

/* ---- a database error while applying the reviews ---------------------- */

/* The reviews are applied in two statements; when the second (the check
 * that every review row matched a claim) cannot be prepared, the import
 * stops with that message. A TEMP view hides the review table's file,
 * line and id, which only the second statement reads. Kills
 * src/store/store_write.c:269 `return -1` to `return 0` (the error was
 * dropped and the check skipped). */
static void test_review_db_error(void **state)
{
	(void)state;
	char *cause = NULL;
	struct store *st = tu_db("review.db");
	exec_ok(st, "CREATE TEMP VIEW review AS SELECT protocol, code, lang, kind, match, message_en,"
	            " message_zh, resolution_en, resolution_zh FROM main.review");
	assert_int_equal(store_apply_reviews(st, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "cannot read the review"));
	free(cause);
	exec_ok(st, "DROP VIEW temp.review");
	assert_int_equal(store_apply_reviews(st, &cause), 0);
	store_rollback(st);
	store_close(st);
}

/* ---- white space is U+00A0, not its neighbours ------------------------- */

/* str_trim takes the no-break space (C2 A0) and the ideographic space from
 * the ends, but no other character of U+0080-U+00BF: a section sign, a
 * copyright sign or a degree sign at either end stays. Kills
 * src/core/str.c:42 dropping `&& u[1] == 0xA0` (every C2 xx was space). */
static void test_trim_only_nbsp(void **state)
{
	(void)state;
	char a[] = "\xC2\xA0 \xC2\xA7" "15.3 \xC2\xA9\xE3\x80\x80";    /* NBSP, §15.3 ©, U+3000 */
	assert_string_equal(str_trim(a), "\xC2\xA7" "15.3 \xC2\xA9");
	char b[] = "\xC2\xB0" "C\xC2\xA0";                             /* °C, NBSP */
	assert_string_equal(str_trim(b), "\xC2\xB0" "C");
}

/* ---- a database error while jumping to typed digits ------------------ */

/* Digits typed in the browser whose lookup fails in the current protocol
 * show the database's error and go nowhere: the lookup is not tried again
 * in every protocol, which could succeed and hide the error. A TEMP view
 * hides the entry table behind one whose `hi` column fails (an integer
 * overflow, which the store reports as "cannot read") on WebSocket 0-999
 * alone. In WebSocket, "1" is looked for inside the ranges, which reads
 * 0-999 and fails; in every protocol a number under 1000 names no range
 * and the codes 1xx are listed, HTTP 100 first, and found. Kills src/tui/prompt.c:252 dropping `rc == 0 &&` (the loop
 * went on to its second pass after the error: HTTP 100 was shown and the
 * first error's text leaked). */
static void test_jump_db_error(void **state)
{
	(void)state;
	char *path = tu_tmp("jump.db"), *err = NULL, *cause = NULL;
	struct store *st = tu_builtdb_copy(path);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_db(st),
	        "SELECT group_concat(CASE name WHEN 'hi' THEN 'CASE WHEN protocol = ''websocket'' AND code = ''0-999''"
	        " THEN abs(-9223372036854775807 - 1) ELSE hi END AS hi' ELSE name END, ', ')"
	        " FROM pragma_table_info('entry')", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *sql = xasprintf("CREATE TEMP VIEW entry AS SELECT %s FROM main.entry",
	                      (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (sqlite3_exec(store_db(st), sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	free(sql);

	struct tui t;
	memset(&t, 0, sizeof t);
	t.st = st;
	if (store_protocols(st, &t.protos, &cause) != 0)
		fail_msg("%s", cause);
	while (t.panes[PANE_PROTO].sel < t.protos.n &&
	       strcmp(t.protos.v[t.panes[PANE_PROTO].sel].id, "websocket") != 0)
		t.panes[PANE_PROTO].sel++;
	assert_true(t.panes[PANE_PROTO].sel < t.protos.n);
	keys_init();
	const struct screen_key one = { false, L'1' };
	assert_true(tui_jump_key(&t, &one));
	assert_string_equal(t.jump.digits, "1");
	assert_int_equal(t.cur.id, 0);          /* nothing shown */
	assert_non_null(t.msg);
	assert_non_null(strstr(t.msg, "cannot read"));
	free(t.msg);
	keys_free();
	sc_protocols_free(&t.protos);
	store_close(st);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve_db_error),
		cmocka_unit_test(test_alias_db_error),
		cmocka_unit_test(test_publish_rename_error),
		cmocka_unit_test(test_doc_size_limit),
		cmocka_unit_test(test_parse_frees_all),
		cmocka_unit_test(test_heading_class_digits),
		cmocka_unit_test(test_mask_after_word),
		cmocka_unit_test(test_review_db_error),
		cmocka_unit_test(test_trim_only_nbsp),
		cmocka_unit_test(test_jump_db_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
