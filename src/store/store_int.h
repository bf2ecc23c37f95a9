/* store_int.h: what the files of src/store share and nothing else sees. */
#ifndef SC_STORE_INT_H
#define SC_STORE_INT_H

#include <sqlite3.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "xmalloc.h"

/* Column i of the current row as a malloc'd string, or NULL. A database
 * may hold any bytes (a damaged or hostile file): what leaves the store is
 * always text_clean()ed, so no caller sees invalid UTF-8 or a raw control. */
static inline char *col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? text_clean((const char *)t, (size_t)sqlite3_column_bytes(s, i)) : NULL;
}

/* The columns of an entry, of table alias t, in the order
 * store_entry_from_row() reads them. */
#define ENTRY_COLS(t) \
	t ".id, " t ".protocol, " t ".code, " t ".num, coalesce(" t ".sub, -1), " t ".hi, " \
	"coalesce(" t ".parent, 0), " t ".class, " t ".phrase_en, " t ".phrase_zh, " \
	t ".summary_en, " t ".summary_zh, " t ".detail_en, " t ".detail_zh, " \
	t ".origin_en, " t ".origin_zh, " t ".status, " t ".spec, " \
	t ".check_en, " t ".check_zh, " t ".vendor"
#define ENTRY_NCOLS 21
/* The statuses of a registered code (sc_entry_registered), once for the
 * C test and the SQL that counts them. */
#define REGISTERED_STATUSES(X) X("standard") X("reserved") X("unused") X("obsolete")
#define REGISTERED_SQL_ITEM(s) "'" s "', "
/* t's status is one of them: "t.status IN ('standard', ..., NULL)". */
#define REGISTERED_SQL(t) t ".status IN (" REGISTERED_STATUSES(REGISTERED_SQL_ITEM) "NULL)"
/* The same columns for a brief entry (struct sc_entry's brief): the long
 * texts a list never shows are NULL, so they are neither read nor cleaned. */
#define ENTRY_BRIEF_COLS(t) \
	t ".id, " t ".protocol, " t ".code, " t ".num, coalesce(" t ".sub, -1), " t ".hi, " \
	"coalesce(" t ".parent, 0), " t ".class, " t ".phrase_en, " t ".phrase_zh, " \
	"NULL, NULL, NULL, NULL, NULL, NULL, " t ".status, " t ".spec, NULL, NULL, " t ".vendor"


/* State search.c keeps per connection (prepared statements, the prior):
 * freed with free_fn before the connection closes, or when replaced. */
void *store_search_state(struct store *st);
void store_set_search_state(struct store *st, void *state, void (*free_fn)(void *));

/* sql prepared once per connection and kept until store_close (at most
 * the 48 last different ones): the build runs the same few inserts
 * thousands of times, and preparing was half of its work. The caller
 * resets it (and clears its bindings) after use; NULL when sql does not
 * prepare. */
sqlite3_stmt *store_cached(struct store *st, const char *sql);

/* Fills e from ENTRY_NCOLS columns of s starting at column c. */
void store_entry_from_row(sqlite3_stmt *s, int c, struct sc_entry *e);

#endif
