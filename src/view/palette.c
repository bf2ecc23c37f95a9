/* palette.c: whether colour is on (see palette.h). */
#include "config.h"
#include "palette.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool palette_color_parse(const char *s, enum color *out)
{
	static const char *const names[] = { [COLOR_AUTO] = "auto", [COLOR_ALWAYS] = "always",
	                                     [COLOR_NEVER] = "never" };
	for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum color)i;
			return true;
		}
	return false;
}

bool palette_color_on(enum color c, int fd)
{
	const char *nc = getenv("NO_COLOR");

	if (c == COLOR_NEVER)
		return false;
	if (c == COLOR_ALWAYS)
		return true;
	if (nc && *nc)
		return false;
	const char *term = getenv("TERM");
	return isatty(fd) && !(term && strcmp(term, "dumb") == 0);
}
