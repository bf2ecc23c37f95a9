/* say.h: the words of the lower layers' messages in the interface
 * language. A lower layer (store, core) writes each piece of a message it
 * builds for the user as SAY("English"): a template ("%s: database not
 * found") or a reason ("the database file is damaged"), never an engine's
 * error text. The view layer owns the catalogue (src/view/ui.c, where each
 * SAY() string has its Chinese) and installs its lookup with say_set()
 * when the interface language is chosen (ui_set_lang), so no layer
 * includes upward. Before that, and for a string the catalogue lacks
 * (tests/lint/ui-strings.sh forbids it), SAY() is the English. */
#ifndef SC_SAY_H
#define SC_SAY_H

#include <stdbool.h>

typedef const char *(*say_fn)(const char *en);

/* chinese: the interface speaks Chinese (say_chinese). */
void say_set(say_fn fn, bool chinese);
const char *say_text(const char *en) __attribute__((format_arg(1)));
#define SAY(s) say_text("" s)
/* Does the interface speak Chinese? For a lower layer that holds both
 * languages of a text itself (an import finding's message_zh). */
bool say_chinese(void);

/* A system error number in the interface language: the common ones from
 * the catalogue, strerror() for the rest. */
const char *say_errno(int err);
/* The same in Chinese; in English the C library's words (strerror), as
 * the command line's messages have always quoted them. */
const char *say_strerror(int err);

#endif
