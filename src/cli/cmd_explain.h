/* cmd_explain.h: statuscodes explain [FILE...] (see cmd_explain.c). */
#ifndef SC_CMD_EXPLAIN_H
#define SC_CMD_EXPLAIN_H

#include "cli.h"
#include "store.h"

/* Explains each FILE ("-" or none: standard input). Exit status 0 when
 * some status was explained, 1 when the input held none, 4 when a file
 * could not be read. */
int cmd_explain(struct store *st, const struct cli_opts *o, int argc, char **argv);

#endif
