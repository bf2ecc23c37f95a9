/* tui.c: the terminal browser. Start-up and every way out (q, errors,
 * signals), the one input loop with the one relayout function (htop's
 * ScreenManager_resize), navigation between panes, history, bookmarks,
 * the search and compare prompts and the digit jump. What each pane shows
 * is in panes.c; curses is behind screen.h; keys come from keys.h. */
#include "config.h"
#include "tui.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "dbpath.h"
#include "exitcode.h"
#include "panes.h"
#include "text.h"
#include "xmalloc.h"

/* Below this size the browser shows only "terminal too small". */
#define MIN_COLS 30
#define MIN_ROWS 8
/* A digit this long after the last one starts a new code. */
#define JUMP_IDLE_MS 1500
#define MESSAGE_MS 5000
#define SEARCH_LIMIT 100
#define HISTORY_LOAD 200
#define HISTORY_KEEP 1000
#define PROMPT_MAX 256

/* Set by the signal handler, acted on in the loop; nothing is drawn in
 * a handler. */
static volatile sig_atomic_t sig_quit, sig_tstp, sig_cont;

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
#define NSIGNALS (sizeof handled_signals / sizeof handled_signals[0])
static struct sigaction saved_actions[NSIGNALS];
static bool installed[NSIGNALS];

static void on_signal(int sig)
{
	if (sig == SIGTSTP)
		sig_tstp = 1;
	else if (sig == SIGCONT)
		sig_cont = 1;
	else
		sig_quit = sig;
}

static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;  /* no SA_RESTART: a signal ends the wait for a key */
	sig_quit = sig_tstp = sig_cont = 0;
	for (size_t i = 0; i < NSIGNALS; i++) {
		struct sigaction old;
		installed[i] = false;
		if (sigaction(handled_signals[i], NULL, &old) != 0)
			continue;
		/* a signal ignored by whoever started us (nohup) stays ignored */
		if (old.sa_handler == SIG_IGN && handled_signals[i] != SIGCONT)
			continue;
		if (sigaction(handled_signals[i], &sa, &saved_actions[i]) == 0)
			installed[i] = true;
	}
}

static void signals_restore(void)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (installed[i])
			sigaction(handled_signals[i], &saved_actions[i], NULL);
}

/* A crash (a bug) must not leave the shell in raw mode on the alternate
 * screen. The handler only does what is async-signal-safe: put back the
 * terminal modes saved before curses started, leave the alternate screen
 * and show the cursor with write(2), then die of the same signal. Not
 * installed under AddressSanitizer, whose own report matters more. */
#if defined(__SANITIZE_ADDRESS__)
#define SC_CRASH_HANDLER 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SC_CRASH_HANDLER 0
#endif
#endif
#ifndef SC_CRASH_HANDLER
#define SC_CRASH_HANDLER 1
#endif

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct termios crash_tio;
static volatile sig_atomic_t crash_tio_saved;

static void on_crash(int sig)
{
	static const char reset[] = "\033[0m\033[?1049l\033[?25h\r\n";

	if (crash_tio_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &crash_tio);
	if (write(STDOUT_FILENO, reset, sizeof reset - 1) < 0) {
		/* nothing more can be done */
	}
	raise(sig); /* SA_RESETHAND: now the default action */
}

static void crash_handler_install(void)
{
	struct sigaction sa;

	if (!SC_CRASH_HANDLER)
		return;
	crash_tio_saved = tcgetattr(STDIN_FILENO, &crash_tio) == 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		sigaction(crash_signals[i], &sa, NULL);
}

static void crash_handler_remove(void)
{
	if (!SC_CRASH_HANDLER)
		return;
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		signal(crash_signals[i], SIG_DFL);
}

static void fatal_hook(void)
{
	screen_close();
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- small services for the panes ---------------------------------------- */

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
	t->msg_at = now_ms();
}

void tui_store_error(struct tui *t, char *cause)
{
	tui_message(t, "%s", cause ? cause : "the database cannot be read");
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
	sc_entry_clear(&te->e);
	sc_claims_free(&te->claims);
	sc_findings_free(&te->findings);
	sc_xrefs_free(&te->xrefs);
	sc_entry_clear(&te->parent);
	te->id = 0;
}

int tui_entry_load(struct tui *t, struct tui_entry *te, const struct sc_entry *e)
{
	char *cause = NULL;

	tui_entry_clear(te);
	if (e == NULL)
		return 0;
	sc_entry_copy(&te->e, e);
	te->id = e->id;
	if (store_claims(t->st, e->id, &te->claims, &cause) != 0 ||
	    store_findings(t->st, 0, e->id, &te->findings, &cause) != 0 ||
	    store_xrefs(t->st, e->id, &te->xrefs, &cause) != 0 ||
	    (e->parent && store_entry_by_id(t->st, e->parent, &te->parent, &cause) != 0)) {
		tui_store_error(t, cause);
		return -1;
	}
	return 0;
}

