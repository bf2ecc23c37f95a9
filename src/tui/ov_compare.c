/* ov_compare.c: the compare overlay: two codes side by side with the note
 * on what tells them apart. Its state is t->cmp. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

bool tui_compare(struct tui *t, size_t k, const struct sc_entry *other)
{
	const struct sc_xref *note = NULL;
	const struct sc_entry *b = other;
	size_t seen = 0;

	if (t->cur.id == 0)
		return false;
	if (t->cmp.a.id != t->cur.id && tui_entry_show(t, &t->cmp.a, &t->cur.doc.e) != 0)
		return false;
	for (size_t i = 0; i < t->cmp.a.doc.xrefs.n; i++) {
		const struct sc_xref *x = &t->cmp.a.doc.xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0)
			continue;
		if (other ? x->other.id == other->id : seen == k) {
			note = x;
			b = &x->other;
			break;
		}
		seen++;
	}
	if (b == NULL)
		return false;
	if (!other)
		t->cmp.peer = k;
	struct sc_entry copy;
	sc_entry_copy(&copy, b);
	sc_entry_clear(&t->cmp.b);
	t->cmp.b = copy;
	t->cmp.note = note;
	tui_open_overlay(t, OV_COMPARE);
	return true;
}

static void compare_title(struct tui *t, struct pane *p, struct buf *b)
{
	const struct sc_entry *a = &t->cmp.a.doc.e, *o = &t->cmp.b;
	char key[16];
	char *head = UI_BI(t->lang, "Compare");
	buf_addf(b, "%s: %s %s \xE2\x86\x94 %s %s", head, label_protocol(a->protocol), a->code ? a->code : "",
	         label_protocol(o->protocol), o->code ? o->code : "");
	buf_addf(b, UI("  (%s: next peer)"), keys_first(ACT_COMPARE, key, sizeof key));
	free(head);
}

/* One side's head: code, phrases, class and status, in the languages
 * wanted. */
static void side_head(struct tui *t, struct tlines *l, int w, const struct sc_entry *e,
                      const struct sc_class *c)
{
	char *label = xasprintf("%s %s", label_protocol(e->protocol), e->code);
	tl_wrap(l, 0, w, pane_code_style(e), label);
	free(label);
	if (pane_want_en(t))
		tl_wrap(l, 0, w, PAL_HEADING, e->phrase_en);
	if (pane_want_zh(t))
		tl_wrap(l, 0, w, PAL_HEADING, e->phrase_zh);
	char *cname = c ? pane_bi(t, c->name_en, c->name_zh) : xstrdup("");
	char *st = pane_bi(t, e->status, label_status_zh(e->status));
	char *line = xasprintf("%s %s", e->class_id ? e->class_id : "", cname);
	tl_wrap(l, 0, w, PAL_DIM, line);
	tl_wrap(l, 0, w, PAL_DIM, st);
	free(line);
	free(st);
	free(cname);
}

/* One side's summary, in the languages wanted. */
static void side_summary(struct tui *t, struct tlines *l, int w, const struct sc_entry *e,
                         const struct sc_class *c)
{
	if (pane_want_en(t))
		tl_wrap(l, 0, w, STYLE_PLAIN, e->summary_en);
	if (pane_want_en(t) && pane_want_zh(t) && pane_has(e->summary_en))
		tl_line(l);
	if (pane_want_zh(t))
		tl_wrap(l, 0, w, STYLE_PLAIN, e->summary_zh);
}

typedef void side_fn(struct tui *t, struct tlines *l, int w, const struct sc_entry *e,
                     const struct sc_class *c);

/* a's and b's side by side with a rule between them when w allows, else
 * one after the other. */
static void sides(struct tui *t, struct tlines *l, int w, side_fn *fn)
{
	const struct sc_entry *a = &t->cmp.a.doc.e, *b = &t->cmp.b;
	const struct sc_class *ca = tui_class_of(t, a->protocol, a->class_id);
	const struct sc_class *cb = tui_class_of(t, b->protocol, b->class_id);

	if (w < 50) {
		fn(t, l, w, a, ca);
		tl_blank(l);
		fn(t, l, w, b, cb);
		return;
	}
	int cw = (w - 3) / 2;
	struct tlines la = {0}, lb = {0};
	fn(t, &la, cw, a, ca);
	fn(t, &lb, cw, b, cb);
	for (size_t i = 0; i < la.n || i < lb.n; i++) {
		tl_line(l);
		for (size_t k = 0; i < la.n && k < la.v[i].n; k++)
			tl_span(l, la.v[i].v[k].x, cw, la.v[i].v[k].style, la.v[i].v[k].text);
		tl_span(l, cw + 1, 1, PAL_DIM, "\xE2\x94\x82");
		for (size_t k = 0; i < lb.n && k < lb.v[i].n; k++)
			tl_span(l, cw + 3 + lb.v[i].v[k].x, cw, lb.v[i].v[k].style, lb.v[i].v[k].text);
	}
	tlines_free(&la);
	tlines_free(&lb);
}

/* What tells the two apart: the pair's title and note, right under the
 * heads so that it is on the first screen (80x24 included). */
static void pair_note(struct tui *t, struct tlines *l, int w)
{
	const struct sc_xref *x = t->cmp.note;

	if (x && (pane_has(x->note_en) || pane_has(x->note_zh))) {
		if (pane_want_en(t))
			tl_wrap(l, 0, w, PAL_HEADING, x->title_en);
		if (pane_want_zh(t))
			tl_wrap(l, 0, w, PAL_HEADING, x->title_zh);
		tl_bi(t, l, 0, w, STYLE_PLAIN, x->note_en, x->note_zh);
	} else {
		char *s = UI_BI(t->lang, "No note on these two: they are not a known confusable pair.");
		tl_wrap(l, 0, w, PAL_DIM, s);
		free(s);
	}
}

static void compare_build(struct tui *t, struct pane *p, int w)
{
	struct tlines *l = &p->lines;

	if (t->cmp.a.id == 0 || t->cmp.b.id == 0)
		return;
	sides(t, l, w, side_head);
	tl_blank(l);
	pair_note(t, l, w);
	tl_blank(l);
	sides(t, l, w, side_summary);
}

static unsigned compare_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_COMPARE) {
		if (!tui_compare(t, t->cmp.peer + 1, NULL) && !tui_compare(t, 0, NULL))
			tui_message(t, UI("no other confusable peer"));
		return PANE_DONE;
	}
	return a == ACT_ENTER || a == ACT_BACK ? PANE_DONE : PANE_PASS;
}

const struct pane_ops pane_ops_compare = {
	.selectable = false, .title = compare_title, .build = compare_build, .request = compare_request,
};

