/* cmd_explain.h: statuscodes explain [FILE...] (see cmd_explain.c). */
#ifndef SC_CMD_EXPLAIN_H
#define SC_CMD_EXPLAIN_H

#include "cli.h"
#include "store.h"

/* Explains each FILE ("-" or none: standard input). Exit status 0 when
 * some status was explained, 1 when the input held none, 4 when a file
 * could not be read. */
int cmd_explain(struct store *st, const struct cli_opts *o, int argc, char **argv);

/* statuscodes browse FILE: the codes FILE holds that have an entry of their
 * own, most seen first, into *out (caller frees). 0, or an exit status
 * with a message printed (4 unreadable, 1 no code, 3 database). */
int cmd_explain_seen(struct store *st, const char *name, struct cli_seen **out, size_t *n);

#endif