static bool same_entry(const struct sc_entry *e, const char *protocol, const char *code)
{
	return e && e->protocol && e->code && strcmp(e->protocol, protocol) == 0 && strcmp(e->code, code) == 0;
}

/* The entry a protocol and code name exactly, into out; false if none. */
static bool lookup_ref(struct tui *t, const char *protocol, const char *code, struct sc_entry *out)
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
	if (store_list(t->st, c->protocol, c->id, &t->list, &cause) != 0)
		tui_store_error(t, cause);
}

/* Brings the loaded data in line with the selections: the class's codes,
 * and everything about the selected code. One query each, only when the
 * selection changed. */
static void ensure_data(struct tui *t)
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
		tui_entry_load(t, &t->cur, e);
		t->panes[PANE_DETAIL].top = 0;
		t->panes[PANE_XREF].sel = t->panes[PANE_XREF].top = 0;
		pane_invalidate(&t->panes[PANE_DETAIL]);
		t->layout_dirty = true;  /* the cross-reference pane's height follows its rows */
	}
}

static void search_free(struct tui_search *s)
{
	buf_free(&s->query);
	sc_hits_free(&s->hits);
	strv_free(&s->terms);
	memset(s, 0, sizeof *s);
}

/* Leave the search results; the list shows the selected class again. */
static void search_leave(struct tui *t)
{
	if (!t->search.active)
		return;
	search_free(&t->search);
	pane_invalidate(&t->panes[PANE_DETAIL]);
}

void tui_protocol_moved(struct tui *t)
{
	search_leave(t);
	t->panes[PANE_CLASS].sel = t->panes[PANE_CLASS].top = 0;
	t->panes[PANE_LIST].sel = t->panes[PANE_LIST].top = 0;
	t->list_loaded = false;
}

void tui_class_moved(struct tui *t)
{
	search_leave(t);
	t->panes[PANE_LIST].sel = t->panes[PANE_LIST].top = 0;
	t->list_loaded = false;
}

/* ---- history and bookmarks ----------------------------------------------- */

static void hist_push(struct tui *t, const struct sc_entry *e)
{
	if (e == NULL || e->id == 0)
		return;
	while (t->hist_pos + 1 < t->hist.n)  /* a new visit drops what was ahead */
		userdata_refs_remove(&t->hist, t->hist.n - 1);
	if (t->hist.n && same_entry(e, t->hist.v[t->hist.n - 1].protocol, t->hist.v[t->hist.n - 1].code)) {
		t->hist_pos = t->hist.n - 1;
		return;
	}
	if (t->hist.n >= HISTORY_KEEP)
		userdata_refs_remove(&t->hist, 0);
	userdata_refs_push(&t->hist, e->protocol, e->code);
	t->hist_pos = t->hist.n - 1;
	userdata_visit(t->ud, e->protocol, e->code);
}

void tui_visit_current(struct tui *t)
{
	if (t->cur.id)
		hist_push(t, &t->cur.e);
}

