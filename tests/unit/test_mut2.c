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
static void test_phrases_give_away(void **state)
{
	(void)state;
	char *dir = tu_tmp("overlap-curated"), *cause = NULL;
	static const char *const files[] = { "checks-test.tsv", "classes.tsv", "confusables-test.tsv",
	                                     "historic-test.tsv", "protocols.tsv", "registry-test.tsv" };
	char *cmd = xasprintf("rm -rf '%s' && mkdir -p '%s'", dir, dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *from = xasprintf("%s/tests/data/curated/%s", tu_srcdir(), files[i]);
		char *to = xasprintf("%s/%s", dir, files[i]);
		size_t len;
		char *text = tu_read(from, &len);
		if (strcmp(files[i], "registry-test.tsv") == 0) {
			char *more = xasprintf("%s"
			    "http\t505\tHTTP Version\tHTTP\tstandard\tRFC 9110 §15.6.6\t\tTest summary.\t测试摘要。\ttest\n"
			    "http\t502\tProxy\tProxy 错误\tstandard\tRFC 9110 §15.6.3\t\tTest summary.\t测试摘要。\ttest\n",
			    text);
			free(text);
			text = more;
			len = strlen(text);
		}
		tu_write(to, text, len);
		free(text);
		free(from);
		free(to);
	}
	char *path = tu_tmp("overlap.db");
	struct store *st = NULL;
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_begin(st, &cause), 0);
	if (import_curated(st, dir, &cause) != 0)
		fail_msg("%s", cause);
	if (import_finish(st, &cause) != 0)
		fail_msg("%s", cause);
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
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shared_text_other_code),
		cmocka_unit_test(test_phrases_give_away),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
