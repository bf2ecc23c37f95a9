/* panes.c: what each pane and overlay shows and does (see panes.h). The
 * generic part (header, rows, scrolling, highlighting) comes first, then one
 * block per pane ending in its ops table. */
#include "config.h"
#include "panes.h"

#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "tui.h"
#include "xmalloc.h"

/* Bilingual text goes side by side from this many columns. */
#define SIDE_BY_SIDE_MIN 76

static bool want_en(const struct tui *t) { return lang_want_en(t->lang); }
static bool want_zh(const struct tui *t) { return lang_want_zh(t->lang); }
static bool has(const char *s) { return s && *s; }

/* A short tag for lists that mix protocols. */
static const char *protocol_tag(const char *id)
{
	return id && strcmp(id, "websocket") == 0 ? "WS" : label_protocol(id);
}

char *pane_bi(const struct tui *t, const char *en, const char *zh)
{
	return lang_bi(t->lang, en, zh);
}


static int code_style(const struct sc_entry *e)
{
	return (int)palette_for_code(e->protocol, e->num);
}

/* ---- text lines ---------------------------------------------------------- */

void tlines_free(struct tlines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		for (size_t k = 0; k < l->v[i].n; k++)
			free(l->v[i].v[k].text);
		free(l->v[i].v);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void tl_line(struct tlines *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	memset(&l->v[l->n++], 0, sizeof l->v[0]);
}

/* A span on line i. */
static void tl_span_on(struct tlines *l, size_t i, int x, int w, int style, const char *text)
{
	struct tline *ln = &l->v[i];
	if (ln->n == ln->cap) {
		ln->cap = ln->cap ? ln->cap * 2 : 4;
		ln->v = xreallocarray(ln->v, ln->cap, sizeof *ln->v);
	}
	ln->v[ln->n].x = x;
	ln->v[ln->n].w = w;
	ln->v[ln->n].style = style;
	ln->v[ln->n].text = xstrdup(text ? text : "");
	ln->n++;
}

/* A span on the last line (a new line when there is none). */
static void tl_span(struct tlines *l, int x, int w, int style, const char *text)
{
	if (l->n == 0)
		tl_line(l);
	tl_span_on(l, l->n - 1, x, w, style, text);
}

static void tl_blank(struct tlines *l)
{
	if (l->n && l->v[l->n - 1].n == 0)
		return;  /* no double blank lines */
	tl_line(l);
}

/* text wrapped to w columns at column x, one line each. */
static void tl_wrap(struct tlines *l, int x, int w, int style, const char *text)
{
	char **lines;
	size_t n;

	if (!has(text))
		return;
	n = text_wrap(text, w > 1 ? (size_t)w : 1, &lines);
	for (size_t i = 0; i < n; i++) {
		tl_line(l);
		tl_span(l, x, w, style, lines[i]);
	}
	text_lines_free(lines, n);
}

/* a and b side by side in two columns with a rule between them. */
static void tl_wrap2(struct tlines *l, int x, int w, int style, const char *a, const char *b)
{
	int cw = (w - 3) / 2;
	char **la = NULL, **lb = NULL;
	size_t na = 0, nb = 0;

	if (cw < 4) {
		tl_wrap(l, x, w, style, a);
		tl_wrap(l, x, w, style, b);
		return;
	}
	if (has(a))
		na = text_wrap(a, (size_t)cw, &la);
	if (has(b))
		nb = text_wrap(b, (size_t)cw, &lb);
	for (size_t i = 0; i < na || i < nb; i++) {
		tl_line(l);
		if (i < na)
			tl_span(l, x, cw, style, la[i]);
		tl_span(l, x + cw + 1, 1, PAL_DIM, "\xE2\x94\x82");
		if (i < nb)
			tl_span(l, x + cw + 3, cw, style, lb[i]);
	}
	text_lines_free(la, na);
	text_lines_free(lb, nb);
}

/* English and Chinese text as the language asks: side by side when wide,
 * one after the other when narrow; the other language when the wanted one
 * is missing. */
static void tl_bi(struct tui *t, struct tlines *l, int x, int w, int style, const char *en, const char *zh)
{
	bool e = want_en(t) && has(en), z = want_zh(t) && has(zh);

	if (e && z && w >= SIDE_BY_SIDE_MIN) {
		tl_wrap2(l, x, w, style, en, zh);
	} else if (e || z) {
		if (e)
			tl_wrap(l, x, w, style, en);
		if (z)
			tl_wrap(l, x, w, style, zh);
	} else {
		tl_wrap(l, x, w, style, has(en) ? en : zh);
	}
}

static void tl_heading(struct tui *t, struct tlines *l, int w, const char *en, const char *zh)
{
	char *h = pane_bi(t, en, zh);
	tl_blank(l);
	tl_line(l);
	struct buf b = {0};
	text_fit(&b, h, (size_t)(w > 0 ? w : 1), false, true);
	tl_span(l, 0, w, PAL_HEADING, buf_str(&b));
	buf_free(&b);
	free(h);
}

/* ---- generic drawing and moving ------------------------------------------ */

const struct strv *pane_terms(struct tui *t)
{
	return t->search.active && t->search.terms.n ? &t->search.terms : NULL;
}

int pane_body_rows(const struct pane *p)
{
	return p->r.h > 1 ? p->r.h - 1 : 0;
}

void pane_invalidate(struct pane *p)
{
	p->built_w = -1;
}

/* Text panes draw with a one-column margin. */
static int text_width_of(const struct pane *p)
{
	return p->r.w > 2 ? p->r.w - 2 : 1;
}

/* Builds a text pane's lines for its width; a hidden pane builds nothing. */
static void ensure_built(struct tui *t, struct pane *p)
{
	int w = text_width_of(p);
	if (p->r.w <= 0 || p->r.h <= 0)
		return;
	if (p->ops->build && p->built_w != w) {
		tlines_free(&p->lines);
		p->ops->build(t, p, w);
		p->built_w = w;
	}
}

size_t pane_row_count(struct tui *t, struct pane *p)
{
	if (p->ops->selectable)
		return p->ops->rows ? p->ops->rows(t, p) : 0;
	ensure_built(t, p);
	return p->r.w > 0 && p->r.h > 0 ? p->lines.n : 0;
}

void pane_clamp(struct tui *t, struct pane *p)
{
	size_t n = pane_row_count(t, p);
	size_t h = (size_t)(pane_body_rows(p) > 0 ? pane_body_rows(p) : 1);

	if (p->ops->selectable) {
		if (p->sel >= n)
			p->sel = n ? n - 1 : 0;
		if (p->sel < p->top)
			p->top = p->sel;
		if (p->sel >= p->top + h)
			p->top = p->sel - h + 1;
		if (p->top + h > n)
			p->top = n > h ? n - h : 0;
	} else {
		if (p->top + h > n)
			p->top = n > h ? n - h : 0;
	}
}

bool pane_move(struct tui *t, struct pane *p, enum tui_action a)
{
	size_t n = pane_row_count(t, p), last = n ? n - 1 : 0;
	size_t h = (size_t)(pane_body_rows(p) > 1 ? pane_body_rows(p) : 1);
	size_t page = h > 1 ? h - 1 : 1, half = h / 2 ? h / 2 : 1;
	size_t *pos = p->ops->selectable ? &p->sel : &p->top;
	size_t old = *pos, step;
	bool down;

	switch (a) {
	case ACT_DOWN:      step = 1;    down = true;  break;
	case ACT_UP:        step = 1;    down = false; break;
	case ACT_PAGE_DOWN: step = page; down = true;  break;
	case ACT_PAGE_UP:   step = page; down = false; break;
	case ACT_HALF_DOWN: step = half; down = true;  break;
	case ACT_HALF_UP:   step = half; down = false; break;
	case ACT_BOTTOM:    step = n;    down = true;  break;
	case ACT_TOP:       step = n;    down = false; break;
	default:            return false;
	}
	*pos = down ? (*pos + step < last ? *pos + step : last) : (*pos > step ? *pos - step : 0);
	/* in a list, pages move the view with the selection (less, tig) */
	if (p->ops->selectable && step > 1 && step < n)
		p->top = down ? p->top + step : p->top > step ? p->top - step : 0;
	pane_clamp(t, p);
	if (p->ops->selectable && *pos != old && p->ops->moved)
		p->ops->moved(t, p);
	return true;
}

bool pane_click(struct tui *t, struct pane *p, int y)
{
	int row = y - p->r.y - 1;
	if (!p->ops->selectable || row < 0 || row >= pane_body_rows(p))
		return false;
	size_t i = p->top + (size_t)row;
	if (i >= pane_row_count(t, p))
		return false;
	if (i != p->sel) {
		p->sel = i;
		if (p->ops->moved)
			p->ops->moved(t, p);
	}
	return true;
}

/* The attribute of a row: reverse for the selection of the focused pane,
 * bold for the selection elsewhere. */
static attr_t row_attr(struct tui *t, struct pane *p, bool selected)
{
	if (!selected)
		return A_NORMAL;
	return tui_active(t) == p ? A_REVERSE : A_BOLD;
}

/* Starts a row: the selection marker and, for the focused selection, the
 * reverse bar. Returns the attribute for the rest of the row. */
static attr_t row_begin(struct tui *t, struct pane *p, int y, int x, int w, bool selected)
{
	attr_t a = row_attr(t, p, selected);
	if (selected && (a & A_REVERSE))
		screen_fill(y, x, w, a);
	screen_put(y, x, 1, selected ? "\xE2\x80\xBA" : " ", a);
	return a;
}

/* The style's attribute, unless the row is reverse (then plain reverse). */
static attr_t in_row(attr_t row, int style)
{
	return (row & A_REVERSE) ? row : (screen_attr(style) | row);
}

static void draw_line(struct tui *t, const struct tline *ln, int y, int x, int w)
{
	const struct strv *terms = pane_terms(t);
	attr_t hl = screen_attr(PAL_MATCH) | A_REVERSE;

	for (size_t i = 0; i < ln->n; i++) {
		const struct tspan *s = &ln->v[i];
		if (s->x >= w)
			continue;
		int sw = s->w > 0 && s->w < w - s->x ? s->w : w - s->x;
		screen_put_hl(y, x + s->x, sw, s->text, screen_attr(s->style), hl, terms);
	}
}

void pane_draw(struct tui *t, struct pane *p, bool focused)
{
	struct rect r = p->r;
	struct buf title = {0};

	if (r.h <= 0 || r.w <= 0)
		return;
	/* header: title on the left, position on the right */
	attr_t ha = focused ? (A_REVERSE | A_BOLD) : (screen_attr(PAL_HEADING) | A_UNDERLINE);
	screen_fill(r.y, r.x, r.w, ha);
	if (p->ops->title)
		p->ops->title(t, p, &title);
	size_t n = pane_row_count(t, p);
	pane_clamp(t, p);
	/* where we are: "57/119" in a list, "30%" of text longer than the pane */
	char pos[48] = "";
	int body = pane_body_rows(p);
	if (p->ops->selectable && n)
		snprintf(pos, sizeof pos, " %zu/%zu", p->sel + 1, n);
	else if (!p->ops->selectable && n > (size_t)body && body > 0)
		snprintf(pos, sizeof pos, " %zu%%",
		         p->top + (size_t)body >= n ? (size_t)100 : (p->top + (size_t)body) * 100 / n);
	int pw = (int)strlen(pos);
	int tw = r.w - 1 - (pw < r.w / 2 ? pw : 0);
	screen_put(r.y, r.x + 1, tw, buf_str(&title), ha);
	if (pw && pw < r.w / 2)
		screen_put(r.y, r.x + r.w - pw, pw, pos, ha);
	buf_free(&title);

	if (p->ops->selectable) {
		int i = 0;
		for (; i < body && p->top + (size_t)i < n; i++)
			p->ops->draw_row(t, p, p->top + (size_t)i, r.y + 1 + i, r.x, r.w, p->top + (size_t)i == p->sel);
		if (p->ops->footer && i + 1 < body)
			p->ops->footer(t, p, r.y + 2 + i, r.x + 1, r.w - 2, body - i - 1);
	} else {
		int w = text_width_of(p);
		for (int i = 0; i < body && p->top + (size_t)i < p->lines.n; i++)
			draw_line(t, &p->lines.v[p->top + (size_t)i], r.y + 1 + i, r.x + 1, w);
	}
}

/* Draws text in columns [x, x+w) of a row, fitted, in style. Returns the
 * columns used. */
static int row_text(struct tui *t, int y, int x, int w, const char *s, attr_t a)
{
	if (w <= 0 || !s)
		return 0;
	struct buf b = {0};
	text_fit(&b, s, (size_t)w, false, true);
	int used = screen_put_hl(y, x, w, buf_str(&b), a, screen_attr(PAL_MATCH) | A_REVERSE, pane_terms(t));
	buf_free(&b);
	return used;
}

/* ---- protocol pane ------------------------------------------------------- */

static void proto_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	char *s = pane_bi(t, "Protocol", "协议");
	buf_adds(b, s);
	free(s);
}

