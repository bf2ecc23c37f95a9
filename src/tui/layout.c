/* layout.c: the one relayout function (htop's ScreenManager_resize) that
 * gives each pane its rectangle for the terminal's size and the focus, and
 * the frame around the panes: the title bar, the status bar (prompt, digit
 * jump, message or key hints) and the "terminal too small" screen. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

/* Below this size the browser shows only "terminal too small". */
#define MIN_COLS 30
#define MIN_ROWS 8

/* Which column group a pane belongs to: 0 protocol and class, 1 codes,
 * 2 detail and cross-references. */
static int group_of(enum pane_id id)
{
	return id <= PANE_CLASS ? 0 : id == PANE_LIST ? 1 : 2;
}

/* Two panes stacked in r, a on top with about ha rows; when r is too short
 * for both, only the focused one (or a). */
static void place_stack(struct tui *t, enum pane_id a, enum pane_id b, struct rect r, int ha)
{
	if (r.h < 6) {
		t->panes[t->focus == b ? b : a].r = r;
		return;
	}
	if (ha > r.h - 2)
		ha = r.h - 2;
	if (ha < 2)
		ha = 2;
	t->panes[a].r = (struct rect){ r.y, r.x, ha, r.w };
	t->panes[b].r = (struct rect){ r.y + ha, r.x, r.h - ha, r.w };
}

static void place_group(struct tui *t, int g, struct rect r)
{
	if (g == 0) {
		place_stack(t, PANE_PROTO, PANE_CLASS, r, (int)t->protos.n + 1);
	} else if (g == 1) {
		t->panes[PANE_LIST].r = r;
	} else {
		int nx = (int)pane_xref_count(t), most = r.h * 2 / 5 > 3 ? r.h * 2 / 5 : 3;
		if (nx == 0) {
			/* no cross-references: the pane takes no room */
			t->panes[PANE_DETAIL].r = r;
			if (t->focus == PANE_XREF)
				t->focus = PANE_DETAIL;
			return;
		}
		int xh = nx + 1;
		place_stack(t, PANE_DETAIL, PANE_XREF, r, r.h - (xh < most ? xh : most));
	}
}

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The one layout function: pane rectangles for the terminal size and the
 * focus. Wide: all three column groups; medium: the focused group and its
 * neighbour; narrow: the focused group alone. */
void tui_relayout(struct tui *t)
{
	int W, H, first, count, w[3] = { 0, 0, 0 };

	screen_size(&t->rows, &t->cols);
	W = t->cols;
	H = t->rows;
	t->layout_dirty = false;
	t->nsep = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		t->panes[i].r = (struct rect){ 0, 0, 0, 0 };
	for (int i = 0; i < OV_COUNT; i++)
		t->overlays[i].r = (struct rect){ 0, 0, 0, 0 };
	t->too_small = H < MIN_ROWS || W < MIN_COLS;
	if (t->too_small)
		return;
	struct rect content = { 1, 0, H - 2, W };
	for (int i = 1; i < OV_COUNT; i++)
		t->overlays[i].r = content;

	int g = group_of(t->focus), need = t->list_need = pane_list_need(t);
	/* the code list is as wide as its English phrases need, leaving the
	 * detail at least about 36 columns */
	if (W >= 120) {
		first = 0;
		count = 3;
		w[0] = W >= 150 ? 28 : 24;
		w[1] = clamp_int((W - w[0]) * 2 / 5, 34, 56);
		w[1] = w[1] > need ? w[1] : need < W - w[0] - 42 ? need : W - w[0] - 42 > w[1] ? W - w[0] - 42 : w[1];
		w[2] = W - w[0] - w[1] - 2;
	} else if (W >= 76) {
		count = 2;
		first = g == 0 ? 0 : 1;
		if (first == 0) {
			w[0] = clamp_int(W / 3, 24, 32);
			w[1] = W - w[0] - 1;
		} else {
			w[1] = clamp_int(W * 2 / 5, 28, 48);
			w[1] = w[1] > need ? w[1] : need < W - 37 ? need : W - 37 > w[1] ? W - 37 : w[1];
			w[2] = W - w[1] - 1;
		}
	} else {
		first = g;
		count = 1;
		w[g] = W;
	}
	int x = 0;
	for (int k = first; k < first + count; k++) {
		place_group(t, k, (struct rect){ content.y, x, content.h, w[k] });
		x += w[k];
		if (k + 1 < first + count) {
			t->sep_x[t->nsep++] = x;
			x++;
		}
	}
	for (int i = 0; i < PANE_COUNT; i++)
		pane_clamp(t, &t->panes[i]);
}

static void draw_too_small(struct tui *t)
{
	char need[64], have[64];
	snprintf(need, sizeof need, UI("needs at least %dx%d,"), MIN_COLS, MIN_ROWS);
	snprintf(have, sizeof have, UI("this one is %dx%d."), t->cols, t->rows);
	const char *lines[] = { UI("Terminal too small:"), need, have, UI("Enlarge it, or press q to quit.") };
	int n = (int)(sizeof lines / sizeof lines[0]);
	int y0 = t->rows > n ? (t->rows - n) / 2 : 0;

	for (int i = 0; i < n && y0 + i < t->rows; i++) {
		int w = (int)text_width(lines[i]);
		int x = t->cols > w ? (t->cols - w) / 2 : 0;
		screen_put(y0 + i, x, t->cols, lines[i], i == 0 ? screen_attr(PAL_WARN) : A_NORMAL);
	}
}

