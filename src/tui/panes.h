/* panes.h: the browser's state, its panes and the services its files give
 * each other. Each pane (protocol, class, code list, detail,
 * cross-references) and each overlay (help, compare, bookmarks, history) is
 * a table of operations in a file of its own, after tig's view_ops: how
 * many rows it has, how a row is drawn, how its text is built for a width,
 * and what it does with an action, answered with result flags the loop acts
 * on (htop's HandlerResult). The files by concern:
 *   tui.c        start, the one input loop, key and mouse dispatch
 *   terminal.c   terminal set-up, signals, suspend, crash handler (terminal.h)
 *   layout.c     the one relayout function, title and status bars
 *   nav.c        what is selected and loaded, going to a code, overlays
 *   history.c    visited codes and bookmarks
 *   prompt.c     the search and compare-with prompts, the digit jump
 *   actions.c    the actions that belong to no pane
 *   pane.c       drawing, moving and clicking any pane; row helpers
 *   tlines.c     text built for a width (tlines.h)
 *   pane_*.c     protocol, class, code list, detail, cross-references
 *   ov_*.c       help, compare, bookmark, history and study overlays
 *
 * Data comes only from the store, search and userdata APIs: no SQL here. */
#ifndef SC_PANES_H
#define SC_PANES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "entry.h"
#include "labels.h"
#include "lang.h"
#include "keys.h"
#include "screen.h"
#include "search.h"
#include "store.h"
#include "str.h"
#include "tlines.h"
#include "ui.h"
#include "userdata.h"

/* ---- panes ---------------------------------------------------------------------- */

enum pane_id { PANE_PROTO, PANE_CLASS, PANE_LIST, PANE_DETAIL, PANE_XREF, PANE_COUNT };
enum overlay_id { OV_NONE, OV_HELP, OV_COMPARE, OV_MARKS, OV_HISTORY, OV_SEEN, OV_STUDY, OV_COUNT };

struct rect {
	int y, x, h, w;   /* h == 0: not shown */
};

struct tui;
struct pane;

/* What a pane's request did, for the loop to act on (after htop's
 * HandlerResult): the pane changes its own state, the loop the focus and
 * the overlay. */
enum pane_result {
	PANE_PASS  = 0,       /* not this pane's action */
	PANE_DONE  = 1u << 0, /* handled */
	PANE_DOWN  = 1u << 1, /* focus the level below (protocol > class > codes > detail > xrefs) */
	PANE_UP    = 1u << 2, /* focus the level above */
	PANE_CLOSE = 1u << 3, /* close the overlay */
};

struct pane_ops {
	bool selectable;  /* a list with a selected row; else text that scrolls */
	/* The pane's title for its header line, into b. */
	void (*title)(struct tui *t, struct pane *p, struct buf *b);
	/* Lists: how many rows, and draw row i in w columns at (y, x). */
	size_t (*rows)(struct tui *t, struct pane *p);
	void (*draw_row)(struct tui *t, struct pane *p, size_t i, int y, int x, int w, bool selected);
	/* Text panes: fill p->lines for width w (lines are then drawn as is). */
	void (*build)(struct tui *t, struct pane *p, int w);
	/* Lines under the rows, when there is room (the class description). */
	void (*footer)(struct tui *t, struct pane *p, int y, int x, int w, int h);
	/* An action for this pane: enum pane_result flags, PANE_PASS when it is
	 * not the pane's to handle. */
	unsigned (*request)(struct tui *t, struct pane *p, enum tui_action a);
	/* The selection moved (lists). */
	void (*moved)(struct tui *t, struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	struct rect r;
	size_t sel, top;      /* selected row (lists), first row shown */
	struct tlines lines;  /* text panes */
	int   built_w;        /* width lines were built for; -1 to rebuild */
};

extern const struct pane_ops pane_ops_proto, pane_ops_class, pane_ops_list, pane_ops_detail,
	pane_ops_xref, pane_ops_help, pane_ops_compare, pane_ops_marks, pane_ops_history,
	pane_ops_seen, pane_ops_study;

/* ---- the browser's state ---------------------------------------------------------- */

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_COMPARE };

