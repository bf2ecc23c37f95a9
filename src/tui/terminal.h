/* terminal.h: the browser's terminal around curses: signals (acted on in the
 * loop, never drawn in a handler), stopping and resuming (Ctrl-Z), the
 * crash handler that gives the shell its terminal back, and the locale.
 *
 * Call order: terminal_start() before screen_open(); terminal_stop() after
 * screen_close() on every way out. */
#ifndef SC_TERMINAL_H
#define SC_TERMINAL_H

#include <stdbool.h>

/* Installs the signal handlers, the crash handler and the fatal hook. */
void terminal_start(void);
/* Puts back what terminal_start() replaced. */
void terminal_stop(void);
/* The signal that asked the browser to end (SIGINT, SIGTERM, ...), or 0. */
int terminal_quit_signal(void);
/* Dies of the quit signal now that the terminal is back (as the shell
 * expects); returns 128 + sig if that signal does not end the process. */
int terminal_die(int sig);
/* A stop (Ctrl-Z) or continue came since the last call: consumes it. */
bool terminal_take_stop(void);
bool terminal_take_cont(void);
/* Leaves curses, stops the process until SIGCONT, and comes back. */
void terminal_suspend(void);
/* Makes the character type UTF-8 when the locale is not (LANG=C): true
 * when the display can be UTF-8, false for the ASCII display. */
bool terminal_locale_utf8(void);
/* Monotonic milliseconds. */
long long terminal_now_ms(void);

#endif
