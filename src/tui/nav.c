/* nav.c: what the browser has selected and loaded, and moving to a code:
 * the services the panes and the loop share (see panes.h). */
#include "config.h"
#include "panes.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "terminal.h"
#include "xmalloc.h"

struct pane *tui_active(struct tui *t)
{
	return t->overlay != OV_NONE ? &t->overlays[t->overlay] : &t->panes[t->focus];
}

size_t tui_list_count(struct tui *t)
{
	return t->search.active ? t->search.hits.n : t->list.n;
}

const struct sc_entry *tui_list_entry(struct tui *t, size_t i)
{
	if (t->search.active)
		return i < t->search.hits.n ? &t->search.hits.v[i].e : NULL;
	return i < t->list.n ? &t->list.v[i] : NULL;
}

void tui_class_range(struct tui *t, size_t *first, size_t *count)
{
	size_t ps = t->panes[PANE_PROTO].sel;
	*first = 0;
	*count = 0;
	if (ps >= t->protos.n)
		return;
	const char *id = t->protos.v[ps].id;
	for (size_t i = 0; i < t->classes.n; i++) {
		if (strcmp(t->classes.v[i].protocol, id) != 0)
			continue;
		if (*count == 0)
			*first = i;
		(*count)++;
	}
}

const struct sc_class *tui_class_of(struct tui *t, const char *protocol, const char *class_id)
{
	for (size_t i = 0; protocol && class_id && i < t->classes.n; i++)
		if (strcmp(t->classes.v[i].protocol, protocol) == 0 && strcmp(t->classes.v[i].id, class_id) == 0)
			return &t->classes.v[i];
	return NULL;
}

void tui_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	free(t->msg);
	va_start(ap, fmt);
	t->msg = xvasprintf(fmt, ap);
	va_end(ap);
	t->msg_at = terminal_now_ms();
}

void tui_store_error(struct tui *t, char *cause)
{
	tui_message(t, "%s", cause ? cause : UI("the database cannot be read"));
	free(cause);
}

void tui_focus(struct tui *t, enum pane_id id)
{
	if (t->focus != id) {
		t->focus = id;
		t->layout_dirty = true;
	}
}

void tui_entry_clear(struct tui_entry *te)
{
	view_entry_free(&te->doc);
	te->id = 0;
}

int tui_entry_show(struct tui *t, struct tui_entry *te, const struct sc_entry *e)
{
	char *cause = NULL;

	tui_entry_clear(te);
	if (e == NULL)
		return 0;
	te->id = e->id;  /* also on failure: not loaded again at every frame */
	if (view_entry_load(t->st, e, t->lang, &te->doc, &cause) != 0) {
		view_entry_free(&te->doc);
		sc_entry_copy(&te->doc.e, e);
		te->doc.lang = t->lang;
		tui_store_error(t, cause);
		return -1;
	}
	return 0;
}

bool tui_same_entry(const struct sc_entry *e, const char *protocol, const char *code)
{
	return e && e->protocol && e->code && strcmp(e->protocol, protocol) == 0 && strcmp(e->code, code) == 0;
}

bool tui_lookup_ref(struct tui *t, const char *protocol, const char *code, struct sc_entry *out)
{
	struct sc_entries found = {0};
	char *cause = NULL;
	bool ok = false;

	if (store_lookup(t->st, protocol, code, &found, &cause) != 0) {
		tui_store_error(t, cause);
		return false;
	}
	for (size_t i = 0; i < found.n && !ok; i++)
		if (strcmp(found.v[i].code, code) == 0) {
			*out = found.v[i];
			memset(&found.v[i], 0, sizeof found.v[i]);
			ok = true;
		}
	sc_entries_free(&found);
	return ok;
}

/* ---- loading what the panes show ----------------------------------------- */

static void load_list(struct tui *t)
{
	size_t first, n;
	char *cause = NULL;

	sc_entries_free(&t->list);
	t->list_loaded = true;
	tui_class_range(t, &first, &n);
	size_t cs = t->panes[PANE_CLASS].sel;
	if (cs >= n)
		return;
	const struct sc_class *c = &t->classes.v[first + cs];
	/* the top-level codes only: a fold's subs are read when it opens */
	if (store_list_top(t->st, c->protocol, c->id, &t->list, &cause) != 0)
		tui_store_error(t, cause);
	if (t->standard)
		sc_entries_keep_registered(&t->list);
}

bool tui_fold_is_open(struct tui *t, size_t i)
{
	return !t->search.active && i + 1 < t->list.n && t->list.v[i].parent == 0 &&
	       t->list.v[i + 1].parent == t->list.v[i].id;
}

size_t tui_fold_count(struct tui *t, size_t i)
{
	if (t->search.active || t->standard || i >= t->list.n || tui_fold_is_open(t, i))
		return 0;
	return t->list.v[i].nsubs;
}

bool tui_fold_open(struct tui *t, size_t i)
{
	struct sc_entries subs = {0};
	char *cause = NULL;

	if (tui_fold_count(t, i) == 0)
		return false;
	if (store_list_subs(t->st, t->list.v[i].id, &subs, &cause) != 0) {
		tui_store_error(t, cause);
		return false;
	}
	/* the subs go in right after their parent */
	size_t k = subs.n, tail = t->list.n - (i + 1);
	for (size_t j = 0; j < k; j++)
		LIST_PUSH(&t->list);
	memmove(&t->list.v[i + 1 + k], &t->list.v[i + 1], tail * sizeof t->list.v[0]);
	memcpy(&t->list.v[i + 1], subs.v, k * sizeof subs.v[0]);
	free(subs.v);
	return k > 0;
}

