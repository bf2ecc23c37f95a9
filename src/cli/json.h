/* json.h: a small streaming JSON writer into a struct buf. Keys and
 * strings are escaped; invalid UTF-8 becomes U+FFFD. */
#ifndef SC_JSON_H
#define SC_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct json {
	struct buf b;
	int depth;
	bool need_comma[64];
};

void json_open(struct json *j, const char *key, char bracket);  /* '{' or '[' */
void json_close(struct json *j, char bracket);                  /* '}' or ']' */
void json_str(struct json *j, const char *key, const char *value); /* NULL -> null */
void json_int(struct json *j, const char *key, int64_t value);
void json_bool(struct json *j, const char *key, bool value);
/* A value written as it is (a number the caller formatted). */
void json_raw(struct json *j, const char *key, const char *value);
/* A number with four decimals; NaN is written as null. */
void json_real(struct json *j, const char *key, double value);

/* A key of an object and where its value is in the struct it is drawn
 * from: a string (char *), or an int when is_int. Arrays of objects are
 * written from these tables, so a key's place in the JSON is its row. */
struct json_key {
	const char *key;
	size_t off;
	bool is_int;
};
#define JSON_KEY(type, member, name) { name, offsetof(type, member), false }
#define JSON_INT_KEY(type, member, name) { name, offsetof(type, member), true }
#define JSON_NKEYS(t) (sizeof t / sizeof t[0])

/* One object of j with the n keys of keys, read from p. */
void json_object(struct json *j, const void *p, const struct json_key *keys, size_t n);

#endif
