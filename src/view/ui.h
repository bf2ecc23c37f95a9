/* ui.h: the program's own voice in English and Chinese: one catalogue
 * (ui.c) of every message, error, prompt, footer word and help line the
 * CLI and the browser write themselves, each with its Chinese; and the
 * choice of the interface language (--lang, STATUSCODES_LANG, the
 * browser's saved choice, the locale).
 *
 * Writing a string the user sees: wrap the English literal in UI():
 *     cli_usage_error(UI("unknown option '%s'"), arg);
 *     tui_message(t, "%s", UI("select a code first"));
 * and add { "English", "中文", COLS } to the catalogue in ui.c (COLS: the
 * columns the string is drawn in at 80x24 in the browser, 0 for a line on
 * stderr or stdout). UI() returns the Chinese in Chinese mode and the
 * English otherwise; the compiler checks a format string's arguments
 * against the English (format_arg), and test_ui checks that every entry
 * has its Chinese, with the same conversions, within COLS, and
 * tests/lint/ui-strings.sh that every UI() literal is in the catalogue.
 *
 * Tables with their own Chinese column (keymap.h, the option and command
 * tables of src/cli, exitcode.h) pick with ui_pick(). This is not GNU
 * gettext on purpose: --lang zh must give Chinese under any locale (a
 * C.UTF-8 server included), which gettext ties to an installed zh_CN
 * locale; and one table in the source is what the width and completeness
 * tests read. */
#ifndef SC_UI_H
#define SC_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"

struct ui_string {
	const char *en, *zh;
	int cols;   /* the width it is drawn in, at 80x24; 0: a line of its own */
};
extern const struct ui_string ui_strings[];
extern const size_t ui_string_count;

/* The language of the program's own voice: Chinese for LANG_ZH, English
 * for LANG_EN and LANG_BOTH (where the headings that have both stay
 * bilingual, made with lang_bi()). Process-wide; LANG_BOTH at start. */
void ui_set_lang(enum lang l);
enum lang ui_lang(void);
static inline bool ui_zh(void) { return ui_lang() == LANG_ZH; }

/* en's Chinese from the catalogue in Chinese mode, else en (also when the
 * catalogue lacks it, which the lint test forbids). Never NULL for a
 * non-NULL en. */
const char *ui_text(const char *en) __attribute__((format_arg(1)));
#define UI(s) ui_text("" s)

/* en's Chinese from the catalogue whatever the interface language (en when
 * the catalogue lacks it): the Chinese half of a bilingual heading or line
 * whose English is en. */
const char *ui_text_zh(const char *en) __attribute__((format_arg(1)));
#define UI_ZH(s) ui_text_zh("" s)

/* A heading or label in the languages l wants, from the catalogue: en,
 * its Chinese, or "en · 中文" (lang_bi). Caller frees. */
char *ui_bi(enum lang l, const char *en);
#define UI_BI(l, s) ui_bi((l), "" s)

/* en in language l (Chinese for LANG_ZH, else en): for output whose
 * language is the caller's (struct out's lang), not the process's. */
const char *ui_text_in(enum lang l, const char *en) __attribute__((format_arg(2)));
#define UI_IN(l, s) ui_text_in((l), "" s)

/* en or zh as the interface language asks (zh falls back to en when NULL
 * or empty): for tables that carry their own Chinese column. */
const char *ui_pick(const char *en, const char *zh);

/* Where the language came from, in the order they are tried. */
enum ui_lang_from { UI_FROM_FLAG, UI_FROM_ENV, UI_FROM_SAVED, UI_FROM_LOCALE, UI_FROM_DEFAULT };
struct ui_lang_inputs {
	const char *flag;     /* --lang's value, or NULL */
	const char *env;      /* $STATUSCODES_LANG, or NULL */
	const char *saved;    /* the browser's saved choice, or NULL */
	const char *lc_all, *lc_messages, *lang;   /* the locale variables, or NULL */
};
/* The interface language: --lang, else STATUSCODES_LANG (when set and not
 * empty), else the saved choice (when it is a language), else the locale
 * (the first set of LC_ALL, LC_MESSAGES, LANG: zh* means Chinese), else
 * both. Fills *out and *from; false when --lang or STATUSCODES_LANG is not
 * en, zh or both (then *from names the culprit and *out is unchanged). */
bool ui_lang_choose(const struct ui_lang_inputs *in, enum lang *out, enum ui_lang_from *from);

#endif
