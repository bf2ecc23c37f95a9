/* screen.h: the one header that includes curses (after htop's
 * ProvideCurses.h), and the terminal primitives the browser draws with.
 *
 * Text is UTF-8 and is measured in columns: screen_put() cuts it to a
 * width without splitting a double-width character, replaces control
 * characters, and, on a terminal whose locale cannot show UTF-8, prints an
 * ASCII stand-in of the same width (CJK ideographs become "??").
 *
 * Call order: screen_check() (may the terminal be used?), screen_open(),
 * then any drawing, screen_update(), screen_read(); screen_close() on every
 * way out (it is idempotent and safe from a fatal hook). */
#ifndef SC_SCREEN_H
#define SC_SCREEN_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include <stdbool.h>
#include <wchar.h>

#include "palette.h"
#include "str.h"

/* A style is a palette entry or STYLE_PLAIN. */
#define STYLE_PLAIN PAL_COUNT

/* A key as get_wch returns it: a character, or a KEY_* code. */
struct screen_key {
	bool   code;    /* ch is a KEY_* code (KEY_RESIZE, KEY_MOUSE, ...) */
	wint_t ch;
};

/* What the mouse did, in screen coordinates. */
enum screen_click { CLICK_NONE, CLICK_SELECT, CLICK_OPEN, WHEEL_UP, WHEEL_DOWN };
struct screen_mouse {
	int y, x;
	enum screen_click what;
};

/* Checks that stdin and stdout are terminals and that $TERM describes one
 * that can address the cursor. 0, or -1 with a one-line *cause (caller
 * frees). Prints nothing. */
int screen_check(char **cause);

/* Starts curses on the terminal: colour when color is set and the terminal
 * has at least 8 colours (else the palette's monochrome attributes), ASCII
 * display when ascii is set. 0, or -1 with *cause (caller frees). */
int screen_open(bool color, bool ascii, char **cause);
/* Restores the terminal. Idempotent; nothing else is needed after it. */
void screen_close(void);
bool screen_is_open(void);
bool screen_ascii(void);

/* Leave curses mode to be stopped (SIGTSTP); then back. */
void screen_suspend(void);
void screen_resume(void);

void screen_size(int *rows, int *cols);
/* The attribute for a style, colour or monochrome as the terminal allows. */
attr_t screen_attr(int style);

/* Start a frame: clear the drawing surface. */
void screen_erase(void);
/* Draw s at (y, x) in at most w columns with attribute a, clipped to the
 * screen. Returns the columns used. */
int screen_put(int y, int x, int w, const char *s, attr_t a);
/* The same, drawing in hl: every case-insensitive occurrence of a term in
 * terms, and text between SEARCH_MARK_ON and SEARCH_MARK_OFF bytes (which
 * are not shown). */
int screen_put_hl(int y, int x, int w, const char *s, attr_t a, attr_t hl, const struct strv *terms);
/* w spaces in a. */
void screen_fill(int y, int x, int w, attr_t a);
/* A vertical line of h cells. */
void screen_vline(int y, int x, int h, attr_t a);
/* Where the cursor stands after the update; y < 0 hides it. */
void screen_cursor(int y, int x);
/* Send the frame to the terminal; with all set, repaint every cell
 * (Ctrl-L, after a resume). */
void screen_update(bool all);

/* Waits up to timeout_ms for a key. 1 with *k filled, 0 on timeout or
 * when a signal interrupted the wait. */
int screen_read(struct screen_key *k, int timeout_ms);
/* Is a key already waiting (typed ahead)? It stays for screen_read(). */
bool screen_key_waiting(void);
/* After KEY_MOUSE: what happened. false when nothing usable. */
bool screen_mouse(struct screen_mouse *m);

#endif
