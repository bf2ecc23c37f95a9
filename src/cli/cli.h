/* cli.h: the one-shot commands (statuscodes 404, search, compare, ...) and
 * the tables every user-visible list of commands and options is made from:
 * --help, the man page (--help-troff) and the README check all read them.
 *
 * The CLI never starts the browser itself: cli_main() parses the command
 * line and, when the browser is wanted, hands the opened store and the
 * options back to main.c, which starts it (cli and tui never include each
 * other). */
#ifndef SC_CLI_H
#define SC_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>

#include "lang.h"
#include "palette.h"
#include "store.h"

struct cli_opts {
	enum lang  lang;
	bool       lang_set;   /* given on the command line */
	bool       json;       /* --json, --format=json */
	bool       line;       /* --format=line: one line per entry */
	bool       full;       /* --full, --sources: everything about an entry */
	bool       no_pager;   /* --no-pager */
	enum color color;
	const char *db;        /* --db, or NULL */
	bool       dry_run;    /* import --dry-run */
	bool       coverage;   /* sources --coverage */
	const char *protocol;  /* --protocol for search */
	bool       standard;   /* --standard: only registered codes (list, search, quiz) */
	int        limit;      /* search --limit */
	/* quiz */
	int        count;      /* --count: questions to ask */
	int        new_cards;  /* --new: new cards a day (when new_set) */
	bool       new_set;
	const char *class_id;  /* --class 4xx */
	bool       bookmarks;  /* --bookmarks: only bookmarked codes */
	bool       substatus;  /* --substatus: IIS sub-status codes too */
	bool       seed_set;
	unsigned long long seed;
	bool       stats;      /* --stats */
	const char *export_path; /* --export FILE */
};

struct cli_command {
	const char *name;
	const char *args;
	const char *help, *help_zh;
	/* NULL for browse, which main.c runs */
	int (*run)(struct store *st, const struct cli_opts *o, int argc, char **argv);
	enum store_mode mode;  /* how it opens the database */
};

/* An option, and how it sets struct cli_opts: set() returns -1 to go on
 * or an exit status after printing a one-line message. getopt_long reads
 * this table, so long options may be abbreviated (--vers). */
struct cli_option {
	const char *name;      /* long name, without -- */
	char        shortname; /* 0 if none */
	const char *arg;       /* argument name or NULL */
	const char *help, *help_zh;   /* in English and Chinese */
	const char *commands;  /* NULL: every command; else the commands it applies to */
	bool        optional;  /* the argument may be left out (--color) */
	int (*set)(struct cli_opts *o, const char *val);
};

extern const struct cli_command cli_commands[];
extern const struct cli_option cli_options[];

/* What cli_main() leaves for main.c to do. */
enum cli_next {
	CLI_EXIT,     /* nothing: exit with the status returned */
	CLI_BROWSE,   /* start the browser on st with lang and color */
	CLI_TROFF,    /* print the man page sections (cli_troff) */
};
/* A code seen in the file given to browse, with how often. */
struct cli_seen {
	char protocol[12], code[16];
	uint64_t n;
};

struct cli_handover {
	enum cli_next next;
	struct store *st;      /* CLI_BROWSE: opened read-only; the caller closes it */
	enum lang lang;
	bool lang_set;
	bool color;            /* colour wanted on stdout */
	struct cli_seen *seen; /* statuscodes browse FILE: its codes, most first; caller frees */
	size_t nseen;
};

/* Runs the program: parses argv, opens the database, runs a command.
 * Returns the exit status (exitcode.h) and fills *h. */
int cli_main(int argc, char **argv, struct cli_handover *h);

/* Shell completion (complete.c): the candidates for the last of the
 * words (argv[0..argc), what follows the program's name), one
 * "word<TAB>description" per line, or ":files"; and the bash, zsh or fish
 * script that asks for them. Both return an exit status. */
int cli_complete(int argc, char **argv);
int cli_completion_script(const char *shell);

/* Prints the --help text. */
void cli_usage(FILE *f);
/* Prints the --version text (version, copyright, licence). */
void cli_version(FILE *f);

/* Prints the man page sections generated from the tables (troff), the
 * browser's keys among them (src/view/keymap.h). */
void cli_troff(FILE *f);

#endif
