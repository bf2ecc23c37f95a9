/* tui.h: the terminal browser (ncursesw). */
#ifndef SC_TUI_H
#define SC_TUI_H

#include "cli.h"
#include "store.h"

/* Runs the browser on st until the user quits. Returns an exit status
 * (exitcode.h): 0 on a normal quit, SC_EXIT_USAGE when stdin or stdout is
 * not a terminal or the terminal cannot be used. */
int tui_run(struct store *st, const struct cli_opts *o);

/* The key table, as help text: one line per key ("j, Down   move down").
 * Used by the help screen and by the man page (cli_troff). */
struct tui_key_help {
	const char *keys;
	const char *help;
};
extern const struct tui_key_help tui_key_help[];
extern const size_t tui_key_help_count;

#endif
