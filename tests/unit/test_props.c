/* test_props.c: properties of the core text functions over generated input
 * (UTF-8 decoding and cleaning, display width, fitting, wrapping, the ASCII
 * fallback), plus table tests at every limit: each boundary of the Unicode
 * ranges we special-case, exactly the width, overlong forms, C1 controls.
 * See props.h for the generator, the oracle and how to repeat a failure. */
#include "config.h"
#include "testutil.h"

#include "props.h"
#include "str.h"
#include "text.h"

#define PROP_CHECK(what, cond, i, s, n) do { \
	if (!(cond)) { \
		prop_report(what, i, s, n); \
		fail_msg("%s", what); \
	} \
} while (0)

/* Exhaustive: every scalar value encodes and decodes back to itself, and
 * every 1- to 3-byte sequence decodes as the oracle says. */
static void test_decode_exhaustive(void **state)
{
	char b[8];
	uint32_t cp, ref;

	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		int len = utf8_encode(c, b);
		assert_int_equal(len, c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
		assert_int_equal(utf8_decode(b, (size_t)len, &cp), len);
		assert_int_equal(cp, c);
		/* one byte short is always truncated */
		if (len > 1)
			assert_int_equal(utf8_decode(b, (size_t)len - 1, &cp), -1);
	}
	for (uint32_t v = 0; v < 0x1000000; v++) {
		b[0] = (char)(v >> 16);
		b[1] = (char)(v >> 8);
		b[2] = (char)v;
		int want = ref_decode(b, 3, &ref);
		int got = utf8_decode(b, 3, &cp);
		if (got != want || (got > 0 && cp != ref))
			fail_msg("utf8_decode(%02x %02x %02x) = %d U+%04X, want %d U+%04X",
			         (unsigned char)b[0], (unsigned char)b[1], (unsigned char)b[2],
			         got, cp, want, ref);
		if (got < 0)
			assert_int_equal(cp, 0xFFFD);
	}
}

/* Table: the edges of every form the decoder rejects. */
static void test_decode_limits(void **state)
{
	static const struct { const char *s; int len; uint32_t cp; } t[] = {
		{ "\x7F", 1, 0x7F },
		{ "\xC2\x80", 2, 0x80 },              /* the first 2-byte value */
		{ "\xC1\xBF", -1, 0 },                /* overlong U+007F */
		{ "\xC0\x80", -1, 0 },                /* overlong NUL */
		{ "\xDF\xBF", 2, 0x7FF },
		{ "\xE0\xA0\x80", 3, 0x800 },         /* the first 3-byte value */
		{ "\xE0\x9F\xBF", -1, 0 },            /* overlong U+07FF, 3 bytes */
		{ "\xE0\x80\xAF", -1, 0 },            /* overlong '/', 3 bytes */
		{ "\xED\x9F\xBF", 3, 0xD7FF },        /* just below the surrogates */
		{ "\xED\xA0\x80", -1, 0 },            /* U+D800 */
		{ "\xED\xBF\xBF", -1, 0 },            /* U+DFFF */
		{ "\xEE\x80\x80", 3, 0xE000 },        /* just above them */
		{ "\xEF\xBF\xBF", 3, 0xFFFF },
		{ "\xF0\x90\x80\x80", 4, 0x10000 },   /* the first 4-byte value */
		{ "\xF0\x8F\xBF\xBF", -1, 0 },        /* overlong U+FFFF, 4 bytes */
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF },  /* the last scalar value */
		{ "\xF4\x90\x80\x80", -1, 0 },        /* U+110000 */
		{ "\xF8\x88\x80\x80", -1, 0 },        /* a 5-byte lead */
		{ "\x80\x80\x80\x80", -1, 0 },        /* a continuation byte first */
		{ "\xE4\xB8\x41\x41", -1, 0 },        /* a lead cut off by ASCII */
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		uint32_t cp;
		int len = utf8_decode(t[i].s, 4, &cp);
		if (len != t[i].len || (len > 0 && cp != t[i].cp))
			fail_msg("row %zu: got %d U+%04X", i, len, cp);
		assert_int_equal(utf8_valid(t[i].s, strlen(t[i].s)), t[i].len > 0);
	}
}

/* What text_clean() must write for one unit of input (the oracle): U+FFFD
 * for a bad byte, caret notation for C0 and DEL, "<U+XXXX>" for C1, else
 * the code point as it was. */
static void ref_clean_unit(struct buf *b, const char *s, int len, uint32_t cp)
{
	if (len < 0)
		buf_adds(b, "\xEF\xBF\xBD");
	else if (cp < 0x20 && cp != '\n' && cp != '\t')
		buf_addf(b, "^%c", (char)('@' + cp));
	else if (cp == 0x7F)
		buf_adds(b, "^?");
	else if (cp >= 0x80 && cp <= 0x9F)
		buf_addf(b, "<U+%04X>", (unsigned)cp);
	else
		buf_add(b, s, (size_t)len);
}

