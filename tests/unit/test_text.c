/* test_text.c: UTF-8, display width, fitting and wrapping (src/core). */
#include "config.h"
#include "testutil.h"

#include "str.h"
#include "text.h"

static void test_decode(void **state)
{
	uint32_t cp;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("缓", 3, &cp), 3);
	assert_int_equal(cp, 0x7F13);
	assert_int_equal(utf8_decode("\xF0\xA0\x80\x80", 4, &cp), 4); /* U+20000 */
	assert_int_equal(cp, 0x20000);
	assert_int_equal(utf8_decode("\xE7\xBC", 2, &cp), -1);       /* truncated */
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), -1);       /* overlong */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), -1);   /* surrogate */
	assert_int_equal(utf8_decode("\xFF", 1, &cp), -1);
	assert_true(utf8_valid("代理 proxy", strlen("代理 proxy")));
	assert_false(utf8_valid("a\xFF", 2));
}

/* text_clean: invalid bytes become U+FFFD, controls visible escapes. */
static void test_clean(void **state)
{
	char *c = text_clean("a\xFF\x01" "b\033]0;t\007\x7F\n\t" "\xC2\x9B" "c\0d", 18);
	assert_string_equal(c, "a\xEF\xBF\xBD^Ab^[]0;t^G^?\n\t<U+009B>c^@d");
	free(c);
	/* what text_width measures is what is printed */
	assert_int_equal(text_width("a\033b\xFF"), 5);
	struct buf b = {0};
	text_fit(&b, "\033[2J\xFF\xFE", 80, false, false);
	assert_string_equal(buf_str(&b), "^[[2J\xEF\xBF\xBD\xEF\xBF\xBD");
	buf_free(&b);
	char *a = text_ascii_fallback("\033[31m");
	assert_string_equal(a, "^[[31m");
	free(a);
}

/* A word of invalid bytes wider than the line: the cut must index the
 * cleaned text, not the input (issue 15 item 1: a heap read past the end). */
static void test_wrap_invalid(void **state)
{
	char in[41], **lines;
	memset(in, 0xFF, 40);
	in[40] = '\0';
	size_t n = text_wrap(in, 7, &lines), total = 0;
	for (size_t i = 0; i < n; i++) {
		assert_true(text_width(lines[i]) <= 7);
		assert_true(utf8_valid(lines[i], strlen(lines[i])));
		total += text_width(lines[i]);
	}
	assert_int_equal(total, 40); /* every byte once, none twice, none lost */
	text_lines_free(lines, n);
	n = text_wrap("ab\xC3 \033[2J", 80, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "ab\xEF\xBF\xBD ^[[2J");
	text_lines_free(lines, n);
}

static void test_width(void **state)
{
	assert_int_equal(text_width("404"), 3);
	assert_int_equal(text_width("未找到"), 6);
	assert_int_equal(text_width("Upgrade 消息头"), 14);
	assert_int_equal(text_width("，"), 2);
	assert_true(text_has_cjk("HTTP 状态码"));
	assert_false(text_has_cjk("HTTP"));
}

static void test_fit(void **state)
{
	struct buf b = {0};
	/* 5 columns cannot hold the third wide character: never cut in half */
	assert_int_equal(text_fit(&b, "未找到了", 5, false, false), 4);
	assert_string_equal(buf_str(&b), "未找");
	buf_reset(&b);
	assert_int_equal(text_fit(&b, "未找到了", 5, true, false), 5);
	assert_string_equal(buf_str(&b), "未找 ");
	buf_reset(&b);
	assert_int_equal(text_fit(&b, "Not Found", 6, false, true), 6);
	assert_string_equal(buf_str(&b), "Not F…");
	buf_reset(&b);
	assert_int_equal(text_fit(&b, "未找到了", 6, false, true), 5);
	assert_string_equal(buf_str(&b), "未找…");
	buf_reset(&b);
	assert_int_equal(text_fit(&b, "ok", 0, false, true), 0);
	buf_free(&b);
}

static void test_wrap(void **state)
{
	char **lines;
	const char *s = "服务器已经理解请求，但是拒绝执行它。与401响应不同的是，身份验证并不能提供任何帮助。";
	size_t n = text_wrap(s, 20, &lines);
	assert_true(n >= 3);
	for (size_t i = 0; i < n; i++) {
		assert_true(text_width(lines[i]) <= 20);
		/* Unicode line breaking: no line starts with closing punctuation */
		assert_false(str_starts_with(lines[i], "，"));
		assert_false(str_starts_with(lines[i], "。"));
	}
	text_lines_free(lines, n);
	n = text_wrap("one two\nthree", 80, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[1], "three");
	text_lines_free(lines, n);
	/* a word longer than the width is cut between characters */
	n = text_wrap("https://example.com/a/very/long/path", 10, &lines);
	for (size_t i = 0; i < n; i++)
		assert_true(text_width(lines[i]) <= 10);
	text_lines_free(lines, n);
	n = text_wrap("宽", 1, &lines); /* narrower than one character: no hang */
	assert_true(n >= 1);
	text_lines_free(lines, n);
}

static void test_wrap_spaces(void **state)
{
	char **lines;
	size_t n = text_wrap_spaces("With --coverage, how many entries have text; --dry-run changes nothing.", 20, &lines);
	for (size_t i = 0; i < n; i++) {
		assert_true(text_width(lines[i]) <= 20);
		/* options are never split at their hyphens */
		assert_false(str_ends_with(lines[i], "-"));
	}
	assert_string_equal(lines[0], "With --coverage, how");
	text_lines_free(lines, n);
	n = text_wrap_spaces("--color=auto|always|never", 10, &lines); /* one long word */
	assert_int_equal(n, 1);
	text_lines_free(lines, n);
	n = text_wrap_spaces("", 10, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "");
	text_lines_free(lines, n);
}

static void test_str(void **state)
{
	char *f = str_fold("Request-URI Too Long");
	assert_string_equal(f, "requesturitoolong");
	free(f);
	assert_int_equal(str_distance("forbiden", "forbidden", 3), 1);
	assert_int_equal(str_distance("abc", "xyzxyz", 2), 3);
	char s[] = "\xE3\x80\x80 padded\xC2\xA0 ";
	assert_string_equal(str_trim(s), "padded");
	assert_true(str_empty("\xE3\x80\x80 "));
	assert_non_null(str_casestr("Retry-After", "AFTER"));
	char *a = text_ascii_fallback("404 未找到");
	assert_string_equal(a, "404 ??????");
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_wrap_invalid),
		cmocka_unit_test(test_wrap_spaces),
		cmocka_unit_test(test_str),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
