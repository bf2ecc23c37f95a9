/* pane_list.c: the code list: the selected class's codes, or the search
 * results while a search is kept. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static void list_title(struct tui *t, struct pane *p, struct buf *b)
{
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
	return tui_list_count(t);
}

static void list_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_entry *e = tui_list_entry(t, i);
	if (e == NULL)
		return;
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	int cx = x + 1;
	bool fuzzy = t->search.active && i < t->search.hits.n && t->search.hits.v[i].fuzzy;

	screen_put(y, cx, 1, tui_is_marked(t, e) ? "\xE2\x98\x85" : fuzzy ? "~" : " ", pane_in_row(a, PAL_WARN));
	cx += 1;
	if (t->search.active && w >= 30) {
		pane_row_text(t, y, cx, 4, pane_protocol_tag(e->protocol), pane_in_row(a, PAL_DIM));
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
	pane_row_text(t, y, cx, codew, e->code, pane_in_row(a, pane_code_style(e)));
	cx += codew + 1;
	int rest = x + w - cx;
	if (rest <= 0)
		return;
	if (t->lang == LANG_BOTH && pane_has(e->phrase_en) && pane_has(e->phrase_zh) && rest >= 30) {
		int ew = rest * 11 / 20;
		pane_row_text(t, y, cx, ew - 1, e->phrase_en, a);
		pane_row_text(t, y, cx + ew, rest - ew, e->phrase_zh, a);
	} else {
		char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
		pane_row_text(t, y, cx, rest, ph, a);
		free(ph);
	}
}

static unsigned list_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER) {
		if (tui_list_count(t) == 0)
			return PANE_DONE;
		tui_visit_current(t);
		return PANE_DONE | PANE_DOWN;
	}
	if (a == ACT_BACK)
		return PANE_DONE | PANE_UP;
	return PANE_PASS;
}

const struct pane_ops pane_ops_list = {
	.selectable = true, .title = list_title, .rows = list_rows, .draw_row = list_draw_row,
	.request = list_request,
};

