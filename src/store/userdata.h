/* userdata.h: the user's own data for the browser (language, history of
 * visited entries, bookmarks) in its own SQLite database, DIR/user.db,
 * never in the reference database. No curses here.
 *
 * The user data is a convenience: a missing or read-only home, a damaged
 * file or a locked database must never stop the browser. So userdata_open()
 * returns NULL instead of failing loudly, every function accepts a NULL
 * handle, and write failures are reported only through the return value
 * (0 done, -1 not done), which callers may ignore.
 *
 * Entries are named by protocol and code, not by row id, so that the
 * history and the bookmarks survive a rebuilt reference database. */
#ifndef SC_USERDATA_H
#define SC_USERDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct userdata;

struct userdata_ref {
	char *protocol;   /* http, ftp, websocket */
	char *code;       /* 404, 403.14 */
};
struct userdata_refs {
	struct userdata_ref *v;
	size_t n, cap;
};
void userdata_refs_push(struct userdata_refs *r, const char *protocol, const char *code);
/* Removes element i, keeping the order. */
void userdata_refs_remove(struct userdata_refs *r, size_t i);
/* Index of protocol/code in r, or -1. */
long userdata_refs_find(const struct userdata_refs *r, const char *protocol, const char *code);
void userdata_refs_free(struct userdata_refs *r);

/* Opens DIR/user.db, creating DIR (mode 0700) and the file when missing;
 * WAL journal. Falls back to a read-only connection when the file exists
 * but cannot be written. NULL when there is no usable database (dir NULL
 * included). Close with userdata_close(). */
struct userdata *userdata_open(const char *dir);
void userdata_close(struct userdata *u);
/* Can writes be attempted (not opened read-only)? */
bool userdata_writable(const struct userdata *u);
/* When u was opened read-only (it is still read: bookmarks, history and
 * settings show), a one-line reason for the user: "the folder DIR cannot
 * be written", "FILE was made by a newer statuscodes". NULL when u is
 * writable or NULL (then there is no user data at all). Owned by u. */
const char *userdata_readonly_reason(const struct userdata *u);

/* A setting (such as "lang"), or NULL. Caller frees. */
char *userdata_get(struct userdata *u, const char *key);
int userdata_set(struct userdata *u, const char *key, const char *value);
/* A setting read from DIR/user.db without opening it for writing or
 * creating anything (the command line's default language), or NULL when
 * the file or the setting is missing. Caller frees. */
char *userdata_peek(const char *dir, const char *key);

/* Appends a visit to the history (kept to the last USERDATA_HISTORY_MAX),
 * in one transaction. */
#define USERDATA_HISTORY_MAX 500
int userdata_visit(struct userdata *u, const char *protocol, const char *code);
/* The last max visits, oldest first, consecutive repeats folded. Appends
 * to out. */
int userdata_history(struct userdata *u, size_t max, struct userdata_refs *out);

/* Adds (on) or removes a bookmark. */
int userdata_bookmark(struct userdata *u, const char *protocol, const char *code, bool on);
/* The bookmarks in the order they were added. Appends to out. */
int userdata_bookmarks(struct userdata *u, struct userdata_refs *out);

/* ---- study progress ------------------------------------------------------
 * One row per study card the user has answered, named by the study layer
 * (kind:protocol:code), with its FSRS memory state, and one row per
 * answer. Times are seconds since the epoch. */
struct userdata_card {
	char    *card;
	int      state, step;             /* FSRS state and (re)learning step */
	double   stability, difficulty;
	int64_t  due, last, first;        /* first: when it was first answered */
	int      reps, lapses, rights;    /* answers, lapses, right answers */
};
struct userdata_cards {
	struct userdata_card *v;
	size_t n, cap;
};
void userdata_cards_free(struct userdata_cards *l);
/* Every answered card, by name. Appends to out. */
int userdata_study_cards(struct userdata *u, struct userdata_cards *out);
/* Records one answer: the card's state after it and a review row (grade
 * 1-4, right or wrong, at), in one transaction committed before it
 * returns, so a killed session keeps every answer already given. */
int userdata_study_answer(struct userdata *u, const struct userdata_card *c, int grade, bool right,
                          int64_t at);
/* How many answers were recorded for card (all cards when NULL); -1 when
 * unknown. */
int64_t userdata_study_review_count(struct userdata *u, const char *card);

#endif
