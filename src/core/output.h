/* output.h: what the program writes on stdout and stderr: in the locale's
 * character set, and never lost without a word.
 *
 * The program's text is UTF-8 throughout. When the locale's character set
 * is another one (GB18030, Big5, ISO-8859-1 ...), output_setup() puts
 * converting streams (iconv, //TRANSLIT) in place of stdout and stderr, so
 * every printf and fwrite of every layer is converted at this one point.
 * The C/POSIX locale's ASCII is taken as "no locale chosen" and gets UTF-8,
 * as before. output_finish() is the one check that what was written to
 * stdout reached it (issue 15 items 8 and 12). */
#ifndef SC_OUTPUT_H
#define SC_OUTPUT_H

#include <stdbool.h>

/* Call after setlocale(). Returns true when output is converted. */
bool output_setup(void);
/* Puts the original stdout and stderr back (before curses takes the
 * terminal, which writes to the descriptor itself). */
void output_restore(void);
/* Flushes stdout and stderr and closes stdout. Returns 0 when everything
 * written to stdout was written; else prints "statuscodes: cannot write
 * the output: REASON" on stderr and returns -1. A reader that went away
 * (EPIPE, when SIGPIPE is ignored) is not reported and returns 0: the
 * usual SIGPIPE ending is left as it is. */
int output_finish(void);

#endif
