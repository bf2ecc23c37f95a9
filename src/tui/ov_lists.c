/* ov_lists.c: the bookmark, history and "Seen" overlays: lists of codes
 * that open on Enter. The rows of the first two are t->ov_rows, those of
 * Seen (statuscodes browse FILE) t->seen, with their counts. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static size_t ov_rows(struct tui *t, struct pane *p)
{
	return t->ov_rows.n;
}

/* One code of a list, with a count first when count is not NULL. */
static void code_row(struct tui *t, struct pane *p, const struct sc_entry *e, const uint64_t *count,
                     int y, int x, int w, bool sel)
{
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	int cx = x + 2;
	if (count) {
		char n[24];
		snprintf(n, sizeof n, "%9llu", (unsigned long long)*count);
		cx += pane_row_text(t, y, cx, x + w - cx, n, a) + 2;
	}
	pane_row_text(t, y, cx, 4, pane_protocol_tag(e->protocol), pane_in_row(a, PAL_DIM));
	cx += 5;
	int used = pane_row_text(t, y, cx, x + w - cx, e->code, pane_in_row(a, pane_code_style(e)));
	cx += (used > 9 ? used : 9) + 1;
	char *ph = pane_bi(t, e->phrase_en, e->phrase_zh);
	pane_row_text(t, y, cx, x + w - cx, ph, a);
	free(ph);
}

static void ov_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	if (i < t->ov_rows.n)
		code_row(t, p, &t->ov_rows.v[i], NULL, y, x, w, sel);
}

static size_t seen_rows(struct tui *t, struct pane *p)
{
	return t->seen.n;
}

static void seen_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	if (i < t->seen.n)
		code_row(t, p, &t->seen.v[i], &t->seen_n[i], y, x, w, sel);
}

/* Appends an overlay's heading s (UI_BI: "Seen · ..."), and frees it. */
static void ov_heading(struct buf *b, char *s)
{
	buf_adds(b, s);
	free(s);
}

static void seen_title(struct tui *t, struct pane *p, struct buf *b)
{
	char key[16];
	ov_heading(b, UI_BI(t->lang, "Seen"));
	buf_addf(b, UI(", most first  (Enter: open, %s: close)"), keys_first(ACT_CANCEL, key, sizeof key));
}

static void marks_title(struct tui *t, struct pane *p, struct buf *b)
{
	char key[16], key2[16];
	ov_heading(b, UI_BI(t->lang, "Bookmarks"));
	buf_addf(b, UI("  (Enter: open, %s: remove, %s: close)"),
	         keys_first(ACT_MARK, key, sizeof key), keys_first(ACT_CANCEL, key2, sizeof key2));
}

static void history_title(struct tui *t, struct pane *p, struct buf *b)
{
	char key[16];
	ov_heading(b, UI_BI(t->lang, "History"));
	buf_addf(b, UI(", newest first  (Enter: open, %s: close)"),
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
	char *s = xasprintf(UI("No bookmarks yet: press %s on a code."), keys_first(ACT_MARK, key, sizeof key));
	ov_empty(t, y, x, w, h, s);
	free(s);
}

static void history_footer(struct tui *t, struct pane *p, int y, int x, int w, int h)
{
	ov_empty(t, y, x, w, h, UI("No history yet: the codes you open are remembered here."));
}

/* Enter on a bookmark, history or Seen row: show that code. */
static unsigned ov_open(struct tui *t, struct pane *p)
{
	const struct sc_entries *rows = t->overlay == OV_SEEN ? &t->seen : &t->ov_rows;
	if (p->sel < rows->n) {
		struct sc_entry e;
		sc_entry_copy(&e, &rows->v[p->sel]);
		tui_close_overlay(t);
		tui_visit_current(t);
		tui_goto(t, &e, true);
		tui_focus(t, PANE_DETAIL);
		sc_entry_clear(&e);
	}
	return PANE_DONE;
}

static unsigned marks_request(struct tui *t, struct pane *p, enum tui_action a)
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
		return PANE_DONE;
	case ACT_BACK:
		return PANE_DONE;
	default:
		return PANE_PASS;
	}
}

static unsigned history_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)
		return ov_open(t, p);
	return a == ACT_BACK ? PANE_DONE : PANE_PASS;
}

const struct pane_ops pane_ops_marks = {
	.selectable = true, .title = marks_title, .rows = ov_rows, .draw_row = ov_draw_row,
	.footer = marks_footer, .request = marks_request,
};

const struct pane_ops pane_ops_history = {
	.selectable = true, .title = history_title, .rows = ov_rows, .draw_row = ov_draw_row,
	.footer = history_footer, .request = history_request,
};

const struct pane_ops pane_ops_seen = {
	.selectable = true, .title = seen_title, .rows = seen_rows, .draw_row = seen_draw_row,
	.request = history_request,
};
