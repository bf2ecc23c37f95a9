/* tui.h: the terminal browser (ncursesw). The rest of the program sees
 * only this; the browser's files by concern are listed in panes.h, its key
 * table is src/view/keymap.h and its one curses file is screen.c. */
#ifndef SC_TUI_H
#define SC_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "store.h"

/* Runs the browser on st until the user quits. Returns an exit status
 * (exitcode.h): 0 on a normal quit, SC_EXIT_USAGE (one line on stderr)
 * when stdin or stdout is not a terminal or the terminal cannot be used,
 * SC_EXIT_DB when the database cannot be read at start. On any signal
 * whose default action ends the process (and on abort) it restores the
 * terminal and dies of the signal (terminal.c). */
/* A code seen in the input given to statuscodes browse FILE, with how
 * often, in the order of the explain report; the browser opens on them. */
struct tui_seen {
	const char *protocol, *code;
	uint64_t n;
};
struct tui_opts {
	enum lang lang;    /* the language to start in ... */
	bool lang_set;     /* ... when given; else the remembered one */
	bool color;        /* colour wanted (--color, NO_COLOR, TERM) */
	const struct tui_seen *seen;   /* NULL, or the "Seen" overlay's codes */
	size_t nseen;
};
int tui_run(struct store *st, const struct tui_opts *o);

#endif