static void draw_title(struct tui *t)
{
	struct buf b = {0};
	attr_t a = screen_attr(PAL_HEADING);
	char right[32];   /* the languages shown: [EN], [中文], [EN+中文] */
	snprintf(right, sizeof right, t->lang == LANG_EN ? "[EN]" : t->lang == LANG_ZH ? "[%s]" : "[EN+%s]",
	         UI_ZH("Chinese"));
	int rw = (int)text_width(right);

	buf_adds(&b, "statuscodes");
	if (t->search.active) {
		buf_addf(&b, UI(" \xE2\x80\xBA search \"%s\""), buf_str(&t->search.query));
	} else {
		size_t ps = t->panes[PANE_PROTO].sel, first, n;
		tui_class_range(t, &first, &n);
		if (ps < t->protos.n)
			buf_addf(&b, " \xE2\x80\xBA %s", label_protocol(t->protos.v[ps].id));
		if (t->panes[PANE_CLASS].sel < n)
			buf_addf(&b, " \xE2\x80\xBA %s", t->classes.v[first + t->panes[PANE_CLASS].sel].id);
	}
	if (t->cur.id)
		buf_addf(&b, " \xE2\x80\xBA %s", t->cur.doc.e.code);
	screen_fill(0, 0, t->cols, a);
	screen_put(0, 0, t->cols - rw - 1, buf_str(&b), a);
	screen_put(0, t->cols - rw, rw, right, a);
	buf_free(&b);
}

static void draw_status(struct tui *t)
{
	int y = t->rows - 1, W = t->cols;
	struct buf b = {0};

	if (t->prompt.kind != PROMPT_NONE) {
		char *label = t->prompt.kind == PROMPT_SEARCH
		              ? xstrdup("/")
		              : xasprintf(UI("compare %s %s with (a code, or ftp 530): "),
		                          label_protocol(t->cur.doc.e.protocol), t->cur.doc.e.code ? t->cur.doc.e.code : "");
		char count[48] = "";
		if (t->prompt.kind == PROMPT_SEARCH && t->search.active)
			snprintf(count, sizeof count, "  %zu%s", t->search.hits.n,
			         t->search.hits.n && t->search.hits.v[0].fuzzy ? UI(" close") : "");
		int lw = screen_put(y, 0, W - 1, label, screen_attr(PAL_HEADING));
		int cw = (int)text_width(count);
		int room = W - lw - 1 - (cw < W / 3 ? cw : 0);
		const char *text = buf_str(&t->prompt.text);
		/* show the end of what was typed when it is wider than the room */
		while ((int)text_width(text) > room && *text) {
			uint32_t cp;
			int n = utf8_decode(text, strlen(text), &cp);
			text += n > 0 ? n : 1;
		}
		int used = screen_put(y, lw, room, text, A_NORMAL);
		if (cw && cw < W / 3)
			screen_put(y, W - cw - 1, cw, count, screen_attr(PAL_DIM));
		screen_cursor(y, lw + used < W ? lw + used : W - 1);
		free(label);
		return;
	}
	if (t->jump.digits[0]) {
		buf_addf(&b, UI("go to: %s%s%s"), t->jump.digits, t->msg ? "  " : "", t->msg ? t->msg : "");
		screen_put(y, 0, W, buf_str(&b), screen_attr(PAL_HEADING));
		buf_free(&b);
		return;
	}
	if (t->msg) {
		text_fit(&b, t->msg, (size_t)W, false, true);
		screen_put(y, 0, W, buf_str(&b), screen_attr(PAL_WARN));
		buf_free(&b);
		return;
	}
	const struct { enum tui_action a; const char *what; } hints[] = {
		{ ACT_HELP, UI("help") }, { ACT_SEARCH, UI("search") }, { ACT_ENTER, UI("open") },
		{ ACT_BACK, UI("back") }, { ACT_COMPARE, UI("compare") }, { ACT_LANG, UI("language") },
		{ ACT_MARK, UI("bookmark") }, { ACT_QUIT, UI("quit") },
	};
	/* as many hints as fit, and always the last one, how to quit */
	size_t nh = sizeof hints / sizeof hints[0];
	char key[16], *quit = xasprintf("%s %s", keys_first(hints[nh - 1].a, key, sizeof key), hints[nh - 1].what);
	int qw = (int)text_width(quit);
	for (size_t i = 0; i + 1 < nh; i++) {
		char *h = xasprintf("%s %s", keys_first(hints[i].a, key, sizeof key), hints[i].what);
		if ((int)(text_width(buf_str(&b)) + 2 + text_width(h)) + 2 + qw <= W)
			buf_addf(&b, "%s%s", i ? "  " : "", h);
		free(h);
	}
	buf_addf(&b, "%s%s", b.len ? "  " : "", quit);
	screen_put(y, 0, W, buf_str(&b), screen_attr(PAL_DIM));
	free(quit);
	buf_free(&b);
}

void tui_draw(struct tui *t)
{
	tui_ensure_data(t);
	if (t->layout_dirty || pane_list_need(t) != t->list_need)
		tui_relayout(t);
	screen_erase();
	if (t->too_small) {
		draw_too_small(t);
	} else {
		draw_title(t);
		for (int i = 0; i < PANE_COUNT; i++)
			if (t->panes[i].r.h > 0)
				pane_draw(t, &t->panes[i], t->overlay == OV_NONE && t->focus == (enum pane_id)i);
		for (int i = 0; i < t->nsep; i++)
			screen_vline(1, t->sep_x[i], t->rows - 2, screen_attr(PAL_DIM));
		if (t->overlay != OV_NONE) {
			struct pane *o = &t->overlays[t->overlay];
			for (int y = o->r.y; y < o->r.y + o->r.h; y++)
				screen_fill(y, o->r.x, o->r.w, A_NORMAL);
			pane_draw(t, o, true);
		}
		draw_status(t);
	}
	screen_update(t->repaint);
	t->repaint = false;
}