static size_t proto_rows(struct tui *t, struct pane *p)
{
	(void)p;
	return t->protos.n;
}

static void proto_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_protocol *pr = &t->protos.v[i];
	attr_t a = row_begin(t, p, y, x, w, sel);
	char count[24];
	int cw = snprintf(count, sizeof count, " %lld", (long long)pr->count);
	char *name = t->lang == LANG_ZH && has(pr->name_zh) ? xstrdup(pr->name_zh) : xstrdup(pr->name_en);
	/* both: the Chinese name too when it fits whole */
	if (t->lang == LANG_BOTH && has(pr->name_zh) &&
	    (int)(text_width(pr->name_en) + 1 + text_width(pr->name_zh)) <= w - 3 - cw) {
		free(name);
		name = xasprintf("%s %s", pr->name_en, pr->name_zh);
	}
	row_text(t, y, x + 2, w - 3 - cw, name, in_row(a, PAL_HEADING));
	if (w > cw + 6)
		screen_put(y, x + w - cw - 1, cw, count, in_row(a, PAL_DIM));
	free(name);
}

static bool proto_request(struct tui *t, struct pane *p, enum tui_action a)
{
	(void)p;
	if (a == ACT_ENTER) {
		tui_focus(t, PANE_CLASS);
		return true;
	}
	if (a == ACT_BACK)
		return true;  /* the top: nowhere to go */
	return false;
}