static void hist_go(struct tui *t, int dir)
{
	long n = (long)t->hist.n, pos = (long)t->hist_pos;

	if (n == 0) {
		tui_message(t, "no history yet: codes you open are remembered");
		return;
	}
	long np = pos + dir;
	while (np >= 0 && np < n && t->cur.id && same_entry(&t->cur.e, t->hist.v[np].protocol, t->hist.v[np].code))
		np += dir;
	if (np < 0 || np >= n) {
		tui_message(t, dir < 0 ? "at the oldest entry of the history" : "at the newest entry of the history");
		return;
	}
	struct sc_entry e;
	if (!lookup_ref(t, t->hist.v[np].protocol, t->hist.v[np].code, &e)) {
		tui_message(t, "%s %s is no longer in the database", t->hist.v[np].protocol, t->hist.v[np].code);
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

void tui_toggle_mark(struct tui *t, const struct sc_entry *e)
{
	long i;

	if (e == NULL || e->id == 0)
		return;
	if ((i = userdata_refs_find(&t->marks, e->protocol, e->code)) >= 0) {
		userdata_refs_remove(&t->marks, (size_t)i);
		userdata_bookmark(t->ud, e->protocol, e->code, false);
		tui_message(t, "bookmark removed: %s %s", label_protocol(e->protocol), e->code);
	} else {
		userdata_refs_push(&t->marks, e->protocol, e->code);
		userdata_bookmark(t->ud, e->protocol, e->code, true);
		tui_message(t, "bookmarked: %s %s%s", label_protocol(e->protocol), e->code,
		            t->ud ? "" : " (for this session: no user data directory)");
	}
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
			search_leave(t);
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
		if (!t->list_loaded)
			load_list(t);
		lp->sel = 0;
		for (size_t i = 0; i < t->list.n; i++)
			if (t->list.v[i].id == e.id)
				lp->sel = i;
	}
	/* the code in the middle of the list, with its neighbours around it */
	size_t half = (size_t)(pane_body_rows(lp) > 0 ? pane_body_rows(lp) : 1) / 2;
	lp->top = lp->sel > half ? lp->sel - half : 0;
	ensure_data(t);
	if (history)
		hist_push(t, &e);
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

bool tui_compare(struct tui *t, size_t k, const struct sc_entry *other)
{
	const struct sc_xref *note = NULL;
	const struct sc_entry *b = other;
	size_t seen = 0;

	if (t->cur.id == 0)
		return false;
	if (t->cmp_a.id != t->cur.id && tui_entry_load(t, &t->cmp_a, &t->cur.e) != 0)
		return false;
	for (size_t i = 0; i < t->cmp_a.xrefs.n; i++) {
		const struct sc_xref *x = &t->cmp_a.xrefs.v[i];
		if (strcmp(x->kind, "compare") != 0)
			continue;
		if (other ? x->other.id == other->id : seen == k) {
			note = x;
			b = &x->other;
			break;
		}
		seen++;
	}
	if (b == NULL)
		return false;
	if (!other)
		t->cmp_peer = k;
	struct sc_entry copy;
	sc_entry_copy(&copy, b);
	sc_entry_clear(&t->cmp_b);
	t->cmp_b = copy;
	t->cmp_note = note;
	tui_open_overlay(t, OV_COMPARE);
	return true;
}

/* Fills t->ov_rows with the entries refs name (newest first when reverse),
 * each once. */
static void overlay_rows(struct tui *t, const struct userdata_refs *refs, bool reverse, size_t max)
{
	struct userdata_refs seen = {0};

	sc_entries_free(&t->ov_rows);
	for (size_t k = 0; k < refs->n && t->ov_rows.n < max; k++) {
		const struct userdata_ref *r = &refs->v[reverse ? refs->n - 1 - k : k];
		struct sc_entry e;
		if (userdata_refs_find(&seen, r->protocol, r->code) >= 0)
			continue;
		userdata_refs_push(&seen, r->protocol, r->code);
		if (!lookup_ref(t, r->protocol, r->code, &e))
			continue;
		struct sc_entries *l = &t->ov_rows;
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
		}
		l->v[l->n++] = e;
	}
	userdata_refs_free(&seen);
}

/* ---- prompts: search and compare-with ------------------------------------ */

/* Splits the query into the words to highlight. */
static void search_terms(struct strv *terms, const char *q)
{
	char *copy = xstrdup(q);
	/* U+3000 (ideographic space) separates words too */
	for (char *p = copy; (p = strstr(p, "\xE3\x80\x80")) != NULL; )
		memset(p, ' ', 3);
	char *save = NULL;
	for (char *w = strtok_r(copy, " \t\"", &save); w; w = strtok_r(NULL, " \t\"", &save))
		if (*w)
			strv_push(terms, w);
	free(copy);
}

static void search_run(struct tui *t)
{
	const char *q = buf_str(&t->ptext);
	struct pane *lp = &t->panes[PANE_LIST];
	char *cause = NULL;

	search_free(&t->search);
	pane_invalidate(&t->panes[PANE_DETAIL]);
	if (str_empty(q)) {
		lp->sel = t->saved.active ? 0 : t->saved.sel;
		lp->top = t->saved.active ? 0 : t->saved.top;
		return;  /* the list shows the class again while the prompt is empty */
	}
	buf_adds(&t->search.query, q);
	if (store_search(t->st, q, NULL, SEARCH_LIMIT, true, &t->search.hits, &cause) != 0)
		tui_store_error(t, cause);
	search_terms(&t->search.terms, q);
	t->search.active = true;
	lp->sel = lp->top = 0;
}

static void prompt_open(struct tui *t, enum prompt_kind kind)
{
	t->prompt = kind;
	buf_reset(&t->ptext);
	if (kind != PROMPT_SEARCH)
		return;
	/* keep what the list showed, to come back to on Esc */
	search_free(&t->saved);
	t->saved = t->search;
	memset(&t->search, 0, sizeof t->search);
	t->saved.sel = t->panes[PANE_LIST].sel;
	t->saved.top = t->panes[PANE_LIST].top;
	t->saved_focus = t->focus;
	tui_focus(t, PANE_LIST);
	pane_invalidate(&t->panes[PANE_DETAIL]);
}

static void prompt_cancel(struct tui *t)
{
	enum prompt_kind kind = t->prompt;

	t->prompt = PROMPT_NONE;
	buf_reset(&t->ptext);
	if (kind != PROMPT_SEARCH)
		return;
	search_free(&t->search);
	t->search = t->saved;
	memset(&t->saved, 0, sizeof t->saved);
	t->panes[PANE_LIST].sel = t->search.sel;
	t->panes[PANE_LIST].top = t->search.top;
	tui_focus(t, t->saved_focus);
	pane_invalidate(&t->panes[PANE_DETAIL]);
}

/* "ftp 530", "ftp:530" or "530": the entry to compare with. */
static void compare_with(struct tui *t, const char *text)
{
	char *copy = xstrdup(text);
	char *code = str_trim(copy), *sep = strpbrk(code, ": ");
	const char *protocol = NULL;
	struct sc_entry e;
	bool found = false;

	if (sep) {
		*sep = '\0';
		protocol = store_protocol_id(code);
		code = str_trim(sep + 1);
	}
	if (*code && (protocol || t->cur.id))
		found = lookup_ref(t, protocol ? protocol : t->cur.e.protocol, code, &e);
	if (!found && *code && !protocol)
		found = lookup_ref(t, NULL, code, &e);
	if (!found) {
		char *clean = text_ascii_fallback(text);
		tui_message(t, "no code '%s' to compare with", clean);
		free(clean);
	} else {
		if (e.id == t->cur.id)
			tui_message(t, "that is the same code");
		else if (!tui_compare(t, 0, &e))
			tui_message(t, "select a code first");
		sc_entry_clear(&e);
	}
	free(copy);
}

static void prompt_accept(struct tui *t)
{
	enum prompt_kind kind = t->prompt;
	char *text = xstrdup(buf_str(&t->ptext));

	t->prompt = PROMPT_NONE;
	buf_reset(&t->ptext);
	if (kind == PROMPT_SEARCH) {
		size_t sel = t->saved.sel, top = t->saved.top;
		bool was_active = t->saved.active;
		search_free(&t->saved);
		if (!t->search.active) {
			/* nothing typed: as before, less any earlier results */
			t->panes[PANE_LIST].sel = was_active ? 0 : sel;
			t->panes[PANE_LIST].top = was_active ? 0 : top;
		} else if (t->search.hits.n == 0) {
			tui_message(t, "nothing matches; Esc shows the class again");
		} else {
			ensure_data(t);
			tui_visit_current(t);
		}
	} else if (kind == PROMPT_COMPARE) {
		compare_with(t, text);
	}
	free(text);
}

static void prompt_key(struct tui *t, const struct screen_key *k)
{
	enum tui_action a = keys_action(k);

	if (keys_printable(k)) {
		char u[8];
		int n = utf8_encode((uint32_t)k->ch, u);
		if (t->ptext.len + (size_t)n <= PROMPT_MAX)
			buf_add(&t->ptext, u, (size_t)n);
	} else if (keys_is_erase(k)) {
		if (t->ptext.len == 0)
			return;
		size_t n = t->ptext.len;
		while (n > 0 && (t->ptext.s[n - 1] & 0xC0) == 0x80)
			n--;  /* back over continuation bytes */
		n = n ? n - 1 : 0;
		t->ptext.s[n] = '\0';
		t->ptext.len = n;
	} else if (a == ACT_CANCEL) {
		prompt_cancel(t);
		return;
	} else if (a == ACT_ENTER && !(k->code && k->ch == KEY_RIGHT)) {
		prompt_accept(t);
		return;
	} else if (t->prompt == PROMPT_SEARCH && k->code &&
	           (a == ACT_DOWN || a == ACT_UP || a == ACT_PAGE_DOWN || a == ACT_PAGE_UP ||
	            a == ACT_TOP || a == ACT_BOTTOM)) {
		pane_move(t, &t->panes[PANE_LIST], a);
		return;
	} else {
		return;
	}
	if (t->prompt == PROMPT_SEARCH)
		search_run(t);
}

/* ---- typing digits jumps to a code --------------------------------------- */

static const char *current_protocol(struct tui *t)
{
	if (t->cur.id)
		return t->cur.e.protocol;
	size_t ps = t->panes[PANE_PROTO].sel;
	return ps < t->protos.n ? t->protos.v[ps].id : "http";
}

/* How many digits a whole code of the protocol has. */
static size_t code_digits(const char *protocol)
{
	return protocol && strcmp(protocol, "websocket") == 0 ? 4 : 3;
}

static void jump_end(struct tui *t)
{
	if (t->jump[0] && t->jump_hit)
		tui_visit_current(t);
	t->jump[0] = '\0';
	t->jump_hit = false;
}

/* Shows the code the digits typed so far name: exactly, else the first
 * code that starts with them; in the current protocol first. */
static void jump_resolve(struct tui *t)
{
	struct sc_entries found = {0};
	char *cause = NULL, *code = xstrdup(t->jump);
	const char *protocol = current_protocol(t);
	size_t len = strlen(code);
	bool dot = strchr(code, '.') != NULL, exact = false;
	int rc = 0;

	if (len && code[len - 1] == '.')
		code[--len] = '\0';
	for (int pass = 0; pass < 2 && rc == 0 && found.n == 0 && len; pass++) {
		const char *p = pass == 0 ? protocol : NULL;
		rc = store_lookup(t->st, p, code, &found, &cause);
		exact = found.n > 0;
		size_t full = code_digits(p ? p : "http");
		if (rc == 0 && found.n == 0 && !dot && len < full) {
			char pattern[16];
			snprintf(pattern, sizeof pattern, "%s%.*s", code, (int)(full - len), "xxxx");
			rc = store_list(t->st, p, pattern, &found, &cause);
		}
	}
	if (rc != 0)
		tui_store_error(t, cause);
	else if (found.n == 0)
		tui_message(t, "no code %s", t->jump);
	else {
		tui_goto(t, &found.v[0], false);
		if (t->focus < PANE_LIST)
			tui_focus(t, PANE_LIST);
		t->jump_hit = exact;
	}
	sc_entries_free(&found);
	free(code);
}

/* Digits (and a dot, Backspace and Esc while typing them): true when k was
 * taken for the jump. */
static bool jump_key(struct tui *t, const struct screen_key *k)
{
	enum tui_action a = keys_action(k);
	size_t len = strlen(t->jump);
	long long now = now_ms();

	if (len && now - t->jump_at > JUMP_IDLE_MS) {
		jump_end(t);
		len = 0;
	}
	if (len && a == ACT_CANCEL) {
		jump_end(t);
		return true;
	}
	if (len && keys_is_erase(k)) {
		t->jump[len - 1] = '\0';
		t->jump_at = now;
		if (len > 1)
			jump_resolve(t);
		return true;
	}
	bool dot = !k->code && k->ch == '.';
	if (a != ACT_JUMP && !(len && dot)) {
		jump_end(t);
		return false;
	}
	/* a whole code typed: the next digit starts another */
	if (a == ACT_JUMP && len && !strchr(t->jump, '.') && len >= code_digits(current_protocol(t))) {
		jump_end(t);
		len = 0;
	}
	if (len + 2 > sizeof t->jump || (dot && strchr(t->jump, '.')))
		return true;
	t->jump[len] = (char)k->ch;
	t->jump[len + 1] = '\0';
	t->jump_at = now;
	jump_resolve(t);
	return true;
}

/* ---- the actions that belong to no pane ---------------------------------- */

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
	userdata_set(t->ud, "lang", lang_name(t->lang));
	for (int i = 0; i < PANE_COUNT; i++)
		pane_invalidate(&t->panes[i]);
	for (int i = 0; i < OV_COUNT; i++)
		pane_invalidate(&t->overlays[i]);
	tui_message(t, "%s", t->lang == LANG_EN ? "language: English" : t->lang == LANG_ZH
	            ? "语言：中文" : "language: English + 中文");
}

