#include "config.h"
#include "doc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

#define GROW(v, n, cap) ((v) = xgrow((v), (n), &(cap), sizeof *(v)))

size_t doc_entity(const char *s, const char *end, struct buf *b)
{
	static const struct { const char *name; const char *utf8; } ents[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
		{ "apos;", "'" }, { "nbsp;", " " }, { "ndash;", "\xE2\x80\x93" },
		{ "mdash;", "\xE2\x80\x94" }, { "hellip;", "\xE2\x80\xA6" },
	};
	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		size_t n = strlen(ents[i].name);
		if ((size_t)(end - s) >= n && strncmp(s, ents[i].name, n) == 0) {
			buf_adds(b, ents[i].utf8);
			return n;
		}
	}
	if (s < end && *s == '#') {
		const char *p = s + 1;
		bool hex = p < end && (*p == 'x' || *p == 'X');
		uint32_t cp = 0;
		size_t digits = 0;
		if (hex)
			p++;
		/* at most 8 digits, bounded by end: the text need not be
		 * NUL-terminated and strtoul would read past it */
		for (; p < end && digits < 8; p++, digits++) {
			int v = isdigit((unsigned char)*p) ? *p - '0'
			      : hex && isxdigit((unsigned char)*p) ? (tolower((unsigned char)*p) - 'a' + 10) : -1;
			if (v < 0)
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t)v;
		}
		if (digits > 0 && p < end && *p == ';' && cp > 0 && cp <= 0x10FFFF &&
		    !(cp >= 0xD800 && cp <= 0xDFFF)) {
			char u[4];
			buf_add(b, u, (size_t)utf8_encode(cp, u));
			return (size_t)(p + 1 - s);
		}
	}
	buf_addc(b, '&');
	return 0;
}

char *entity_decode(const char *s, size_t n)
{
	struct buf b = {0};
	const char *end = s + n;

	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		if (amp == NULL) {
			buf_add(&b, s, (size_t)(end - s));
			break;
		}
		buf_add(&b, s, (size_t)(amp - s));
		s = amp + 1;
		s += doc_entity(s, end, &b);
	}
	return buf_detach(&b);
}

/* The first control character in s (not tab or newline), or 0. */
static uint32_t first_control(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	uint32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0)
			len = 1;
		else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return cp;
		i += (size_t)len;
	}
	return 0;
}

static void row_clear(struct row *r)
{
	free(r->label); free(r->protocol); free(r->section); free(r->phrase);
	free(r->gloss); free(r->text); free(r->note);
}

void doc_reject_controls(struct doc *d)
{
	size_t kept = 0;
	char why[64], why_zh[64];

	for (size_t i = 0; i < d->nrows; i++) {
		struct row *r = &d->rows[i];
		const char *f[] = { r->label, r->protocol, r->section, r->phrase, r->gloss, r->text, r->note };
		uint32_t cp = 0;
		for (size_t k = 0; k < sizeof f / sizeof f[0] && cp == 0; k++)
			cp = first_control(f[k]);
		if (cp == 0) {
			d->rows[kept++] = *r;
			continue;
		}
		snprintf(why, sizeof why, "a control character (U+%04X) in the row", (unsigned)cp);
		snprintf(why_zh, sizeof why_zh, "行中有控制字符（U+%04X）", (unsigned)cp);
		char *shown = xasprintf("%s %s %s", r->label ? r->label : "", r->phrase ? r->phrase : "",
		                        r->text ? r->text : "");
		doc_reject(d, r->line, shown, why, why_zh);
		free(shown);
		row_clear(r);
	}
	d->nrows = kept;
	kept = 0;
	for (size_t i = 0; i < d->ntexts; i++) {
		struct section_text *t = &d->texts[i];
		uint32_t cp = first_control(t->name);
		if (cp == 0)
			cp = first_control(t->text);
		if (cp == 0) {
			d->texts[kept++] = *t;
			continue;
		}
		snprintf(why, sizeof why, "a control character (U+%04X) in the text", (unsigned)cp);
		snprintf(why_zh, sizeof why_zh, "文本中有控制字符（U+%04X）", (unsigned)cp);
		doc_reject(d, t->line, t->text ? t->text : t->name, why, why_zh);
		free(t->protocol); free(t->label); free(t->name); free(t->text);
	}
	d->ntexts = kept;
}

struct row *doc_add_row(struct doc *d, int line)
{
	GROW(d->rows, d->nrows, d->caprows);
	struct row *r = &d->rows[d->nrows++];
	memset(r, 0, sizeof *r);
	r->line = line;
	return r;
}

void doc_add_text(struct doc *d, int line, const char *protocol, const char *label,
                  const char *name, const char *text)
{
	GROW(d->texts, d->ntexts, d->captexts);
	struct section_text *t = &d->texts[d->ntexts++];
	t->line = line;
	t->protocol = xstrdup(protocol);
	t->label = xstrdup(label);
	t->name = xstrdup(name);
	t->text = xstrdup(text);
}

void doc_reject(struct doc *d, int line, const char *text, const char *why, const char *why_zh)
{
	GROW(d->rejects, d->nrejects, d->caprejects);
	struct reject *r = &d->rejects[d->nrejects++];
	r->line = line;
	r->text = text ? xstrndup(text, 200) : NULL;
	r->why = xstrdup(why);
	r->why_zh = xstrdup(why_zh);
}

void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->nrows; i++)
		row_clear(&d->rows[i]);
	for (size_t i = 0; i < d->ntexts; i++) {
		struct section_text *t = &d->texts[i];
		free(t->protocol); free(t->label); free(t->name); free(t->text);
	}
	for (size_t i = 0; i < d->nrejects; i++) {
		free(d->rejects[i].text);
		free(d->rejects[i].why);
		free(d->rejects[i].why_zh);
	}
	free(d->rows); free(d->texts); free(d->rejects);
	free(d->file); free(d->title); free(d->author); free(d->date);
	memset(d, 0, sizeof *d);
}