static void proto_moved(struct tui *t, struct pane *p)
{
	(void)p;
	tui_protocol_moved(t);
}

const struct pane_ops pane_ops_proto = {
	.selectable = true, .title = proto_title, .rows = proto_rows, .draw_row = proto_draw_row,
	.request = proto_request, .moved = proto_moved,
};

/* ---- class pane ---------------------------------------------------------- */

static void class_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	char *s = pane_bi(t, "Class", "类别");
	if (t->protos.n && t->panes[PANE_PROTO].sel < t->protos.n)
		buf_addf(b, "%s %s", label_protocol(t->protos.v[t->panes[PANE_PROTO].sel].id), s);
	else
		buf_adds(b, s);
	free(s);
}

static size_t class_rows(struct tui *t, struct pane *p)
{
	(void)p;
	size_t first, n;
	tui_class_range(t, &first, &n);
	return n;
}

static void class_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	size_t first, n;
	tui_class_range(t, &first, &n);
	if (i >= n)
		return;
	const struct sc_class *c = &t->classes.v[first + i];
	attr_t a = row_begin(t, p, y, x, w, sel);
	char count[24];
	int cw = snprintf(count, sizeof count, " %lld", (long long)c->count);
	int style = (int)palette_for_code(c->protocol, c->lo);
	int idw = (int)strlen(c->id) > 4 ? 9 : 4;
	int used = row_text(t, y, x + 2, idw < w - 2 ? idw : w - 2, c->id, in_row(a, style));
	char *name = pane_bi(t, c->name_en, c->name_zh);
	int nx = x + 2 + (used > idw ? used : idw) + 1;
	row_text(t, y, nx, x + w - cw - 1 - nx, name, a);
	if (w > cw + idw + 8)
		screen_put(y, x + w - cw - 1, cw, count, in_row(a, PAL_DIM));
	free(name);
}

