/* exitcode.h: the program's exit statuses, one X-macro so that --help, the
 * man page and the code agree (generated from this list). */
#ifndef SC_EXITCODE_H
#define SC_EXITCODE_H

#define SC_EXIT_CODES(X) \
	X(SC_EXIT_OK,       0,  "found: the command did what was asked") \
	X(SC_EXIT_NOTFOUND, 1,  "not found: no entry matches (stderr names the closest ones)") \
	X(SC_EXIT_USAGE,    2,  "usage error: unknown command, option or argument") \
	X(SC_EXIT_DB,       3,  "the database is missing, unreadable, damaged, locked or of another version") \
	X(SC_EXIT_INPUT,    4,  "a file given to import or explain could not be read, or a document to import held nothing usable") \
	X(SC_EXIT_INTERNAL, 70, "internal error: output that could not be written (a full disk), out of memory, or a bug")

enum sc_exit {
#define SC_EXIT_ENUM(name, value, text) name = value,
	SC_EXIT_CODES(SC_EXIT_ENUM)
#undef SC_EXIT_ENUM
};

#endif
