/* cli.h: the one-shot commands (statuscodes 404, search, compare, ...) and
 * the tables every user-visible list of commands and options is made from:
 * --help, the man page (--help-troff) and the README check all read them. */
#ifndef SC_CLI_H
#define SC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "lang.h"
#include "palette.h"
#include "store.h"


struct cli_opts {
	enum lang  lang;
	bool       lang_set;   /* given on the command line */
	bool       json;
	enum color color;
	const char *db;        /* --db, or NULL */
	bool       dry_run;    /* import --dry-run */
	bool       coverage;   /* sources --coverage */
	const char *protocol;  /* --protocol for search */
	int        limit;      /* search --limit */
};

struct cli_command {
	const char *name;
	const char *args;
	const char *help;
	int (*run)(struct store *st, const struct cli_opts *o, int argc, char **argv);
	enum store_mode mode;  /* how it opens the database */
};

struct cli_option {
	const char *name;      /* long name, without -- */
	char        shortname; /* 0 if none */
	const char *arg;       /* argument name or NULL */
	const char *help;
	const char *commands;  /* NULL: every command; else the commands it applies to */
};

extern const struct cli_command cli_commands[];
extern const struct cli_option cli_options[];

/* Runs the program: parses argv, opens the database, dispatches. Returns
 * the exit status (exitcode.h). */
int cli_main(int argc, char **argv);

/* Prints the --help text. */
void cli_usage(FILE *f);
/* Prints the man page sections generated from the tables (troff). */
void cli_troff(FILE *f);

#endif
