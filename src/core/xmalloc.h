/* xmalloc.h: allocation wrappers that never return NULL, and the one fatal
 * exit. Learned from tmux's xmalloc.c: a failed allocation is not something
 * a reference viewer can recover from, so every caller can assume success. */
#ifndef SC_XMALLOC_H
#define SC_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);             /* NULL stays NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* The one growable array: makes room for element n of *v (capacity *cap,
 * doubling from 16) and returns *v. */
void *xgrow(void *v, size_t n, size_t *cap, size_t size);
/* The same for room for need elements in all (doubling until it fits). */
void *xgrow_to(void *v, size_t need, size_t *cap, size_t size);

/* Appends a zeroed element to a list struct with members v, n, cap and
 * evaluates to a pointer to it. */
#define LIST_PUSH(l) \
	((l)->v = xgrow((l)->v, (l)->n, &(l)->cap, sizeof *(l)->v), \
	 memset(&(l)->v[(l)->n], 0, sizeof *(l)->v), &(l)->v[(l)->n++])

/* Called by sc_fatal() before it prints, so the TUI can restore the
 * terminal first (tig's die_callback, htop's CRT_fatalError). */
void sc_set_fatal_hook(void (*hook)(void));

/* Print "statuscodes: MESSAGE" on stderr and exit with status 70
 * (internal error). Only for conditions no caller can handle. */
_Noreturn void sc_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
