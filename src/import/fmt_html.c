/* fmt_html.c: HTML tables under headings. A small tag scanner, not a full
 * HTML parser: it tolerates unclosed <td>, <tr> and <table>, decodes the
 * common entities and keeps the line each cell starts on. */
#include "config.h"
#include "fmt.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

static int html_probe(const struct lines *l, size_t body, const char *text, size_t len)
{
	const char *t = text, *end = text + len;
	int table = 0, cells = 0;

	for (; t < end && (table == 0 || cells < 3); t++) {
		if (*t != '<')
			continue;
		if ((size_t)(end - t) > 6 && strncasecmp(t, "<table", 6) == 0)
			table = 1;
		else if ((size_t)(end - t) > 3 && (strncasecmp(t, "<td", 3) == 0 || strncasecmp(t, "<th", 3) == 0))
			cells++;
	}
	return table && cells >= 2 ? 90 : 0;
}

enum html_ctx { CTX_NONE, CTX_HEADING, CTX_CELL, CTX_PARA };

struct html_state {
	struct doc *d;
	const char *protocol;
	char *section;
	int table_no;
	/* the table being read */
	struct cells *rows;
	size_t nrows, caprows, capcells;
	int in_table;
	/* the text being collected */
	enum html_ctx ctx;
	struct buf text;
	int text_line;
};

static char *collapse(const char *s)
{
	struct buf b = {0};
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, *s);
	}
	return buf_detach(&b);
}

/* Ends whatever text is being collected and files it. */
static void html_flush(struct html_state *h)
{
	char *t = collapse(buf_str(&h->text));

	switch (h->ctx) {
	case CTX_HEADING: {
		const char *p = heading_protocol(t);
		if (*t) {
			free(h->section);
			h->section = xstrdup(t);
		}
		if (p)
			h->protocol = p;
		break;
	}
	case CTX_CELL:
		if (h->nrows > 0) {
			struct cells *r = &h->rows[h->nrows - 1];
			r->v = xgrow(r->v, r->n, &h->capcells, sizeof *r->v);
			r->v[r->n++] = xstrdup(t);
			if (r->n == 1)
				r->line = h->text_line;
		}
		break;
	case CTX_PARA:
		if (*t)
			doc_add_text(h->d, h->text_line, h->protocol, NULL, h->section, t);
		break;
	case CTX_NONE:
		break;
	}
	free(t);
	buf_reset(&h->text);
	h->ctx = CTX_NONE;
}

static void html_end_table(struct html_state *h)
{
	html_flush(h);
	if (h->nrows > 0)
		table_take(h->d, ++h->table_no, h->rows, h->nrows, h->protocol, h->section);
	for (size_t i = 0; i < h->nrows; i++)
		cells_free(&h->rows[i]);
	h->nrows = 0;
	h->in_table = 0;
}

/* What the tag <name> (or </name> when closing), met at line, starts or
 * ends: a heading, a paragraph, a table, a row or a cell. */
static void html_tag(struct html_state *h, const char *name, int closing, int line)
{
	int heading = name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
	if (heading || strcmp(name, "p") == 0) {
		html_flush(h);
		if (!closing && !h->in_table) {
			h->ctx = heading ? CTX_HEADING : CTX_PARA;
			h->text_line = line;
		}
	} else if (strcmp(name, "table") == 0) {
		if (h->in_table || closing)
			html_end_table(h);
		if (!closing) {
			html_flush(h);
			h->in_table = 1;
		}
	} else if (strcmp(name, "tr") == 0 && h->in_table) {
		html_flush(h);
		if (!closing) {
			h->rows = xgrow(h->rows, h->nrows, &h->caprows, sizeof *h->rows);
			memset(&h->rows[h->nrows++], 0, sizeof *h->rows);
			h->rows[h->nrows - 1].line = line;
			h->capcells = 0;
		}
	} else if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) && h->in_table) {
		html_flush(h);
		if (!closing && h->nrows > 0) {
			h->ctx = CTX_CELL;
			h->text_line = line;
		}
	} else if (strcmp(name, "br") == 0) {
		if (h->ctx != CTX_NONE)
			buf_addc(&h->text, ' ');
	}
}

static void html_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	struct html_state h = { .d = d };
	const char *t = text, *end = text + len;
	int line = 1;

	h.protocol = heading_protocol(d->title ? d->title : "");
	/* skip front matter by line count */
	for (size_t i = 0; i < body && t < end; t++)
		if (*t == '\n') {
			i++;
			line++;
		}
	while (t < end) {
		if (*t == '\n')
			line++;
		if (*t == '&') {
			t++;
			t += doc_entity(t, end, &h.text);
			continue;
		}
		if (*t != '<') {
			if (h.ctx != CTX_NONE)
				buf_addc(&h.text, *t);
			t++;
			continue;
		}
		/* a tag, a comment or a declaration */
		if ((size_t)(end - t) >= 4 && strncmp(t, "<!--", 4) == 0) {
			const char *e = memmem(t + 4, (size_t)(end - t - 4), "-->", 3);
			const char *stop = e ? e + 3 : end;
			for (; t < stop; t++)
				if (*t == '\n')
					line++;
			continue;
		}
		const char *p = t + 1;
		int closing = 0;
		char name[16];
		size_t n = 0;
		if (p < end && *p == '/') {
			closing = 1;
			p++;
		}
		while (p < end && isalnum((unsigned char)*p) && n < sizeof name - 1)
			name[n++] = (char)tolower((unsigned char)*p++);
		name[n] = '\0';
		const char *gt = memchr(p, '>', (size_t)(end - p));
		const char *stop = gt ? gt + 1 : end;
		for (const char *q = t; q < stop; q++)
			if (*q == '\n')
				line++;
		t = stop;
		if (n == 0)
			continue;

		html_tag(&h, name, closing, line);
	}
	if (h.in_table)
		html_end_table(&h);
	html_flush(&h);
	free(h.rows);
	free(h.section);
	buf_free(&h.text);
}

const struct format fmt_html_table = {
	"html-table", "HTML <table> elements under <h1>..<h6> headings",
	html_probe, html_parse,
};
