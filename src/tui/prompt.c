/* prompt.c: the prompts on the status line (search as you type, compare
 * with a typed code) and the digit jump to a code. Their state is
 * t->prompt, t->jump and the kept searches t->search and t->saved. */
#include "config.h"
#include "panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "terminal.h"
#include "text.h"
#include "xmalloc.h"

/* Search results shown at most. */
#define SEARCH_LIMIT 100
/* Bytes a prompt takes at most. */
#define PROMPT_MAX 256
/* A digit this long after the last one starts a new code. */
#define JUMP_IDLE_MS 1500

/* t->search (empty) becomes the results for q, registered codes only
 * under t->standard (the key r), as the class list is. */
static void search_fill(struct tui *t, const char *q)
{
	char *cause = NULL;

	buf_adds(&t->search.query, q);
	unsigned flags = SEARCH_PREFIX | (t->standard ? SEARCH_REGISTERED : 0);
	if (store_search(t->st, q, NULL, SEARCH_LIMIT, flags, &t->search.hits, &cause) != 0) {
		free(t->search.error);
		t->search.error = xstrdup(cause ? cause : UI("the database cannot be read"));
		tui_store_error(t, cause);
	}
	/* highlight what the search matched (stems, glossary terms), not
	 * the words as typed */
	for (size_t i = 0; i < t->search.hits.terms.n; i++)
		strv_push(&t->search.terms, t->search.hits.terms.v[i]);
	t->search.active = true;
}

static void search_run(struct tui *t)
{
	const char *q = buf_str(&t->prompt.text);
	struct pane *lp = &t->panes[PANE_LIST];

	tui_search_free(&t->search);
	pane_invalidate(&t->panes[PANE_DETAIL]);
	if (str_empty(q)) {
		lp->sel = t->saved.active ? 0 : t->saved.sel;
		lp->top = t->saved.active ? 0 : t->saved.top;
		return;  /* the list shows the class again while the prompt is empty */
	}
	search_fill(t, q);
	lp->sel = lp->top = 0;
}

void tui_search_redo(struct tui *t)
{
	struct pane *lp = &t->panes[PANE_LIST];
	int64_t id = lp->sel < t->search.hits.n ? t->search.hits.v[lp->sel].e.id : 0;
	char *q = buf_detach(&t->search.query);

	tui_search_free(&t->search);
	pane_invalidate(&t->panes[PANE_DETAIL]);
	search_fill(t, q);
	free(q);
	lp->sel = 0;   /* at the hit that was selected, when it is still there */
	for (size_t i = 0; i < t->search.hits.n; i++)
		if (t->search.hits.v[i].e.id == id)
			lp->sel = i;
	pane_clamp(t, lp);
}

void tui_prompt_open(struct tui *t, enum prompt_kind kind)
{
	t->prompt.kind = kind;
	t->prompt.search_due = false;
	buf_reset(&t->prompt.text);
	if (kind != PROMPT_SEARCH)
		return;
	/* keep what the list showed, to come back to on Esc */
	tui_search_free(&t->saved);
	t->saved = t->search;
	memset(&t->search, 0, sizeof t->search);
	t->saved.sel = t->panes[PANE_LIST].sel;
	t->saved.top = t->panes[PANE_LIST].top;
	t->prompt.saved_focus = t->focus;
	tui_focus(t, PANE_LIST);
	pane_invalidate(&t->panes[PANE_DETAIL]);
}

static void prompt_cancel(struct tui *t)
{
	enum prompt_kind kind = t->prompt.kind;

	t->prompt.kind = PROMPT_NONE;
	buf_reset(&t->prompt.text);
	if (kind != PROMPT_SEARCH)
		return;
	tui_search_free(&t->search);
	t->search = t->saved;
	memset(&t->saved, 0, sizeof t->saved);
	t->panes[PANE_LIST].sel = t->search.sel;
	t->panes[PANE_LIST].top = t->search.top;
	tui_focus(t, t->prompt.saved_focus);
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
		found = tui_lookup_ref(t, protocol ? protocol : t->cur.doc.e.protocol, code, &e);
	if (!found && *code && !protocol)
		found = tui_lookup_ref(t, NULL, code, &e);
	if (!found) {
		char *clean = text_ascii_fallback(text);
		tui_message(t, UI("no code '%s' to compare with"), clean);
		free(clean);
	} else {
		if (e.id == t->cur.id)
			tui_message(t, UI("that is the same code"));
		else if (!tui_compare(t, 0, &e))
			tui_message(t, UI("select a code first"));
		sc_entry_clear(&e);
	}
	free(copy);
}