bool tui_fold_close(struct tui *t, size_t i)
{
	if (t->search.active || i >= t->list.n)
		return false;
	size_t p = i;
	if (t->list.v[i].parent != 0)
		while (p > 0 && t->list.v[p].id != t->list.v[i].parent)
			p--;
	if (!tui_fold_is_open(t, p))
		return false;
	size_t end = p + 1;
	while (end < t->list.n && t->list.v[end].parent == t->list.v[p].id)
		sc_entry_clear(&t->list.v[end++]);
	memmove(&t->list.v[p + 1], &t->list.v[end], (t->list.n - end) * sizeof t->list.v[0]);
	t->list.n -= end - (p + 1);
	struct pane *lp = &t->panes[PANE_LIST];
	if (lp->sel > p && lp->sel < end)
		lp->sel = p;
	else if (lp->sel >= end)
		lp->sel -= end - (p + 1);
	pane_clamp(t, lp);
	return true;
}

void tui_ensure_data(struct tui *t)
{
	struct pane *lp = &t->panes[PANE_LIST];

	if (!t->list_loaded && !t->search.active)
		load_list(t);
	size_t n = tui_list_count(t);
	if (lp->sel >= n)
		lp->sel = n ? n - 1 : 0;
	const struct sc_entry *e = tui_list_entry(t, lp->sel);
	int64_t id = e ? e->id : 0;
	if (id != t->cur.id) {
		tui_entry_show(t, &t->cur, e);
		t->panes[PANE_DETAIL].top = 0;
		t->panes[PANE_XREF].sel = t->panes[PANE_XREF].top = 0;
		pane_invalidate(&t->panes[PANE_DETAIL]);
		t->layout_dirty = true;  /* the cross-reference pane's height follows its rows */
	} else if (id && t->cur.doc.lang != t->lang) {
		/* the document is built for one language: again, in place */
		tui_entry_show(t, &t->cur, e);
		pane_invalidate(&t->panes[PANE_DETAIL]);
		t->layout_dirty = true;
	}
}

void tui_search_free(struct tui_search *s)
{
	buf_free(&s->query);
	sc_hits_free(&s->hits);
	strv_free(&s->terms);
	free(s->error);
	memset(s, 0, sizeof *s);
}

void tui_search_leave(struct tui *t)
{
	if (!t->search.active)
		return;
	tui_search_free(&t->search);
	pane_invalidate(&t->panes[PANE_DETAIL]);
}

void tui_protocol_moved(struct tui *t)
{
	tui_search_leave(t);
	t->panes[PANE_CLASS].sel = t->panes[PANE_CLASS].top = 0;
	t->panes[PANE_LIST].sel = t->panes[PANE_LIST].top = 0;
	t->list_loaded = false;
}

void tui_class_moved(struct tui *t)
{
	tui_search_leave(t);
	t->panes[PANE_LIST].sel = t->panes[PANE_LIST].top = 0;
	t->list_loaded = false;
}

/* ---- navigation ---------------------------------------------------------- */

void tui_goto(struct tui *t, const struct sc_entry *target, bool history)
{
	struct sc_entry e;
	struct pane *lp = &t->panes[PANE_LIST];
	bool placed = false;

	if (target == NULL || target->id == 0)
		return;
	sc_entry_copy(&e, target);  /* target may live in data reloaded below */
	if (t->search.active) {
		for (size_t i = 0; i < t->search.hits.n && !placed; i++)
			if (t->search.hits.v[i].e.id == e.id) {
				lp->sel = i;
				placed = true;
			}
		if (!placed)
			tui_search_leave(t);
	}
	if (!placed) {
		for (size_t i = 0; i < t->protos.n; i++)
			if (strcmp(t->protos.v[i].id, e.protocol) == 0 && t->panes[PANE_PROTO].sel != i) {
				t->panes[PANE_PROTO].sel = i;
				t->panes[PANE_CLASS].sel = 0;
				t->list_loaded = false;
			}
		size_t first, n;
		tui_class_range(t, &first, &n);
		for (size_t i = 0; i < n; i++)
			if (strcmp(t->classes.v[first + i].id, e.class_id) == 0 && t->panes[PANE_CLASS].sel != i) {
				t->panes[PANE_CLASS].sel = i;
				t->list_loaded = false;
			}
		if (t->standard && (!sc_entry_registered(&e) || e.parent != 0)) {
			t->standard = false;   /* the code asked for is one the view hides */
			t->list_loaded = false;
			tui_message(t, "%s", UI("all codes: vendor and sub-status codes shown"));
		}
		if (!t->list_loaded)
			load_list(t);
		lp->sel = 0;
		for (size_t i = 0; e.parent != 0 && i < t->list.n; i++)
			if (t->list.v[i].id == e.parent) {
				tui_fold_open(t, i);   /* a sub-status code: its parent's fold opens */
				break;
			}
		for (size_t i = 0; i < t->list.n; i++)
			if (t->list.v[i].id == e.id)
				lp->sel = i;
	}
	/* the code in the middle of the list, with its neighbours around it */
	size_t half = (size_t)(pane_body_rows(lp) > 0 ? pane_body_rows(lp) : 1) / 2;
	lp->top = lp->sel > half ? lp->sel - half : 0;
	tui_ensure_data(t);
	if (history)
		tui_hist_push(t, &e);
	sc_entry_clear(&e);
}

void tui_open_overlay(struct tui *t, enum overlay_id id)
{
	t->overlay = id;
	t->overlays[id].sel = t->overlays[id].top = 0;
	pane_invalidate(&t->overlays[id]);
}

void tui_close_overlay(struct tui *t)
{
	t->overlay = OV_NONE;
	sc_entries_free(&t->ov_rows);
}
