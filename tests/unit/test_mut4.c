/* test_mut4.c: tests written against the survivors of the seed-41
 * mutation sample (docs/TESTING.md, make check-mutants), a sample the
 * suite had not seen; each was seen failing on its mutant and passing
 * without it. */
#include "config.h"
#include "testutil.h"

#include "explain.h"
#include "report.h"

/* ---- a row with a control character: why, in each language -------------- */

/* A document row holding a control character is refused, and the reason
 * is given in English and in Chinese, each in its own field (the import
 * prints the one the user reads). Kills src/import/doc.c:118 swapping
 * `why, why_zh` (the English reason stored as the Chinese one). */
static void test_control_reason_languages(void **state)
{
	(void)state;
	struct doc d;
	tu_parse("t.txt", "404 Not Found\n410 Gone\a away\n500 Internal Server Error\n", &d);
	assert_int_equal(d.nrows, 2);
	assert_int_equal(d.nrejects, 1);
	assert_int_equal(d.rejects[0].line, 2);
	assert_string_equal(d.rejects[0].why, "a control character (U+0007) in the row");
	assert_string_equal(d.rejects[0].why_zh, "行中有控制字符（U+0007）");
	doc_free(&d);
}

/* ---- a long URL in explain's report -------------------------------------- */

/* A request URL longer than 64 bytes is shown as its first 40 bytes and
 * its last 23, joined by an ellipsis, each cut between characters: an é
 * across byte 40 stays out of the head, one across the tail's first byte
 * out of the tail. A URL of 64 bytes is shown whole. Kills
 * src/view/report.c:53 `return xasprintf(...)` to `return 0` (no URL was
 * shown at all). */
static void test_long_url(void **state)
{
	(void)state;
	static const char head[] = "https://example.com/aaaaaaaaaaaaaaaaaaa";   /* 39 bytes */
	static const char tail[] = "cccccccccccccccccccccc";                    /* 22 bytes */
	char *url = xasprintf("%s\xC3\xA9%s\xC3\xA9%s", head, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", tail);
	char *exact = xasprintf("https://example.com/%044d", 7);              /* 64 bytes */
	char *har = xasprintf("{\"log\":{\"version\":\"1.2\",\"entries\":["
	                      "{\"request\":{\"method\":\"GET\",\"url\":\"%s\"},"
	                      "\"response\":{\"status\":200,\"statusText\":\"OK\",\"headers\":[]}},"
	                      "{\"request\":{\"method\":\"GET\",\"url\":\"%s\"},"
	                      "\"response\":{\"status\":404,\"statusText\":\"Not Found\",\"headers\":[]}}]}}",
	                      url, exact);
	struct explain *ex = explain_new();
	explain_feed(ex, har, strlen(har));
	explain_finish(ex);
	struct view_report doc;
	view_report_build(explain_report(ex), LANG_BOTH, &doc);
	assert_int_equal(doc.nitems, 2);
	char *want = xasprintf("%s\xE2\x80\xA6%s", head, tail);
	assert_non_null(doc.items[0].url);
	assert_string_equal(doc.items[0].url, want);
	assert_non_null(doc.items[1].url);
	assert_int_equal(strlen(exact), 64);
	assert_string_equal(doc.items[1].url, exact);
	view_report_free(&doc);
	explain_free(ex);
	free(want);
	free(har);
	free(exact);
	free(url);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control_reason_languages),
		cmocka_unit_test(test_long_url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
