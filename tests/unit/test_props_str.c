/* test_props_str.c: properties of wrapping, folding, edit distance and
 * code parsing over generated input, plus table tests at each limit
 * (exactly the width, exactly the distance, 5, 6 and 7 digit codes).
 * See props.h for the generator and how to repeat a failure. */
#include "config.h"
#include "testutil.h"

#include "doc.h"
#include "props.h"
#include "search.h"
#include "str.h"
#include "text.h"

#define PROP_CHECK(what, cond, i, s, n) do { \
	if (!(cond)) { \
		prop_report(what, i, s, n); \
		fail_msg("%s", what); \
	} \
} while (0)

/* s without the bytes in drop. Caller frees. */
static char *without(const char *s, const char *drop)
{
	struct buf b = {0};
	for (; *s; s++)
		if (!strchr(drop, *s))
			buf_addc(&b, *s);
	return buf_detach(&b);
}

/* The wrapped lines of s checked against the invariants: none wider than
 * the width (unless one character is wider), none with a newline, each
 * valid UTF-8, and no character of text_clean(s) lost or added (only the
 * spaces at the breaks go). */
static void check_wrap(size_t i, const char *s, size_t width)
{
	char **lines;
	size_t n = strlen(s), count = text_wrap(s, width, &lines), breaks = 0;
	struct buf all = {0};

	for (const char *p = s; *p; p++)
		breaks += *p == '\n';
	PROP_CHECK("wrap: a line per paragraph at least", count >= breaks + 1, i, s, n);
	for (size_t k = 0; k < count; k++) {
		const char *l = lines[k];
		size_t ll = strlen(l);
		uint32_t cp;
		int first = ref_decode(l, ll, &cp);
		bool one_char = first > 0 ? (size_t)first == ll : ll == 1;
		PROP_CHECK("wrap: no line wider than the width",
		           text_width(l) <= (width ? width : 1) || one_char, i, s, n);
		PROP_CHECK("wrap: no newline in a line", strchr(l, '\n') == NULL, i, s, n);
		PROP_CHECK("wrap: valid UTF-8 lines", ref_valid(l, ll), i, s, n);
		buf_adds(&all, l);
	}
	char *clean = text_clean(s, n);
	char *want = without(clean, " \n\t"), *got = without(buf_str(&all), " \n\t");
	free(clean);
	PROP_CHECK("wrap: no character lost or added", strcmp(want, got) == 0, i, s, n);
	free(want);
	free(got);
	buf_free(&all);
	text_lines_free(lines, count);
}

/* Every width from 0: at 0 and 1 each wide character is a line of its own. */
#define WRAP_MIN_WIDTH 0

static void test_wrap_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0};
		prop_text(&in, 40, false);
		char *s = text_clean(buf_str(&in), in.len);
		check_wrap(i, s, WRAP_MIN_WIDTH + prop_below(24));
		free(s);
		buf_free(&in);
	}
}

/* Table: a line of exactly the width stays whole; one column more breaks;
 * a wide character never straddles the edge. */
/* The same over raw text with invalid UTF-8 and controls: text_wrap
 * cleans it first (a bad byte is U+FFFD, a control its escape). */
static void test_wrap_invalid_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0};
		prop_text(&in, 40, true);
		check_wrap(i, buf_str(&in), WRAP_MIN_WIDTH + prop_below(24));
		buf_free(&in);
	}
}

static void test_wrap_limits(void **state)
{
	char **lines;
	size_t n = text_wrap("abcd efgh", 9, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "abcd efgh");
	text_lines_free(lines, n);
	n = text_wrap("abcd efgh", 8, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "abcd");
	assert_string_equal(lines[1], "efgh");
	text_lines_free(lines, n);
	n = text_wrap("未找到", 6, &lines);        /* exactly 6 columns */
	assert_int_equal(n, 1);
	text_lines_free(lines, n);
	n = text_wrap("未找到", 5, &lines);        /* the third would straddle */
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "未找");
	assert_string_equal(lines[1], "到");
	text_lines_free(lines, n);
	n = text_wrap("abcdefghij", 5, &lines);    /* a word cut at exactly 5 */
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "abcde");
	assert_string_equal(lines[1], "fghij");
	text_lines_free(lines, n);
	n = text_wrap("a\n\nb", 10, &lines);       /* an empty paragraph stays */
	assert_int_equal(n, 3);
	assert_string_equal(lines[1], "");
	text_lines_free(lines, n);
	n = text_wrap_spaces("ab cd", 5, &lines);  /* exactly the width */
	assert_int_equal(n, 1);
	text_lines_free(lines, n);
	n = text_wrap_spaces("ab cd", 4, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[1], "cd");
	text_lines_free(lines, n);
	n = text_wrap_spaces("\xE2\x80\x8B ab", 10, &lines); /* U+200B is a word */
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "\xE2\x80\x8B ab");
	text_lines_free(lines, n);
	n = text_wrap_spaces("\xCC\x81 x", 1, &lines);        /* a lone U+0301, then x */
	assert_int_equal(n, 2);
	assert_string_equal(lines[1], "x");
	text_lines_free(lines, n);
	n = text_wrap("未找到", 1, &lines);        /* wider than the width: one each */
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "未");
	assert_string_equal(lines[2], "到");
	text_lines_free(lines, n);
	n = text_wrap("未找", 0, &lines);
	assert_int_equal(n, 2);
	text_lines_free(lines, n);
}