/* Under the classes: the description of the selected one. */
static void class_footer(struct tui *t, struct pane *p, int y, int x, int w, int h)
{
	size_t first, n;
	struct tlines l = {0};

	tui_class_range(t, &first, &n);
	if (p->sel >= n || w < 4)
		return;
	const struct sc_class *c = &t->classes.v[first + p->sel];
	tl_bi(t, &l, 0, w, PAL_DIM, c->desc_en, c->desc_zh);
	for (size_t i = 0; i < l.n && (int)i < h; i++)
		draw_line(t, &l.v[i], y + (int)i, x, w);
	tlines_free(&l);
}

static bool class_request(struct tui *t, struct pane *p, enum tui_action a)
{
	(void)p;
	if (a == ACT_ENTER) {
		tui_focus(t, PANE_LIST);
		return true;
	}
	if (a == ACT_BACK) {
		tui_focus(t, PANE_PROTO);
		return true;
	}
	return false;
}

static void class_moved(struct tui *t, struct pane *p)
{
	(void)p;
	tui_class_moved(t);
}

const struct pane_ops pane_ops_class = {
	.selectable = true, .title = class_title, .rows = class_rows, .draw_row = class_draw_row,
	.footer = class_footer, .request = class_request, .moved = class_moved,
};

/* ---- code list ----------------------------------------------------------- */

static void list_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	if (t->search.active) {
		bool fuzzy = t->search.hits.n && t->search.hits.v[0].fuzzy;
		char *s = pane_bi(t, fuzzy ? "No match; close" : "Search", fuzzy ? "无匹配；相近" : "搜索");
		buf_addf(b, "%s: %s", s, buf_str(&t->search.query));
		free(s);
		return;
	}
	size_t first, n;
	tui_class_range(t, &first, &n);
	size_t cs = t->panes[PANE_CLASS].sel;
	if (cs < n) {
		const struct sc_class *c = &t->classes.v[first + cs];
		char *name = pane_bi(t, c->name_en, c->name_zh);
		buf_addf(b, "%s %s %s", label_protocol(c->protocol), c->id, name);
		free(name);
	} else {
		char *s = pane_bi(t, "Codes", "状态码");
		buf_adds(b, s);
		free(s);
	}
}

static size_t list_rows(struct tui *t, struct pane *p)
{
	(void)p;
	return tui_list_count(t);
}

static void list_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_entry *e = tui_list_entry(t, i);
	if (e == NULL)
		return;
	attr_t a = row_begin(t, p, y, x, w, sel);
	int cx = x + 1;
	bool fuzzy = t->search.active && i < t->search.hits.n && t->search.hits.v[i].fuzzy;

	screen_put(y, cx, 1, tui_is_marked(t, e) ? "\xE2\x98\x85" : fuzzy ? "~" : " ", in_row(a, PAL_WARN));
	cx += 1;
	if (t->search.active && w >= 30) {
		row_text(t, y, cx, 4, protocol_tag(e->protocol), in_row(a, PAL_DIM));
		cx += 5;
	}
	int codew = 4;  /* one width for the whole list, so the columns align */
	for (size_t k = 0; k < tui_list_count(t); k++) {
		int cl = (int)strlen(tui_list_entry(t, k)->code);
		codew = cl > codew ? cl : codew;
	}
	codew = codew > 9 ? 9 : codew;
	if (codew > x + w - cx)
		codew = x + w - cx;
	row_text(t, y, cx, codew, e->code, in_row(a, code_style(e)));
	cx += codew + 1;
	int rest = x + w - cx;
	if (rest <= 0)
		return;
	if (t->lang == LANG_BOTH && has(e->phrase_en) && has(e->phrase_zh) && rest >= 30) {
		int ew = rest * 11 / 20;
		row_text(t, y, cx, ew - 1, e->phrase_en, a);
		row_text(t, y, cx + ew, rest - ew, e->phrase_zh, a);
	} else {
		char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
		row_text(t, y, cx, rest, ph, a);
		free(ph);
	}
}

static bool list_request(struct tui *t, struct pane *p, enum tui_action a)
{
	(void)p;
	if (a == ACT_ENTER) {
		if (tui_list_count(t) == 0)
			return true;
		tui_visit_current(t);
		tui_focus(t, PANE_DETAIL);
		return true;
	}
	if (a == ACT_BACK) {
		tui_focus(t, PANE_CLASS);
		return true;
	}
	return false;
}

const struct pane_ops pane_ops_list = {
	.selectable = true, .title = list_title, .rows = list_rows, .draw_row = list_draw_row,
	.request = list_request,
};

/* ---- detail -------------------------------------------------------------- */

static void detail_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	if (t->cur.id == 0) {
		char *s = pane_bi(t, "Detail", "详情");
		buf_adds(b, s);
		free(s);
		return;
	}
	char *ph = pane_bi(t, t->cur.e.phrase_en, t->cur.e.phrase_zh);
	buf_addf(b, "%s %s %s", label_protocol(t->cur.e.protocol), t->cur.e.code, ph);
	free(ph);
}

/* "410  Gone · 已永久删除" for a cross-reference. */
static void xref_line(struct tui *t, struct tlines *l, int x, int w, const struct sc_xref *x_,
                      bool with_protocol)
{
	const struct sc_entry *o = &x_->other;
	char *label = with_protocol ? xasprintf("%s %s", label_protocol(o->protocol), o->code)
	                            : xstrdup(o->code);
	char *ph = pane_bi(t, o->phrase_en, o->phrase_zh);
	int lw = (int)text_width(label);
	tl_line(l);
	tl_span(l, x, lw, code_style(o), label);
	if (x + lw + 2 < w)
		tl_span(l, x + lw + 2, w - x - lw - 2, STYLE_PLAIN, ph);
	free(label);
	free(ph);
}

