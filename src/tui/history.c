/* history.c: the codes the user visited (back, forward, the history
 * overlay) and bookmarks, kept in the user database when there is one. */
#include "config.h"
#include "panes.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Visits kept in memory; older ones drop off the front. */
#define HISTORY_KEEP 1000

void tui_hist_push(struct tui *t, const struct sc_entry *e)
{
	if (e == NULL || e->id == 0)
		return;
	while (t->hist_pos + 1 < t->hist.n)  /* a new visit drops what was ahead */
		userdata_refs_remove(&t->hist, t->hist.n - 1);
	if (t->hist.n && tui_same_entry(e, t->hist.v[t->hist.n - 1].protocol, t->hist.v[t->hist.n - 1].code)) {
		t->hist_pos = t->hist.n - 1;
		return;
	}
	if (t->hist.n >= HISTORY_KEEP)
		userdata_refs_remove(&t->hist, 0);
	userdata_refs_push(&t->hist, e->protocol, e->code);
	t->hist_pos = t->hist.n - 1;
	/* a visit that cannot be stored is said once a session, with why */
	if (userdata_visit(t->ud, e->protocol, e->code) != 0 && !t->hist_unsaved_said) {
		t->hist_unsaved_said = true;
		tui_message(t, UI("history is kept for this session only (not saved: %s)"), tui_not_saved_why(t));
	}
}

void tui_visit_current(struct tui *t)
{
	if (t->cur.id)
		tui_hist_push(t, &t->cur.doc.e);
}

void tui_hist_go(struct tui *t, int dir)
{
	long n = (long)t->hist.n, pos = (long)t->hist_pos;

	if (n == 0) {
		tui_message(t, UI("no history yet: codes you open are remembered"));
		return;
	}
	long np = pos + dir;
	while (np >= 0 && np < n && t->cur.id && tui_same_entry(&t->cur.doc.e, t->hist.v[np].protocol, t->hist.v[np].code))
		np += dir;
	if (np < 0 || np >= n) {
		tui_message(t, "%s", dir < 0 ? UI("at the oldest entry of the history") : UI("at the newest entry of the history"));
		return;
	}
	struct sc_entry e;
	if (!tui_lookup_ref(t, t->hist.v[np].protocol, t->hist.v[np].code, &e)) {
		tui_message(t, UI("%s %s is no longer in the database"), t->hist.v[np].protocol, t->hist.v[np].code);
		userdata_refs_remove(&t->hist, (size_t)np);
		if (t->hist_pos > (size_t)np)
			t->hist_pos--;
		return;
	}
	tui_goto(t, &e, false);
	t->hist_pos = (size_t)np;
	sc_entry_clear(&e);
}

bool tui_is_marked(struct tui *t, const struct sc_entry *e)
{
	return e && e->protocol && e->code && userdata_refs_find(&t->marks, e->protocol, e->code) >= 0;
}

/* Why a user-data write was not done, for the status line (short: a
 * bookmark's message names the code too). */
static const char *not_saved_why(const struct tui *t)
{
	if (t->ud == NULL)
		return UI("no user data directory");
	if (!userdata_writable(t->ud))
		return UI("user data is read-only");  /* read-only file or a newer program's */
	return UI("user data cannot be written");  /* locked, damaged, not our schema */
}

const char *tui_not_saved_why(const struct tui *t)
{
	const char *why = userdata_readonly_reason(t->ud);
	return why ? why : not_saved_why(t);
}

void tui_toggle_mark(struct tui *t, const struct sc_entry *e)
{
	long i;

	if (e == NULL || e->id == 0)
		return;
	bool on = (i = userdata_refs_find(&t->marks, e->protocol, e->code)) < 0;
	/* the session keeps it either way; the message says whether it lasts */
	bool saved = userdata_bookmark(t->ud, e->protocol, e->code, on) == 0;
	if (on)
		userdata_refs_push(&t->marks, e->protocol, e->code);
	else
		userdata_refs_remove(&t->marks, (size_t)i);
	const char *p = label_protocol(e->protocol);
	if (saved)
		tui_message(t, on ? UI("bookmarked: %s %s") : UI("bookmark removed: %s %s"), p, e->code);
	else
		tui_message(t, on ? UI("bookmarked: %s %s, this session only (not saved: %s)")
		                  : UI("bookmark removed: %s %s, this session only (not saved: %s)"),
		            p, e->code, not_saved_why(t));
}

void tui_overlay_rows(struct tui *t, const struct userdata_refs *refs, bool reverse, size_t max)
{
	struct userdata_refs seen = {0};

	sc_entries_free(&t->ov_rows);
	for (size_t k = 0; k < refs->n && t->ov_rows.n < max; k++) {
		const struct userdata_ref *r = &refs->v[reverse ? refs->n - 1 - k : k];
		struct sc_entry e;
		if (userdata_refs_find(&seen, r->protocol, r->code) >= 0)
			continue;
		userdata_refs_push(&seen, r->protocol, r->code);
		if (!tui_lookup_ref(t, r->protocol, r->code, &e))
			continue;
		*LIST_PUSH(&t->ov_rows) = e;
	}
	userdata_refs_free(&seen);
}
