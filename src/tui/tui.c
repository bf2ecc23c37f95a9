/* tui.c: the terminal browser's start and the one input loop (after
 * htop's ScreenManager): signals, then a frame, then one key, which goes to
 * the prompt, the digit jump, the active pane's request or the global
 * actions, in that order. The pane answers with result flags
 * (enum pane_result) that the loop acts on. Everything else is in the
 * files panes.h lists. */
#include "config.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbpath.h"
#include "exitcode.h"
#include "panes.h"
#include "terminal.h"
#include "xmalloc.h"

/* A message in the status line fades after this long. */
#define MESSAGE_MS 5000
/* Visits loaded from the user database at start. */
#define HISTORY_LOAD 200

/* Acts on what a pane's request answered. */
static void apply_result(struct tui *t, unsigned r)
{
	if ((r & PANE_DOWN) && t->focus + 1 < PANE_COUNT)
		tui_focus(t, (enum pane_id)(t->focus + 1));
	if ((r & PANE_UP) && t->focus > 0)
		tui_focus(t, (enum pane_id)(t->focus - 1));
	if (r & PANE_CLOSE)
		tui_close_overlay(t);
}

static void dispatch(struct tui *t, enum tui_action a)
{
	struct pane *p = tui_active(t);
	unsigned r = p->ops->request ? p->ops->request(t, p, a) : PANE_PASS;

	if (r != PANE_PASS) {
		apply_result(t, r);
		return;
	}
	if (pane_move(t, p, a))
		return;
	if (t->overlay != OV_NONE && (a == ACT_CANCEL || a == ACT_QUIT)) {
		tui_close_overlay(t);
		return;
	}
	tui_action_run(t, a);
}

static void handle_key(struct tui *t, const struct screen_key *k)
{
	if (t->prompt.kind != PROMPT_NONE) {
		tui_prompt_key(t, k);
		return;
	}
	if (t->overlay == OV_NONE && tui_jump_key(t, k))
		return;
	if (t->overlay == OV_STUDY && tui_study_key(t, k))
		return;
	enum tui_action a = keys_action(k);
	if (a != ACT_NONE)
		dispatch(t, a);
}

static struct pane *pane_at(struct tui *t, int y, int x)
{
	if (t->overlay != OV_NONE)
		return &t->overlays[t->overlay];
	for (int i = 0; i < PANE_COUNT; i++) {
		struct rect r = t->panes[i].r;
		if (r.h > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w)
			return &t->panes[i];
	}
	return NULL;
}

static void handle_mouse(struct tui *t)
{
	struct screen_mouse m;
	struct pane *p;

	if (!screen_mouse(&m) || t->too_small || t->prompt.kind != PROMPT_NONE ||
	    (p = pane_at(t, m.y, m.x)) == NULL)
		return;
	if (t->overlay == OV_NONE)
		tui_focus(t, (enum pane_id)(p - t->panes));
	switch (m.what) {
	case CLICK_SELECT:
		pane_click(t, p, m.y);
		break;
	case CLICK_OPEN:
		if (pane_click(t, p, m.y) || !p->ops->selectable)
			dispatch(t, ACT_ENTER);
		break;
	case WHEEL_UP:
	case WHEEL_DOWN:
		for (int i = 0; i < 3; i++)
			pane_move(t, p, m.what == WHEEL_UP ? ACT_UP : ACT_DOWN);
		break;
	case CLICK_NONE:
		break;
	}
}

static void tui_free(struct tui *t)
{
	sc_protocols_free(&t->protos);
	sc_classes_free(&t->classes);
	sc_entries_free(&t->list);
	tui_search_free(&t->search);
	tui_search_free(&t->saved);
	tui_entry_clear(&t->cur);
	tui_entry_clear(&t->cmp.a);
	sc_entry_clear(&t->cmp.b);
	sc_entries_free(&t->ov_rows);
	sc_entries_free(&t->seen);
	free(t->seen_n);
	userdata_refs_free(&t->marks);
	userdata_refs_free(&t->hist);
	tui_study_free(t);
	for (int i = 0; i < PANE_COUNT; i++)
		tlines_free(&t->panes[i].lines);
	for (int i = 0; i < OV_COUNT; i++)
		tlines_free(&t->overlays[i].lines);
	buf_free(&t->prompt.text);
	free(t->msg);
	userdata_close(t->ud);
}

/* Timers: the digit jump ends, messages fade. true when something changed. */
static bool tick(struct tui *t)
{
	long long now = terminal_now_ms();
	bool changed = tui_jump_expire(t, now);

	if (t->msg && now - t->msg_at > MESSAGE_MS) {
		free(t->msg);
		t->msg = NULL;
		changed = true;
	}
	return changed;
}

/* The browser reopens at the code it showed when it was left (the
 * setting "last": protocol and code). */
static void reopen_where_left(struct tui *t)
{
	char *last = userdata_get(t->ud, "last"), *sp = last ? strchr(last, ' ') : NULL;
	struct sc_entry e;

	if (sp) {
		*sp = '\0';
		if (tui_lookup_ref(t, last, sp + 1, &e)) {
			tui_goto(t, &e, false);
			sc_entry_clear(&e);
		}
	}
	free(last);
}