/* The prompt on the status line (prompt.c). */
struct tui_prompt {
	enum prompt_kind kind;
	struct buf text;
	enum pane_id saved_focus;   /* where focus was when it opened */
	bool search_due;            /* typed ahead: the search waits for the last key */
};

/* Digits typed to jump to a code (prompt.c). */
struct tui_jump {
	char digits[24];
	long long at;               /* when the last digit came, ms */
	bool hit;                   /* the jump already reached an exact code */
};

/* An entry shown (detail pane, compare overlay): its document, built by
 * the view layer for the browser's language. */
struct tui_entry {
	int64_t id;                 /* 0: none loaded */
	struct view_entry doc;
};

/* A search, kept while its results are shown and saved while a new one is
 * typed (Esc restores it). */
struct tui_search {
	bool active;                /* the list shows these results */
	char *error;                /* why the search failed, or NULL */
	struct buf query;
	struct sc_hits hits;
	struct strv terms;          /* for highlighting */
	size_t sel, top;
};

struct tui {
	struct store *st;
	struct userdata *ud;
	enum lang lang;

	struct sc_protocols protos;
	struct sc_classes classes;  /* of every protocol, sorted by protocol */
	struct sc_entries list;     /* the selected class: its top-level codes (with
	                               how many sub-status codes each folds), and
	                               after an open fold's parent its subs */
	bool list_loaded;
	bool standard;              /* only registered codes: no vendor's, no sub-status */
	struct tui_search search, saved;
	struct tui_entry cur;

	/* compare overlay (ov_compare.c): a against b, with the note when they
	 * have one */
	struct tui_cmp {
		struct tui_entry a;
		struct sc_entry b;
		const struct sc_xref *note;   /* into a.xrefs, or NULL */
		size_t peer;                  /* which compare xref of a */
	} cmp;
	/* bookmark and history overlays: the entries they list */
	struct sc_entries ov_rows;
	/* the "Seen" overlay (statuscodes browse FILE): the codes of the
	 * input and how often each was seen */
	struct sc_entries seen;
	uint64_t *seen_n;

	struct userdata_refs marks;
	struct userdata_refs hist;
	struct tui_study *study;    /* the study overlay's state (ov_study.c) */
	size_t hist_pos;            /* index in hist of what is shown; hist.n: the present */

	struct pane panes[PANE_COUNT];
	struct pane overlays[OV_COUNT];
	enum pane_id focus;
	enum overlay_id overlay;

	struct tui_prompt prompt;
	struct tui_jump jump;
	char *msg;                  /* a one-line message in the status bar */
	bool hist_unsaved_said;     /* the message that visits are not stored was shown */
	long long msg_at;

	int rows, cols;
	int list_need;              /* pane_list_need() the layout was made for */
	int sep_x[2], nsep;         /* columns of the rules between pane groups */
	bool too_small;
	bool layout_dirty;
	bool repaint;               /* repaint every cell at the next update */
	bool quit;
};

/* ---- nav.c: what is selected and loaded ---------------------------------------------- */

/* The pane or overlay now receiving keys. */
struct pane *tui_active(struct tui *t);
/* The entry at row i of the code list (results or class), or NULL. */
const struct sc_entry *tui_list_entry(struct tui *t, size_t i);
size_t tui_list_count(struct tui *t);
/* Index range of the selected protocol's classes in t->classes. */
void tui_class_range(struct tui *t, size_t *first, size_t *count);
const struct sc_class *tui_class_of(struct tui *t, const char *protocol, const char *class_id);
/* Folds of the code list (IIS sub-status codes under 403): row i is a
 * parent whose fold is open (its subs follow it); opening a closed one
 * (false when row i folds nothing or the list is search results); closing
 * the fold row i is the parent of or one of the subs of, selecting the
 * parent (false when none). */
