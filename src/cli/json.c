#include "config.h"
#include "json.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static void json_escape(struct buf *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	buf_addc(b, '"');
	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			buf_adds(b, "\\ufffd");
			i++;
			continue;
		}
		switch (cp) {
		case '"':  buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		default:
			if (cp < 0x20 || cp == 0x7F)
				buf_addf(b, "\\u%04x", (unsigned)cp);
			else
				buf_add(b, s + i, (size_t)len);
		}
		i += (size_t)len;
	}
	buf_addc(b, '"');
}

/* The comma and key before a value. */
static void json_key(struct json *j, const char *key)
{
	if (j->need_comma[j->depth])
		buf_addc(&j->b, ',');
	j->need_comma[j->depth] = true;
	if (key) {
		json_escape(&j->b, key);
		buf_addc(&j->b, ':');
	}
}

void json_open(struct json *j, const char *key, char bracket)
{
	json_key(j, key);
	buf_addc(&j->b, bracket);
	if (j->depth < 63)
		j->depth++;
	j->need_comma[j->depth] = false;
}

void json_close(struct json *j, char bracket)
{
	if (j->depth > 0)
		j->depth--;
	buf_addc(&j->b, bracket);
}

void json_str(struct json *j, const char *key, const char *value)
{
	json_key(j, key);
	if (value)
		json_escape(&j->b, value);
	else
		buf_adds(&j->b, "null");
}

void json_int(struct json *j, const char *key, int64_t value)
{
	json_key(j, key);
	buf_addf(&j->b, "%lld", (long long)value);
}

void json_bool(struct json *j, const char *key, bool value)
{
	json_key(j, key);
	buf_adds(&j->b, value ? "true" : "false");
}

void json_raw(struct json *j, const char *key, const char *value)
{
	json_key(j, key);
	buf_adds(&j->b, value);
}

void json_real(struct json *j, const char *key, double value)
{
	json_key(j, key);
	if (value != value)
		buf_adds(&j->b, "null");   /* NaN: no value */
	else
		buf_addf(&j->b, "%.4f", value);
}

void json_object(struct json *j, const void *p, const struct json_key *keys, size_t n)
{
	const char *base = p;

	json_open(j, NULL, '{');
	for (size_t i = 0; i < n; i++) {
		if (keys[i].is_int)
			json_int(j, keys[i].key, *(const int *)(const void *)(base + keys[i].off));
		else
			json_str(j, keys[i].key, *(char *const *)(const void *)(base + keys[i].off));
	}
	json_close(j, '}');
}
