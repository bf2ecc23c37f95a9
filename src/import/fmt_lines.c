/* fmt_lines.c: the line-oriented formats (code-lines, pipe-blocks,
 * sectioned-list), the table of formats, and loading a document. */
#include "config.h"
#include "fmt.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
			doc_reject(d, (int)i + 1, s, "not a \"CODE text\" line");
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
		doc_reject(d, start, buf_str(&acc), "text after the last field (no closing \" |\")");
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

/* ---- sectioned-list ------------------------------------------------------- */

static int is_list_item(const char *s)
{
	s += strspn(s, " \t");
	return (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ';
}

static int is_heading(const char *s)
{
	if (s[0] == '#')
		return 1;
	if (is_list_item(s) || strchr(s, '|'))
		return 0;
	if (text_width(s) > 30)
		return 0;
	return !str_ends_with(s, "\xE3\x80\x82") && !str_ends_with(s, ".") &&
	       !str_ends_with(s, "\xEF\xBC\x8C") && !str_ends_with(s, ",");
}

static int sections_probe(const struct lines *l, size_t body, const char *text, size_t len)
{
	size_t nonempty = 0, items = 0, classes = 0;

	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		if (str_empty(s))
			continue;
		nonempty++;
		if (is_list_item(s)) {
			const char *p = s + strspn(s, " \t") + 2;
			if (code_span(p + strspn(p, " ")) > 0)
				items++;
		} else if (is_heading(s)) {
			char *c = heading_class(s);
			if (c)
				classes++;
			free(c);
		}
	}
	if (nonempty == 0 || items == 0 || classes == 0)
		return 0;
	return (int)(50 + 50 * (items + classes) / nonempty);
}

/* Skips white space and dashes used as separators. */
static const char *skip_separators(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == '\t' || *p == '-' || *p == ':')
			p++;
		else if (strncmp(p, "\xE2\x80\x93", 3) == 0 || strncmp(p, "\xE2\x80\x94", 3) == 0 ||
		         strncmp(p, "\xEF\xBC\x9A", 3) == 0) /* – — ： */
			p += 3;
		else
			return p;
	}
}

/* Position of the first ，,。 in s that is not inside parentheses (or
 * NULL): "进入被动模式 (h1,h2,h3,h4,p1,p2)。" has no break, its commas list
 * the reply's numbers. *len gets the break's byte length. */
static const char *first_break(const char *s, size_t *len, int full_stop)
{
	int depth = 0;

	for (const char *p = s; *p; p++) {
		if (*p == '(' || strncmp(p, "\xEF\xBC\x88", 3) == 0)        /* （ */
			depth++;
		else if ((*p == ')' || strncmp(p, "\xEF\xBC\x89", 3) == 0) && depth > 0) /* ） */
			depth--;
		else if (depth > 0)
			continue;
		else if (*p == ',') { *len = 1; return p; }
		else if (strncmp(p, "\xEF\xBC\x8C", 3) == 0) { *len = 3; return p; }  /* ， */
		else if (full_stop && strncmp(p, "\xE3\x80\x82", 3) == 0) { *len = 3; return p; } /* 。 */
	}
	return NULL;
}

/* "(成功)请求已成功" / "未修改。自从..." / "永久移除,被请求的..." -> phrase, text. */
static void item_split(const char *body, struct row *r)
{
	const char *p = body;
	size_t blen;

	if (*p == '(' || strncmp(p, "\xEF\xBC\x88", 3) == 0) {
		size_t open = *p == '(' ? 1 : 3;
		const char *close = strstr(p, ")");
		const char *fclose = strstr(p, "\xEF\xBC\x89");
		size_t clen = 1;
		if (fclose && (!close || fclose < close)) {
			close = fclose;
			clen = 3;
		}
		if (close) {
			char *inner = str_trim_copy(p + open, (size_t)(close - p - (ptrdiff_t)open));
			const char *after = close + clen;
			const char *rest = skip_separators(after);
			if (rest != after + strspn(after, " ")) {
				/* "(无) – text": a qualifier, not the phrase */
				r->note = inner;
				body = rest;
			} else {
				r->phrase = inner;
				r->text = *rest ? xstrdup(rest) : NULL;
				return;
			}
		}
	}
	const char *brk = first_break(body, &blen, 1);
	if (brk && text_width(body) > 0) {
		char *head = str_trim_copy(body, (size_t)(brk - body));
		if (text_width(head) <= 16 && *head) {
			const char *rest = brk + blen;
			r->phrase = head;
			rest = rest + strspn(rest, " ");
			/* a head that ends at a comma is the start of the text's
			 * sentence ("服务已就绪,在 nnn 分钟后开始。"), so the text
			 * keeps it; after a full stop the rest stands alone */
			if (*rest)
				r->text = xstrdup(blen == 3 && brk[0] == '\xE3' ? rest : body);
			return;
		}
		free(head);
	}
	if (text_width(body) <= 24 && !strchr(body, ';')) {
		char *ph = xstrdup(body);
		size_t n = strlen(ph);
		if (str_ends_with(ph, "\xE3\x80\x82")) n -= 3;
		else if (str_ends_with(ph, ".")) n -= 1;
		ph[n] = '\0';
		r->phrase = ph;
		return;
	}
	r->text = xstrdup(body);
}