bool tui_fold_is_open(struct tui *t, size_t i);
bool tui_fold_open(struct tui *t, size_t i);
bool tui_fold_close(struct tui *t, size_t i);
/* How many sub-status codes the row folds away now (0 when open, or in
 * the registered-only view, or for search results). */
size_t tui_fold_count(struct tui *t, size_t i);
/* Brings the loaded data in line with the selections (the class's codes,
 * everything about the selected code); a query only when one changed. */
void tui_ensure_data(struct tui *t);
/* Show e in the browser (its protocol, class, row); with history, record
 * a visit. */
void tui_goto(struct tui *t, const struct sc_entry *e, bool history);
void tui_focus(struct tui *t, enum pane_id id);
void tui_open_overlay(struct tui *t, enum overlay_id id);
void tui_close_overlay(struct tui *t);
/* The selection of a protocol or class moved: reload what depends on it. */
void tui_protocol_moved(struct tui *t);
void tui_class_moved(struct tui *t);
void tui_message(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A store failure: shows cause and frees it. */
void tui_store_error(struct tui *t, char *cause);
/* Loads the document of entry e for the browser's language into te (NULL:
 * clears); a store failure goes to the status line. */
int tui_entry_show(struct tui *t, struct tui_entry *te, const struct sc_entry *e);
void tui_entry_clear(struct tui_entry *te);
bool tui_same_entry(const struct sc_entry *e, const char *protocol, const char *code);
/* The entry a protocol and code name exactly, into out (caller clears);
 * false if none. */
bool tui_lookup_ref(struct tui *t, const char *protocol, const char *code, struct sc_entry *out);
void tui_search_free(struct tui_search *s);
/* Leave the search results; the list shows the selected class again. */
void tui_search_leave(struct tui *t);
/* Run the shown search again (after r: registered codes only, or all),
 * at the same hit when it is still among the results (prompt.c). */
void tui_search_redo(struct tui *t);

/* ---- history.c: visited codes and bookmarks --------------------------------------------- */

/* Record a visit of e (and drop what was ahead in the history). */
void tui_hist_push(struct tui *t, const struct sc_entry *e);
/* Record the entry shown now as visited. */
void tui_visit_current(struct tui *t);
/* One step back (dir < 0) or forward in the history. */
void tui_hist_go(struct tui *t, int dir);
bool tui_is_marked(struct tui *t, const struct sc_entry *e);
/* Bookmark on or off for e; the status line says what happened. */
void tui_toggle_mark(struct tui *t, const struct sc_entry *e);
/* Why a change to the user data was not stored, for the status line: the
 * reason the user database is read-only when it is ("the folder DIR cannot
 * be written"), else what went wrong. */
const char *tui_not_saved_why(const struct tui *t);
/* Fills t->ov_rows with the entries refs name (newest first when reverse),
 * each once, at most max. */
void tui_overlay_rows(struct tui *t, const struct userdata_refs *refs, bool reverse, size_t max);

/* ---- ov_compare.c ------------------------------------------------------------------------ */

/* Sets up the compare overlay for the current entry: peer k of its compare
 * cross-references, or (other != NULL) that entry. false when there is
 * nothing to compare with. */
bool tui_compare(struct tui *t, size_t k, const struct sc_entry *other);

/* ---- ov_study.c --------------------------------------------------------------------------- */

/* Opens the study overlay on the due and new cards; false (with a
 * message) when there is no writable user database or nothing to ask. */
bool tui_study_open(struct tui *t);
/* A key while the study overlay is open; true when taken. */
bool tui_study_key(struct tui *t, const struct screen_key *k);
/* For the code list: 0 not studied, 1 studied, 2 a card of it is due. */
int tui_study_mark(struct tui *t, const struct sc_entry *e);
void tui_study_free(struct tui *t);

/* ---- prompt.c ------------------------------------------------------------------------------ */

void tui_prompt_open(struct tui *t, enum prompt_kind kind);
/* A key while the prompt is open. */
void tui_prompt_key(struct tui *t, const struct screen_key *k);
/* Digits (and a dot, Backspace and Esc while typing them): true when k was
 * taken for the jump. */
bool tui_jump_key(struct tui *t, const struct screen_key *k);
/* Ends the jump when no digit came for a while; true when it did. */
bool tui_jump_expire(struct tui *t, long long now);

/* ---- actions.c ------------------------------------------------------------------------------ */

/* Runs a global action (one that belongs to no pane); false when a is not
 * one, or does not work over the open overlay. */
bool tui_action_run(struct tui *t, enum tui_action a);

/* ---- layout.c ------------------------------------------------------------------------------- */

/* The one layout function: pane rectangles for the terminal size and focus. */
void tui_relayout(struct tui *t);
/* One frame: panes, overlay, title and status bars. */
void tui_draw(struct tui *t);

/* ---- pane_list.c -------------------------------------------------------------------------- */

/* Columns the code list needs to show the code and the whole English
 * phrase of every standard code it lists. */
int pane_list_need(struct tui *t);

/* ---- pane_xref.c ------------------------------------------------------------------------ */

/* Rows of the cross-reference pane: one per target entry (0: none). */
size_t pane_xref_count(struct tui *t);

/* ---- pane.c: any pane ------------------------------------------------------------------------ */

/* The search terms to highlight now (the prompt's or the kept search's). */
const struct strv *pane_terms(struct tui *t);
/* Draws pane p (header, rows or lines, footer) in its rect; focused sets
 * the header and selection style. */
void pane_draw(struct tui *t, struct pane *p, bool focused);
/* Generic moves for an action (lines, pages, ends); true when handled. */
bool pane_move(struct tui *t, struct pane *p, enum tui_action a);
/* Keep the selection inside the rows and on screen. */
void pane_clamp(struct tui *t, struct pane *p);
/* Rows of content a pane shows (its height less the header). */
int pane_body_rows(const struct pane *p);
size_t pane_row_count(struct tui *t, struct pane *p);
/* Mark a text pane for rebuilding. */
void pane_invalidate(struct pane *p);
/* Select the row under screen line y (click); false when none. */
bool pane_click(struct tui *t, struct pane *p, int y);
/* "en", "zh" or "en · zh" as the language asks. Caller frees. */
char *pane_bi(const struct tui *t, const char *en, const char *zh);
static inline bool pane_want_en(const struct tui *t) { return lang_want_en(t->lang); }
static inline bool pane_want_zh(const struct tui *t) { return lang_want_zh(t->lang); }
static inline bool pane_has(const char *s) { return s && *s; }
/* A short protocol tag for lists that mix protocols ("WS" for WebSocket). */
const char *pane_protocol_tag(const char *id);
/* " 44 +81" into buf: the codes a list shows with its folds closed (top)
 * and, when folds is true and some are folded, how many more (all - top);
 * else " 44". Returns its columns. */
int pane_count_text(char *buf, size_t size, int64_t top, int64_t all, bool folds);
/* The palette entry of a code. */
int pane_code_style(const struct sc_entry *e);
/* Starts a row: the selection marker and, for the focused selection, the
 * reverse bar. Returns the attribute for the rest of the row. */
attr_t pane_row_begin(struct tui *t, struct pane *p, int y, int x, int w, bool selected);
/* The style's attribute, unless the row is reverse (then plain reverse). */
attr_t pane_in_row(attr_t row, int style);
/* Draws text in columns [x, x+w) of a row, fitted, highlighted. Returns
 * the columns used. */
int pane_row_text(struct tui *t, int y, int x, int w, const char *s, attr_t a);
/* Draws one built line at (y, x) in w columns, search terms highlighted. */
void pane_draw_line(struct tui *t, const struct tline *ln, int y, int x, int w);

#endif
