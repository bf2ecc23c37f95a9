#include "config.h"
#include "xmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void sc_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

_Noreturn void sc_fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook != NULL) {
		void (*hook)(void) = fatal_hook;
		fatal_hook = NULL; /* never re-enter */
		hook();
	}
	fputs("statuscodes: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(70);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		sc_fatal("out of memory (%zu bytes)", size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		sc_fatal("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (q == NULL)
		sc_fatal("out of memory (%zu bytes)", size);
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		sc_fatal("allocation overflow (%zu x %zu)", n, size);
	return xrealloc(p, n * size);
}

void *xgrow_to(void *v, size_t need, size_t *cap, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap : 16;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			sc_fatal("allocation overflow (%zu elements)", need);
		c *= 2;
	}
	v = xreallocarray(v, c, size);
	*cap = c;
	return v;
}

void *xgrow(void *v, size_t n, size_t *cap, size_t size)
{
	return xgrow_to(v, n + 1, cap, size);
}

char *xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	char probe[1]; /* not NULL: gcc 12 warns on vsnprintf(NULL, 0, ...) */
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(probe, sizeof probe, fmt, aq);
	va_end(aq);
	if (n < 0)
		sc_fatal("bad format string");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
