/* output.c: converting stdout/stderr to the locale's character set, and
 * the final check that stdout was written (see output.h). */
#include "config.h"
#include "output.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "say.h"
#include "text.h"
#include "xmalloc.h"

/* One converting stream: UTF-8 in, the locale's bytes out to fd. */
struct conv {
	iconv_t cd;
	int fd;
	char pending[4];     /* the start of a character cut by a write */
	size_t npending;
};

static FILE *orig_stdout, *orig_stderr;

/* Writes all n bytes to fd; 0 or -1 with errno. */
static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Converts in[0..n) and writes it; keeps a cut character for next time.
 * 0 or -1 with errno. */
static int conv_put(struct conv *c, const char *in, size_t n)
{
	char out[4096];

	while (n > 0) {
		char *ip, *op = out;
		memcpy(&ip, &in, sizeof ip);     /* iconv's prototype wants char ** */
		size_t il = n, ol = sizeof out;
		size_t r = iconv(c->cd, &ip, &il, &op, &ol);
		int err = r == (size_t)-1 ? errno : 0;
		if (op > out && write_all(c->fd, out, (size_t)(op - out)) != 0)
			return -1;
		in = ip;
		n = il;
		if (err == EINVAL) {             /* a character cut at the end */
			memcpy(c->pending, in, n);
			c->npending = n;
			return 0;
		}
		if (err == EILSEQ) {             /* not in the character set */
			uint32_t cp;
			int len = utf8_decode(in, n, &cp);
			if (write_all(c->fd, "?", 1) != 0)
				return -1;
			in += len > 0 ? len : 1;
			n -= len > 0 ? (size_t)len : 1;
		}
	}
	return 0;
}

static ssize_t conv_write(void *cookie, const char *buf, size_t size)
{
	struct conv *c = cookie;
	size_t used = 0;

	/* complete a character cut by the previous write first */
	while (c->npending > 0 && used < size) {
		char tmp[8];
		size_t k = c->npending;
		memcpy(tmp, c->pending, k);
		tmp[k++] = buf[used++];
		c->npending = 0;
		if (conv_put(c, tmp, k) != 0)
			return -1;
		if (c->npending == k) {          /* still incomplete */
			if (k < sizeof c->pending)
				continue;
			c->npending = 0;             /* cannot be a character */
			if (write_all(c->fd, "?", 1) != 0)
				return -1;
		}
	}
	if (used < size && conv_put(c, buf + used, size - used) != 0)
		return -1;
	return (ssize_t)size;
}

static int conv_close(void *cookie)
{
	struct conv *c = cookie;
	int rc = 0;

	if (c->npending > 0)
		rc = write_all(c->fd, "?", 1);
	iconv_close(c->cd);
	free(c);
	return rc;
}

/* A stream writing to fd in charset, or NULL. */
static FILE *conv_open(int fd, const char *charset, bool line_buffered)
{
	char *to = xasprintf("%s//TRANSLIT", charset);
	iconv_t cd = iconv_open(to, "UTF-8");
	cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
	struct conv *c;
	FILE *f;

	free(to);
	if (cd == (iconv_t)-1)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->cd = cd;
	c->fd = fd;
	if ((f = fopencookie(c, "w", io)) == NULL) {
		iconv_close(cd);
		free(c);
		return NULL;
	}
	setvbuf(f, NULL, line_buffered ? _IOLBF : _IOFBF, BUFSIZ);
	return f;
}

bool output_setup(void)
{
	const char *cs = nl_langinfo(CODESET);
	FILE *out, *err;

	if (cs == NULL || *cs == '\0' || strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
	    strcmp(cs, "ANSI_X3.4-1968") == 0 || strcasecmp(cs, "ASCII") == 0 || orig_stdout)
		return false;
	fflush(stdout);
	fflush(stderr);
	out = conv_open(STDOUT_FILENO, cs, isatty(STDOUT_FILENO));
	err = conv_open(STDERR_FILENO, cs, true);
	if (out == NULL || err == NULL) {
		if (out)
			fclose(out);
		if (err)
			fclose(err);
		return false;
	}
	orig_stdout = stdout;
	orig_stderr = stderr;
	stdout = out;
	stderr = err;
	return true;
}

void output_restore(void)
{
	if (orig_stdout == NULL)
		return;
	fclose(stdout);
	fclose(stderr);
	stdout = orig_stdout;
	stderr = orig_stderr;
	orig_stdout = orig_stderr = NULL;
}

int output_finish(void)
{
	int bad = 0, saved = 0;

	if (fflush(stdout) != 0 || ferror(stdout)) {
		bad = 1;
		saved = errno;
	}
	output_restore();
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (!bad)
		return 0;
	if (saved == EPIPE)
		return 0;
	fputs("statuscodes: ", stderr);
	fprintf(stderr, SAY("cannot write the output: %s"), saved ? say_strerror(saved) : SAY("write error"));
	fputc('\n', stderr);
	fflush(stderr);
	return -1;
}