/* What one source said: "  82 phrase  Not Found", the value wrapped under
 * itself. */
static void claim_lines(struct tui *t, struct tlines *l, int w, const struct sc_claim *c, const char *code)
{
	(void)t;
	struct buf head = {0};

	buf_addf(&head, "%5d %-7s", c->line, c->field ? c->field : "");
	if (c->label && strcmp(c->label, code) != 0)
		buf_addf(&head, " [%s]", c->label);
	if (c->state && strcmp(c->state, "used") != 0)
		buf_addf(&head, " (%s)", c->state);
	int hw = (int)text_width(buf_str(&head)) + 1;
	if (w - hw >= 12) {
		char **lines;
		size_t n = text_wrap(has(c->value) ? c->value : "-", (size_t)(w - hw), &lines);
		for (size_t i = 0; i < n; i++) {
			tl_line(l);
			if (i == 0)
				tl_span(l, 0, hw, PAL_DIM, buf_str(&head));
			tl_span(l, hw, w - hw, c->state && strcmp(c->state, "rejected") == 0 ? PAL_DIM : STYLE_PLAIN,
			        lines[i]);
		}
		text_lines_free(lines, n);
	} else {
		tl_line(l);
		tl_span(l, 0, w, PAL_DIM, buf_str(&head));
		tl_wrap(l, 2, w - 2, STYLE_PLAIN, c->value);
	}
	buf_free(&head);
}

static void detail_build(struct tui *t, struct pane *p, int w)
{
	struct tlines *l = &p->lines;
	const struct tui_entry *te = &t->cur;
	const struct sc_entry *e = &te->e;

	if (te->id == 0) {
		char *s = pane_bi(t, "Nothing selected.", "未选择。");
		tl_wrap(l, 0, w, PAL_DIM, s);
		free(s);
		return;
	}
	/* HTTP 404  Not Found
	 *           未找到 */
	char *label = xasprintf("%s %s", label_protocol(e->protocol), e->code);
	int lw = (int)text_width(label);
	int px = lw + 2 + 12 <= w ? lw + 2 : 0;
	tl_line(l);
	tl_span(l, 0, w, code_style(e), label);
	bool first = px > 0;
	if (want_en(t) && has(e->phrase_en)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, e->phrase_en);
		first = false;
	}
	if (want_zh(t) && has(e->phrase_zh)) {
		if (!first)
			tl_line(l);
		tl_span(l, px, w - px, PAL_HEADING, e->phrase_zh);
	}
	free(label);

	/* class, status, specification */
	const struct sc_class *c = tui_class_of(t, e->protocol, e->class_id);
	char *cname = c ? pane_bi(t, c->name_en, c->name_zh) : xstrdup("");
	char *line = xasprintf("%s %s", e->class_id ? e->class_id : "", cname);
	tl_wrap(l, 0, w, STYLE_PLAIN, line);
	free(line);
	free(cname);
	char *st = pane_bi(t, e->status, label_status_zh(e->status));
	line = has(e->spec) ? xasprintf("%s  \xC2\xB7  %s", st, e->spec) : xstrdup(st);
	tl_wrap(l, 0, w, has(e->status) && strcmp(e->status, "standard") != 0 ? PAL_WARN : PAL_DIM, line);
	free(line);
	free(st);
	if (te->parent.id) {
		char *pp = pane_bi(t, te->parent.phrase_en, te->parent.phrase_zh);
		char *sub = pane_bi(t, "sub-status of", "子状态码，属于");
		line = xasprintf("%s %s %s", sub, te->parent.code, pp);
		tl_wrap(l, 0, w, PAL_DIM, line);
		free(line);
		free(sub);
		free(pp);
	}
	/* why a search found it */
	if (t->search.active) {
		for (size_t i = 0; i < t->search.hits.n; i++) {
			const struct sc_hit *h = &t->search.hits.v[i];
			if (h->e.id != e->id || !has(h->snippet))
				continue;
			char *m = pane_bi(t, "match", "匹配");
			line = xasprintf("%s: %s", m, h->snippet);
			tl_wrap(l, 0, w, PAL_DIM, line);
			free(line);
			free(m);
		}
	}

	/* the summary, then the documents' text */
	tl_blank(l);
	tl_bi(t, l, 0, w, STYLE_PLAIN, e->summary_en, e->summary_zh);
	if ((want_en(t) && has(e->origin_en) && strcmp(e->origin_en, "project") != 0) ||
	    (want_zh(t) && has(e->origin_zh) && strcmp(e->origin_zh, "project") != 0)) {
		char *by = pane_bi(t, "summary from", "摘要来自");
		line = xasprintf("(%s %s)", by, has(e->origin_en) ? e->origin_en : e->origin_zh);
		tl_wrap(l, 0, w, PAL_DIM, line);
		free(line);
		free(by);
	}
	if ((has(e->detail_en) || has(e->detail_zh))) {
		tl_heading(t, l, w, "Details", "详细说明");
		tl_bi(t, l, 0, w, STYLE_PLAIN, e->detail_en, e->detail_zh);
	}

	/* confusable peers with the note on what tells them apart, once per group */
	bool any = false;
	for (size_t i = 0; i < te->xrefs.n; i++) {
		const struct sc_xref *x = &te->xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0)
			continue;
		if (!any)
			tl_heading(t, l, w, "Easily confused with", "容易混淆");
		any = true;
		xref_line(t, l, 2, w, x, strcmp(x->other.protocol, e->protocol) != 0);
		const struct sc_xref *nx = i + 1 < te->xrefs.n ? &te->xrefs.v[i + 1] : NULL;
		bool last = !nx || strcmp(nx->kind, "compare") != 0 || !has(nx->note_en) || !has(x->note_en) ||
		            strcmp(nx->note_en, x->note_en) != 0;
		if (last) {
			if (has(x->title_en) || has(x->title_zh)) {
				char *title = pane_bi(t, x->title_en, x->title_zh);
				tl_wrap(l, 4, w - 4, PAL_DIM, title);
				free(title);
			}
			tl_bi(t, l, 4, w - 4, STYLE_PLAIN, x->note_en, x->note_zh);
		}
	}
	for (int k = VS_CONFUSABLES + 1; k < VS_COUNT; k++) {
		const struct label_section *kind = &label_sections[k];
		bool head = false;
		for (size_t i = 0; kind->xref_kind && i < te->xrefs.n; i++) {
			const struct sc_xref *x = &te->xrefs.v[i];
			if (strcmp(x->kind, kind->xref_kind) != 0)
				continue;
			if (!head)
				tl_heading(t, l, w, kind->en, kind->zh);
			head = true;
			xref_line(t, l, 2, w, x, strcmp(x->other.protocol, e->protocol) != 0);
		}
	}

	/* which source said what */
	if (te->claims.n) {
		tl_heading(t, l, w, "Sources", "来源");
		const char *last = NULL;
		for (size_t i = 0; i < te->claims.n; i++) {
			const struct sc_claim *cl = &te->claims.v[i];
			if (cl->lang && ((t->lang == LANG_EN && strcmp(cl->lang, "zh") == 0) ||
			                 (t->lang == LANG_ZH && strcmp(cl->lang, "en") == 0)))
				continue;
			if (!last || strcmp(last, cl->source) != 0) {
				tl_line(l);
				tl_span(l, 0, w, PAL_HEADING, cl->source);
				last = cl->source;
			}
			claim_lines(t, l, w, cl, e->code);
		}
	}
	/* defects the documents had here */
	if (te->findings.n) {
		tl_heading(t, l, w, "Defects found in the sources", "来源中发现的问题");
		for (size_t i = 0; i < te->findings.n; i++) {
			const struct sc_finding *f = &te->findings.v[i];
			line = xasprintf("%s:%d %s: %s; %s", f->source, f->line, f->kind, f->message,
			                 f->resolution);
			size_t at = l->n;
			tl_wrap(l, 2, w - 2, STYLE_PLAIN, line);
			if (l->n > at)
				tl_span_on(l, at, 0, 1, PAL_WARN, "!");
			free(line);
		}
	}
}

