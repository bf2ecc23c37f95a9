/* pane.c: what every pane and overlay shares (see panes.h): the header
 * with its position, rows or built lines, scrolling, clicks, and the
 * helpers that draw a row. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

const char *pane_protocol_tag(const char *id)
{
	return id && strcmp(id, "websocket") == 0 ? "WS" : label_protocol(id);
}

int pane_count_text(char *buf, size_t size, int64_t top, int64_t all, bool folds)
{
	if (folds && all > top)
		return snprintf(buf, size, " %lld +%lld", (long long)top, (long long)(all - top));
	return snprintf(buf, size, " %lld", (long long)top);
}

char *pane_bi(const struct tui *t, const char *en, const char *zh)
{
	/* English only: Chinese-only text is labelled, never shown (--lang en) */
	if (t->lang == LANG_EN && !pane_has(en) && pane_has(zh))
		return xstrdup("(untranslated)");
	return lang_bi(t->lang, en, zh);
}
int pane_code_style(const struct sc_entry *e)
{
	return (int)palette_for_code(e->protocol, e->num);
}

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
attr_t pane_row_begin(struct tui *t, struct pane *p, int y, int x, int w, bool selected)
{
	attr_t a = row_attr(t, p, selected);
	if (selected && (a & A_REVERSE))
		screen_fill(y, x, w, a);
	screen_put(y, x, 1, selected ? "\xE2\x80\xBA" : " ", a);
	return a;
}

/* The style's attribute, unless the row is reverse (then plain reverse). */
attr_t pane_in_row(attr_t row, int style)
{
	return (row & A_REVERSE) ? row : (screen_attr(style) | row);
}

void pane_draw_line(struct tui *t, const struct tline *ln, int y, int x, int w)
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

/* A pane title fitted to w columns: cut with an ellipsis, and never
 * ending in the " · " between two languages (no stray "·"). */
static void fit_title(struct buf *out, const char *title, int w)
{
	static const char dot[] = "\xC2\xB7", ell[] = "\xE2\x80\xA6";

	if (w <= 0)
		return;
	text_fit(out, title, (size_t)w, false, true);
	for (;;) {
		size_t n = out->len;
		if (n >= sizeof ell - 1 && memcmp(out->s + n - (sizeof ell - 1), ell, sizeof ell - 1) == 0)
			n -= sizeof ell - 1;
		while (n && out->s[n - 1] == ' ')
			n--;
		if (n < sizeof dot - 1 || memcmp(out->s + n - (sizeof dot - 1), dot, sizeof dot - 1) != 0)
			break;
		n -= sizeof dot - 1;
		while (n && out->s[n - 1] == ' ')
			n--;
		out->s[n] = '\0';
		out->len = n;
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
	struct buf fitted = {0};
	fit_title(&fitted, buf_str(&title), tw - 1);
	screen_put(r.y, r.x + 1, tw, buf_str(&fitted), ha);
	buf_free(&fitted);
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
			pane_draw_line(t, &p->lines.v[p->top + (size_t)i], r.y + 1 + i, r.x + 1, w);
	}
}

/* Draws text in columns [x, x+w) of a row, fitted, in style. Returns the
 * columns used. */
int pane_row_text(struct tui *t, int y, int x, int w, const char *s, attr_t a)
{
	if (w <= 0 || !s)
		return 0;
	struct buf b = {0};
	text_fit(&b, s, (size_t)w, false, true);
	int used = screen_put_hl(y, x, w, buf_str(&b), a, screen_attr(PAL_MATCH) | A_REVERSE, pane_terms(t));
	buf_free(&b);
	return used;
}

