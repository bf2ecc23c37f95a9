/* fmt_sections.c: the sectioned-list format: protocol headings, class
 * headings (4xx...), "- CODE text" items and pipe tables, with prose under
 * the headings taken as text about the class or protocol. */
#include "config.h"
#include "fmt.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

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

/* Where sections_parse stands: the protocol, class and heading the next
 * item or prose falls under. The strings are owned. */
struct sections {
	const char *protocol;
	char *klass, *class_name, *section;
	int table_no, list_no;
};

/* A "- CODE text" item (s trimmed, at line): a row, or the class when it
 * reads "600 Series, ...". */
static void sections_item(struct doc *d, struct sections *st, int line, const char *s)
{
	const char *p = s + 2;
	p += strspn(p, " ");
	size_t n = code_span(p);
	if (n == 0) {
		doc_reject(d, line, s, "a list item without a status code", "列表项中没有状态码");
		return;
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
		doc_add_text(d, line, st->protocol, c, name, t);
		free(name);
		free(c);
		free(label);
		return;
	}
	struct row *r = doc_add_row(d, line);
	r->label = label;
	r->protocol = xstrdup(st->protocol);
	r->section = xstrdup(st->section);
	r->table = st->list_no;
	item_split(skip_separators(rest), r);
}

/* A heading (s trimmed): a protocol's starts a new list without a class; a
 * class's (4xx ...) sets the class for what follows. */
static void sections_heading(struct sections *st, const char *s)
{
	const char *p = heading_protocol(s);
	char *c = heading_class(s);
	free(st->section);
	st->section = xstrdup(s);
	if (p) {
		st->protocol = p;
		free(st->klass); st->klass = NULL;
		free(st->class_name); st->class_name = NULL;
		st->list_no++;
	} else if (c) {
		free(st->klass);
		free(st->class_name);
		st->klass = c;
		c = NULL;
		st->class_name = str_trim_copy(s + strspn(s, "# ") + 3, strlen(s + strspn(s, "# ") + 3));
		st->list_no++;
	}
	free(c);
}

static void sections_parse(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d)
{
	struct sections st = { .list_no = 1000 };

	for (size_t i = body; i < l->n; i++) {
		char *copy = xstrdup(l->v[i]);
		char *s = str_trim(copy);
		int line = (int)i + 1;

		if (*s == '\0') {
			/* nothing */
		} else if (pipe_table_at(l, i)) {
			struct cells *rows;
			size_t n;
			size_t next = pipe_table_read(l, i, &rows, &n);
			table_take(d, ++st.table_no, rows, n, st.protocol, st.section);
			for (size_t k = 0; k < n; k++)
				cells_free(&rows[k]);
			free(rows);
			i = next - 1;
		} else if (is_list_item(s)) {
			sections_item(d, &st, line, s);
		} else if (is_heading(s)) {
			sections_heading(&st, s);
		} else {
			/* prose: about the class or protocol it stands under */
			doc_add_text(d, line, st.protocol, st.klass, st.class_name, s);
		}
		free(copy);
	}
	free(st.klass);
	free(st.class_name);
	free(st.section);
}

const struct format fmt_sectioned_list = {
	"sectioned-list", "protocol and class headings over \"- CODE text\" items and pipe tables",
	sections_probe, sections_parse,
};
