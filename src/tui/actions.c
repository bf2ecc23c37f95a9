/* actions.c: what the actions that belong to no pane do (quit, help,
 * language, search, compare, bookmarks, history, panes), in one table the
 * loop consults after the active pane's own request. */
#include "config.h"
#include "panes.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static void do_quit(struct tui *t) { t->quit = true; }

static void do_help(struct tui *t)
{
	if (t->overlay == OV_HELP)
		tui_close_overlay(t);
	else
		tui_open_overlay(t, OV_HELP);
}

static void do_lang(struct tui *t)
{
	t->lang = lang_next(t->lang);
	ui_set_lang(t->lang);
	bool saved = userdata_set(t->ud, "lang", lang_name(t->lang)) == 0;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_invalidate(&t->panes[i]);
	for (int i = 0; i < OV_COUNT; i++)
		pane_invalidate(&t->overlays[i]);
	/* the interface speaks t->lang now: English for both, with its 中文 */
	char *name = t->lang == LANG_EN ? xstrdup(UI("language: English"))
	             : t->lang == LANG_ZH ? xstrdup(UI("language: Chinese"))
	                                  : xasprintf(UI("language: English + %s"), UI_ZH("Chinese"));
	if (saved)
		tui_message(t, "%s", name);
	else
		tui_message(t, UI("%s, this session only (not saved: %s)"), name, tui_not_saved_why(t));
	free(name);
}

static void do_search(struct tui *t)
{
	tui_close_overlay(t);
	tui_prompt_open(t, PROMPT_SEARCH);
}

static void do_match(struct tui *t, int dir)
{
	struct pane *lp = &t->panes[PANE_LIST];
	size_t n = t->search.hits.n;

	if (!t->search.active || n == 0) {
		char key[16];
		tui_message(t, UI("no search results: press %s to search"), keys_first(ACT_SEARCH, key, sizeof key));
		return;
	}
	lp->sel = dir > 0 ? (lp->sel + 1) % n : (lp->sel + n - 1) % n;
	pane_clamp(t, lp);
	tui_message(t, UI("result %zu of %zu"), lp->sel + 1, n);
}

static void do_next_match(struct tui *t) { do_match(t, 1); }
static void do_prev_match(struct tui *t) { do_match(t, -1); }

static void do_compare(struct tui *t)
{
	if (t->cur.id == 0) {
		tui_message(t, UI("select a code first"));
		return;
	}
	if (!tui_compare(t, 0, NULL))
		tui_prompt_open(t, PROMPT_COMPARE);  /* no confusable peer: ask for one */
}

static void do_compare_with(struct tui *t)
{
	tui_close_overlay(t);
	if (t->cur.id == 0) {
		tui_message(t, UI("select a code first"));
		return;
	}
	tui_prompt_open(t, PROMPT_COMPARE);
}

static void do_mark(struct tui *t)
{
	if (t->cur.id == 0)
		tui_message(t, UI("select a code first"));
	else
		tui_toggle_mark(t, &t->cur.doc.e);
}

static void do_marks(struct tui *t)
{
	tui_close_overlay(t);
	tui_overlay_rows(t, &t->marks, false, (size_t)-1);
	tui_open_overlay(t, OV_MARKS);
}

static void do_history(struct tui *t)
{
	tui_close_overlay(t);
	tui_overlay_rows(t, &t->hist, true, 100);
	tui_open_overlay(t, OV_HISTORY);
}

static void do_seen(struct tui *t)
{
	tui_close_overlay(t);
	if (t->seen.n)
		tui_open_overlay(t, OV_SEEN);
	else
		tui_message(t, UI("No codes seen: give the browser a file (statuscodes browse FILE)."));
}

static void do_hist_back(struct tui *t) { tui_hist_go(t, -1); }
static void do_hist_fwd(struct tui *t) { tui_hist_go(t, 1); }
static void do_redraw(struct tui *t) { t->repaint = true; t->layout_dirty = true; }

