/* str.h: small string helpers and a string vector. */
#ifndef SC_STR_H
#define SC_STR_H

#include <stdbool.h>
#include <stddef.h>

/* A growable array of malloc'd strings. Zeroed is empty. */
struct strv {
	char  **v;
	size_t  n;
	size_t  cap;
};
void strv_push(struct strv *sv, const char *s);      /* copies s */
void strv_push_owned(struct strv *sv, char *s);      /* takes s */
bool strv_contains(const struct strv *sv, const char *s);
void strv_free(struct strv *sv);

/* Trim ASCII white space, U+00A0 and U+3000 from both ends, in place
 * (returns s moved forward; the tail gets a NUL). */
char *str_trim(char *s);
/* A trimmed copy of s[0..n). Caller frees. */
char *str_trim_copy(const char *s, size_t n);
bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
bool str_empty(const char *s); /* NULL or only white space */
/* ASCII case-insensitive comparison. */
int str_casecmp(const char *a, const char *b);
/* Case-insensitive substring search (ASCII letters fold). */
const char *str_casestr(const char *hay, const char *needle);
/* Lowercase ASCII letters and drop everything but letters, digits and
 * non-ASCII bytes: "Request-URI Too Long" -> "requesturitoolong". Caller frees. */
char *str_fold(const char *s);
/* Levenshtein distance between two byte strings, capped at max+1. */
size_t str_distance(const char *a, const char *b, size_t max);
/* Does s consist only of ASCII digits (and is non-empty)? */
bool str_is_digits(const char *s);

#endif
