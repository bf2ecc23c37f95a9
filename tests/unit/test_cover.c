/* test_cover.c: core text functions on the inputs no other test gives
 * them (found with make coverage): invalid UTF-8 where a string fits, the
 * ASCII fallback of invalid bytes, an empty needle or digit string. */
#include "config.h"
#include "testutil.h"

#include "buf.h"
#include "str.h"
#include "text.h"

/* A string that fits is copied with each invalid byte as U+FFFD, one
 * column each; one that does not fit stops before the first column past
 * the width, never half a replacement. */
static void test_fit_invalid_bytes(void **state)
{
	(void)state;
	struct buf b = {0};
	assert_int_equal(text_fit(&b, "a\xff" "b", 10, false, false), 3);
	assert_string_equal(buf_str(&b), "a\xEF\xBF\xBD" "b");
	buf_free(&b);
	assert_int_equal(text_fit(&b, "a\xff\xfe" "b", 2, false, false), 2);
	assert_string_equal(buf_str(&b), "a\xEF\xBF\xBD");
	buf_free(&b);
	assert_int_equal(text_fit(&b, "\xff\xfe", 1, true, false), 1);
	assert_string_equal(buf_str(&b), "\xEF\xBF\xBD");
	buf_free(&b);
}

/* The ASCII fallback writes an invalid byte as one '?'. */
static void test_ascii_fallback_invalid(void **state)
{
	(void)state;
	char *s = text_ascii_fallback("a\xff" "b\xc3");
	assert_string_equal(s, "a?b?");
	free(s);
}

static void test_str_edges(void **state)
{
	(void)state;
	const char *hay = "Not Found";
	assert_ptr_equal(str_casestr(hay, ""), hay);    /* the empty needle is at the start */
	assert_ptr_equal(str_casestr(hay, "FOUND"), hay + 4);
	assert_null(str_casestr(hay, "gone"));
	assert_false(str_is_digits(""));
	assert_true(str_is_digits("404"));
	assert_false(str_is_digits("40x"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_invalid_bytes),
		cmocka_unit_test(test_ascii_fallback_invalid),
		cmocka_unit_test(test_str_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