/* text_clean, the one cleaning function: valid UTF-8, no control a
 * terminal acts on, each unit of input shown as the oracle says. */
static void test_clean_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0}, want = {0};
		prop_text(&in, 24, true);
		const char *s = buf_str(&in);
		size_t n = in.len;
		char *c = text_clean(s, n);
		size_t cn = strlen(c);
		PROP_CHECK("clean: valid UTF-8", ref_valid(c, cn), i, s, n);
		assert_int_equal(utf8_valid(s, n), ref_valid(s, n));
		for (size_t k = 0; k < cn;) {
			uint32_t cp = 0;
			int len = ref_decode(c + k, cn - k, &cp);
			PROP_CHECK("clean: no control", len > 0 && !ref_is_control(cp), i, s, n);
			k += (size_t)len;
		}
		for (size_t j = 0; j < n;) {
			uint32_t cp = 0;
			int len = ref_decode(s + j, n - j, &cp);
			ref_clean_unit(&want, s + j, len, cp);
			j += len < 0 ? 1 : (size_t)len;
		}
		PROP_CHECK("clean: each unit shown as the oracle says",
		           strcmp(c, buf_str(&want)) == 0, i, s, n);
		char *cc = text_clean(c, cn);
		PROP_CHECK("clean: idempotent on its output", strcmp(cc, c) == 0, i, s, n);
		free(cc);
		free(c);
		buf_free(&in);
		buf_free(&want);
	}
}

/* Table: every C0 and C1 control and DEL is shown, never raw; \n and \t
 * stay; the neighbours U+0020, U+007E and U+00A0 are kept. */
static void test_clean_controls(void **state)
{
	char in[4], *c;
	for (uint32_t cp = 1; cp <= 0xA0; cp++) {
		int len = utf8_encode(cp, in);
		c = text_clean(in, (size_t)len);
		if (cp == '\n' || cp == '\t' || (cp >= 0x20 && cp <= 0x7E) || cp == 0xA0)
			assert_memory_equal(c, in, (size_t)len);
		else if (cp < 0x80)
			assert_true(c[0] == '^' && strlen(c) == 2);
		else
			assert_true(strncmp(c, "<U+00", 5) == 0 && strlen(c) == 8);
		free(c);
	}
	/* a CSI (U+009B) and an ESC inside a word, NUL, DEL */
	c = text_clean("a\xC2\x9B" "31mb\x1B[0m\x00\x7F", 13);
	assert_string_equal(c, "a<U+009B>31mb^[[0m^@^?");
	free(c);
}

/* Width: the sum of the code points' widths, a bad byte one column, a
 * control the width of its escape; the ASCII fallback of the cleaned text
 * keeps the width exactly and is pure ASCII. */
static void test_width_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0};
		prop_text(&in, 24, true);
		const char *s = buf_str(&in);
		size_t n = in.len, w = 0;
		bool cjk = false;
		for (size_t j = 0; j < n;) {
			uint32_t cp = 0;
			int len = ref_decode(s + j, n - j, &cp);
			if (len < 0) {
				w++;
				j++;
				continue;
			}
			int cw = cp_width(cp);
			PROP_CHECK("cp_width in 0..2", cw >= 0 && cw <= 2, i, s, n);
			/* a control counts as what text_clean shows for it */
			w += ref_is_control(cp) ? (cp >= 0x80 ? 8 : 2) : (size_t)cw;
			cjk |= cp_is_cjk_ideograph(cp);
			j += (size_t)len;
		}
		PROP_CHECK("text_width is the sum", text_width(s) == w, i, s, n);
		PROP_CHECK("text_has_cjk", text_has_cjk(s) == cjk, i, s, n);
		char *clean = text_clean(s, n);
		PROP_CHECK("text_width is the width of the cleaned text",
		           text_width(clean) == w, i, s, n);
		char *a = text_ascii_fallback(clean);
		free(clean);
		PROP_CHECK("fallback keeps the width", text_width(a) == w, i, s, n);
		for (const char *p = a; *p; p++)
			PROP_CHECK("fallback is ASCII", (unsigned char)*p < 0x80, i, s, n);
		free(a);
		buf_free(&in);
	}
}

/* Table: both sides of every range cp_is_cjk and cp_is_cjk_ideograph
 * special-case, and the widths at the edges of the wide ranges. */
