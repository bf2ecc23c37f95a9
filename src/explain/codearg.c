/* codearg.c: the forgiving reading of a status code (see codearg.h). */
#include "config.h"
#include "codearg.h"

#include <stdio.h>
#include <string.h>

#include "explain_int.h"
#include "str.h"
#include "text.h"

#define NORM_MAX 256

/* Copies s into out with full-width forms (U+FF01-FF5E) made ASCII and
 * U+3000 / U+00A0 made spaces; at most NORM_MAX-1 bytes. */
static size_t normalise(const char *s, size_t n, char *out)
{
	size_t i = 0, o = 0;

	while (i < n && o + 4 < NORM_MAX) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k < 0) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			out[o++] = (char)(cp - 0xFF01 + 0x21);
		else if (cp == 0x3000 || cp == 0xA0)
			out[o++] = ' ';
		else {
			memcpy(out + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
	return o;
}

static size_t digits(const char *s)
{
	size_t d = 0;
	while (s[d] >= '0' && s[d] <= '9')
		d++;
	return d;
}

static void set_phrase(struct code_arg *out, const char *p)
{
	char tmp[NORM_MAX];
	snprintf(tmp, sizeof tmp, "%s", p);
	char *t = str_trim(tmp);
	size_t k = strlen(t);
	if (k >= sizeof out->phrase) {
		k = sizeof out->phrase - 1;
		while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
			k--;
	}
	memcpy(out->phrase, t, k);
	out->phrase[k] = '\0';
}

bool code_arg_parse(const char *s, size_t n, struct code_arg *out)
{
	char buf[NORM_MAX];
	size_t len = normalise(s, n, buf);
	char *p = str_trim(buf);

	(void)len;
	memset(out, 0, sizeof *out);
	if (str_starts_with(p, "< "))
		p = str_trim(p + 2);
	int at = ex_status_line(p, strlen(p));
	if (at >= 0) {
		memcpy(out->code, p + at, 3);
		out->protocol = "http";
		set_phrase(out, p + at + 3);
		return true;
	}
	size_t d = digits(p);
	char *q = p + d;
	if (d == 3) {
		if (*q == '.' && digits(q + 1) >= 1 && digits(q + 1) <= 3) {
			size_t e = 1 + digits(q + 1);
			if (q[e] != '\0' && q[e] != ' ' && q[e] != '\t')
				return false;
			snprintf(out->code, sizeof out->code, "%.*s", (int)(d + e), p);
			set_phrase(out, q + e);
			return true;
		}
		memcpy(out->code, p, 3);
		if (*q == '-' && digits(q + 1) == 0) {
			out->protocol = "ftp";   /* the first line of a multi-line reply */
			set_phrase(out, q + 1);
			return true;
		}
		if (*q != '\0' && *q != ' ' && *q != '\t')
			return false;
		set_phrase(out, q);
		return true;
	}
	if (d == 4 && p[0] >= '1' && p[0] <= '4') {
		out->protocol = "websocket";
		if (*q == '-' && digits(q + 1) == 4) {
			snprintf(out->code, sizeof out->code, "%.9s", p);
			q += 5;
		} else {
			memcpy(out->code, p, 4);
		}
		if (*q != '\0' && *q != ' ' && *q != '\t')
			return false;
		set_phrase(out, q);
		return true;
	}
	return false;
}
