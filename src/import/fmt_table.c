/* fmt_table.c: tables, wherever they come from (markdown pipes, HTML, the
 * tables inside a sectioned list), and the markdown-table format. */
#include "config.h"
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

void cells_free(struct cells *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static void cells_push(struct cells *c, char *s, size_t *cap)
{
	c->v = xgrow(c->v, c->n, cap, sizeof *c->v);
	c->v[c->n++] = s;
}

void cells_split_pipes(const char *line, int lineno, struct cells *out)
{
	char *copy = xstrdup(line);
	char *s = str_trim(copy);
	size_t n = strlen(s), cap = 0;
	struct buf cell = {0};

	out->v = NULL;
	out->n = 0;
	out->line = lineno;
	if (n > 0 && s[0] == '|')
		s++, n--;
	if (n > 0 && s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
		s[--n] = '\0';
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] == '\\' && s[i + 1] == '|') {
			buf_addc(&cell, '|');
			i++;
			continue;
		}
		if (i == n || s[i] == '|') {
			char *c = buf_detach(&cell), *dec = entity_decode(c, strlen(c));
			cells_push(out, str_trim_copy(dec, strlen(dec)), &cap);
			free(dec);
			free(c);
			continue;
		}
		buf_addc(&cell, s[i]);
	}
	buf_free(&cell);
	free(copy);
}

int pipe_separator(const char *line)
{
	int dashes = 0, pipes = 0;

	for (const char *p = line; *p; p++) {
		if (*p == '-')
			dashes++;
		else if (*p == '|')
			pipes++;
		else if (*p != ':' && *p != ' ' && *p != '\t')
			return 0;
	}
	return dashes >= 3 && pipes >= 1;
}

int pipe_table_at(const struct lines *l, size_t i)
{
	return i + 1 < l->n && strchr(l->v[i], '|') != NULL && !pipe_separator(l->v[i]) &&
	       pipe_separator(l->v[i + 1]);
}

size_t pipe_table_read(const struct lines *l, size_t i, struct cells **rows, size_t *nrows)
{
	size_t cap = 0;

	*rows = NULL;
	*nrows = 0;
	for (size_t j = i; j < l->n; j++) {
		if (j == i + 1)
			continue; /* the separator */
		if (strchr(l->v[j], '|') == NULL || str_empty(l->v[j]))
			return j;
		*rows = xgrow(*rows, *nrows, &cap, sizeof **rows);
		cells_split_pipes(l->v[j], (int)j + 1, &(*rows)[(*nrows)++]);
	}
	return l->n;
}

/* Column roles, recognised from header words in either language. */
enum role { ROLE_NONE, ROLE_CODE, ROLE_PHRASE, ROLE_TEXT, ROLE_CLASS };

