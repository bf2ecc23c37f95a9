/* store_family.c: the sub-status codes of an entry (403.1 .. for 403), read
 * a screenful at a time. A generated database can give one code hundreds
 * of them; an entry document shows the first ones and how many there are,
 * so what a lookup costs does not grow with the database. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_int.h"
#include "say.h"
#include "xmalloc.h"

int store_children(struct store *st, const struct sc_entry *e, size_t max, struct sc_entries *out,
                   size_t *total, char **cause)
{
	sqlite3_stmt *s = NULL, *n = NULL;
	int rc = SQLITE_DONE;

	*total = 0;
	if (e->sub >= 0 || e->hi != e->num)
		return 0;   /* a sub-status code or a range has none */
	/* in code order through the sort_key index (a sub-status code's key is
	 * its parent's plus 1 + sub), stopped after max rows; counted through
	 * the index on parent, never reading a row */
	if (sqlite3_prepare_v2(store_db(st), "SELECT " ENTRY_BRIEF_COLS("e") " FROM entry e"
	                       " WHERE e.sort_key BETWEEN ?2 * 10000 + 1 AND ?2 * 10000 + 9999"
	                       " AND +e.parent = ?1 ORDER BY e.sort_key LIMIT ?3", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM entry WHERE parent = ?1", -1, &n, NULL)
	    != SQLITE_OK) {
		sqlite3_finalize(s);
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	sqlite3_bind_int64(s, 1, e->id);
	sqlite3_bind_int64(s, 2, e->num);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sc_entry *c = LIST_PUSH(out);
		store_entry_from_row(s, 0, c);
		c->brief = true;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_bind_int64(n, 1, e->id);
		rc = sqlite3_step(n) == SQLITE_ROW ? SQLITE_DONE : SQLITE_ERROR;
		int64_t k = sqlite3_column_int64(n, 0);
		*total = k > 0 ? (size_t)k : 0;
	}
	sqlite3_finalize(s);
	sqlite3_finalize(n);
	if (rc != SQLITE_DONE) {
		sc_entries_free(out);  /* no partial results on failure */
		*total = 0;
		*cause = store_error(st, SAY("cannot read"));
		return -1;
	}
	return 0;
}
