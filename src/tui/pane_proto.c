/* pane_proto.c: the protocol pane, the top level of the browser. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static void proto_title(struct tui *t, struct pane *p, struct buf *b)
{
	char *s = UI_BI(t->lang, "Protocol");
	buf_adds(b, s);
	free(s);
}

static size_t proto_rows(struct tui *t, struct pane *p)
{
	return t->protos.n;
}

static void proto_draw_row(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
	const struct sc_protocol *pr = &t->protos.v[i];
	attr_t a = pane_row_begin(t, p, y, x, w, sel);
	char count[48];
	char *name = t->lang == LANG_ZH && pane_has(pr->name_zh) ? xstrdup(pr->name_zh) : xstrdup(pr->name_en);
	/* the codes its lists show with folds closed (under r: the registered
	 * ones); how many they fold where the name stays whole (not under r,
	 * which hides them) */
	int64_t top = t->standard ? pr->top_registered : pr->top;
	int cw = pane_count_text(count, sizeof count, top, pr->count, !t->standard);
	if ((int)text_width(name) > w - 3 - cw)
		cw = pane_count_text(count, sizeof count, top, pr->count, false);
	/* both: the Chinese name too when it fits whole */
	if (t->lang == LANG_BOTH && pane_has(pr->name_zh) &&
	    (int)(text_width(pr->name_en) + 1 + text_width(pr->name_zh)) <= w - 3 - cw) {
		free(name);
		name = xasprintf("%s %s", pr->name_en, pr->name_zh);
	}
	pane_row_text(t, y, x + 2, w - 3 - cw, name, pane_in_row(a, PAL_HEADING));
	if (w > cw + 6)
		screen_put(y, x + w - cw - 1, cw, count, pane_in_row(a, PAL_DIM));
	free(name);
}

static unsigned proto_request(struct tui *t, struct pane *p, enum tui_action a)
{
	if (a == ACT_ENTER)
		return PANE_DONE | PANE_DOWN;
	if (a == ACT_BACK)
		return PANE_DONE;  /* the top: nowhere to go */
	return PANE_PASS;
}

static void proto_moved(struct tui *t, struct pane *p)
{
	tui_protocol_moved(t);
}

const struct pane_ops pane_ops_proto = {
	.selectable = true, .title = proto_title, .rows = proto_rows, .draw_row = proto_draw_row,
	.request = proto_request, .moved = proto_moved,
};

