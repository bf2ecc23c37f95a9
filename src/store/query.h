/* query.h: turn what a user typed into a safe FTS5 MATCH expression.
 *
 * Bare AND, NOT, NEAR, "(", "c++", "a\"b", "col:x" are operators, column
 * filters or syntax errors in FTS5. Following Datasette and sqlite-utils,
 * every piece between white space (U+3000 and U+00A0 too) is quoted as a
 * phrase with inner quotes doubled, and the phrases are joined by spaces
 * (implicit AND):
 *
 *	foo bar          ->  "foo" "bar"
 *	a"b              ->  "a""b"
 *	Retry-Aft        ->  "Retry-Aft"*      (prefix_last)
 *	缓存 代理         ->  "缓存" "代理"      (no * after CJK)
 *
 * The result is a valid FTS5 expression for any input; bind it as a
 * parameter, never paste it into SQL. */
#ifndef SC_QUERY_H
#define SC_QUERY_H

#include <stdbool.h>

/* Limits on what is kept of the input: more pieces or more text than this
 * is cut off (the text limit counts the bytes of the kept pieces). */
#define QUERY_MAX_PIECES 256
#define QUERY_MAX_BYTES  4096

/* Build a MATCH expression from text (NUL-terminated, any bytes).
 * Invalid UTF-8 is dropped, control characters separate pieces, pieces
 * with no letter or digit (such as "-", "*", "(") are dropped. With
 * prefix_last, the last piece matches as a prefix ("Retry-Aft"*) unless it
 * ends in a CJK character or a non-word character, is a single character
 * ("a*" would match most of the index), or white space follows it (the
 * user has finished that word). Returns a string the caller frees,
 * or NULL when there is nothing to search (skip MATCH). */
char *query_build(const char *text, bool prefix_last);

struct strv;
/* The pieces query_build() would quote, unquoted, appended to pieces.
 * Returns whether the last piece may match as a prefix (the rules above). */
bool query_split(const char *text, struct strv *pieces);

#endif
