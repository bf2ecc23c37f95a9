/* screen.c: curses set-up and tear-down, colours, and width-aware drawing
 * (see screen.h). Drawing goes straight to stdscr, clipped to the screen,
 * so a frame can be drawn at any size, 1x1 included, with no window to
 * create or resize (htop's RichString and tig's draw.c cut by columns the
 * same way). */
#include "config.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "search.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

#include <term.h>   /* last: it defines macros such as lines and columns */

static SCREEN *scr;
static bool ascii_mode;
static attr_t style_attr[PAL_COUNT + 1];
static int cursor_y = -1, cursor_x;

static const struct {
	const char *sgr;
	short fg;
	int mono;
} palette_def[] = {
#define PAL_DEF(name, sgr, fg, mono) { sgr, fg, mono },
	PALETTE(PAL_DEF)
#undef PAL_DEF
};

/* before 'TERM' after, the terminal name made safe to print; caller frees. */
static char *term_name_msg(const char *before, const char *term, const char *after)
{
	char *clean = text_ascii_fallback(term);
	struct buf b = {0};
	text_fit(&b, clean, 40, false, true);
	char *msg = xasprintf("%s'%s'%s", before, buf_str(&b), after);
	buf_free(&b);
	free(clean);
	return msg;
}

int screen_check(char **cause)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(UI("the browser needs a terminal on stdin and stdout; "
		                    "for one answer use a command such as 'statuscodes 404' (see --help)"));
		return -1;
	}
	if (term == NULL || *term == '\0') {
		*cause = xstrdup(UI("TERM is not set, so the browser cannot drive this terminal; "
		                    "set TERM or use a command such as 'statuscodes 404'"));
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		*cause = err == 0 ? term_name_msg(UI("unknown terminal type "), term, UI(" (TERM); the browser cannot "
		                                  "drive it; use a command such as 'statuscodes 404'"))
		                  : xstrdup(UI("no terminfo database found; the browser cannot run; "
		                               "use a command such as 'statuscodes 404'"));
		return -1;
	}
	const char *cup = tigetstr("cup");
	bool ok = cup != NULL && cup != (const char *)-1 && tigetflag("hc") <= 0 && tigetflag("gn") <= 0;
	del_curterm(cur_term);
	if (!ok) {
		*cause = term_name_msg(UI("terminal type "), term, UI(" cannot move the cursor, which the browser "
		                       "needs; use a command such as 'statuscodes 404'"));
		return -1;
	}
	return 0;
}

/* Attributes named in an SGR string ("1;33" -> bold). */
static attr_t sgr_attrs(const char *sgr)
{
	attr_t a = A_NORMAL;
	char *copy = xstrdup(sgr), *save = NULL;

	for (char *t = strtok_r(copy, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		int n = atoi(t);
		a |= n == 1 ? A_BOLD : n == 2 ? A_DIM : n == 4 ? A_UNDERLINE : n == 7 ? A_REVERSE : A_NORMAL;
	}
	free(copy);
	return a;
}

static void setup_styles(bool color)
{
	short bg = COLOR_BLACK;

	if (color && has_colors() && start_color() == OK && COLORS >= 8 && COLOR_PAIRS > PAL_COUNT) {
		if (use_default_colors() == OK)
			bg = -1;
	} else {
		color = false;
	}
	for (int i = 0; i < PAL_COUNT; i++) {
		attr_t a;
		if (color) {
			a = sgr_attrs(palette_def[i].sgr) & (A_BOLD | A_DIM | A_REVERSE | A_UNDERLINE);
			if (palette_def[i].fg >= 0 && init_pair((short)(i + 1), palette_def[i].fg, bg) == OK)
				a |= COLOR_PAIR(i + 1);
		} else {
			a = palette_def[i].mono == 1 ? A_BOLD : palette_def[i].mono == 2 ? A_REVERSE : A_NORMAL;
		}
		style_attr[i] = a;
	}
	style_attr[STYLE_PLAIN] = A_NORMAL;
}

int screen_open(bool color, bool ascii, char **cause)
{
	if (scr)
		return 0;
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		*cause = xstrdup("cannot start the terminal (curses); use a command such as 'statuscodes 404'");
		return -1;
	}
	set_term(scr);
	ascii_mode = ascii;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	setup_styles(color);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	          | BUTTON5_PRESSED
#endif
	          , NULL);
	return 0;
}

