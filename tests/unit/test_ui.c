/* test_ui.c: the Chinese interface's tables. Every string of the UI
 * catalogue, the key table, the option and command tables and the exit
 * statuses has its Chinese; a Chinese format string has the English one's
 * conversions in the same order; no string is wider (wcwidth, as
 * text_width measures) than the columns it is drawn in; UI() answers in
 * the interface language; and the default language follows its order
 * (--lang, STATUSCODES_LANG, saved choice, locale, both). */
#include "config.h"
#include "testutil.h"

#include "buf.h"
#include "cli.h"
#include "exitcode.h"
#include "keymap.h"
#include "text.h"
#include "ui.h"

/* Does s hold at least one CJK character (U+2E80 and up, as UTF-8 lead
 * bytes 0xE2 0xBA.. and above)? A "translation" that is English again
 * would not. */
static bool has_cjk(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if (*p >= 0xE3 || (*p == 0xE2 && p[1] >= 0xBA))
			return true;
	return false;
}

/* The printf conversions of fmt in order ("%s %zu %.*s" -> "s zu .*s"),
 * and fmt without them into *bare (a conversion counts no columns; %%
 * counts one). */
static void conversions(const char *fmt, struct buf *conv, struct buf *bare)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			buf_addc(bare, *p);
			continue;
		}
		if (p[1] == '%') {
			buf_addc(bare, '%');
			p++;
			continue;
		}
		const char *start = ++p;
		p += strspn(p, "-+ #0123456789.*hlzjt");
		if (*p == '\0')
			break;              /* a lone % at the end (a text, not a format) */
		buf_addf(conv, "%.*s ", (int)(p - start + 1), start);
	}
}

/* What is wrong with the pair (a message; caller frees), or NULL. */
static char *pair_problem(const char *en, const char *zh, int cols)
{
	struct buf ce = {0}, cz = {0}, be = {0}, bz = {0};
	char *why = NULL;

	if (en == NULL || zh == NULL || !*zh || !has_cjk(zh))
		return xasprintf("\"%s\" lacks its Chinese", en ? en : "(null)");
	conversions(en, &ce, &be);
	conversions(zh, &cz, &bz);
	if (strcmp(buf_str(&ce), buf_str(&cz)) != 0)
		why = xasprintf("\"%s\" converts %s, its Chinese \"%s\" %s", en, buf_str(&ce), zh, buf_str(&cz));
	else if (cols > 0 && ((int)text_width(buf_str(&bz)) > cols || (int)text_width(buf_str(&be)) > cols))
		why = xasprintf("\"%s\" (%zu columns) or \"%s\" (%zu) is wider than its %d columns", en,
		                text_width(buf_str(&be)), zh, text_width(buf_str(&bz)), cols);
	buf_free(&ce);
	buf_free(&cz);
	buf_free(&be);
	buf_free(&bz);
	return why;
}

static void check_pair(const char *where, const char *en, const char *zh, int cols)
{
	char *why = pair_problem(en, zh, cols);
	if (why)
		fail_msg("%s: %s", where, why);
}

/* Is the pair refused? */
static bool refused(const char *en, const char *zh, int cols)
{
	char *why = pair_problem(en, zh, cols);
	free(why);
	return why != NULL;
}

static void test_catalogue(void **state)
{
	assert_true(ui_string_count > 50);
	for (size_t i = 0; i < ui_string_count; i++) {
		check_pair("catalogue", ui_strings[i].en, ui_strings[i].zh, ui_strings[i].cols);
		for (size_t k = 0; k < i; k++)
			if (strcmp(ui_strings[i].en, ui_strings[k].en) == 0)
				fail_msg("\"%s\" is in the catalogue twice", ui_strings[i].en);
	}
}

/* The checker itself: a missing Chinese, English left as it was, a lost
 * or reordered conversion and a string too wide are all refused. */