static bool detail_request(struct tui *t, struct pane *p, enum tui_action a)
{
	(void)p;
	if (a == ACT_ENTER) {
		tui_focus(t, PANE_XREF);
		return true;
	}
	if (a == ACT_BACK) {
		tui_focus(t, PANE_LIST);
		return true;
	}
	return false;
}

const struct pane_ops pane_ops_detail = {
	.selectable = false, .title = detail_title, .build = detail_build, .request = detail_request,
};

/* ---- cross-references ---------------------------------------------------- */

static const char *xref_kind_label(const struct tui *t, const char *kind)
{
	static const struct { const char *kind, *en, *zh; } names[] = {
		{ "compare", "confused", "易混淆" }, { "same-number", "same no.", "同编号" },
		{ "mentions", "mentions", "提到" }, { "mentioned-by", "cited by", "被提到" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(kind, names[i].kind) == 0)
			return t->lang == LANG_ZH ? names[i].zh : names[i].en;
	return kind;
}

static void xref_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	char *s = pane_bi(t, "Cross-references", "交叉引用");
	buf_adds(b, s);
	free(s);
	if (t->cur.id)
		buf_addf(b, " (%s)", t->cur.e.code);
}

static size_t xref_rows(struct tui *t, struct pane *p)
{
	(void)p;
	return t->cur.xrefs.n;
}

static void xref_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	if (i >= t->cur.xrefs.n)
		return;
	const struct sc_xref *xr = &t->cur.xrefs.v[i];
	const struct sc_entry *o = &xr->other;
	attr_t a = row_begin(t, p, y, x, w, sel);
	int cx = x + 2;
	if (w >= 28) {
		row_text(t, y, cx, 9, xref_kind_label(t, xr->kind), in_row(a, PAL_DIM));
		cx += 10;
	}
	char *label = strcmp(o->protocol, t->cur.e.protocol ? t->cur.e.protocol : "") != 0
	              ? xasprintf("%s %s", protocol_tag(o->protocol), o->code) : xstrdup(o->code);
	int used = row_text(t, y, cx, x + w - cx, label, in_row(a, code_style(o)));
	cx += (used > 4 ? used : 4) + 1;
	char *ph = pane_bi(t, o->phrase_en, o->phrase_zh);
	row_text(t, y, cx, x + w - cx, ph, a);
	free(ph);
	free(label);
}

static bool xref_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER) {
		if (p->sel < t->cur.xrefs.n) {
			struct sc_entry target;
			sc_entry_copy(&target, &t->cur.xrefs.v[p->sel].other);
			tui_visit_current(t);
			tui_goto(t, &target, true);
			sc_entry_clear(&target);
		}
		return true;
	}
	if (a == ACT_BACK) {
		tui_focus(t, PANE_DETAIL);
		return true;
	}
	return false;
}

const struct pane_ops pane_ops_xref = {
	.selectable = true, .title = xref_title, .rows = xref_rows, .draw_row = xref_draw_row,
	.request = xref_request,
};

/* ---- help overlay: the key table ----------------------------------------- */