static void test_cjk_ranges(void **state)
{
	static const struct { uint32_t cp; bool ideo, cjk; } t[] = {
		{ 0x2FFF, false, false }, { 0x3000, false, true }, { 0x303F, false, true },
		{ 0x3040, false, true }, { 0x30FF, false, true }, { 0x3100, false, false },
		{ 0x31EF, false, false }, { 0x31F0, false, true }, { 0x31FF, false, true },
		{ 0x3200, false, false }, { 0x33FF, false, false }, { 0x3400, true, true },
		{ 0x4DBF, true, true }, { 0x4DC0, false, false }, { 0x4DFF, false, false },
		{ 0x4E00, true, true }, { 0x9FFF, true, true }, { 0xA000, false, false },
		{ 0xF8FF, false, false }, { 0xF900, true, true }, { 0xFAFF, true, true },
		{ 0xFB00, false, false }, { 0xFEFF, false, false }, { 0xFF00, false, true },
		{ 0xFFEF, false, true }, { 0xFFF0, false, false }, { 0x1FFFF, false, false },
		{ 0x20000, true, true }, { 0x3134F, true, true }, { 0x31350, false, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		if (cp_is_cjk_ideograph(t[i].cp) != t[i].ideo || cp_is_cjk(t[i].cp) != t[i].cjk)
			fail_msg("U+%04X: ideograph %d cjk %d", t[i].cp,
			         cp_is_cjk_ideograph(t[i].cp), cp_is_cjk(t[i].cp));
	}
	static const struct { uint32_t cp; int w; } wt[] = {
		{ 0x00, 0 }, { 0x1F, 0 }, { 0x20, 1 }, { 0x7E, 1 }, { 0x7F, 0 }, { 0x80, 0 },
		{ 0x9B, 0 }, { 0x9F, 0 }, { 0xA0, 1 }, { 0x300, 0 }, { 0x301, 0 }, { 0x200B, 0 },
		{ 0x2026, 1 }, { 0x3000, 2 }, { 0x3001, 2 }, { 0x4E00, 2 }, { 0x9FFF, 2 },
		{ 0xFF01, 2 }, { 0xFF10, 2 }, { 0xFF19, 2 }, { 0xFF60, 2 }, { 0xFF61, 1 },
		{ 0xFF76, 1 }, { 0xFFE0, 2 }, { 0xFFE6, 2 }, { 0xFFE8, 1 }, { 0x20000, 2 },
	};
	for (size_t i = 0; i < sizeof wt / sizeof *wt; i++)
		if (cp_width(wt[i].cp) != wt[i].w)
			fail_msg("cp_width(U+%04X) = %d, want %d", wt[i].cp, cp_width(wt[i].cp), wt[i].w);
}

/* text_fit: the longest prefix that fits and no more, never half a
 * character; padding adds spaces to exactly the width; the ellipsis takes
 * the last column only when something was cut. */
static void test_fit_props(void **state)
{
	prop_init();
	size_t cases = prop_cases();
	for (size_t i = 0; i < cases; i++) {
		struct buf in = {0}, a = {0}, b = {0}, c = {0}, d = {0};
		prop_text(&in, 16, false);
		char *s = text_clean(buf_str(&in), in.len);
		for (char *p = s; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		size_t n = strlen(s), width = prop_below(30), sw = text_width(s);
		size_t ua = text_fit(&a, s, width, false, false);
		const char *o = buf_str(&a);
		PROP_CHECK("fit: returns the columns written", ua == text_width(o), i, s, n);
		PROP_CHECK("fit: within the width", ua <= width, i, s, n);
		PROP_CHECK("fit: a prefix", a.len <= n && memcmp(o, s, a.len) == 0, i, s, n);
		if (a.len < n) {
			uint32_t cp = 0;
			int len = ref_decode(s + a.len, n - a.len, &cp);
			PROP_CHECK("fit: cut between characters", len > 0, i, s, n);
			PROP_CHECK("fit: the longest prefix", ua + (size_t)cp_width(cp) > width, i, s, n);
		}
		size_t ub = text_fit(&b, s, width, true, false);
		PROP_CHECK("fit: padded to the width", ub == width && b.len == a.len + (width - ua) &&
		           memcmp(buf_str(&b), o, a.len) == 0 && strspn(buf_str(&b) + a.len, " ") == width - ua,
		           i, s, n);
		size_t uc = text_fit(&c, s, width, false, true);
		if (sw > width && width > 0) {
			size_t ud = text_fit(&d, s, width - 1, false, false);
			buf_adds(&d, "\xE2\x80\xA6");
			PROP_CHECK("fit: the ellipsis ends a cut", uc == ud + 1 &&
			           strcmp(buf_str(&c), buf_str(&d)) == 0, i, s, n);
		} else {
			PROP_CHECK("fit: no ellipsis without a cut", uc == ua &&
			           strcmp(buf_str(&c), o) == 0, i, s, n);
		}
		free(s);
		buf_free(&in);
		buf_free(&a);
		buf_free(&b);
		buf_free(&c);
		buf_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_exhaustive),
		cmocka_unit_test(test_decode_limits),
		cmocka_unit_test(test_clean_props),
		cmocka_unit_test(test_clean_controls),
		cmocka_unit_test(test_width_props),
		cmocka_unit_test(test_cjk_ranges),
		cmocka_unit_test(test_fit_props),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
