/* pane_class.c: the classes of the selected protocol, with the selected
 * class's description under them. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

/* Columns a class's name keeps before its count gives up the folded part. */
#define CLASS_NAME_MIN 12

static void class_title(struct tui *t, struct pane *p, struct buf *b)
{
	char *s = UI_BI(t->lang, "Class");
	if (t->protos.n && t->panes[PANE_PROTO].sel < t->protos.n)
		buf_addf(b, "%s %s", label_protocol(t->protos.v[t->panes[PANE_PROTO].sel].id), s);
	else
		buf_adds(b, s);
	free(s);
}

static size_t class_rows(struct tui *t, struct pane *p)
{
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
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	/* how many rows the list shows with its folds closed (under r: the
	 * registered ones), and how many sub-status codes those fold
	 * ("44 +81") where that leaves the name room (not under r, which
	 * hides folds) */
	char count[48];
	int idw = (int)strlen(c->id) > 4 ? 9 : 4;
	int64_t top = t->standard ? c->top_registered : c->top;
	int cw = pane_count_text(count, sizeof count, top, c->count, !t->standard);
	if (w - (2 + idw + 1) - (cw + 1) < CLASS_NAME_MIN)
		cw = pane_count_text(count, sizeof count, top, c->count, false);
	int style = (int)palette_for_code(c->protocol, c->lo);
	int used = pane_row_text(t, y, x + 2, idw < w - 2 ? idw : w - 2, c->id, pane_in_row(a, style));
	char *name = pane_bi(t, c->name_en, c->name_zh);
	int nx = x + 2 + (used > idw ? used : idw) + 1;
	pane_row_text(t, y, nx, x + w - cw - 1 - nx, name, a);
	if (w > cw + idw + 8)
		screen_put(y, x + w - cw - 1, cw, count, pane_in_row(a, PAL_DIM));
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
		pane_draw_line(t, &l.v[i], y + (int)i, x, w);
	tlines_free(&l);
}

static unsigned class_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)
		return PANE_DONE | PANE_DOWN;
	if (a == ACT_BACK)
		return PANE_DONE | PANE_UP;
	return PANE_PASS;
}

static void class_moved(struct tui *t, struct pane *p)
{
	tui_class_moved(t);
}

const struct pane_ops pane_ops_class = {
	.selectable = true, .title = class_title, .rows = class_rows, .draw_row = class_draw_row,
	.footer = class_footer, .request = class_request, .moved = class_moved,
};