static void test_checker_refuses(void **state)
{
	assert_true(refused("quit", NULL, 0));
	assert_true(refused("quit", "", 0));
	assert_true(refused("quit", "quit", 0));
	assert_true(refused("no code %s", "没有状态码", 0));
	assert_true(refused("%s of %zu", "%zu 中的 %s", 0));
	assert_true(refused("help", "帮助帮助帮助", 10));
	assert_false(refused("help", "帮助帮助帮", 10));
	assert_false(refused("%d%%", "%d％", 0));
	assert_false(refused("%.*s!", "%.*s！", 0));
}

static void test_tables(void **state)
{
	for (size_t i = 0; i < keymap_help_count; i++)
		check_pair(keymap_help[i].keys, keymap_help[i].help, keymap_help[i].help_zh, 0);
	for (const struct cli_option *o = cli_options; o->name; o++)
		check_pair(o->name, o->help, o->help_zh, 0);
	for (const struct cli_command *c = cli_commands; c->name; c++)
		check_pair(c->name, c->help, c->help_zh, 0);
#define EXIT_PAIR(name, value, text, zh) check_pair(#name, text, zh, 0);
	SC_EXIT_CODES(EXIT_PAIR)
#undef EXIT_PAIR
}

static void test_ui_text(void **state)
{
	ui_set_lang(LANG_ZH);
	assert_string_equal(UI("quit"), "退出");
	assert_string_equal(ui_pick("en", "中"), "中");
	assert_string_equal(ui_pick("en", ""), "en");
	assert_string_equal(ui_text("not in the catalogue"), "not in the catalogue");
	assert_true(ui_zh());
	ui_set_lang(LANG_BOTH);
	assert_string_equal(UI("quit"), "quit");
	assert_string_equal(ui_pick("en", "中"), "en");
	ui_set_lang(LANG_EN);
	assert_string_equal(UI("quit"), "quit");
	assert_false(ui_zh());
}

/* Each step of the order decides when the ones before it are absent, and
 * only then. */
static void test_lang_order(void **state)
{
	enum lang l;
	enum ui_lang_from from;
	struct ui_lang_inputs in = { "en", "zh", "zh", "zh_CN.UTF-8", NULL, NULL };

	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_EN);
	assert_int_equal(from, UI_FROM_FLAG);
	in.flag = NULL;
	in.env = "both";
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_BOTH);
	assert_int_equal(from, UI_FROM_ENV);
	in.env = "";                       /* empty: not set */
	in.saved = "en";
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_EN);
	assert_int_equal(from, UI_FROM_SAVED);
	in.saved = "garbage";              /* not a language: the locale decides */
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_ZH);
	assert_int_equal(from, UI_FROM_LOCALE);
	/* LC_ALL, else LC_MESSAGES, else LANG: the first set one */
	in.lc_all = "";
	in.lc_messages = "zh_TW.UTF-8";
	in.lang = "en_US.UTF-8";
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_ZH);
	in.lc_all = "C.UTF-8";
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_BOTH);
	assert_int_equal(from, UI_FROM_DEFAULT);
	in.lc_all = in.lc_messages = NULL;
	in.lang = "zh_CN.GB18030";
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_ZH);
	in.lang = NULL;
	assert_true(ui_lang_choose(&in, &l, &from));
	assert_int_equal(l, LANG_BOTH);
	assert_int_equal(from, UI_FROM_DEFAULT);
	/* not a language: refused, *out unchanged, the culprit named */
	l = LANG_EN;
	in.env = "fr";
	assert_false(ui_lang_choose(&in, &l, &from));
	assert_int_equal(from, UI_FROM_ENV);
	assert_int_equal(l, LANG_EN);
	in.flag = "chinese";
	assert_false(ui_lang_choose(&in, &l, &from));
	assert_int_equal(from, UI_FROM_FLAG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_checker_refuses),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_ui_text),
		cmocka_unit_test(test_lang_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