static void sections_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	const char *protocol = NULL;
	char *klass = NULL, *class_name = NULL, *section = NULL;
	int table_no = 0, list_no = 1000;

	for (size_t i = body; i < l->n; i++) {
		char *copy = xstrdup(l->v[i]);
		char *s = str_trim(copy);
		int line = (int)i + 1;

		if (*s == '\0') {
			free(copy);
			continue;
		}
		if (pipe_table_at(l, i)) {
			struct cells *rows;
			size_t n;
			size_t next = pipe_table_read(l, i, &rows, &n);
			table_take(d, ++table_no, rows, n, protocol, section);
			for (size_t k = 0; k < n; k++)
				cells_free(&rows[k]);
			free(rows);
			i = next - 1;
			free(copy);
			continue;
		}
		if (is_list_item(s)) {
			const char *p = s + 2;
			p += strspn(p, " ");
			size_t n = code_span(p);
			if (n == 0) {
				doc_reject(d, line, s, "a list item without a status code");
				free(copy);
				continue;
			}
			char *label = xstrndup(p, n);
			const char *rest = p + n;
			const char *word = rest + strspn(rest, " ");
			if (strncasecmp(word, "series", 6) == 0 && !isalpha((unsigned char)word[6])) {
				/* "600 Series, replies about ...": the class, not a code */
				char *c = xasprintf("%cxx", label[0]);
				char *name = xstrndup(p, (size_t)(word + 6 - p)); /* "600 Series", as written */
				const char *t = skip_separators(word + 6);
				t += strspn(t, ",\xEF\xBC\x8C ");
				doc_add_text(d, line, protocol, c, name, t);
				free(name);
				free(c);
				free(label);
				free(copy);
				continue;
			}
			struct row *r = doc_add_row(d, line);
			r->label = label;
			r->protocol = xstrdup(protocol);
			r->section = xstrdup(section);
			r->table = list_no;
			item_split(skip_separators(rest), r);
			free(copy);
			continue;
		}
		if (is_heading(s)) {
			const char *p = heading_protocol(s);
			char *c = heading_class(s);
			free(section);
			section = xstrdup(s);
			if (p) {
				protocol = p;
				free(klass); klass = NULL;
				free(class_name); class_name = NULL;
				list_no++;
			} else if (c) {
				free(klass);
				free(class_name);
				klass = c;
				c = NULL;
				class_name = str_trim_copy(s + strspn(s, "# ") + 3, strlen(s + strspn(s, "# ") + 3));
				list_no++;
			}
			free(c);
			free(copy);
			continue;
		}
		/* prose: about the class or protocol it stands under */
		doc_add_text(d, line, protocol, klass, class_name, s);
		free(copy);
	}
	free(klass);
	free(class_name);
	free(section);
}

const struct format fmt_sectioned_list = {
	"sectioned-list", "protocol and class headings over \"- CODE text\" items and pipe tables",
	sections_probe, sections_parse,
};

/* ---- the formats, and loading --------------------------------------------- */

extern const struct format fmt_markdown_table, fmt_html_table;

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
		*cause = xasprintf("%s: the document is larger than %u MiB", file, DOC_MAX_BYTES >> 20);
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
		*cause = xasprintf("%s: the document is empty", file);
		return -1;
	}
	if (len > DOC_MAX_BYTES) {
		*cause = xasprintf("%s: the document is larger than %u MiB", file, DOC_MAX_BYTES >> 20);
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		*cause = xasprintf("%s: a binary file, not a text document", file);
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
		*cause = xasprintf("%s:%zu: not valid UTF-8 text", file, line);
		return -1;
	}
	lines_split(text, len, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (strlen(l.v[i]) > DOC_MAX_LINE) {
			*cause = xasprintf("%s:%zu: line longer than %u KiB", file, i + 1, DOC_MAX_LINE >> 10);
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
		*cause = xasprintf("%s: not a document format statuscodes can read "
		                   "(markdown table, HTML table, code lines, pipe blocks or sectioned list)", file);
		lines_free(&l);
		doc_free(d);
		return -1;
	}
	d->format = fmt->name;
	fmt->parse(&l, body, text, len, d);
	doc_reject_controls(d);
	lines_free(&l);
	if (d->nrows == 0) {
		*cause = xasprintf("%s: read as %s, but no row with a status code was found", file, fmt->name);
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
		*cause = xasprintf("%s: %s", shown, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: not a regular file", shown);
		return -1;
	}
	if ((unsigned long long)sb.st_size > DOC_MAX_BYTES) {
		*cause = xasprintf("%s: the document is larger than %u MiB", shown, DOC_MAX_BYTES >> 20);
		return -1;
	}
	if ((f = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("%s: %s", shown, strerror(errno));
		return -1;
	}
	*text = xmalloc((size_t)sb.st_size + 1);
	*len = fread(*text, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		*cause = xasprintf("%s: read error", shown);
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