static void do_cancel(struct tui *t)
{
	if (t->search.active) {
		/* back to browsing, at the code that was selected */
		struct sc_entry e = {0};
		if (t->cur.id)
			sc_entry_copy(&e, &t->cur.doc.e);
		tui_search_leave(t);
		t->list_loaded = false;
		if (e.id)
			tui_goto(t, &e, false);
		sc_entry_clear(&e);
	}
}

/* Registered codes only, or all of them again: the class list reloads,
 * at the code that was selected or, when the view hides it, its parent. */
static void do_standard(struct tui *t)
{
	struct pane *lp = &t->panes[PANE_LIST];
	const struct sc_entry *e = t->search.active ? NULL : tui_list_entry(t, lp->sel);
	int64_t id = e ? e->id : 0, parent = e ? e->parent : 0;

	t->standard = !t->standard;
	if (t->search.active) {
		tui_search_redo(t);
	} else {
		t->list_loaded = false;
		tui_ensure_data(t);
		size_t at = 0;
		for (size_t i = 0; i < t->list.n; i++)
			if (t->list.v[i].id == id || (t->list.v[i].id == parent && at == 0))
				at = i;
		lp->sel = at;
		pane_clamp(t, lp);
	}
	t->layout_dirty = true;
	tui_message(t, "%s", t->standard ? UI("registered codes only: vendors' and sub-status codes hidden")
	                                 : UI("all codes: vendor and sub-status codes shown"));
}

static void do_study(struct tui *t)
{
	tui_close_overlay(t);
	tui_study_open(t);
}

/* The next pane in dir, past the cross-references when there are none
 * (that pane then takes no room). */
static void step_pane(struct tui *t, int dir)
{
	enum pane_id id = (enum pane_id)((t->focus + PANE_COUNT + dir) % PANE_COUNT);
	if (id == PANE_XREF && pane_xref_count(t) == 0)
		id = (enum pane_id)((id + PANE_COUNT + dir) % PANE_COUNT);
	tui_focus(t, id);
}

static void do_next_pane(struct tui *t) { step_pane(t, 1); }
static void do_prev_pane(struct tui *t) { step_pane(t, -1); }

/* What each global action does, and whether it works over an overlay
 * (closing it or replacing it). Pane actions (Enter, Backspace, moves) are
 * in the panes' ops. */
static const struct {
	enum tui_action action;
	bool over_overlay;
	void (*run)(struct tui *t);
} global_actions[] = {
	{ ACT_QUIT, false, do_quit },             { ACT_QUIT_NOW, true, do_quit },
	{ ACT_HELP, true, do_help },              { ACT_LANG, true, do_lang },
	{ ACT_SEARCH, true, do_search },          { ACT_NEXT_MATCH, false, do_next_match },
	{ ACT_PREV_MATCH, false, do_prev_match }, { ACT_COMPARE, false, do_compare },
	{ ACT_COMPARE_WITH, true, do_compare_with }, { ACT_MARK, false, do_mark },
	{ ACT_MARKS, true, do_marks },            { ACT_HISTORY, true, do_history },
	{ ACT_SEEN, true, do_seen },              { ACT_STANDARD, false, do_standard },
	{ ACT_STUDY, true, do_study },
	{ ACT_HIST_BACK, false, do_hist_back },   { ACT_HIST_FWD, false, do_hist_fwd },
	{ ACT_REDRAW, true, do_redraw },          { ACT_CANCEL, false, do_cancel },
	{ ACT_NEXT_PANE, false, do_next_pane },   { ACT_PREV_PANE, false, do_prev_pane },
};

bool tui_action_run(struct tui *t, enum tui_action a)
{
	for (size_t i = 0; i < sizeof global_actions / sizeof global_actions[0]; i++) {
		if (global_actions[i].action != a)
			continue;
		if (t->overlay == OV_NONE || global_actions[i].over_overlay)
			global_actions[i].run(t);
		return true;
	}
	return false;
}
