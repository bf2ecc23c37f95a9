#include "config.h"
#include "str.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void strv_push_owned(struct strv *sv, char *s)
{
	sv->v = xgrow(sv->v, sv->n, &sv->cap, sizeof *sv->v);
	sv->v[sv->n++] = s;
}

void strv_push(struct strv *sv, const char *s) { strv_push_owned(sv, xstrdup(s)); }

bool strv_contains(const struct strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return true;
	return false;
}

void strv_free(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* Length of a white-space character at s, 0 if none. */
static size_t space_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r' || *u == '\f' || *u == '\v')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

char *str_trim(char *s)
{
	size_t k, n;

	while ((k = space_len(s)) > 0)
		s += k;
	n = strlen(s);
	for (;;) {
		if (n >= 1 && space_len(s + n - 1) == 1) { n -= 1; continue; }
		if (n >= 2 && space_len(s + n - 2) == 2) { n -= 2; continue; }
		if (n >= 3 && space_len(s + n - 3) == 3) { n -= 3; continue; }
		break;
	}
	s[n] = '\0';
	return s;
}

char *str_trim_copy(const char *s, size_t n)
{
	char *tmp = xstrndup(s, n);
	char *t = str_trim(tmp);
	char *r = xstrdup(t);
	free(tmp);
	return r;
}

bool str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool str_empty(const char *s)
{
	size_t k;

	if (s == NULL)
		return true;
	while (*s) {
		if ((k = space_len(s)) == 0)
			return false;
		s += k;
	}
	return true;
}

int str_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

const char *str_casestr(const char *hay, const char *needle)
{
	size_t m = strlen(needle);

	if (m == 0)
		return hay;
	for (; *hay; hay++) {
		size_t i;
		for (i = 0; i < m; i++)
			if (tolower((unsigned char)hay[i]) != tolower((unsigned char)needle[i]))
				break;
		if (i == m)
			return hay;
	}
	return NULL;
}

char *str_fold(const char *s)
{
	char *r = xmalloc(strlen(s) + 1), *o = r;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x80 || isalnum(c))
			*o++ = (char)tolower(c);
	}
	*o = '\0';
	return r;
}

size_t str_distance(const char *a, const char *b, size_t max)
{
	size_t n = strlen(a), m = strlen(b), i, j;
	size_t *prev, *cur, d;

	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	prev = xcalloc(m + 1, sizeof *prev);
	cur = xcalloc(m + 1, sizeof *cur);
	for (j = 0; j <= m; j++)
		prev[j] = j;
	for (i = 1; i <= n; i++) {
		size_t best = cur[0] = i;
		for (j = 1; j <= m; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = prev[j - 1] + cost;
			if (prev[j] + 1 < v) v = prev[j] + 1;
			if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
			cur[j] = v;
			if (v < best) best = v;
		}
		size_t *t = prev; prev = cur; cur = t;
		if (best > max) {
			free(prev);
			free(cur);
			return max + 1;
		}
	}
	d = prev[m];
	free(prev);
	free(cur);
	return d > max ? max + 1 : d;
}

bool str_is_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}
