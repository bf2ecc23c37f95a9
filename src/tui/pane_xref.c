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
	char *s = pane_bi(t, "Cross-references", "交叉引用");
	buf_adds(b, s);
	free(s);
	if (t->cur.id)
		buf_addf(b, " (%s)", t->cur.doc.e.code);
}

static size_t xref_rows(struct tui *t, struct pane *p)
{
	return t->cur.doc.xrefs.n;
}

static void xref_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	if (i >= t->cur.doc.xrefs.n)
		return;
	const struct sc_xref *xr = &t->cur.doc.xrefs.v[i];
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
	char *ph = pane_bi(t, o->phrase_en, o->phrase_zh);
	pane_row_text(t, y, cx, x + w - cx, ph, a);
	free(ph);
	free(label);
}

static unsigned xref_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER) {
		if (p->sel < t->cur.doc.xrefs.n) {
			struct sc_entry target;
			sc_entry_copy(&target, &t->cur.doc.xrefs.v[p->sel].other);
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

