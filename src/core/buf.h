/* buf.h: a growable, always NUL-terminated byte string (after sds.c, much
 * smaller). A zeroed struct buf is a valid empty buffer. */
#ifndef SC_BUF_H
#define SC_BUF_H

#include <stddef.h>

struct buf {
	char  *s;    /* NUL-terminated once anything was added; may be NULL if empty */
	size_t len;
	size_t cap;
};

void  buf_add(struct buf *b, const char *s, size_t n);
void  buf_adds(struct buf *b, const char *s);
void  buf_addc(struct buf *b, char c);
void  buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append n spaces. */
void  buf_pad(struct buf *b, size_t n);
void  buf_reset(struct buf *b);
void  buf_free(struct buf *b);
/* The string, never NULL ("" when empty); owned by the buffer. */
const char *buf_str(const struct buf *b);
/* Hand the string to the caller (caller frees); the buffer becomes empty. */
char *buf_detach(struct buf *b);

#endif
