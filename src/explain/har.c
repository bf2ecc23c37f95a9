/* har.c: HAR files (HTTP Archive 1.2, as browsers' developer tools save
 * them), parsed with jansson. Each entry gives its method, URL, status and
 * the headers that matter; status 0 (blocked or failed before a response)
 * is counted as 000. A truncated HAR is read entry by entry up to where it
 * breaks, so what came before is still explained. */
#include "config.h"
#include "explain_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static void entry(struct explain *ex, json_t *e)
{
	json_t *req = json_object_get(e, "request");
	json_t *resp = json_object_get(e, "response");
	json_t *st = json_object_get(resp, "status");
	const char *when = json_string_value(json_object_get(e, "startedDateTime"));
	char code[8];

	if (!json_is_integer(st) || json_integer_value(st) < 0 || json_integer_value(st) > 999) {
		ex->r.st.unreadable++;
		return;
	}
	int num = (int)json_integer_value(st);
	snprintf(code, sizeof code, "%03d", num);
	int c = ex_tally(ex, "http", code, when, when ? strlen(when) : 0);
	struct ex_item *it = ex_item_add(ex, c);
	if (!it)
		return;
	it->line = 0;
	const char *m = json_string_value(json_object_get(req, "method"));
	const char *u = json_string_value(json_object_get(req, "url"));
	const char *t = json_string_value(json_object_get(resp, "statusText"));
	it->method = m ? ex_strndup_clean(m, strlen(m)) : NULL;
	it->url = u ? ex_strndup_clean(u, strlen(u)) : NULL;
	it->text = t && *t ? ex_strndup_clean(t, strlen(t)) : NULL;

	struct ex_hop hop = {0};
	size_t i;
	json_t *h;
	json_array_foreach(json_object_get(resp, "headers"), i, h) {
		const char *name = json_string_value(json_object_get(h, "name"));
		const char *value = json_string_value(json_object_get(h, "value"));
		if (!name || !value)
			continue;
		ex_hop_note(&hop, name, strlen(name), value, strlen(value));
		ex_callout(it, num, name, strlen(name), value, strlen(value));
	}
	it->hop = ex_hop_verdict(&hop);
}

/* The offset just inside the "entries" array, found by its key; 0 if none. */
static size_t entries_start(const char *s, size_t n)
{
	static const char key[] = "\"entries\"";
	for (size_t i = 0; i + sizeof key - 1 <= n; i++) {
		if (memcmp(s + i, key, sizeof key - 1) != 0)
			continue;
		size_t j = i + sizeof key - 1;
		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
			j++;
		if (j < n && s[j] == ':') {
			j++;
			while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
				j++;
			if (j < n && s[j] == '[')
				return j + 1;
		}
	}
	return 0;
}

/* A HAR that does not parse whole: read one entry at a time (jansson stops
 * after each value) until one fails. */
static void salvage(struct explain *ex, const char *s, size_t n)
{
	size_t p = entries_start(s, n);

	ex->r.st.har_truncated = true;
	if (!p) {
		ex->r.st.unreadable++;
		return;
	}
	for (;;) {
		while (p < n && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n' || s[p] == ','))
			p++;
		if (p >= n || s[p] == ']')
			return;
		json_error_t err;
		json_t *e = json_loadb(s + p, n - p, JSON_DISABLE_EOF_CHECK, &err);
		if (!json_is_object(e)) {
			json_decref(e);
			ex->r.st.unreadable++;   /* the entry the file ends in */
			return;
		}
		entry(ex, e);
		json_decref(e);
		if (err.position <= 0)
			return;
		p += (size_t)err.position;
	}
}

void ex_har_doc(struct explain *ex, const char *s, size_t n)
{
	json_error_t err;
	json_t *doc = json_loadb(s, n, 0, &err);
	json_t *entries = json_object_get(json_object_get(doc, "log"), "entries");
	size_t i;
	json_t *e;

	if (!json_is_array(entries)) {
		json_decref(doc);
		salvage(ex, s, n);
		return;
	}
	json_array_foreach(entries, i, e)
		entry(ex, e);
	json_decref(doc);
}