void screen_close(void)
{
	if (scr == NULL)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(scr);
	scr = NULL;
	fflush(stdout);
}

bool screen_is_open(void) { return scr != NULL; }
bool screen_ascii(void) { return ascii_mode; }

void screen_suspend(void)
{
	if (scr == NULL)
		return;
	endwin();
	fflush(stdout);
}

void screen_resume(void)
{
	if (scr == NULL)
		return;
	/* the next update leaves the shell mode and repaints everything */
	clearok(curscr, TRUE);
}

void screen_size(int *rows, int *cols)
{
	int r = 0, c = 0;
	if (scr)
		getmaxyx(stdscr, r, c);
	*rows = r < 0 ? 0 : r;
	*cols = c < 0 ? 0 : c;
}

attr_t screen_attr(int style)
{
	return style >= 0 && style <= PAL_COUNT ? style_attr[style] : A_NORMAL;
}

void screen_erase(void)
{
	werase(stdscr);
	cursor_y = -1;
}

/* An ASCII stand-in of the same width for a code point; NULL: '?'s. */
static const char *ascii_for(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: return ".";         /* · */
	case 0x2026: return "~";         /* … */
	case 0x2502: return "|";         /* │ */
	case 0x2500: return "-";         /* ─ */
	case 0x203A: case 0x2192: case 0x25B8: return ">"; /* › → ▸ */
	case 0x2039: case 0x2190: return "<";              /* ‹ ← */
	case 0x2013: case 0x2014: return "-";
	case 0x2018: case 0x2019: return "'";
	case 0x201C: case 0x201D: return "\"";
	case 0x2605: case 0x2606: return "*";              /* ★ ☆ */
	case 0x00A7: return "S";                           /* § */
	case 0x00A0: case 0x3000: return cp == 0x3000 ? "  " : " ";
	default: return NULL;
	}
}

struct run {
	wchar_t w[128];
	int n, y, x;      /* characters; where the run starts */
	attr_t a;
};

static void run_flush(struct run *r)
{
	if (r->n > 0) {
		attrset(r->a);
		mvaddnwstr(r->y, r->x, r->w, r->n);
		attrset(A_NORMAL);
	}
	r->n = 0;
}

/* Adds one character of width cw at column *col in attribute a. */
static void run_add(struct run *r, int y, int *col, wchar_t wc, int cw, attr_t a)
{
	if (r->n > 0 && (r->a != a || r->n == (int)(sizeof r->w / sizeof r->w[0])))
		run_flush(r);
	if (r->n == 0) {
		r->y = y;
		r->x = *col;
		r->a = a;
	}
	r->w[r->n++] = wc;
	*col += cw;
}

/* Marks in mask every byte of s inside an occurrence of a term. */
static void mark_terms(const char *s, size_t n, const struct strv *terms, unsigned char *mask)
{
	for (size_t t = 0; t < terms->n; t++) {
		const char *term = terms->v[t];
		size_t tl = strlen(term);
		if (tl == 0)
			continue;
		for (const char *p = s; (p = str_casestr(p, term)) != NULL; p += tl)
			memset(mask + (p - s), 1, tl <= n - (size_t)(p - s) ? tl : n - (size_t)(p - s));
	}
}