/* text_wrap_spaces: words in order, breaks only at spaces, no line wider
 * than the width unless it is one word. */
static void test_wrap_spaces_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0}, all = {0};
		prop_text(&in, 30, false);
		char *s = text_clean(buf_str(&in), in.len);
		size_t width = 1 + prop_below(30), n = strlen(s);
		char **lines;
		size_t count = text_wrap_spaces(s, width, &lines);
		PROP_CHECK("wrap_spaces: at least one line", count >= 1, i, s, n);
		for (size_t k = 0; k < count; k++) {
			PROP_CHECK("wrap_spaces: within the width or one word",
			           text_width(lines[k]) <= width || !strchr(lines[k], ' '), i, s, n);
			if (k)
				buf_addc(&all, ' ');
			buf_adds(&all, lines[k]);
		}
		/* the words, joined by one space, are the input's words */
		struct buf words = {0};
		char *copy = xstrdup(s), *save = NULL;
		for (char *w = strtok_r(copy, " \n", &save); w; w = strtok_r(NULL, " \n", &save)) {
			if (words.len)
				buf_addc(&words, ' ');
			buf_adds(&words, w);
		}
		/* words of zero width included (a lone combining mark, U+200B) */
		PROP_CHECK("wrap_spaces: the same words in order",
		           strcmp(buf_str(&words), buf_str(&all)) == 0, i, s, n);
		free(copy);
		buf_free(&words);
		text_lines_free(lines, count);
		free(s);
		buf_free(&in);
		buf_free(&all);
	}
}

/* str_fold: only lowercase ASCII letters, digits and non-ASCII bytes;
 * idempotent; blind to ASCII case; non-ASCII bytes kept as they are. */
static void test_fold_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0};
		prop_text(&in, 20, true);
		const char *s = buf_str(&in);
		size_t n = in.len;
		char *f = str_fold(s), *ff = str_fold(f), *up = xstrdup(s);
		for (char *p = up; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		char *fu = str_fold(up);
		for (const char *p = f; *p; p++) {
			unsigned char c = (unsigned char)*p;
			PROP_CHECK("fold: a-z, 0-9 or non-ASCII only",
			           c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), i, s, n);
		}
		PROP_CHECK("fold: idempotent", strcmp(f, ff) == 0, i, s, n);
		PROP_CHECK("fold: ignores ASCII case", strcmp(f, fu) == 0, i, s, n);
		size_t kept = 0;
		for (const char *p = s; *p; p++)
			kept += (unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
			        (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
		PROP_CHECK("fold: drops only punctuation, space and controls", strlen(f) == kept,
		           i, s, n);
		free(f);
		free(ff);
		free(up);
		free(fu);
		buf_free(&in);
	}
	/* table: non-ASCII passes through unchanged (no Unicode case folding) */
	static const char *const t[][2] = {
		{ "Request-URI Too Long", "requesturitoolong" },
		{ "Ünïcode Straße", "Ünïcodestraße" },
		{ "请求 超时！", "请求超时！" },
		{ "ＡＢＣ ４０９", "ＡＢＣ４０９" },
		{ "\t\x01-_.,;:", "" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *f = str_fold(t[i][0]);
		assert_string_equal(f, t[i][1]);
		free(f);
	}
}

/* The textbook Levenshtein distance, the whole matrix, no cap. */
static size_t ref_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), d[24][24];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			d[i][j] = best;
		}
	return d[n][m];
}

static void random_word(char *w, size_t cap)
{
	static const char alphabet[] = "abcab4-\xE7\x8A";
	size_t n = prop_below(cap);
	for (size_t k = 0; k < n; k++)
		w[k] = alphabet[prop_below(sizeof alphabet - 1)];
	w[n] = '\0';
}

static void test_distance_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		char a[24], b[24];
		random_word(a, 12);
		random_word(b, 12);
		size_t max = prop_below(8), ref = ref_distance(a, b);
		size_t d = str_distance(a, b, max);
		if (d != (ref > max ? max + 1 : ref) || str_distance(b, a, max) != d)
			fail_msg("str_distance(\"%s\", \"%s\", %zu) = %zu, textbook %zu (seed %llu)",
			         a, b, max, d, ref, prop_seed);
		assert_int_equal(str_distance(a, a, 0), 0);
	}
	/* exactly at the cap, one past it, and the length-difference shortcut */
	assert_int_equal(str_distance("kitten", "sitting", 3), 3);
	assert_int_equal(str_distance("kitten", "sitting", 2), 3);
	assert_int_equal(str_distance("", "abc", 3), 3);
	assert_int_equal(str_distance("", "abcd", 3), 4);
	assert_int_equal(str_distance("abcd", "", 4), 4);
	assert_int_equal(str_distance("ab", "ba", 1), 2);
	assert_int_equal(str_distance("forbiden", "forbidden", 1), 1);
	assert_int_equal(str_distance("forbiden", "forbidden", 0), 1);
}

