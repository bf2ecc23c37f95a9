/* fmt.c: the table of document formats, and reading a document: checks
 * on the text as a whole (size, binary, UTF-8, line length), then the
 * format whose probe scores highest parses it. */
#include "config.h"
#include "fmt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "say.h"
#include "text.h"
#include "xmalloc.h"

const struct format *const formats[] = {
	&fmt_markdown_table, &fmt_html_table, &fmt_code_lines, &fmt_pipe_blocks, &fmt_sectioned_list,
};
const size_t nformats = sizeof formats / sizeof formats[0];

static int doc_parse_text(const char *file, const char *text, size_t len, struct doc *d, char **cause);

/* The parsers may read text as a C string: give them a NUL-terminated
 * copy, whatever the caller holds (a fuzzer's buffer has no NUL). */
int doc_parse(const char *file, const char *text, size_t len, struct doc *d, char **cause)
{
	char *copy;
	int rc;

	if (len > DOC_MAX_BYTES) {
		memset(d, 0, sizeof *d);
		*cause = xasprintf(SAY("%s: the document is larger than %u MiB"), file, DOC_MAX_BYTES >> 20);
		return -1;
	}
	/* a UTF-8 byte-order mark is not part of the text (issue 15 item 10) */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	rc = doc_parse_text(file, copy, len, d, cause);
	free(copy);
	return rc;
}

static int doc_parse_text(const char *file, const char *text, size_t len, struct doc *d, char **cause)
{
	struct lines l;
	size_t body;
	int best = 0;
	const struct format *fmt = NULL;

	memset(d, 0, sizeof *d);
	*cause = NULL;
	if (len == 0) {
		*cause = xasprintf(SAY("%s: the document is empty"), file);
		return -1;
	}
	if (len > DOC_MAX_BYTES) {
		*cause = xasprintf(SAY("%s: the document is larger than %u MiB"), file, DOC_MAX_BYTES >> 20);
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		*cause = xasprintf(SAY("%s: a binary file, not a text document"), file);
		return -1;
	}
	if (!utf8_valid(text, len)) {
		size_t line = 1, i = 0;
		uint32_t cp;
		while (i < len) {
			int n = utf8_decode(text + i, len - i, &cp);
			if (n < 0)
				break;
			if (text[i] == '\n')
				line++;
			i += (size_t)n;
		}
		*cause = xasprintf(SAY("%s:%zu: not valid UTF-8 text"), file, line);
		return -1;
	}
	lines_split(text, len, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (strlen(l.v[i]) > DOC_MAX_LINE) {
			*cause = xasprintf(SAY("%s:%zu: line longer than %u KiB"), file, i + 1, DOC_MAX_LINE >> 10);
			lines_free(&l);
			return -1;
		}
	}
	d->file = xstrdup(file);
	d->bytes = len;
	d->lines = l.n;
	body = doc_front_matter(d, &l);
	for (size_t i = 0; i < nformats; i++) {
		int score = formats[i]->probe(&l, body, text, len);
		if (score > best) {
			best = score;
			fmt = formats[i];
		}
	}
	if (fmt == NULL || best < 20) {
		*cause = xasprintf(SAY("%s: not a document format statuscodes can read "
		                       "(markdown table, HTML table, code lines, pipe blocks or sectioned list)"), file);
		lines_free(&l);
		doc_free(d);
		return -1;
	}
	d->format = fmt->name;
	fmt->parse(&l, body, text, len, d);
	doc_reject_controls(d);
	lines_free(&l);
	if (d->nrows == 0) {
		*cause = xasprintf(SAY("%s: read as %s, but no row with a status code was found"), file, fmt->name);
		doc_free(d);
		return -1;
	}
	return 0;
}

/* Reads the file at path (shown to the user as shown) into *text, *len;
 * 0, or -1 with *cause. */
static int doc_read(const char *path, const char *shown, char **text, size_t *len, char **cause)
{
	FILE *f;
	struct stat sb;

	if (stat(path, &sb) != 0) {
		*cause = xasprintf(SAY("%s: %s"), shown, say_strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(SAY("%s: is not a regular file"), shown);
		return -1;
	}
	if ((unsigned long long)sb.st_size > DOC_MAX_BYTES) {
		*cause = xasprintf(SAY("%s: the document is larger than %u MiB"), shown, DOC_MAX_BYTES >> 20);
		return -1;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf(SAY("%s: %s"), shown, say_strerror(errno));
		return -1;
	}
	*text = xmalloc((size_t)sb.st_size + 1);
	*len = fread(*text, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		*cause = xasprintf(SAY("%s: read error"), shown);
		fclose(f);
		free(*text);
		return -1;
	}
	fclose(f);
	(*text)[*len] = '\0';
	return 0;
}

int doc_load(const char *path, const char *shown, struct doc *d, char **cause)
{
	/* a file name may hold any bytes: messages show it cleaned */
	char *name = text_clean(shown, strlen(shown)), *text = NULL;
	size_t len = 0;
	int rc;

	memset(d, 0, sizeof *d);
	rc = doc_read(path, name, &text, &len, cause);
	if (rc == 0)
		rc = doc_parse(name, text, len, d, cause);
	free(text);
	free(name);
	return rc;
}
