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

typedef const char *(*say_fn)(const char *en);

void say_set(say_fn fn);
const char *say_text(const char *en) __attribute__((format_arg(1)));
#define SAY(s) say_text("" s)

/* A system error number in the interface language: the common ones from
 * the catalogue, strerror() for the rest. */
const char *say_errno(int err);

#endif