static enum role header_role(const char *h)
{
	static const struct { const char *word; enum role role; } words[] = {
		{ "原因短语", ROLE_PHRASE }, { "短语", ROLE_PHRASE }, { "名称", ROLE_PHRASE },
		{ "名字", ROLE_PHRASE }, { "phrase", ROLE_PHRASE }, { "reason", ROLE_PHRASE },
		{ "name", ROLE_PHRASE }, { "message", ROLE_PHRASE }, { "title", ROLE_PHRASE },
		{ "含义", ROLE_TEXT }, { "描述", ROLE_TEXT }, { "说明", ROLE_TEXT },
		{ "解释", ROLE_TEXT }, { "意义", ROLE_TEXT }, { "meaning", ROLE_TEXT },
		{ "description", ROLE_TEXT }, { "detail", ROLE_TEXT }, { "text", ROLE_TEXT },
		{ "类别", ROLE_CLASS }, { "分类", ROLE_CLASS }, { "category", ROLE_CLASS },
		{ "class", ROLE_CLASS },
		{ "状态码", ROLE_CODE }, { "代码", ROLE_CODE }, { "编码", ROLE_CODE },
		{ "code", ROLE_CODE }, { "status", ROLE_CODE }, { "范围", ROLE_CODE },
		{ "range", ROLE_CODE },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (str_casestr(h, words[i].word))
			return words[i].role;
	return ROLE_NONE;
}

/* Is the cell empty or a placeholder dash? */
static int cell_blank(const char *c)
{
	return str_empty(c) || strcmp(c, "-") == 0 || strcmp(c, "\xE2\x80\x93") == 0 ||
	       strcmp(c, "\xE2\x80\x94") == 0;
}

static int cell_is_code(const char *c)
{
	int num, sub, hi;
	return code_parse(c, &num, &sub, &hi, NULL) || code_misread(c);
}

/* A row of a table of classes (range, [defined range], name): the name
 * is the class's text, every other non-empty cell a note, after its
 * column's heading when the table has a header row h. */
static void take_class_row(struct doc *d, const struct cells *r, const struct cells *h, int code, int klass,
                           const char *protocol)
{
	struct buf note = {0};

	for (size_t c = 0; c < r->n; c++) {
		if ((int)c == code || (int)c == klass || cell_blank(r->v[c]))
			continue;
		if (note.len)
			buf_adds(&note, "; ");
		if (h && c < h->n && !str_empty(h->v[c]))
			buf_addf(&note, "%s: ", h->v[c]);
		buf_adds(&note, r->v[c]);
	}
	doc_add_text(d, r->line, protocol, r->v[code], r->v[klass], note.len ? buf_str(&note) : NULL);
	buf_free(&note);
}

void table_take(struct doc *d, int table_no, const struct cells *rows, size_t nrows,
                const char *protocol, const char *section)
{
	const struct cells *h;
	size_t ncols, body = 1;
	int code = -1, phrase = -1, text = -1, klass = -1;

	if (nrows == 0)
		return;
	h = &rows[0];
	ncols = h->n;
	/* a header row holds no code; without one, every row is data */
	if (ncols > 0 && cell_is_code(h->v[0]))
		body = 0;
	if (body == 1) {
		for (size_t c = 0; c < ncols; c++) {
			enum role r = header_role(h->v[c]);
			if (r == ROLE_CODE && code < 0) code = (int)c;
			else if (r == ROLE_PHRASE && phrase < 0) phrase = (int)c;
			else if (r == ROLE_TEXT && text < 0) text = (int)c;
			else if (r == ROLE_CLASS && klass < 0) klass = (int)c;
		}
	}
	/* fall back on the shape: codes first, the longest text last */
	if (code < 0)
		code = 0;
	if (text < 0 && klass < 0)
		text = (int)ncols - 1 > code ? (int)ncols - 1 : -1;
	if (phrase < 0 && klass < 0 && ncols == 3 && text == 2 && code == 0)
		phrase = 1;

	for (size_t i = body; i < nrows; i++) {
		const struct cells *r = &rows[i];
		if (r->n == 0 || (r->n == 1 && str_empty(r->v[0])))
			continue;
		if (r->n < ncols) {
			char *why = xasprintf("the row has %zu cells where the table has %zu columns",
			                      r->n, ncols);
			char *why_zh = xasprintf("该行有 %zu 个单元格，而表格有 %zu 列", r->n, ncols);
			doc_reject(d, r->line, r->v[0], why, why_zh);
			free(why);
			free(why_zh);
			continue;
		}
		const char *label = r->v[code];
		if (!cell_is_code(label)) {
			doc_reject(d, r->line, label, "no status code in the code column", "状态码列中没有状态码");
			continue;
		}
		if (klass >= 0) {
			take_class_row(d, r, body == 1 ? h : NULL, code, klass, protocol);
			continue;
		}
		struct row *row = doc_add_row(d, r->line);
		row->label = xstrdup(label);
		row->protocol = xstrdup(protocol);
		row->section = xstrdup(section);
		row->in_table = true;
		row->table = table_no;
		if (phrase >= 0 && !cell_blank(r->v[phrase]))
			row->phrase = xstrdup(r->v[phrase]);
		if (text >= 0 && !cell_blank(r->v[text]))
			row->text = xstrdup(r->v[text]);
		/* any other non-empty cell is kept as a note */
		for (size_t c = 0; c < r->n; c++) {
			if ((int)c == code || (int)c == phrase || (int)c == text || cell_blank(r->v[c]))
				continue;
			if (row->note == NULL)
				row->note = xstrdup(r->v[c]);
		}
	}
}

/* ---- the markdown-table format ------------------------------------------ */

static int md_probe(const struct lines *l, size_t body, const char *text, size_t len)
{
	size_t rows = 0, nonempty = 0, tables = 0, coderows = 0;

	for (size_t i = body; i < l->n; i++) {
		if (str_empty(l->v[i]))
			continue;
		nonempty++;
		if (pipe_table_at(l, i)) {
			struct cells *r;
			size_t n;
			size_t next = pipe_table_read(l, i, &r, &n);
			tables++;
			rows += n + 1;
			for (size_t k = 0; k < n; k++) {
				if (r[k].n > 0 && cell_is_code(r[k].v[0]))
					coderows++;
				cells_free(&r[k]);
			}
			free(r);
			nonempty += next - i - 1;
			i = next - 1;
		}
	}
	if (tables == 0 || coderows == 0 || nonempty == 0)
		return 0;
	return (int)(100 * rows / nonempty);
}

static void md_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	const char *protocol = heading_protocol(d->title ? d->title : "");
	char *section = NULL;
	int table_no = 0;

	for (size_t i = body; i < l->n; i++) {
		const char *s = l->v[i];
		if (str_empty(s))
			continue;
		if (pipe_table_at(l, i)) {
			struct cells *r;
			size_t n;
			size_t next = pipe_table_read(l, i, &r, &n);
			table_take(d, ++table_no, r, n, protocol, section);
			for (size_t k = 0; k < n; k++)
				cells_free(&r[k]);
			free(r);
			i = next - 1;
			continue;
		}
		if (s[0] == '#') {
			const char *p = heading_protocol(s);
			free(section);
			section = str_trim_copy(s + strspn(s, "# "), strlen(s + strspn(s, "# ")));
			if (p)
				protocol = p;
			continue;
		}
		if (strchr(s, '|'))
			doc_reject(d, (int)i + 1, s, "a table row outside any table (no header or separator line)",
			           "表格之外的表格行（没有表头或分隔行）");
		else
			doc_add_text(d, (int)i + 1, protocol, NULL, section, s);
	}
	free(section);
}

const struct format fmt_markdown_table = {
	"markdown-table", "Markdown pipe tables, optionally under YAML front matter",
	md_probe, md_parse,
};