/* Table: code labels at each limit (digits, sub-codes, ranges, dashes). */
static void test_code_limits(void **state)
{
	static const struct { const char *s; bool ok; int num, sub, hi; const char *canon; } t[] = {
		{ "4", true, 4, -1, 4, "4" },
		{ "404", true, 404, -1, 404, "404" },
		{ "1016", true, 1016, -1, 1016, "1016" },
		{ "12345", true, 12345, -1, 12345, "12345" },   /* 5 digits */
		{ "123456", false, 0, 0, 0, NULL },             /* 6 digits */
		{ "1234567", false, 0, 0, 0, NULL },            /* 7 digits */
		{ "0404", true, 404, -1, 404, "404" },
		{ "403.14", true, 403, 14, 403, "403.14" },
		{ "403.1234", true, 403, 1234, 403, "403.1234" },
		{ "403.12345", false, 0, 0, 0, NULL },
		{ "403.", false, 0, 0, 0, NULL },
		{ "403.1a", false, 0, 0, 0, NULL },
		{ "1016-1999", true, 1016, -1, 1999, "1016-1999" },
		{ "1016\xE2\x80\x93" "1999", true, 1016, -1, 1999, "1016-1999" }, /* en dash */
		{ "1016\xE2\x80\x94" "1999", true, 1016, -1, 1999, "1016-1999" }, /* em dash */
		{ "1016\xEF\xBD\x9E" "1999", true, 1016, -1, 1999, "1016-1999" }, /* full-width ~ */
		{ "0~999", true, 0, -1, 999, "0-999" },
		{ "1-99999", true, 1, -1, 99999, "1-99999" },
		{ "1-100000", false, 0, 0, 0, NULL },
		{ "500-500", false, 0, 0, 0, NULL },
		{ "500-499", false, 0, 0, 0, NULL },
		{ "404a", false, 0, 0, 0, NULL },
		{ "4O4", false, 0, 0, 0, NULL },
		{ "", false, 0, 0, 0, NULL },
		{ "404 ", false, 0, 0, 0, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		int num = -7, sub = -7, hi = -7;
		char *canon = NULL;
		bool ok = code_parse(t[i].s, &num, &sub, &hi, &canon);
		if (ok != t[i].ok)
			fail_msg("code_parse(\"%s\") = %d", t[i].s, ok);
		if (ok) {
			assert_int_equal(num, t[i].num);
			assert_int_equal(sub, t[i].sub);
			assert_int_equal(hi, t[i].hi);
			assert_string_equal(canon, t[i].canon);
		}
		free(canon);
	}
	assert_true(code_misread("60W"));
	assert_true(code_misread("3O2"));
	assert_false(code_misread("O32"));   /* must start with a digit */
	assert_false(code_misread("302"));
	assert_false(code_misread("30"));
	assert_false(code_misread("3O2a"));
	/* search_is_code: 2 to 12 characters, a digit first */
	assert_false(search_is_code("4"));
	assert_true(search_is_code("40"));
	assert_true(search_is_code("4xx"));
	assert_true(search_is_code("403.14"));
	assert_true(search_is_code("123456789012"));
	assert_false(search_is_code("1234567890123"));
	assert_false(search_is_code("x40"));
	assert_false(search_is_code("40a"));
}

/* code_parse over generated labels: what it accepts, its canonical form
 * parses again to the same values and is a fixed point. */
static void test_code_props(void **state)
{
	static const char *const pieces[] = {
		"0", "1", "4", "9", "40", "404", "1016", "99999", ".", "-", "~", "x", "a",
		"\xE2\x80\x93", " ",
	};
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0};
		size_t k = 1 + prop_below(4);
		while (k--)
			buf_adds(&in, pieces[prop_below(sizeof pieces / sizeof *pieces)]);
		const char *s = buf_str(&in);
		int num, sub, hi, n2, s2, h2;
		char *canon = NULL, *c2 = NULL;
		if (code_parse(s, &num, &sub, &hi, &canon)) {
			PROP_CHECK("code: canonical form parses", code_parse(canon, &n2, &s2, &h2, &c2),
			           i, s, in.len);
			PROP_CHECK("code: same values", n2 == num && s2 == sub && h2 == hi, i, s, in.len);
			PROP_CHECK("code: canonical is a fixed point", strcmp(canon, c2) == 0, i, s, in.len);
			PROP_CHECK("code: a range goes up", hi >= num, i, s, in.len);
			PROP_CHECK("code: span is the whole label", code_span(s) == in.len, i, s, in.len);
		}
		free(canon);
		free(c2);
		buf_free(&in);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_props),
		cmocka_unit_test(test_wrap_invalid_props),
		cmocka_unit_test(test_wrap_limits),
		cmocka_unit_test(test_wrap_spaces_props),
		cmocka_unit_test(test_fold_props),
		cmocka_unit_test(test_distance_props),
		cmocka_unit_test(test_code_limits),
		cmocka_unit_test(test_code_props),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