void lines_split(const char *text, size_t len, struct lines *out)
{
	size_t cap = 0, start = 0;

	out->v = NULL;
	out->n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		size_t end = i;
		if (end > start && text[end - 1] == '\r')
			end--;
		if (i == len && start == len)
			break; /* no empty line after a final newline */
		GROW(out->v, out->n, cap);
		out->v[out->n++] = xstrndup(text + start, end - start);
		start = i + 1;
	}
}

void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* "key: value" from a front-matter line, trimmed; NULL if the key differs. */
static char *fm_value(const char *line, const char *key)
{
	size_t k = strlen(key);

	if (strncmp(line, key, k) != 0 || line[k] != ':')
		return NULL;
	char *v = str_trim_copy(line + k + 1, strlen(line + k + 1));
	size_t n = strlen(v);
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
		memmove(v, v + 1, n - 2);
		v[n - 2] = '\0';
	}
	if (*v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

size_t doc_front_matter(struct doc *d, const struct lines *l)
{
	size_t i = 0;

	while (i < l->n && str_empty(l->v[i]))
		i++;
	if (i >= l->n || strcmp(str_trim(l->v[i]), "---") != 0)
		return 0;
	for (size_t j = i + 1; j < l->n; j++) {
		const char *line = l->v[j];
		char *v;
		if (strcmp(line, "---") == 0 || strcmp(line, "...") == 0)
			return j + 1;
		if (!d->title && (v = fm_value(line, "title")) != NULL)
			d->title = v;
		else if (!d->author && (v = fm_value(line, "author")) != NULL)
			d->author = v;
		else if (!d->date && (v = fm_value(line, "date")) != NULL)
			d->date = v;
	}
	return 0; /* never closed: not front matter */
}

/* Length of a dash (-, en dash, em dash, ~) at s, or 0. */
static size_t dash_len(const char *s)
{
	if (*s == '-' || *s == '~')
		return 1;
	if (strncmp(s, "\xE2\x80\x93", 3) == 0 || strncmp(s, "\xE2\x80\x94", 3) == 0 ||
	    strncmp(s, "\xEF\xBD\x9E", 3) == 0) /* – — ～ */
		return 3;
	return 0;
}

size_t code_span(const char *s)
{
	size_t i = 0, d;

	while (isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 5)
		return 0;
	if (s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
		size_t j = i + 1;
		while (isdigit((unsigned char)s[j]))
			j++;
		if (j - i - 1 <= 4 && !isalnum((unsigned char)s[j]))
			return j;
		return 0;
	}
	if ((d = dash_len(s + i)) > 0 && isdigit((unsigned char)s[i + d])) {
		size_t j = i + d;
		while (isdigit((unsigned char)s[j]))
			j++;
		if (j - i - d <= 5 && !isalnum((unsigned char)s[j]))
			return j;
	}
	if (isalnum((unsigned char)s[i]))
		return 0;
	return i;
}

bool code_parse(const char *label, int *num, int *sub, int *hi, char **canon)
{
	size_t n = code_span(label);
	const char *p;

	if (n == 0 || label[n] != '\0')
		return false;
	*num = (int)strtol(label, NULL, 10);
	*sub = -1;
	*hi = *num;
	p = label;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		*sub = (int)strtol(p + 1, NULL, 10);
		if (canon)
			*canon = xasprintf("%d.%d", *num, *sub);
		return true;
	}
	if (*p != '\0') {
		p += dash_len(p);
		*hi = (int)strtol(p, NULL, 10);
		if (*hi <= *num)
			return false;
		if (canon)
			*canon = xasprintf("%d-%d", *num, *hi);
		return true;
	}
	if (canon)
		*canon = xasprintf("%d", *num);
	return true;
}

bool code_misread(const char *label)
{
	int digits = 0, letters = 0;

	if (strlen(label) != 3)
		return false;
	for (const char *p = label; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (isalpha((unsigned char)*p))
			letters++;
		else
			return false;
	}
	return digits >= 1 && letters >= 1 && isdigit((unsigned char)label[0]);
}

const char *heading_protocol(const char *heading)
{
	/* order matters: "websocket" before anything shorter it contains */
	if (str_casestr(heading, "websocket"))
		return "websocket";
	if (str_casestr(heading, "ftp"))
		return "ftp";
	if (str_casestr(heading, "http"))
		return "http";
	return NULL;
}

char *heading_class(const char *heading)
{
	const char *h = heading;

	while (*h == '#' || *h == ' ')
		h++;
	if (h[0] >= '1' && h[0] <= '6' && (h[1] == 'x' || h[1] == 'X') &&
	    (h[2] == 'x' || h[2] == 'X') && !isalnum((unsigned char)h[3]))
		return xasprintf("%cxx", h[0]);
	return NULL;
}

void phrase_split(const char *s, char **phrase, char **gloss)
{
	const char *open = strrchr(s, '(');
	size_t n = strlen(s);

	*phrase = *gloss = NULL;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (open && open > s && n > 0 && s[n - 1] == ')') {
		*phrase = str_trim_copy(s, (size_t)(open - s));
		*gloss = str_trim_copy(open + 1, (size_t)(s + n - 1 - open - 1));
		if (**gloss == '\0') {
			free(*gloss);
			*gloss = NULL;
		}
	} else {
		*phrase = str_trim_copy(s, n);
	}
	if (*phrase && **phrase == '\0') {
		free(*phrase);
		*phrase = NULL;
	}
}
