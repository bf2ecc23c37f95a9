/* store.h: the reference database. Opening and validating it, every query
 * the program runs, and the writer the importer uses. No curses here.
 *
 * Every function that can fail returns 0 on success or -1 and sets a
 * message for the user in *cause (caller frees): one line, naming the
 * database file, never an engine error text alone. A reader that fails
 * part-way (a damaged file) leaves its list empty: what it had read is
 * freed, so a caller that gives up on the failure loses nothing. */
#ifndef SC_STORE_H
#define SC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

struct store;

enum store_mode {
	STORE_READ,    /* read-only; the file is never written */
	STORE_WRITE,   /* an existing statuscodes database, written in place
	                  (for tools that work on their own copy) */
	STORE_CREATE,  /* a new file (it must not exist), for the build */
	STORE_IMPORT,  /* an existing database, written atomically: the work is
	                  done on a copy beside it (.NAME.import-XXXXXX) that
	                  store_publish() renames into place; until then the
	                  file is byte for byte as it was, whatever happens */
	STORE_DRYRUN,  /* an existing database, copied into memory: the file is
	                  only read (it may be read-only); nothing is kept */
};

int  store_open(const char *path, enum store_mode mode, struct store **out, char **cause);
/* STORE_IMPORT: after store_commit(), makes the copy the database (fsync,
 * rename, fsync of the directory). Other modes: nothing to do, 0. */
int  store_publish(struct store *st, char **cause);
/* Closes st; an unpublished STORE_IMPORT copy is removed. */
void store_close(struct store *st);
/* How many entries there are (counted once on a read-only database). */
int64_t store_entry_count(struct store *st);
/* Rebuilds the file compactly (after a build). */
int  store_compact(struct store *st, char **cause);
sqlite3 *store_db(struct store *st);
/* Between these (nested: the outermost pair counts), every read on st
 * sees one version of the file, in one read transaction: a command or a
 * search that runs many statements takes the file lock once. */
void store_read_begin(struct store *st);
void store_read_end(struct store *st);
const char *store_path(const struct store *st);
/* A one-line message for the last SQLite error on st, naming the file.
 * Caller frees. */
char *store_error(struct store *st, const char *what);

/* ---- reading ------------------------------------------------------------ */

struct sc_entry {
	int64_t id, parent;          /* parent 0 when none */
	char   *protocol;            /* http, ftp, websocket */
	char   *code;                /* 404, 403.14, 4000-4999 */
	int     num, sub, hi;        /* sub -1 when none */
	char   *class_id;
	char   *phrase_en, *phrase_zh;
	char   *summary_en, *summary_zh;
	char   *detail_en, *detail_zh;
	char   *check_en, *check_zh;     /* what to check: headers, usual causes, first fix */
	char   *origin_en, *origin_zh;
	char   *status, *spec;
	char   *vendor;                  /* an unofficial code's maker (nginx, IIS), or NULL */
	bool    brief;                   /* a search hit: only what a list shows (code,
	                                    phrases, class, status, spec, vendor); the
	                                    texts are NULL, store_entry_by_id() reads them */
	size_t  nsubs;                   /* its sub-status codes (403.1 ..): counted by
	                                    store_list_top() only, else 0 */
};

struct sc_entries {
	struct sc_entry *v;
	size_t n, cap;
};
void sc_entries_free(struct sc_entries *l);

struct sc_claim {
	char *source;                /* file name */
	int   line;
	char *label, *field, *lang, *value, *state;
};
struct sc_claims {
	struct sc_claim *v;
	size_t n, cap;
};
void sc_claims_free(struct sc_claims *l);

struct sc_finding {
	int64_t id;
	char *source;
	int   line;
	char *kind, *label, *code, *protocol, *message, *resolution;
	char *message_zh, *resolution_zh;    /* NULL when not written in Chinese */
};
struct sc_findings {
	struct sc_finding *v;
	size_t n, cap;
};
void sc_findings_free(struct sc_findings *l);

struct sc_xref {
	char *kind;                  /* compare, mentions, mentioned-by, same-number */
	struct sc_entry other;
	char *title_en, *title_zh, *note_en, *note_zh; /* for compare */
};
struct sc_xrefs {
	struct sc_xref *v;
	size_t n, cap;
};
void sc_xrefs_free(struct sc_xrefs *l);

struct sc_source {
	int64_t id;
	char *file, *kind, *format, *title, *author, *date, *language;
	int64_t bytes, lines, rows, claims, findings;
};
struct sc_sources {
	struct sc_source *v;
	size_t n, cap;
};
void sc_sources_free(struct sc_sources *l);

struct sc_class {
	char *protocol, *id, *name_en, *name_zh, *desc_en, *desc_zh;
	int lo, hi;
	int64_t count;               /* entries in it */
	int64_t top;                 /* of them, top-level: not a sub-status code (the
	                                browser's list with its folds closed) */
	int64_t top_registered;      /* of those, registered (the list under r) */
};
struct sc_classes {
	struct sc_class *v;
	size_t n, cap;
};
void sc_classes_free(struct sc_classes *l);
void sc_class_clear(struct sc_class *c);