static void remember_where_left(struct tui *t)
{
	if (t->cur.id == 0 || t->cur.doc.e.protocol == NULL || t->cur.doc.e.code == NULL)
		return;
	char *last = xasprintf("%s %s", t->cur.doc.e.protocol, t->cur.doc.e.code);
	userdata_set(t->ud, "last", last);
	free(last);
}

/* The one input loop: signals, then a frame, then one key. */
static void run_loop(struct tui *t)
{
	bool dirty = true;

	t->layout_dirty = true;
	while (!t->quit && !terminal_quit_signal()) {
		if (terminal_take_stop()) {
			terminal_suspend();
			t->repaint = t->layout_dirty = dirty = true;
		}
		if (terminal_take_cont()) {
			screen_resume();
			t->repaint = t->layout_dirty = dirty = true;
		}
		if (dirty)
			tui_draw(t);
		struct screen_key k;
		if (!screen_read(&k, t->jump.digits[0] || t->msg ? 250 : 1000)) {
			dirty = tick(t);
			continue;
		}
		dirty = true;
		if (k.code && k.ch == KEY_RESIZE) {
			tui_relayout(t);
			continue;
		}
		if (k.code && k.ch == KEY_MOUSE) {
			handle_mouse(t);
			continue;
		}
		if (t->msg && !t->jump.digits[0]) {
			free(t->msg);
			t->msg = NULL;
		}
		handle_key(t, &k);
	}
}

/* The panes and overlays with their ops, the user's data and language. */
static void tui_init(struct tui *t, struct store *st, const struct tui_opts *o)
{
	static const struct pane_ops *const pane_ops[PANE_COUNT] = {
		[PANE_PROTO] = &pane_ops_proto, [PANE_CLASS] = &pane_ops_class, [PANE_LIST] = &pane_ops_list,
		[PANE_DETAIL] = &pane_ops_detail, [PANE_XREF] = &pane_ops_xref,
	};
	static const struct pane_ops *const overlay_ops[OV_COUNT] = {
		[OV_NONE] = &pane_ops_help, [OV_HELP] = &pane_ops_help, [OV_COMPARE] = &pane_ops_compare,
		[OV_MARKS] = &pane_ops_marks, [OV_HISTORY] = &pane_ops_history, [OV_SEEN] = &pane_ops_seen,
		[OV_STUDY] = &pane_ops_study,
	};

	/* the user's own data: silently absent when there is no usable home */
	char *dir = dbpath_user_dir();
	t->ud = userdata_open(dir);
	free(dir);
	char *saved_lang = userdata_get(t->ud, "lang");
	t->lang = LANG_BOTH;
	if (o->lang_set)
		t->lang = o->lang;
	else
		lang_parse(saved_lang, &t->lang);
	free(saved_lang);
	ui_set_lang(t->lang);
	userdata_bookmarks(t->ud, &t->marks);
	userdata_history(t->ud, HISTORY_LOAD, &t->hist);
	t->hist_pos = t->hist.n;
	t->st = st;

	for (int i = 0; i < PANE_COUNT; i++) {
		t->panes[i].ops = pane_ops[i];
		t->panes[i].built_w = -1;
	}
	for (int i = 0; i < OV_COUNT; i++) {
		t->overlays[i].ops = overlay_ops[i];
		t->overlays[i].built_w = -1;
	}
	t->focus = PANE_LIST;
	/* statuscodes browse FILE: open on the codes the input held */
	if (o->nseen) {
		t->seen_n = xcalloc(o->nseen, sizeof *t->seen_n);
		for (size_t i = 0; i < o->nseen; i++) {
			struct sc_entry e;
			if (!tui_lookup_ref(t, o->seen[i].protocol, o->seen[i].code, &e))
				continue;
			t->seen_n[t->seen.n] = o->seen[i].n;
			*LIST_PUSH(&t->seen) = e;
		}
		if (t->seen.n)
			tui_open_overlay(t, OV_SEEN);
	}
}

int tui_run(struct store *st, const struct tui_opts *o)
{
	struct tui t;
	char *cause = NULL;
	const char *force_ascii = getenv("STATUSCODES_ASCII");

	if (screen_check(&cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		return SC_EXIT_USAGE;
	}
	memset(&t, 0, sizeof t);
	if (store_protocols(st, &t.protos, &cause) != 0 || store_classes(st, NULL, &t.classes, &cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause ? cause : UI("the database cannot be read"));
		free(cause);
		tui_free(&t);
		return SC_EXIT_DB;
	}
	bool ascii = !terminal_locale_utf8() || (force_ascii && strcmp(force_ascii, "1") == 0);
	tui_init(&t, st, o);

	terminal_start();
	if (screen_open(o->color, ascii, &cause) != 0) {
		terminal_stop();
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		tui_free(&t);
		return SC_EXIT_USAGE;
	}
	keys_init();
	reopen_where_left(&t);
	run_loop(&t);
	remember_where_left(&t);
	screen_close();
	keys_free();
	tui_free(&t);
	terminal_stop();
	if (terminal_quit_signal())
		return terminal_die(terminal_quit_signal());
	return SC_EXIT_OK;
}
