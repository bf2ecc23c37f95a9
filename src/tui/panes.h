/* panes.h: the browser's state and its panes. Each pane (protocol, class,
 * code list, detail, cross-references) and each overlay (help, compare,
 * bookmarks, history) is a table of operations, after tig's view_ops:
 * how many rows it has, how a row is drawn, how its text is built for a
 * width, what it does with an action. tui.c owns the loop, the layout and
 * navigation; panes.c owns what each pane shows and does.
 *
 * Data comes only from the store, search and userdata APIs: no SQL here. */
#ifndef SC_PANES_H
#define SC_PANES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "labels.h"
#include "lang.h"
#include "keys.h"
#include "screen.h"
#include "search.h"
#include "store.h"
#include "str.h"
#include "userdata.h"

/* ---- text built for a width: lines of positioned, styled spans ---------------- */

struct tspan {
	int   x, w;       /* column in the pane; width (clipped to the pane) */
	int   style;      /* palette entry or STYLE_PLAIN */
	char *text;
};
struct tline {
	struct tspan *v;
	size_t n, cap;
};
struct tlines {
	struct tline *v;
	size_t n, cap;
};
void tlines_free(struct tlines *l);

/* ---- panes ---------------------------------------------------------------------- */

enum pane_id { PANE_PROTO, PANE_CLASS, PANE_LIST, PANE_DETAIL, PANE_XREF, PANE_COUNT };
enum overlay_id { OV_NONE, OV_HELP, OV_COMPARE, OV_MARKS, OV_HISTORY, OV_COUNT };

struct rect {
	int y, x, h, w;   /* h == 0: not shown */
};

struct tui;
struct pane;

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
	/* An action for this pane; true when handled. */
	bool (*request)(struct tui *t, struct pane *p, enum tui_action a);
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
	pane_ops_xref, pane_ops_help, pane_ops_compare, pane_ops_marks, pane_ops_history;

/* ---- the browser's state ---------------------------------------------------------- */

enum prompt_kind { PROMPT_NONE, PROMPT_SEARCH, PROMPT_COMPARE };

/* The entry shown in the detail pane, with everything about it. */
struct tui_entry {
	int64_t id;                 /* 0: none loaded */
	struct sc_entry e;
	struct sc_claims claims;
	struct sc_findings findings;
	struct sc_xrefs xrefs;
	struct sc_entry parent;     /* id 0 when none */
};

/* A search, kept while its results are shown and saved while a new one is
 * typed (Esc restores it). */
struct tui_search {
	bool active;                /* the list shows these results */
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
	struct sc_entries list;     /* the selected class */
	bool list_loaded;
	struct tui_search search, saved;
	struct tui_entry cur;

	/* compare overlay: a against b, with the note when they have one */
	struct tui_entry cmp_a;
	struct sc_entry cmp_b;
	const struct sc_xref *cmp_note;   /* into cmp_a.xrefs, or NULL */
	size_t cmp_peer;                  /* which compare xref of a */
	/* bookmark and history overlays: the entries they list */
	struct sc_entries ov_rows;

	struct userdata_refs marks;
	struct userdata_refs hist;
	size_t hist_pos;            /* index in hist of what is shown; hist.n: the present */

	struct pane panes[PANE_COUNT];
	struct pane overlays[OV_COUNT];
	enum pane_id focus;
	enum overlay_id overlay;

	enum prompt_kind prompt;
	struct buf ptext;
	char jump[24];              /* digits typed to jump to a code */
	long long jump_at;          /* when the last digit came, ms */
	bool jump_hit;              /* the jump already reached an exact code */
	char *msg;                  /* a one-line message in the status bar */
	long long msg_at;

	enum pane_id saved_focus;   /* where focus was when the prompt opened */

	int rows, cols;
	int sep_x[2], nsep;         /* columns of the rules between pane groups */
	bool too_small;
	bool layout_dirty;
	bool repaint;               /* repaint every cell at the next update */
	bool quit;
};

/* ---- services tui.c gives the panes ------------------------------------------------ */

/* The pane or overlay now receiving keys. */
struct pane *tui_active(struct tui *t);
/* The entry at row i of the code list (results or class), or NULL. */
const struct sc_entry *tui_list_entry(struct tui *t, size_t i);
size_t tui_list_count(struct tui *t);
/* Index range of the selected protocol's classes in t->classes. */
void tui_class_range(struct tui *t, size_t *first, size_t *count);
const struct sc_class *tui_class_of(struct tui *t, const char *protocol, const char *class_id);
/* Show e in the browser (its protocol, class, row); with history, record
 * a visit. */
void tui_goto(struct tui *t, const struct sc_entry *e, bool history);
/* Record the entry shown now as visited. */
void tui_visit_current(struct tui *t);
void tui_focus(struct tui *t, enum pane_id id);
void tui_open_overlay(struct tui *t, enum overlay_id id);
void tui_close_overlay(struct tui *t);
/* The selection of a protocol or class moved: reload what depends on it. */
void tui_protocol_moved(struct tui *t);
void tui_class_moved(struct tui *t);
void tui_message(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A store failure: shows cause and frees it. */
void tui_store_error(struct tui *t, char *cause);
bool tui_is_marked(struct tui *t, const struct sc_entry *e);
/* Loads everything about the entry with this id into te (0: clears). */
int tui_entry_load(struct tui *t, struct tui_entry *te, const struct sc_entry *e);
void tui_entry_clear(struct tui_entry *te);
/* Sets up the compare overlay for the current entry: peer k of its compare
 * cross-references, or (other != NULL) that entry. false when there is
 * nothing to compare with. */
bool tui_compare(struct tui *t, size_t k, const struct sc_entry *other);
/* Bookmark on or off for e. */
void tui_toggle_mark(struct tui *t, const struct sc_entry *e);

/* ---- helpers panes.c gives tui.c ----------------------------------------------------- */

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

#endif