static void do_search(struct tui *t)
{
	tui_close_overlay(t);
	prompt_open(t, PROMPT_SEARCH);
}

static void do_match(struct tui *t, int dir)
{
	struct pane *lp = &t->panes[PANE_LIST];
	size_t n = t->search.hits.n;

	if (!t->search.active || n == 0) {
		char key[16];
		tui_message(t, "no search results: press %s to search", keys_first(ACT_SEARCH, key, sizeof key));
		return;
	}
	lp->sel = dir > 0 ? (lp->sel + 1) % n : (lp->sel + n - 1) % n;
	pane_clamp(t, lp);
	tui_message(t, "result %zu of %zu", lp->sel + 1, n);
}

static void do_next_match(struct tui *t) { do_match(t, 1); }
static void do_prev_match(struct tui *t) { do_match(t, -1); }

static void do_compare(struct tui *t)
{
	if (t->cur.id == 0) {
		tui_message(t, "select a code first");
		return;
	}
	if (!tui_compare(t, 0, NULL))
		prompt_open(t, PROMPT_COMPARE);  /* no confusable peer: ask for one */
}

static void do_compare_with(struct tui *t)
{
	tui_close_overlay(t);
	if (t->cur.id == 0) {
		tui_message(t, "select a code first");
		return;
	}
	prompt_open(t, PROMPT_COMPARE);
}

