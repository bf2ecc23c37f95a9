/* pane_list.c: the code list: the selected class's codes, or the search
 * results while a search is kept. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mark.h"
#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static void list_title(struct tui *t, struct pane *p, struct buf *b)
{
	if (t->search.active) {
		bool fuzzy = t->search.hits.n && t->search.hits.v[0].fuzzy;
		char *s = fuzzy ? UI_BI(t->lang, "No match; close") : UI_BI(t->lang, "Search");
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
		char *s = UI_BI(t->lang, "Codes");
		buf_adds(b, s);
		free(s);
	}
}

static size_t list_rows(struct tui *t, struct pane *p)
{
	return tui_list_count(t);
}

/* One code column for the whole list, so that the phrases align. */
static int list_code_width(struct tui *t)
{
	int codew = 4;
	for (size_t k = 0; k < tui_list_count(t); k++) {
		int cl = (int)strlen(tui_list_entry(t, k)->code);
		codew = cl > codew ? cl : codew;
	}
	return codew > 9 ? 9 : codew;
}

/* The widest English phrase of a standard code in the list (0: none). */
static int list_en_width(struct tui *t)
{
	int ew = 0;
	for (size_t k = 0; k < tui_list_count(t); k++) {
		const struct sc_entry *e = tui_list_entry(t, k);
		if (e->status && strcmp(e->status, "standard") == 0 && pane_has(e->phrase_en)) {
			int pw = (int)text_width(e->phrase_en);
			ew = pw > ew ? pw : ew;
		}
	}
	return ew;
}

/* One column for the marks (standard, IIS, obsolete: mark.h), as wide as
 * the widest in the list. */
static int list_mark_width(struct tui *t)
{
	int mw = 0;
	for (size_t k = 0; k < tui_list_count(t); k++) {
		int tw = (int)text_width(view_mark(tui_list_entry(t, k), t->lang).text);
		mw = tw > mw ? tw : mw;
	}
	return mw > MARK_WIDTH ? MARK_WIDTH : mw;
}

/* "+23": how many sub-status codes row i folds away, into c (empty: none). */
static int list_fold_text(struct tui *t, size_t i, char *c, size_t size)
{
	size_t n = tui_fold_count(t, i);
	c[0] = '\0';
	if (n)
		snprintf(c, size, "+%zu", n);
	return (int)strlen(c);
}

/* The columns the list asks for: marks, code, the widest standard English
 * phrase whole, and a compact mark after it. */
int pane_list_need(struct tui *t)
{
	return 2 + (t->search.active ? 5 : 0) + list_code_width(t) + 1 + list_en_width(t) + 1 + 2;
}

/* The phrase in rest columns: English whole first (its column as wide as
 * the list's widest standard English phrase), Chinese after it when both
 * are wanted and there is room. */
static void list_phrase(struct tui *t, const struct sc_entry *e, int y, int cx, int rest, attr_t a)
{
	int ew = list_en_width(t) + 2;
	if (t->lang == LANG_BOTH && pane_has(e->phrase_en) && pane_has(e->phrase_zh) && ew > 2 &&
	    rest >= ew + 8) {
		pane_row_text(t, y, cx, ew - 1, e->phrase_en, a);
		pane_row_text(t, y, cx + ew, rest - ew, e->phrase_zh, a);
	} else if (t->lang != LANG_ZH && pane_has(e->phrase_en) && (int)text_width(e->phrase_en) + 5 > rest) {
		pane_row_text(t, y, cx, rest, e->phrase_en, a);  /* no room for " · " and Chinese */
	} else {
		char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
		pane_row_text(t, y, cx, rest, ph, a);
		free(ph);
	}
}

static void list_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_entry *e = tui_list_entry(t, i);
	if (e == NULL)
		return;
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	int cx = x + 1;
	bool fuzzy = t->search.active && i < t->search.hits.n && t->search.hits.v[i].fuzzy;

	int studied = tui_is_marked(t, e) || fuzzy ? 0 : tui_study_mark(t, e);
	/* bookmark, close match, a card due, studied */
	screen_put(y, cx, 1, tui_is_marked(t, e) ? "\xE2\x98\x85" : fuzzy ? "~" : studied == 2 ? "!" :
	           studied ? "\xE2\x9C\x93" : " ", pane_in_row(a, studied == 1 ? PAL_SUCCESS : PAL_WARN));
	cx += 1;
	if (t->search.active && w >= 30) {
		pane_row_text(t, y, cx, 4, pane_protocol_tag(e->protocol), pane_in_row(a, PAL_DIM));
		cx += 5;
	}
	int codew = list_code_width(t);
	if (codew > x + w - cx)
		codew = x + w - cx;
	pane_row_text(t, y, cx, codew, e->code, pane_in_row(a, pane_code_style(e)));
	cx += codew + 1;
	/* at the right: the mark, and before it what the row folds ("+23");
	 * a standard code's mark in words only where its English phrase
	 * stays whole (the layout gives the list room for those phrases and
	 * a compact mark), else, as on any row too narrow for words, the
	 * mark in one column */
	int right = x + w;
	char fold[24];
	int fw = list_fold_text(t, i, fold, sizeof fold);
	int mw = list_mark_width(t);
	struct view_mark m = view_mark(e, t->lang);
	int room = right - cx - (mw + 1) - (fw ? fw + 1 : 0) - 1;
	if (mw && right - cx >= mw + 8 &&
	    (m.color != PAL_STANDARD || t->lang == LANG_ZH || !pane_has(e->phrase_en) ||
	     room >= (int)text_width(e->phrase_en))) {
		right -= mw + 1;
		pane_row_text(t, y, right, mw, m.text, pane_in_row(a, m.color));
	} else if (right - cx >= 3) {
		right -= 2;
		pane_row_text(t, y, right, 1, m.compact, pane_in_row(a, m.color));
	}
	if (fw && right - cx >= fw + 4) {
		right -= fw + 1;
		pane_row_text(t, y, right, fw, fold, pane_in_row(a, PAL_DIM));
	}
	if (right - 1 - cx > 0)
		list_phrase(t, e, y, cx, right - 1 - cx, a);
}

static unsigned list_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER) {
		if (tui_list_count(t) == 0)
			return PANE_DONE;
		/* a folded code's sub-status codes open under it, and the
		 * detail takes the focus as for any code */
		tui_fold_open(t, p->sel);
		tui_visit_current(t);
		return PANE_DONE | PANE_DOWN;
	}
	if (a == ACT_BACK) {
		if (tui_fold_close(t, p->sel))   /* on a fold's parent or one of its subs */
			return PANE_DONE;
		return PANE_DONE | PANE_UP;
	}
	return PANE_PASS;
}

const struct pane_ops pane_ops_list = {
	.selectable = true, .title = list_title, .rows = list_rows, .draw_row = list_draw_row,
	.request = list_request,
};