struct sc_protocol {
	char *id, *name_en, *name_zh, *desc_en, *desc_zh;
	int64_t count;               /* entries in it */
	int64_t top;                 /* of them, not a sub-status code */
	int64_t top_registered;      /* of those, registered (sc_entry_registered) */
};
struct sc_protocols {
	struct sc_protocol *v;
	size_t n, cap;
};
void sc_protocols_free(struct sc_protocols *l);

struct sc_historic {
	char *protocol, *code, *former_en, *former_zh, *match, *note_en, *note_zh;
};
struct sc_historics {
	struct sc_historic *v;
	size_t n, cap;
};
void sc_historics_free(struct sc_historics *l);
/* The meanings the code (protocol, code) used to have (curated). */
int store_former_meanings(struct store *st, const char *protocol, const char *code,
                          struct sc_historics *out, char **cause);

/* What else a number means where sources disagree (curated meanings.tsv):
 * the meaning, who uses the number so, a note telling them apart. */
struct sc_meaning {
	char *protocol, *code, *meaning_en, *meaning_zh, *who_en, *who_zh, *note_en, *note_zh, *source;
};
struct sc_meanings {
	struct sc_meaning *v;
	size_t n, cap;
};
void sc_meanings_free(struct sc_meanings *l);
/* The other meanings of the code (protocol, code), in curated order. */
int store_other_meanings(struct store *st, const char *protocol, const char *code,
                         struct sc_meanings *out, char **cause);

/* Canonical protocol id for what a user typed (http, HTTP, ftp, ws,
 * websocket, websockets), or NULL. */
const char *store_protocol_id(const char *name);

/* Entries whose code is exactly code (any protocol when protocol is NULL),
 * and, for a number inside a range (4001), the range. Appends to out. */
int store_lookup(struct store *st, const char *protocol, const char *code,
                 struct sc_entries *out, char **cause);
int store_entry_by_id(struct store *st, int64_t id, struct sc_entry *out, char **cause);
/* Entries of protocol (NULL: all) whose code matches pattern: NULL for all,
 * a class (4xx), a pattern with x as a digit wildcard (40x), or a parent
 * code (403 lists 403 and 403.*). Sorted by protocol, then code. */
int store_list(struct store *st, const char *protocol, const char *pattern,
               struct sc_entries *out, char **cause);
/* The browser's code list, a fold at a time: the top-level entries (no
 * parent) of protocol's class class_id (4xx, 1000-2999), brief, in code
 * order, each with how many sub-status codes it has in nsubs; through the
 * entry_top index, never reading a sub-status row. Appends to out. */
int store_list_top(struct store *st, const char *protocol, const char *class_id,
                   struct sc_entries *out, char **cause);
/* The sub-status codes of the entry with id parent (403.1 .. 403.23 for
 * 403), brief, in code order, for opening its fold. Appends to out. */
int store_list_subs(struct store *st, int64_t parent, struct sc_entries *out, char **cause);
/* Up to max entries of protocol (NULL: all) whose code starts with prefix,
 * for shell completion; sub-status codes (403.14) only when subs. */
int store_complete(struct store *st, const char *protocol, const char *prefix, bool subs, size_t max,
                   struct sc_entries *out, char **cause);
/* Up to max entries nearest to code (by number) for a not-found message. */
int store_nearest(struct store *st, const char *protocol, const char *code, size_t max,
                  struct sc_entries *out, char **cause);
/* The sub-status codes of e (403.1 .. for 403), brief, in code order: at
 * most max of them into out, and how many there are into *total. None for
 * a sub-status code or a range. */
int store_children(struct store *st, const struct sc_entry *e, size_t max, struct sc_entries *out,
                   size_t *total, char **cause);
int store_claims(struct store *st, int64_t entry_id, struct sc_claims *out, char **cause);
int store_findings(struct store *st, int64_t source_id, int64_t entry_id,
                   struct sc_findings *out, char **cause); /* 0 = any */
int store_xrefs(struct store *st, int64_t entry_id, struct sc_xrefs *out, char **cause);
int store_sources(struct store *st, struct sc_sources *out, char **cause);
int store_protocols(struct store *st, struct sc_protocols *out, char **cause);
int store_classes(struct store *st, const char *protocol, struct sc_classes *out, char **cause);
void sc_entry_clear(struct sc_entry *e);
/* Is e registered by its protocol's standards (IANA registry, RFCs):
 * standard, reserved, unused or obsolete, not a vendor's, unofficial or
 * unverified code? What --standard and the browser's toggle keep. */
bool sc_entry_registered(const struct sc_entry *e);
/* Drops from l every entry that is not registered. */
void sc_entries_keep_registered(struct sc_entries *l);
void sc_entry_copy(struct sc_entry *dst, const struct sc_entry *src);

#endif