static void do_mark(struct tui *t)
{
	if (t->cur.id == 0)
		tui_message(t, "select a code first");
	else
		tui_toggle_mark(t, &t->cur.e);
}

static void do_marks(struct tui *t)
{
	tui_close_overlay(t);
	overlay_rows(t, &t->marks, false, (size_t)-1);
	tui_open_overlay(t, OV_MARKS);
}

static void do_history(struct tui *t)
{
	tui_close_overlay(t);
	overlay_rows(t, &t->hist, true, 100);
	tui_open_overlay(t, OV_HISTORY);
}

static void do_hist_back(struct tui *t) { hist_go(t, -1); }
static void do_hist_fwd(struct tui *t) { hist_go(t, 1); }
static void do_redraw(struct tui *t) { t->repaint = true; t->layout_dirty = true; }

static void do_cancel(struct tui *t)
{
	if (t->search.active) {
		/* back to browsing, at the code that was selected */
		struct sc_entry e = {0};
		if (t->cur.id)
			sc_entry_copy(&e, &t->cur.e);
		search_leave(t);
		t->list_loaded = false;
		if (e.id)
			tui_goto(t, &e, false);
		sc_entry_clear(&e);
	}
}

static void do_next_pane(struct tui *t)
{
	tui_focus(t, (enum pane_id)((t->focus + 1) % PANE_COUNT));
}

