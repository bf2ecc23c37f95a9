/* codearg.h: a status code however a person wrote it. "HTTP/1.1 429 Too
 * Many Requests", "HTTP/2 404", "429 Too Many Requests", " 404 ", "５０２"
 * (full-width digits), "530 Login incorrect.", "550-Multi line", "403.14",
 * "4000-4999", "< HTTP/1.1 301" all give their code; text that holds no
 * code in one of these forms does not. */
#ifndef SC_CODEARG_H
#define SC_CODEARG_H

#include <stdbool.h>
#include <stddef.h>

struct code_arg {
	char code[16];          /* 429, 403.14, 4000-4999, 000 */
	const char *protocol;   /* http (a status line), ftp (NNN-), websocket (4 digits), or NULL */
	char phrase[128];       /* what followed the code, trimmed ("" none; cut to fit) */
};

/* Parses s[0..n) (need not be NUL-terminated). */
bool code_arg_parse(const char *s, size_t n, struct code_arg *out);

#endif
