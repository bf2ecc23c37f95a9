/* pane_xref.c: the cross-references of the selected code; Enter follows
 * one. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

/* A kind of cross-reference, short: Chinese only under LANG_ZH. */
static const char *xref_kind_label(const struct tui *t, const char *kind)
{
	if (strcmp(kind, "compare") == 0)
		return UI_IN(t->lang, "confused");
	if (strcmp(kind, "same-number") == 0)
		return UI_IN(t->lang, "same no.");
	if (strcmp(kind, "mentions") == 0)
		return UI_IN(t->lang, "mentions");
	if (strcmp(kind, "mentioned-by") == 0)
		return UI_IN(t->lang, "cited by");
	return kind;
}

static void xref_title(struct tui *t, struct pane *p, struct buf *b)
{
	char *s = UI_BI(t->lang, "Cross-references");
	buf_adds(b, s);
	free(s);
	if (t->cur.id)
		buf_addf(b, " (%s)", t->cur.doc.e.code);
}

/* Rows are targets: the cross-references to one entry (confused with it,
 * and the same number in another protocol, say) make one row. Row i is
 * the i-th cross-reference whose target did not come before. */
static const struct sc_xref *xref_row(struct tui *t, size_t i)
{
	const struct sc_xrefs *xs = &t->cur.doc.xrefs;
	size_t row = 0;

	for (size_t k = 0; k < xs->n; k++) {
		bool first = true;
		for (size_t j = 0; j < k && first; j++)
			first = xs->v[j].other.id != xs->v[k].other.id;
		if (first && row++ == i)
			return &xs->v[k];
	}
	return NULL;
}

size_t pane_xref_count(struct tui *t)
{
	size_t n = 0;
	while (xref_row(t, n))
		n++;
	return n;
}

/* The relations to the target of xr after its first, as "mentions, cited
 * by"; "" when it has one. Caller frees. */
static char *xref_more_kinds(struct tui *t, const struct sc_xref *xr)
{
	const struct sc_xrefs *xs = &t->cur.doc.xrefs;
	struct buf b = {0};

	for (size_t k = 0; k < xs->n; k++)
		if (xs->v[k].other.id == xr->other.id && &xs->v[k] != xr)
			buf_addf(&b, "%s%s", b.len ? ", " : "", xref_kind_label(t, xs->v[k].kind));
	char *s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static size_t xref_rows(struct tui *t, struct pane *p)
{
	return pane_xref_count(t);
}

/* "confused  410  Gone · 已永久删除  +mentions, cited by": the first
 * relation in its column, the others after the phrase when there is room. */
static void xref_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_xref *xr = xref_row(t, i);
	if (xr == NULL)
		return;
	const struct sc_entry *o = &xr->other;
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	int cx = x + 2;
	if (w >= 28) {
		pane_row_text(t, y, cx, 9, xref_kind_label(t, xr->kind), pane_in_row(a, PAL_DIM));
		cx += 10;
	}
	char *label = strcmp(o->protocol, t->cur.doc.e.protocol ? t->cur.doc.e.protocol : "") != 0
	              ? xasprintf("%s %s", pane_protocol_tag(o->protocol), o->code) : xstrdup(o->code);
	int used = pane_row_text(t, y, cx, x + w - cx, label, pane_in_row(a, pane_code_style(o)));
	cx += (used > 4 ? used : 4) + 1;
	char *ph = pane_bi(t, o->phrase_en, o->phrase_zh), *more = xref_more_kinds(t, xr);
	char *also = *more ? xasprintf("+%s", more) : xstrdup("");
	int rest = x + w - cx, aw = (int)text_width(also), pw = (int)text_width(ph);
	if (aw && rest >= 20) {
		/* the phrase keeps at least 12 columns; the relations get the rest */
		int phw = rest - aw - 2 > 12 ? rest - aw - 2 : 12;
		phw = pw < phw ? pw : phw;
		pane_row_text(t, y, cx, phw, ph, a);
		pane_row_text(t, y, cx + phw + 2, rest - phw - 2, also, pane_in_row(a, PAL_DIM));
	} else {
		pane_row_text(t, y, cx, rest, ph, a);
	}
	free(also);
	free(more);
	free(ph);
	free(label);
}

static unsigned xref_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER) {
		const struct sc_xref *xr = xref_row(t, p->sel);
		if (xr) {
			struct sc_entry target;
			sc_entry_copy(&target, &xr->other);
			tui_visit_current(t);
			tui_goto(t, &target, true);
			sc_entry_clear(&target);
		}
		return PANE_DONE;
	}
	if (a == ACT_BACK)
		return PANE_DONE | PANE_UP;
	return PANE_PASS;
}

const struct pane_ops pane_ops_xref = {
	.selectable = true, .title = xref_title, .rows = xref_rows, .draw_row = xref_draw_row,
	.request = xref_request,
};