static void do_prev_pane(struct tui *t)
{
	tui_focus(t, (enum pane_id)((t->focus + PANE_COUNT - 1) % PANE_COUNT));
}

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
	{ ACT_HIST_BACK, false, do_hist_back },   { ACT_HIST_FWD, false, do_hist_fwd },
	{ ACT_REDRAW, true, do_redraw },          { ACT_CANCEL, false, do_cancel },
	{ ACT_NEXT_PANE, false, do_next_pane },   { ACT_PREV_PANE, false, do_prev_pane },
};

static void dispatch(struct tui *t, enum tui_action a)
{
	struct pane *p = tui_active(t);

	if (p->ops->request && p->ops->request(t, p, a))
		return;
	if (pane_move(t, p, a))
		return;
	if (t->overlay != OV_NONE && (a == ACT_CANCEL || a == ACT_QUIT)) {
		tui_close_overlay(t);
		return;
	}
	for (size_t i = 0; i < sizeof global_actions / sizeof global_actions[0]; i++) {
		if (global_actions[i].action != a)
			continue;
		if (t->overlay != OV_NONE && !global_actions[i].over_overlay)
			return;
		global_actions[i].run(t);
		return;
	}
}

static void handle_key(struct tui *t, const struct screen_key *k)
{
	if (t->prompt != PROMPT_NONE) {
		prompt_key(t, k);
		return;
	}
	if (t->overlay == OV_NONE && jump_key(t, k))
		return;
	enum tui_action a = keys_action(k);
	if (a != ACT_NONE)
		dispatch(t, a);
}

/* ---- the mouse ----------------------------------------------------------- */

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

	if (!screen_mouse(&m) || t->too_small || t->prompt != PROMPT_NONE || (p = pane_at(t, m.y, m.x)) == NULL)
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

