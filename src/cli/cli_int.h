/* cli_int.h: what the files of src/cli share and nothing else sees: the
 * commands (cmd_entry.c, cmd_db.c), argument parsing (args.c) and the
 * helpers every command uses to report (cli.c). */
#ifndef SC_CLI_INT_H
#define SC_CLI_INT_H

#include <stdbool.h>

#include "cli.h"
#include "json.h"
#include "render.h"
#include "store.h"
#include "ui.h"

int cmd_show(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_list(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_search(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_compare(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_sources(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_import(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_quiz(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_bookmarks(struct store *st, const struct cli_opts *o, int argc, char **argv);
int cmd_history(struct store *st, const struct cli_opts *o, int argc, char **argv);

/* Parses the options of argv (getopt_long over cli_options; GNU order, so
 * options may follow the command; "--" ends them) into *o and the other
 * arguments into *args (caller frees the array, not its strings) and
 * *nargs. Returns -1 to go on, or an exit status (a usage error, printed). */
int cli_parse_args(int argc, char **argv, struct cli_opts *o, char ***args, int *nargs);

/* The language (o->lang, and ui_set_lang() for the program's own words)
 * before the options are read, so that even their errors are in it:
 * --lang anywhere in argv, else STATUSCODES_LANG, else the browser's saved
 * choice, else the locale, else both (ui_lang_choose). o->lang_set tells
 * that one of them chose it. Returns -1 to go on, or the usage status
 * after a message (a STATUSCODES_LANG that is not a language). */
int cli_choose_lang(int argc, char **argv, struct cli_opts *o);

/* Prints "statuscodes: MESSAGE" and the --help hint on stderr (what the
 * user typed is cleaned first); returns the usage status. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the store's message (and frees it); returns the database status. */
int cli_db_failed(char *cause);
/* Prints "no such code" with the closest entries; returns not found. */
int cli_not_found(struct store *st, const char *protocol, const char *code);
/* "ftp:530" -> protocol (NULL when not given) and code (caller frees). */
void cli_split_ref(const char *arg, const char **protocol, char **code);
/* Is s a code as a user would type it: 404, 403.14, 1000-2999? */
bool cli_looks_like_code(const char *s);
/* Writes j's text and a newline to stdout; frees j. */
void cli_print_json(struct json *j);
bool cli_stdout_tty(void);

/* pager.c: writes out's text to stdout, through the pager when o and the
 * terminal want one (see pager.c), and empties it. */
void cli_emit(struct out *out, const struct cli_opts *o);
/* Would text go through the pager now? */
bool cli_want_pager(const struct cli_opts *o, const char *text);
/* The pager to run, or NULL for none. */
const char *cli_pager_command(void);

#endif
