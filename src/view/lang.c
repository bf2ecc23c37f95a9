/* lang.c: the language choice (see lang.h). */
#include "config.h"
#include "lang.h"

#include <string.h>

#include "xmalloc.h"

static const char *const lang_names[LANG_COUNT] = {
	[LANG_BOTH] = "both", [LANG_EN] = "en", [LANG_ZH] = "zh",
};

bool lang_parse(const char *s, enum lang *out)
{
	for (int i = 0; s && i < LANG_COUNT; i++)
		if (strcmp(s, lang_names[i]) == 0) {
			*out = (enum lang)i;
			return true;
		}
	return false;
}

const char *lang_name(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? lang_names[l] : "both";
}

enum lang lang_next(enum lang l)
{
	return l == LANG_EN ? LANG_ZH : l == LANG_ZH ? LANG_BOTH : LANG_EN;
}

static bool has(const char *s) { return s && *s; }

char *lang_bi(enum lang l, const char *en, const char *zh)
{
	if (!has(en) && !has(zh))
		return xstrdup("");
	if (l == LANG_EN || !has(zh))
		return xstrdup(has(en) ? en : zh);
	if (l == LANG_ZH || !has(en) || strcmp(en, zh) == 0)
		return xstrdup(zh);
	return xasprintf("%s \xC2\xB7 %s", en, zh);
}
