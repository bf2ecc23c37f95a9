/* fmt_lines.c: the line-oriented formats code-lines ("404 text" per line)
 * and pipe-blocks (fields that end in " |"). The sectioned list is in
 * fmt_sections.c; the table of formats and loading a document in fmt.c. */
#include "config.h"
#include "fmt.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* Length of the code label at the start of s when a space or tab follows
 * (or the line ends), including misread labels such as 60W. */
static size_t leading_code(const char *s)
{
	size_t n = code_span(s);

	if (n == 0 && strlen(s) >= 3) {
		char three[4] = { s[0], s[1], s[2], 0 };
		if (code_misread(three))
			n = 3;
	}
	if (n == 0 || (s[n] != '\0' && s[n] != ' ' && s[n] != '\t'))
		return 0;
	return n;
}

/* ---- code-lines: "404 text" --------------------------------------------- */

static int plain_probe(const struct lines *l, size_t body, const char *text, size_t len)
{
	size_t nonempty = 0, coded = 0;

	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		if (str_empty(s))
			continue;
		nonempty++;
		if (leading_code(s) > 0 && strchr(s, '|') == NULL)
			coded++;
	}
	if (nonempty == 0 || coded == 0)
		return 0;
	return (int)(95 * coded / nonempty);
}

static void plain_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		size_t n;
		if (str_empty(s))
			continue;
		s += strspn(s, " \t");
		n = leading_code(s);
		if (n == 0) {
			doc_reject(d, (int)i + 1, s, "not a \"CODE text\" line", "不是“状态码 文本”格式的行");
			continue;
		}
		struct row *r = doc_add_row(d, (int)i + 1);
		r->label = xstrndup(s, n);
		r->text = str_trim_copy(s + n, strlen(s + n));
		r->table = 1;
		if (*r->text == '\0') {
			free(r->text);
			r->text = NULL;
		}
	}
}

const struct format fmt_code_lines = {
	"code-lines", "one \"CODE text\" per line",
	plain_probe, plain_parse,
};

/* ---- pipe-blocks: fields ending in " |" ----------------------------------- */

struct field {
	char *text;
	int line;
	int is_code;
};

static int line_ends_field(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n > 0 && s[n - 1] == '|' && !(n >= 2 && s[n - 2] == '|');
}

static int field_is_code(const char *s)
{
	int num, sub, hi;
	return code_parse(s, &num, &sub, &hi, NULL) || code_misread(s);
}

/* Splits the body into fields; caller frees each text and the array. */
static struct field *blocks_fields(const struct lines *l, size_t body, size_t *nout, struct doc *d)
{
	struct field *f = NULL;
	size_t n = 0, cap = 0;
	struct buf acc = {0};
	int start = 0;

	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		if (acc.len == 0 && str_empty(s))
			continue;
		if (acc.len == 0)
			start = (int)i + 1;
		else
			buf_addc(&acc, '\n');
		if (line_ends_field(s)) {
			size_t k = strlen(s);
			while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
				k--;
			buf_add(&acc, s, k - 1);
			f = xgrow(f, n, &cap, sizeof *f);
			f[n].text = str_trim_copy(buf_str(&acc), acc.len);
			f[n].line = start;
			f[n].is_code = field_is_code(f[n].text);
			n++;
			buf_reset(&acc);
		} else {
			buf_adds(&acc, s);
		}
	}
	if (acc.len > 0)
		doc_reject(d, start, buf_str(&acc), "text after the last field (no closing \" |\")",
			           "最后一个字段之后还有文本（没有结尾的“ |”）");
	buf_free(&acc);
	*nout = n;
	return f;
}

static int blocks_probe(const struct lines *l, size_t body, const char *text, size_t len)
{
	size_t nonempty = 0, ends = 0, codes = 0;

	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		if (str_empty(s))
			continue;
		if (pipe_separator(s))
			return 0;
		nonempty++;
		if (line_ends_field(s)) {
			ends++;
			char *t = str_trim_copy(s, strlen(s) - 1);
			if (field_is_code(str_trim(t)))
				codes++;
			free(t);
		}
	}
	if (nonempty == 0 || codes == 0)
		return 0;
	return (int)(90 * ends / nonempty);
}

static void blocks_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	size_t n, width = 0, i;
	struct field *f = blocks_fields(l, body, &n, d);
	size_t gaps[8] = {0};
	ssize_t last = -1;
	const char *protocol = NULL;
	char *section = NULL;

	/* The record width is the most common distance between two codes. */
	for (i = 0; i < n; i++) {
		if (!f[i].is_code)
			continue;
		if (last >= 0 && i - (size_t)last < 8)
			gaps[i - (size_t)last]++;
		last = (ssize_t)i;
	}
	for (i = 2; i < 8; i++)
		if (gaps[i] > gaps[width])
			width = i;
	if (width == 0)
		width = 3;

	for (i = 0; i < n; i++) {
		if (!f[i].is_code) {
			/* a field outside a record: a section heading */
			const char *p = heading_protocol(f[i].text);
			free(section);
			section = xstrdup(f[i].text);
			if (p)
				protocol = p;
			continue;
		}
		struct row *r = doc_add_row(d, f[i].line);
		r->label = xstrdup(f[i].text);
		r->protocol = xstrdup(protocol);
		r->section = xstrdup(section);
		r->table = 1;
		size_t k;
		for (k = 1; k < width && i + k < n && !f[i + k].is_code; k++) {
			const char *t = f[i + k].text;
			if (*t == '\0')
				continue; /* an empty field says nothing */
			if (k == 1 && width >= 3)
				phrase_split(t, &r->phrase, &r->gloss);
			else if ((k == 2 && width >= 3) || (k == 1 && width == 2))
				r->text = xstrdup(t);
			else if (r->note == NULL)
				r->note = xstrdup(t);
		}
		i += k - 1;
	}
	free(section);
	for (i = 0; i < n; i++)
		free(f[i].text);
	free(f);
}

const struct format fmt_pipe_blocks = {
	"pipe-blocks", "records of fields each ending in \" |\" (code, phrase, text, note), "
	"with section headings between them",
	blocks_probe, blocks_parse,
};