static void help_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)t; (void)p;
	char key[16];
	buf_addf(b, "Keys (%s or q closes; the same list is in man statuscodes)",
	         keys_first(ACT_CANCEL, key, sizeof key));
}

static void help_build(struct tui *t, struct pane *p, int w)
{
	(void)t;
	struct tlines *l = &p->lines;
	int kw = 0;

	for (size_t i = 0; i < tui_key_help_count; i++) {
		int kwi = (int)text_width(tui_key_help[i].keys);
		kw = kwi > kw ? kwi : kw;
	}
	kw += 2;
	if (kw > w / 2)
		kw = w / 2;
	for (size_t i = 0; i < tui_key_help_count; i++) {
		char **lines;
		if (w - kw < 10) {
			tl_line(l);
			tl_span(l, 0, w, PAL_HEADING, tui_key_help[i].keys);
			tl_wrap(l, 2, w - 2, STYLE_PLAIN, tui_key_help[i].help);
			continue;
		}
		size_t n = text_wrap(tui_key_help[i].help, (size_t)(w - kw), &lines);
		for (size_t k = 0; k < n; k++) {
			tl_line(l);
			if (k == 0) {
				struct buf b = {0};
				text_fit(&b, tui_key_help[i].keys, (size_t)kw - 1, false, true);
				tl_span(l, 0, kw - 1, PAL_HEADING, buf_str(&b));
				buf_free(&b);
			}
			tl_span(l, kw, w - kw, STYLE_PLAIN, lines[k]);
		}
		text_lines_free(lines, n);
	}
	tl_blank(l);
	tl_wrap(l, 0, w, PAL_DIM, "Panes: protocol, class (with its description), codes, detail (both "
	        "languages, sources and defects), cross-references. Wide terminals show them side by "
	        "side; narrow ones show fewer: Enter goes down a level, Backspace back up.");
	tl_wrap(l, 0, w, PAL_DIM, "Colours: 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red "
	        "(off with NO_COLOR or --color=never).");
	tl_wrap(l, 0, w, PAL_DIM, "statuscodes " PACKAGE_VERSION);
}

const struct pane_ops pane_ops_help = {
	.selectable = false, .title = help_title, .build = help_build,
};

/* ---- compare overlay ----------------------------------------------------- */

static void compare_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)p;
	const struct sc_entry *a = &t->cmp_a.e, *o = &t->cmp_b;
	char key[16];
	buf_addf(b, "Compare \xC2\xB7 \xE6\xAF\x94\xE8\xBE\x83: %s %s \xE2\x86\x94 %s %s  (%s: next peer)",
	         label_protocol(a->protocol), a->code ? a->code : "",
	         label_protocol(o->protocol), o->code ? o->code : "",
	         keys_first(ACT_COMPARE, key, sizeof key));
}

/* One side of the comparison, both languages always. */
static void compare_side(struct tui *t, struct tlines *l, int x, int w, const struct sc_entry *e,
                         const struct sc_class *c)
{
	(void)t;
	char *label = xasprintf("%s %s", label_protocol(e->protocol), e->code);
	tl_wrap(l, x, w, code_style(e), label);
	free(label);
	tl_wrap(l, x, w, PAL_HEADING, e->phrase_en);
	tl_wrap(l, x, w, PAL_HEADING, e->phrase_zh);
	char *line = xasprintf("%s %s %s \xC2\xB7 %s %s", e->class_id ? e->class_id : "",
	                       c && c->name_en ? c->name_en : "", c && c->name_zh ? c->name_zh : "",
	                       e->status ? e->status : "", label_status_zh(e->status) ? label_status_zh(e->status) : "");
	tl_wrap(l, x, w, PAL_DIM, line);
	free(line);
	tl_line(l);
	tl_wrap(l, x, w, STYLE_PLAIN, e->summary_en);
	tl_line(l);
	tl_wrap(l, x, w, STYLE_PLAIN, e->summary_zh);
}

static void compare_build(struct tui *t, struct pane *p, int w)
{
	struct tlines *l = &p->lines;
	const struct sc_entry *a = &t->cmp_a.e, *b = &t->cmp_b;
	const struct sc_class *ca = tui_class_of(t, a->protocol, a->class_id);
	const struct sc_class *cb = tui_class_of(t, b->protocol, b->class_id);

	if (t->cmp_a.id == 0 || b->id == 0)
		return;
	if (w >= 50) {
		int cw = (w - 3) / 2;
		struct tlines la = {0}, lb = {0};
		compare_side(t, &la, 0, cw, a, ca);
		compare_side(t, &lb, 0, cw, b, cb);
		for (size_t i = 0; i < la.n || i < lb.n; i++) {
			tl_line(l);
			if (i < la.n)
				for (size_t k = 0; k < la.v[i].n; k++)
					tl_span(l, la.v[i].v[k].x, cw, la.v[i].v[k].style, la.v[i].v[k].text);
			tl_span(l, cw + 1, 1, PAL_DIM, "\xE2\x94\x82");
			if (i < lb.n)
				for (size_t k = 0; k < lb.v[i].n; k++)
					tl_span(l, cw + 3 + lb.v[i].v[k].x, cw, lb.v[i].v[k].style, lb.v[i].v[k].text);
		}
		tlines_free(&la);
		tlines_free(&lb);
	} else {
		compare_side(t, l, 0, w, a, ca);
		tl_blank(l);
		tl_line(l);
		tl_span(l, 0, w, PAL_DIM, "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80");
		compare_side(t, l, 0, w, b, cb);
	}
	tl_blank(l);
	const struct sc_xref *x = t->cmp_note;
	if (x && (has(x->note_en) || has(x->note_zh))) {
		tl_line(l);
		if (has(x->title_en))
			tl_wrap(l, 0, w, PAL_HEADING, x->title_en);
		if (has(x->title_zh))
			tl_wrap(l, 0, w, PAL_HEADING, x->title_zh);
		tl_wrap(l, 0, w, STYLE_PLAIN, x->note_en);
		tl_line(l);
		tl_wrap(l, 0, w, STYLE_PLAIN, x->note_zh);
	} else {
		tl_wrap(l, 0, w, PAL_DIM, "No note on these two: they are not a known confusable pair. "
		        "\xE8\xBF\x99\xE4\xB8\xA4\xE4\xB8\xAA\xE4\xB8\x8D\xE6\x98\xAF\xE5\xB8\xB8\xE8\xA7\x81"
		        "\xE7\x9A\x84\xE6\xB7\xB7\xE6\xB7\x86\xE7\xBB\x84\xE5\x90\x88\xE3\x80\x82");
	}
}