static void prompt_accept(struct tui *t)
{
	enum prompt_kind kind = t->prompt.kind;
	char *text = xstrdup(buf_str(&t->prompt.text));

	t->prompt.kind = PROMPT_NONE;
	buf_reset(&t->prompt.text);
	if (kind == PROMPT_SEARCH) {
		size_t sel = t->saved.sel, top = t->saved.top;
		bool was_active = t->saved.active;
		tui_search_free(&t->saved);
		if (!t->search.active) {
			/* nothing typed: as before, less any earlier results */
			t->panes[PANE_LIST].sel = was_active ? 0 : sel;
			t->panes[PANE_LIST].top = was_active ? 0 : top;
		} else if (t->search.error) {
			tui_message(t, "%s", t->search.error);   /* not "nothing matches" */
		} else if (t->search.hits.n == 0) {
			tui_message(t, UI("nothing matches; Esc shows the class again"));
		} else {
			tui_ensure_data(t);
			tui_visit_current(t);
		}
	} else if (kind == PROMPT_COMPARE) {
		compare_with(t, text);
	}
	free(text);
}

void tui_prompt_key(struct tui *t, const struct screen_key *k)
{
	enum tui_action a = keys_action(k);

	/* a key other than typing acts on the results of all that was typed */
	if (t->prompt.search_due && !keys_printable(k) && !keys_is_erase(k)) {
		t->prompt.search_due = false;
		if (t->prompt.kind == PROMPT_SEARCH)
			search_run(t);
	}

	if (keys_printable(k)) {
		char u[8];
		int n = utf8_encode((uint32_t)k->ch, u);
		if (t->prompt.text.len + (size_t)n <= PROMPT_MAX)
			buf_add(&t->prompt.text, u, (size_t)n);
	} else if (keys_is_erase(k)) {
		if (t->prompt.text.len == 0)
			return;
		size_t n = t->prompt.text.len;
		while (n > 0 && (t->prompt.text.s[n - 1] & 0xC0) == 0x80)
			n--;  /* back over continuation bytes */
		n = n ? n - 1 : 0;
		t->prompt.text.s[n] = '\0';
		t->prompt.text.len = n;
	} else if (a == ACT_CANCEL) {
		prompt_cancel(t);
		return;
	} else if (a == ACT_ENTER && !(k->code && k->ch == KEY_RIGHT)) {
		prompt_accept(t);
		return;
	} else if (t->prompt.kind == PROMPT_SEARCH && k->code &&
	           (a == ACT_DOWN || a == ACT_UP || a == ACT_PAGE_DOWN || a == ACT_PAGE_UP ||
	            a == ACT_TOP || a == ACT_BOTTOM)) {
		pane_move(t, &t->panes[PANE_LIST], a);
		return;
	} else {
		return;
	}
	/* a search the next key, already typed, would make stale is dropped:
	 * that key searches for the longer text */
	if (t->prompt.kind == PROMPT_SEARCH) {
		t->prompt.search_due = screen_key_waiting();
		if (!t->prompt.search_due)
			search_run(t);
	}
}

/* ---- typing digits jumps to a code --------------------------------------- */

static const char *current_protocol(struct tui *t)
{
	if (t->cur.id)
		return t->cur.doc.e.protocol;
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
	if (t->jump.digits[0] && t->jump.hit)
		tui_visit_current(t);
	t->jump.digits[0] = '\0';
	t->jump.hit = false;
}

/* Shows the code the digits typed so far name: exactly, else the first
 * code that starts with them; in the current protocol first. */
static void jump_resolve(struct tui *t)
{
	struct sc_entries found = {0};
	char *cause = NULL, *code = xstrdup(t->jump.digits);
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
		tui_message(t, UI("no code %s"), t->jump.digits);
	else {
		tui_goto(t, &found.v[0], false);
		if (t->focus < PANE_LIST)
			tui_focus(t, PANE_LIST);
		t->jump.hit = exact;
	}
	sc_entries_free(&found);
	free(code);
}

bool tui_jump_key(struct tui *t, const struct screen_key *k)
{
	enum tui_action a = keys_action(k);
	size_t len = strlen(t->jump.digits);
	long long now = terminal_now_ms();

	if (len && now - t->jump.at > JUMP_IDLE_MS) {
		jump_end(t);
		len = 0;
	}
	if (len && a == ACT_CANCEL) {
		jump_end(t);
		return true;
	}
	if (len && keys_is_erase(k)) {
		t->jump.digits[len - 1] = '\0';
		t->jump.at = now;
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
	if (a == ACT_JUMP && len && !strchr(t->jump.digits, '.') && len >= code_digits(current_protocol(t))) {
		jump_end(t);
		len = 0;
	}
	if (len + 2 > sizeof t->jump.digits || (dot && strchr(t->jump.digits, '.')))
		return true;
	t->jump.digits[len] = (char)k->ch;
	t->jump.digits[len + 1] = '\0';
	t->jump.at = now;
	jump_resolve(t);
	return true;
}

bool tui_jump_expire(struct tui *t, long long now)
{
	if (!t->jump.digits[0] || now - t->jump.at <= JUMP_IDLE_MS)
		return false;
	jump_end(t);
	return true;
}
