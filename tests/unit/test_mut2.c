/* test_mut2.c: more tests written against survivors of mutation testing
 * (docs/TESTING.md, make check-mutants), each seen failing on its mutant. */
#include "config.h"
#include "testutil.h"

#include "study.h"

static int64_t findings(struct store *st, const char *kind)
{
	return tu_int(st, "SELECT count(*) FROM finding WHERE kind = ?1", kind);
}

/* Two codes given the same text (up to case and the final stop) are each
 * reported against the row of the other code, never their own: the row for
 * 302 at line 3 repeats line 1 (302 too) and line 2 (301), and is reported
 * as sharing 301's text. Kills src/import/reconcile_repeats.c:100 `!=` to
 * `==` (the row was compared with its own code and not reported). */
static void test_shared_text_other_code(void **state)
{
	(void)state;
	struct store *st = tu_db("shared.db");
	tu_import(st, "blocks.txt",
	          "Redirects |\n"
	          "302 |\nFound |\nThe resource is somewhere else for now. |\nsince 1.0 |\n"
	          "301 |\nMoved Permanently |\nThe resource is somewhere else for now. |\nsince 1.0 |\n"
	          "302 |\nFound elsewhere |\nThe resource is somewhere else for now. |\nsince 1.1 |\n");
	assert_int_equal(findings(st, "copied_text"), 0);
	assert_int_equal(findings(st, "shared_text"), 2);
	char *msg = tu_text(st, "SELECT group_concat(message, ' | ') FROM (SELECT message FROM finding"
	                        " WHERE kind = ?1 ORDER BY line)", "shared_text");
	assert_string_equal(msg, "301 and 302 (line 2) are given the same text, which cannot tell them apart | "
	                         "302 and 301 (line 6) are given the same text, which cannot tell them apart");
	free(msg);
	store_rollback(st);
	store_close(st);
}

/* A card that asks for the Chinese of an English phrase (or back) is made
 * only when neither phrase contains the other: "HTTP Version" / "HTTP" (the
 * Chinese inside the English) and "Proxy" / "Proxy 错误" (the English
 * inside the Chinese) would give the answer away. Kills the two swaps of
 * src/study/deck.c:150 (`strstr(a, b)` and `strstr(b, a)` swapped: one
 * direction was no longer seen). */
/* A new database (transaction open, import finished) from a copy of
 * tests/data/curated where file `name` (if not NULL) is replaced by text. */
static struct store *curated_db(const char *tag, const char *name, const char *text)
{
	static const char *const files[] = { "checks-test.tsv", "classes.tsv", "confusables-test.tsv",
	                                     "historic-test.tsv", "protocols.tsv", "registry-test.tsv" };
	char *dir = tu_tmp(tag), *cause = NULL;
	char *cmd = xasprintf("rm -rf '%s' && mkdir -p '%s'", dir, dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *from = xasprintf("%s/tests/data/curated/%s", tu_srcdir(), files[i]);
		char *to = xasprintf("%s/%s", dir, files[i]);
		size_t len;
		char *t = tu_read(from, &len);
		if (name && strcmp(files[i], name) == 0)
			tu_write(to, text, strlen(text));
		else
			tu_write(to, t, len);
		free(t);
		free(from);
		free(to);
	}
	char *path = xasprintf("%s.db", dir);
	struct store *st = NULL;
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_begin(st, &cause), 0);
	if (import_curated(st, dir, &cause) != 0)
		fail_msg("%s", cause);
	if (import_finish(st, &cause) != 0)
		fail_msg("%s", cause);
	free(path);
	free(dir);
	return st;
}

static void test_phrases_give_away(void **state)
{
	(void)state;
	char *cause = NULL;
	size_t len;
	char *reg = xasprintf("%s/tests/data/curated/registry-test.tsv", tu_srcdir());
	char *text = tu_read(reg, &len);
	char *more = xasprintf("%s"
	    "http\t505\tHTTP Version\tHTTP\tstandard\tRFC 9110 §15.6.6\t\tTest summary.\t测试摘要。\ttest\n"
	    "http\t502\tProxy\tProxy 错误\tstandard\tRFC 9110 §15.6.3\t\tTest summary.\t测试摘要。\ttest\n",
	    text);
	struct store *st = curated_db("overlap-curated", "registry-test.tsv", more);
	free(more);
	free(text);
	free(reg);
	struct study_filter f = { .lang = STUDY_BOTH };
	struct study_deck d;
	if (study_deck_build(st, &f, &d, &cause) != 0)
		fail_msg("%s", cause);
	assert_true(study_deck_find(&d, "meaning:http:505") >= 0);
	assert_true(study_deck_find(&d, "meaning:http:502") >= 0);
	assert_true(study_deck_find(&d, "en-zh:http:505") < 0);
	assert_true(study_deck_find(&d, "zh-en:http:505") < 0);
	assert_true(study_deck_find(&d, "en-zh:http:502") < 0);
	assert_true(study_deck_find(&d, "zh-en:http:502") < 0);
	assert_true(study_deck_find(&d, "en-zh:http:200") >= 0);     /* OK / 成功 */
	study_deck_clear(&d);
	store_rollback(st);
	store_close(st);
}

/* A curated table is known by its columns, wherever they stand: a checks
 * table with check_en as its first column is still read as checks. Kills
 * src/import/curated.c:137 `>= 0` to `> 0`. */
static void test_curated_columns_any_order(void **state)
{
	(void)state;
	struct store *st = curated_db("order-curated", "checks-test.tsv",
	    "check_en\tprotocol\tcode\tcheck_zh\tsource\n"
	    "Look at the Location header.\thttp\t301\t看 Location 头。\ttest\n");
	char *v = tu_text(st, "SELECT check_en || ' / ' || check_zh FROM entry WHERE protocol = 'http' AND code = ?1", "301");
	assert_string_equal(v, "Look at the Location header. / 看 Location 头。");
	free(v);
	store_rollback(st);
	store_close(st);
}

/* In a pipe table, a row of one empty cell is a blank line (no finding);
 * a row of one cell with text is a short row, and a row whose first cell is
 * empty has no code: both rejected with their line. Kills the mutants of
 * src/import/fmt_table.c:169 (the empty row reported as a short row, or
 * every one-cell row or every row with an empty first cell let through). */
static void test_table_empty_row(void **state)
{
	(void)state;
	struct doc d;
	tu_parse("t.md",
	         "| Code | Reason | Meaning |\n"
	         "|------|--------|---------|\n"
	         "| 226 | Closing data connection | 传输完成，关闭数据连接。 |\n"
	         "|  |\n"
	         "| 530 | Not logged in | 用户未登录。 |\n"
	         "| 550 |\n"
	         "|  | Not a code | text |\n",
	         &d);
	assert_string_equal(d.format, "markdown-table");
	assert_int_equal(d.nrows, 2);
	assert_string_equal(d.rows[0].label, "226");
	assert_string_equal(d.rows[1].label, "530");
	assert_int_equal(d.nrejects, 2);
	assert_int_equal(d.rejects[0].line, 6);
	assert_non_null(strstr(d.rejects[0].why, "1 cells"));
	assert_int_equal(d.rejects[1].line, 7);
	assert_non_null(strstr(d.rejects[1].why, "no status code"));
	doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_text_other_code),
		cmocka_unit_test(test_phrases_give_away),
		cmocka_unit_test(test_curated_columns_any_order),
		cmocka_unit_test(test_table_empty_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
