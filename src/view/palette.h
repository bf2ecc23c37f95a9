/* palette.h: the colours, one X-macro for the CLI (ANSI SGR) and the TUI
 * (curses colour numbers), after ncdu's UI_COLORS. NO_COLOR and
 * --color=never turn them all off; on a monochrome terminal the TUI uses
 * the attribute column instead. */
#ifndef SC_PALETTE_H
#define SC_PALETTE_H

#include <stdbool.h>

/* --color: auto (a terminal, no NO_COLOR, TERM not dumb), always, never. */
enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* "auto", "always" or "never" into *out; false otherwise. */
bool palette_color_parse(const char *s, enum color *out);
/* Does colour apply to output on fd under this choice: never, always, or
 * (auto) fd is a terminal, NO_COLOR is unset or empty and TERM is not
 * dumb. */
bool palette_color_on(enum color c, int fd);

/*        name          SGR     curses fg  mono attribute
 * (PAL_STANDARD, PAL_VENDOR and PAL_OBSOLETE colour the marks of mark.h) */
#define PALETTE(X) \
	X(PAL_INFO,     "34",   4 /*blue*/,    0) \
	X(PAL_SUCCESS,  "32",   2 /*green*/,   0) \
	X(PAL_REDIRECT, "36",   6 /*cyan*/,    0) \
	X(PAL_CLIENT,   "33",   3 /*yellow*/,  1 /*bold*/) \
	X(PAL_SERVER,   "31",   1 /*red*/,     1 /*bold*/) \
	X(PAL_OTHER,    "35",   5 /*magenta*/, 0) \
	X(PAL_HEADING,  "1",   -1 /*default*/, 1 /*bold*/) \
	X(PAL_DIM,      "2",   -1,             0) \
	X(PAL_MATCH,    "7",   -1,             2 /*reverse*/) \
	X(PAL_WARN,     "1;33", 3,             1) \
	X(PAL_STANDARD, "32",   2 /*green*/,   0) \
	X(PAL_VENDOR,   "35",   5 /*magenta*/, 1) \
	X(PAL_OBSOLETE, "2;9",  -1 /*dim*/,    0)

enum palette {
#define PAL_ENUM(name, sgr, fg, mono) name,
	PALETTE(PAL_ENUM)
#undef PAL_ENUM
	PAL_COUNT
};

/* The colour of a code: by HTTP/FTP class, WebSocket codes by range. */
static inline enum palette palette_for_code(const char *protocol, int num)
{
	if (protocol && protocol[0] == 'w')
		return num == 1000 ? PAL_SUCCESS : num < 1000 || num >= 3000 ? PAL_OTHER : PAL_SERVER;
	switch (num / 100) {
	case 1: return PAL_INFO;
	case 2: return PAL_SUCCESS;
	case 3: return PAL_REDIRECT;
	case 4: return PAL_CLIENT;
	case 5: return PAL_SERVER;
	default: return PAL_OTHER;
	}
}

#endif
