/* text.h: UTF-8 decoding, display width and line wrapping.
 *
 * Widths come from libunistring's uc_width()/u8_strwidth() with the "UTF-8"
 * encoding, so they do not depend on the process locale: a CJK character is
 * two columns under LANG=C too. Wrapping follows the Unicode line-breaking
 * rules (u8_width_linebreaks), so no line starts with "，" or "。". */
#ifndef SC_TEXT_H
#define SC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cjk.h"

/* Decode one code point from s (n bytes available). Returns the number of
 * bytes used (1-4) and sets *cp, or returns -1 for an invalid or truncated
 * sequence (then *cp is U+FFFD and one byte should be skipped). */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
int utf8_encode(uint32_t cp, char *out);
bool utf8_valid(const char *s, size_t n);
/* THE cleaning function for text that may reach a terminal (n bytes of s,
 * NULs included): a copy in which every invalid byte becomes U+FFFD and
 * every control character is shown as a visible escape, never raw: C0
 * controls and DEL in caret notation (ESC is "^[", NUL "^@"), C1 controls
 * as "<U+009B>". '\n' and '\t' stay (layout). Always valid UTF-8; the
 * result is what text_width() measures and text_fit()/text_wrap() print.
 * Caller frees. */
char *text_clean(const char *s, size_t n);

/* Does s contain any CJK ideograph? */
bool text_has_cjk(const char *s);

/* Display width of a code point (0, 1 or 2; control characters 0). */
int cp_width(uint32_t cp);
/* Display width of s as text_clean() shows it (an invalid byte is one
 * column, ESC the two of "^["). */
size_t text_width(const char *s);

/* Append to b the longest prefix of text_clean(s) that fits in width columns; if s was
 * cut and ellipsis is set, the last column becomes "…" (or "~" when ascii).
 * Then pad with spaces to exactly width columns when pad is set. Never
 * splits a double-width character. Returns the columns written. */
size_t text_fit(struct buf *b, const char *s, size_t width, bool pad, bool ellipsis);

/* Wrap text_clean(s) into lines of at most width columns (a word longer than width is
 * cut between characters). Each line is malloc'd; *lines is a malloc'd
 * array the caller frees with text_lines_free(). Returns the line count.
 * Existing newlines are kept as hard breaks. */
size_t text_wrap(const char *s, size_t width, char ***lines);
void text_lines_free(char **lines, size_t n);
/* Like text_wrap, but breaks only at spaces (for help text that names
 * options such as --dry-run, which must not be split at the hyphen). A
 * word wider than width stands alone on its line. */
size_t text_wrap_spaces(const char *s, size_t width, char ***lines);

/* Make s printable in a terminal that cannot show non-ASCII: every non-ASCII
 * code point becomes '?' (CJK ideographs become "??" to keep the width).
 * Caller frees. */
char *text_ascii_fallback(const char *s);

#endif