/* ---- layout -------------------------------------------------------------- */

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
	if (ha > r.h - 3)
		ha = r.h - 3;
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
		int nx = (int)t->cur.xrefs.n, most = r.h * 2 / 5 > 3 ? r.h * 2 / 5 : 3;
		int xh = (nx > 0 ? nx : 1) + 1;
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
static void relayout(struct tui *t)
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

	int g = group_of(t->focus);
	if (W >= 120) {
		first = 0;
		count = 3;
		w[0] = W >= 150 ? 28 : 24;
		w[1] = clamp_int((W - w[0]) * 2 / 5, 34, 56);
		w[2] = W - w[0] - w[1] - 2;
	} else if (W >= 76) {
		count = 2;
		first = g == 0 ? 0 : 1;
		if (first == 0) {
			w[0] = clamp_int(W / 3, 24, 32);
			w[1] = W - w[0] - 1;
		} else {
			w[1] = clamp_int(W * 2 / 5, 28, 48);
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

/* ---- drawing ------------------------------------------------------------- */

static void draw_too_small(struct tui *t)
{
	char need[64], have[64];
	snprintf(need, sizeof need, "needs at least %dx%d,", MIN_COLS, MIN_ROWS);
	snprintf(have, sizeof have, "this one is %dx%d.", t->cols, t->rows);
	const char *lines[] = { "Terminal too small:", need, have, "Enlarge it, or press q to quit." };
	int n = (int)(sizeof lines / sizeof lines[0]);
	int y0 = t->rows > n ? (t->rows - n) / 2 : 0;

	for (int i = 0; i < n && y0 + i < t->rows; i++) {
		int w = (int)strlen(lines[i]);
		int x = t->cols > w ? (t->cols - w) / 2 : 0;
		screen_put(y0 + i, x, t->cols, lines[i], i == 0 ? screen_attr(PAL_WARN) : A_NORMAL);
	}
}

static void draw_title(struct tui *t)
{
	struct buf b = {0};
	attr_t a = screen_attr(PAL_HEADING);
	const char *right = t->lang == LANG_EN ? "[EN]" : t->lang == LANG_ZH ? "[\xE4\xB8\xAD\xE6\x96\x87]"
	                                                                 : "[EN+\xE4\xB8\xAD\xE6\x96\x87]";
	int rw = (int)text_width(right);

	buf_adds(&b, "statuscodes");
	if (t->search.active) {
		buf_addf(&b, " \xE2\x80\xBA search \"%s\"", buf_str(&t->search.query));
	} else {
		size_t ps = t->panes[PANE_PROTO].sel, first, n;
		tui_class_range(t, &first, &n);
		if (ps < t->protos.n)
			buf_addf(&b, " \xE2\x80\xBA %s", label_protocol(t->protos.v[ps].id));
		if (t->panes[PANE_CLASS].sel < n)
			buf_addf(&b, " \xE2\x80\xBA %s", t->classes.v[first + t->panes[PANE_CLASS].sel].id);
	}
	if (t->cur.id)
		buf_addf(&b, " \xE2\x80\xBA %s", t->cur.e.code);
	screen_fill(0, 0, t->cols, a);
	screen_put(0, 0, t->cols - rw - 1, buf_str(&b), a);
	screen_put(0, t->cols - rw, rw, right, a);
	buf_free(&b);
}

static void draw_status(struct tui *t)
{
	int y = t->rows - 1, W = t->cols;
	struct buf b = {0};

	if (t->prompt != PROMPT_NONE) {
		char *label = t->prompt == PROMPT_SEARCH
		              ? xstrdup("/")
		              : xasprintf("compare %s %s with (a code, or ftp 530): ",
		                          label_protocol(t->cur.e.protocol), t->cur.e.code ? t->cur.e.code : "");
		char count[48] = "";
		if (t->prompt == PROMPT_SEARCH && t->search.active)
			snprintf(count, sizeof count, "  %zu%s", t->search.hits.n,
			         t->search.hits.n && t->search.hits.v[0].fuzzy ? " close" : "");
		int lw = screen_put(y, 0, W - 1, label, screen_attr(PAL_HEADING));
		int cw = (int)strlen(count);
		int room = W - lw - 1 - (cw < W / 3 ? cw : 0);
		const char *text = buf_str(&t->ptext);
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
	if (t->jump[0]) {
		buf_addf(&b, "go to: %s%s%s", t->jump, t->msg ? "  " : "", t->msg ? t->msg : "");
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
	static const struct { enum tui_action a; const char *what; } hints[] = {
		{ ACT_HELP, "help" }, { ACT_SEARCH, "search" }, { ACT_ENTER, "open" }, { ACT_BACK, "back" },
		{ ACT_COMPARE, "compare" }, { ACT_LANG, "language" }, { ACT_MARK, "bookmark" }, { ACT_QUIT, "quit" },
	};
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		char key[16];
		buf_addf(&b, "%s%s %s", i ? "  " : "", keys_first(hints[i].a, key, sizeof key), hints[i].what);
	}
	screen_put(y, 0, W, buf_str(&b), screen_attr(PAL_DIM));
	buf_free(&b);
}

static void draw(struct tui *t)
{
	ensure_data(t);
	if (t->layout_dirty)
		relayout(t);
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

/* ---- start, loop, stop --------------------------------------------------- */

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 || strcmp(cs, "utf-8") == 0);
}

/* Makes the character type UTF-8 when the locale is not (LANG=C): true
 * when the display can be UTF-8, false for the ASCII display. */
static bool locale_utf8(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };

	if (codeset_is_utf8())
		return true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_CTYPE, names[i]) && codeset_is_utf8())
			return true;
	setlocale(LC_CTYPE, "");
	return false;
}

static void tui_free(struct tui *t)
{
	sc_protocols_free(&t->protos);
	sc_classes_free(&t->classes);
	sc_entries_free(&t->list);
	search_free(&t->search);
	search_free(&t->saved);
	tui_entry_clear(&t->cur);
	tui_entry_clear(&t->cmp_a);
	sc_entry_clear(&t->cmp_b);
	sc_entries_free(&t->ov_rows);
	userdata_refs_free(&t->marks);
	userdata_refs_free(&t->hist);
	for (int i = 0; i < PANE_COUNT; i++)
		tlines_free(&t->panes[i].lines);
	for (int i = 0; i < OV_COUNT; i++)
		tlines_free(&t->overlays[i].lines);
	buf_free(&t->ptext);
	free(t->msg);
	userdata_close(t->ud);
}