static bool compare_request(struct tui *t, struct pane *p, enum tui_action a)
{
	(void)p;
	if (a == ACT_COMPARE) {
		if (!tui_compare(t, t->cmp_peer + 1, NULL) && !tui_compare(t, 0, NULL))
			tui_message(t, "no other confusable peer");
		return true;
	}
	return a == ACT_ENTER || a == ACT_BACK;
}

const struct pane_ops pane_ops_compare = {
	.selectable = false, .title = compare_title, .build = compare_build, .request = compare_request,
};

/* ---- bookmark and history overlays --------------------------------------- */

static size_t ov_rows(struct tui *t, struct pane *p)
{
	(void)p;
	return t->ov_rows.n;
}

static void ov_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	if (i >= t->ov_rows.n)
		return;
	const struct sc_entry *e = &t->ov_rows.v[i];
	attr_t a = row_begin(t, p, y, x, w, sel);
	int cx = x + 2;
	row_text(t, y, cx, 4, protocol_tag(e->protocol), in_row(a, PAL_DIM));
	cx += 5;
	int used = row_text(t, y, cx, x + w - cx, e->code, in_row(a, code_style(e)));
	cx += (used > 9 ? used : 9) + 1;
	char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
	row_text(t, y, cx, x + w - cx, ph, a);
	free(ph);
}

static void marks_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)t; (void)p;
	char key[16], key2[16];
	buf_addf(b, "Bookmarks \xC2\xB7 \xE4\xB9\xA6\xE7\xAD\xBE  (Enter: open, %s: remove, %s: close)",
	         keys_first(ACT_MARK, key, sizeof key), keys_first(ACT_CANCEL, key2, sizeof key2));
}

static void history_title(struct tui *t, struct pane *p, struct buf *b)
{
	(void)t; (void)p;
	char key[16];
	buf_addf(b, "History \xC2\xB7 \xE5\x8E\x86\xE5\x8F\xB2, newest first  (Enter: open, %s: close)",
	         keys_first(ACT_CANCEL, key, sizeof key));
}

/* An empty list says so, on its first row. */
static void ov_empty(struct tui *t, int y, int x, int w, int h, const char *text)
{
	if (t->ov_rows.n == 0 && h > 0)
		screen_put(y - 1, x, w, text, screen_attr(PAL_DIM));
}

static void marks_footer(struct tui *t, struct pane *p, int y, int x, int w, int h)
{
	char key[16];
	(void)p;
	char *s = xasprintf("No bookmarks yet: press %s on a code.", keys_first(ACT_MARK, key, sizeof key));
	ov_empty(t, y, x, w, h, s);
	free(s);
}

static void history_footer(struct tui *t, struct pane *p, int y, int x, int w, int h)
{
	(void)p;
	ov_empty(t, y, x, w, h, "No history yet: the codes you open are remembered here.");
}

/* Enter on a bookmark or history row: show that code. */
static bool ov_open(struct tui *t, struct pane *p)
{
	if (p->sel < t->ov_rows.n) {
		struct sc_entry e;
		sc_entry_copy(&e, &t->ov_rows.v[p->sel]);
		tui_close_overlay(t);
		tui_visit_current(t);
		tui_goto(t, &e, true);
		tui_focus(t, PANE_DETAIL);
		sc_entry_clear(&e);
	}
	return true;
}

static bool marks_request(struct tui *t, struct pane *p, enum tui_action a)
{
	switch (a) {
	case ACT_ENTER:
		return ov_open(t, p);
	case ACT_MARK:  /* remove the bookmark, and its row */
		if (p->sel < t->ov_rows.n) {
			tui_toggle_mark(t, &t->ov_rows.v[p->sel]);
			sc_entry_clear(&t->ov_rows.v[p->sel]);
			memmove(t->ov_rows.v + p->sel, t->ov_rows.v + p->sel + 1,
			        (t->ov_rows.n - p->sel - 1) * sizeof *t->ov_rows.v);
			t->ov_rows.n--;
			pane_clamp(t, p);
		}
		return true;
	case ACT_BACK:
		return true;
	default:
		return false;
	}
}

static bool history_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)
		return ov_open(t, p);
	return a == ACT_BACK;
}

const struct pane_ops pane_ops_marks = {
	.selectable = true, .title = marks_title, .rows = ov_rows, .draw_row = ov_draw_row,
	.footer = marks_footer, .request = marks_request,
};

const struct pane_ops pane_ops_history = {
	.selectable = true, .title = history_title, .rows = ov_rows, .draw_row = ov_draw_row,
	.footer = history_footer, .request = history_request,
};