int screen_put_hl(int y, int x, int w, const char *s, attr_t a, attr_t hl, const struct strv *terms)
{
	int rows, cols, col = x;
	struct run r = { .n = 0 };
	unsigned char *mask = NULL;
	bool marked = false;
	size_t n, i = 0;

	screen_size(&rows, &cols);
	if (s == NULL || y < 0 || y >= rows || x < 0 || x >= cols || w <= 0)
		return 0;
	if (w > cols - x)
		w = cols - x;
	n = strlen(s);
	if (terms && terms->n && n) {
		mask = xcalloc(n, 1);
		mark_terms(s, n, terms, mask);
	}
	while (i < n) {
		uint32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		bool on = marked || (mask && mask[i]);
		attr_t ca = on ? hl : a;
		if (len < 0) {
			cp = 0xFFFD;
			len = 1;
		}
		i += (size_t)len;
		if (cp == (unsigned char)SEARCH_MARK_ON || cp == (unsigned char)SEARCH_MARK_OFF) {
			marked = cp == (unsigned char)SEARCH_MARK_ON;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			cp = ' ';
		if (ascii_mode && cp >= 0x80) {
			const char *sub = ascii_for(cp);
			int cw = cp_width(cp);
			if (sub == NULL && cw == 0)
				continue;
			if (col - x + (sub ? (int)strlen(sub) : cw) > w)
				break;
			if (sub)
				for (const char *c = sub; *c; c++)
					run_add(&r, y, &col, (wchar_t)*c, 1, ca);
			else
				for (int k = 0; k < cw; k++)
					run_add(&r, y, &col, L'?', 1, ca);
			continue;
		}
		int cw = wcwidth((wchar_t)cp);
		if (cw < 0) {
			cp = cp_width(cp) == 2 ? 0xFFFD : '?';
			cw = 1;
		}
		if (cw == 0)
			continue;  /* combining marks and zero-width characters */
		if (col - x + cw > w)
			break;     /* never half of a double-width character */
		run_add(&r, y, &col, (wchar_t)cp, cw, ca);
	}
	run_flush(&r);
	free(mask);
	return col - x;
}

int screen_put(int y, int x, int w, const char *s, attr_t a)
{
	return screen_put_hl(y, x, w, s, a, a, NULL);
}

void screen_fill(int y, int x, int w, attr_t a)
{
	int rows, cols;

	screen_size(&rows, &cols);
	if (y < 0 || y >= rows || x < 0 || x >= cols || w <= 0)
		return;
	if (w > cols - x)
		w = cols - x;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void screen_vline(int y, int x, int h, attr_t a)
{
	int rows, cols;

	screen_size(&rows, &cols);
	for (int i = 0; i < h; i++)
		if (y + i >= 0 && y + i < rows && x >= 0 && x < cols)
			screen_put(y + i, x, 1, ascii_mode ? "|" : "\xE2\x94\x82", a);
}

void screen_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void screen_update(bool all)
{
	int rows, cols;

	if (scr == NULL)
		return;
	screen_size(&rows, &cols);
	if (all)
		clearok(curscr, TRUE);
	if (cursor_y >= 0 && cursor_y < rows && cursor_x >= 0 && cursor_x < cols) {
		move(cursor_y, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
		if (rows > 0 && cols > 0)
			move(rows - 1, cols - 1);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

int screen_read(struct screen_key *k, int timeout_ms)
{
	wint_t wc = 0;
	int rc;

	if (scr == NULL)
		return 0;
	wtimeout(stdscr, timeout_ms);
	rc = wget_wch(stdscr, &wc);
	if (rc == ERR)
		return 0;
	k->code = rc == KEY_CODE_YES;
	k->ch = wc;
	return 1;
}

bool screen_key_waiting(void)
{
	wint_t wc = 0;
	int rc;

	if (scr == NULL)
		return false;
	wtimeout(stdscr, 0);
	rc = wget_wch(stdscr, &wc);
	if (rc == ERR)
		return false;
	if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	else
		unget_wch((wchar_t)wc);
	return true;
}

bool screen_mouse(struct screen_mouse *m)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return false;
	m->y = ev.y;
	m->x = ev.x;
	m->what = CLICK_NONE;
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		m->what = CLICK_OPEN;
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
		m->what = CLICK_SELECT;
	else if (ev.bstate & BUTTON4_PRESSED)
		m->what = WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		m->what = WHEEL_DOWN;
#endif
	return m->what != CLICK_NONE;
}
