/* tlines.c: text built for a width (see tlines.h). */
#include "config.h"
#include "tlines.h"

#include <stdlib.h>
#include <string.h>

#include "panes.h"
#include "text.h"
#include "xmalloc.h"

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

void tl_line(struct tlines *l)
{
	LIST_PUSH(l);
}

/* A span on line i. */
void tl_span_on(struct tlines *l, size_t i, int x, int w, int style, const char *text)
{
	struct tspan *sp = LIST_PUSH(&l->v[i]);
	sp->x = x;
	sp->w = w;
	sp->style = style;
	sp->text = xstrdup(text ? text : "");
}

/* A span on the last line (a new line when there is none). */
void tl_span(struct tlines *l, int x, int w, int style, const char *text)
{
	if (l->n == 0)
		tl_line(l);
	tl_span_on(l, l->n - 1, x, w, style, text);
}

void tl_blank(struct tlines *l)
{
	if (l->n && l->v[l->n - 1].n == 0)
		return;  /* no double blank lines */
	tl_line(l);
}

/* text wrapped to w columns at column x, one line each. */
void tl_wrap(struct tlines *l, int x, int w, int style, const char *text)
{
	char **lines;
	size_t n;

	if (!pane_has(text))
		return;
	n = text_wrap(text, w > 1 ? (size_t)w : 1, &lines);
	for (size_t i = 0; i < n; i++) {
		tl_line(l);
		tl_span(l, x, w, style, lines[i]);
	}
	text_lines_free(lines, n);
}

/* a and b side by side in two columns with a rule between them. */
void tl_wrap2(struct tlines *l, int x, int w, int style, const char *a, const char *b)
{
	int cw = (w - 3) / 2;
	char **la = NULL, **lb = NULL;
	size_t na = 0, nb = 0;

	if (cw < 4) {
		tl_wrap(l, x, w, style, a);
		tl_wrap(l, x, w, style, b);
		return;
	}
	if (pane_has(a))
		na = text_wrap(a, (size_t)cw, &la);
	if (pane_has(b))
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
void tl_bi(struct tui *t, struct tlines *l, int x, int w, int style, const char *en, const char *zh)
{
	bool e = pane_want_en(t) && pane_has(en), z = pane_want_zh(t) && pane_has(zh);

	if (e && z && w >= SIDE_BY_SIDE_MIN) {
		tl_wrap2(l, x, w, style, en, zh);
	} else if (e || z) {
		if (e)
			tl_wrap(l, x, w, style, en);
		if (z)
			tl_wrap(l, x, w, style, zh);
	} else if (pane_has(en)) {
		tl_wrap(l, x, w, style, en);  /* Chinese wanted, only English there */
	} else if (pane_has(zh)) {
		tl_wrap(l, x, w, PAL_DIM, "(untranslated)");  /* English only: no Chinese shown */
	}
}

void tl_heading(struct tui *t, struct tlines *l, int w, const char *en, const char *zh)
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

