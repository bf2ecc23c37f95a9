/* lang.h: which languages a person asked to see. The one place that
 * parses --lang (and the browser's remembered setting) and answers "is
 * English wanted, is Chinese wanted". */
#ifndef SC_LANG_H
#define SC_LANG_H

#include <stdbool.h>

enum lang { LANG_BOTH, LANG_EN, LANG_ZH };
#define LANG_COUNT 3

/* "en", "zh" or "both" into *out; false (and *out unchanged) otherwise. */
bool lang_parse(const char *s, enum lang *out);
/* The name lang_parse() reads: "both", "en" or "zh". */
const char *lang_name(enum lang l);
/* The next language in the browser's cycle: en -> zh -> both -> en. */
enum lang lang_next(enum lang l);

static inline bool lang_want_en(enum lang l) { return l != LANG_ZH; }
static inline bool lang_want_zh(enum lang l) { return l != LANG_EN; }

/* "en · zh" as the language asks: both when both are wanted and differ,
 * else the wanted one, falling back to the other when the wanted one is
 * empty. Never NULL; caller frees. */
char *lang_bi(enum lang l, const char *en, const char *zh);

#endif