static void suspend(struct tui *t)
{
	struct sigaction sa, ours;
	sigset_t set;

	sig_tstp = 0;
	screen_suspend();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, &ours);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);  /* stopped here until SIGCONT */
	sigaction(SIGTSTP, &ours, NULL);
	screen_resume();
	t->repaint = true;
	t->layout_dirty = true;
}

/* Timers: the digit jump ends, messages fade. true when something changed. */
static bool tick(struct tui *t)
{
	long long now = now_ms();
	bool changed = false;

	if (t->jump[0] && now - t->jump_at > JUMP_IDLE_MS) {
		jump_end(t);
		changed = true;
	}
	if (t->msg && now - t->msg_at > MESSAGE_MS) {
		free(t->msg);
		t->msg = NULL;
		changed = true;
	}
	return changed;
}

/* The one input loop: signals, then a frame, then one key. */
static void run_loop(struct tui *t)
{
	bool dirty = true;

	t->layout_dirty = true;
	while (!t->quit && !sig_quit) {
		if (sig_tstp) {
			suspend(t);
			dirty = true;
		}
		if (sig_cont) {
			sig_cont = 0;
			screen_resume();
			t->repaint = t->layout_dirty = dirty = true;
		}
		if (dirty)
			draw(t);
		struct screen_key k;
		if (!screen_read(&k, t->jump[0] || t->msg ? 250 : 1000)) {
			dirty = tick(t);
			continue;
		}
		dirty = true;
		if (k.code && k.ch == KEY_RESIZE) {
			relayout(t);
			continue;
		}
		if (k.code && k.ch == KEY_MOUSE) {
			handle_mouse(t);
			continue;
		}
		if (t->msg && !(t->jump[0])) {
			free(t->msg);
			t->msg = NULL;
		}
		handle_key(t, &k);
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
	t.st = st;
	if (store_protocols(st, &t.protos, &cause) != 0 || store_classes(st, NULL, &t.classes, &cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause ? cause : "the database cannot be read");
		free(cause);
		tui_free(&t);
		return SC_EXIT_DB;
	}
	bool ascii = !locale_utf8() || (force_ascii && strcmp(force_ascii, "1") == 0);

	/* the user's own data: silently absent when there is no usable home */
	char *dir = dbpath_user_dir();
	t.ud = userdata_open(dir);
	free(dir);
	char *saved_lang = userdata_get(t.ud, "lang");
	t.lang = LANG_BOTH;
	if (o->lang_set)
		t.lang = o->lang;
	else
		lang_parse(saved_lang, &t.lang);
	free(saved_lang);
	userdata_bookmarks(t.ud, &t.marks);
	userdata_history(t.ud, HISTORY_LOAD, &t.hist);
	t.hist_pos = t.hist.n;

	static const struct pane_ops *const pane_ops[PANE_COUNT] = {
		[PANE_PROTO] = &pane_ops_proto, [PANE_CLASS] = &pane_ops_class, [PANE_LIST] = &pane_ops_list,
		[PANE_DETAIL] = &pane_ops_detail, [PANE_XREF] = &pane_ops_xref,
	};
	static const struct pane_ops *const overlay_ops[OV_COUNT] = {
		[OV_NONE] = &pane_ops_help, [OV_HELP] = &pane_ops_help, [OV_COMPARE] = &pane_ops_compare,
		[OV_MARKS] = &pane_ops_marks, [OV_HISTORY] = &pane_ops_history,
	};
	for (int i = 0; i < PANE_COUNT; i++) {
		t.panes[i].ops = pane_ops[i];
		t.panes[i].built_w = -1;
	}
	for (int i = 0; i < OV_COUNT; i++) {
		t.overlays[i].ops = overlay_ops[i];
		t.overlays[i].built_w = -1;
	}
	t.focus = PANE_LIST;

	signals_install();
	crash_handler_install();
	sc_set_fatal_hook(fatal_hook);
	if (screen_open(o->color, ascii, &cause) != 0) {
		sc_set_fatal_hook(NULL);
		crash_handler_remove();
		signals_restore();
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		tui_free(&t);
		return SC_EXIT_USAGE;
	}
	keys_init();
	run_loop(&t);
	screen_close();
	crash_handler_remove();
	sc_set_fatal_hook(NULL);
	keys_free();
	tui_free(&t);
	signals_restore();
	if (sig_quit) {
		/* die of the signal, as the shell expects, now that the terminal is back */
		int sig = sig_quit;
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return SC_EXIT_OK;
}
