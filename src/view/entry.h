/* entry.h: the entry document, what a person is shown about one entry,
 * built once by one loader for every front end (the CLI's text, its JSON,
 * the browser's detail pane). It is an ordered list of sections
 * (labels.h VIEW_SECTIONS), each with its kind, its heading in both
 * languages and its items, already filtered by language: a text the
 * chosen language does not want is NULL, and a section with nothing to
 * show is left out. A renderer walks doc->sec[0..nsec) and draws each
 * section by its kind; it never goes back to the store.
 *
 * Ownership: view_entry_load() fills a caller-provided struct view_entry
 * that owns everything it points to (the data read from the store, the
 * sections, their items); every pointer in a section or item points into
 * it and lives until view_entry_free(). The caller frees with
 * view_entry_free(), also after a failed load. */
#ifndef SC_VIEW_ENTRY_H
#define SC_VIEW_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "labels.h"
#include "lang.h"
#include "store.h"

/* What an item is, so that a renderer knows which fields it carries. */
enum view_role {
	VR_TEXT,      /* en/zh: a paragraph (summary, what to check, details) */
	VR_PHRASE,    /* head: en/zh the phrase; ref the entry itself */
	VR_CLASS,     /* head: value the class id; en/zh the class name (may be NULL) */
	VR_STATUS,    /* head: value the status; en it, zh its Chinese name */
	VR_SPEC,      /* head: value the specification reference */
	VR_PARENT,    /* head: ref the entry a sub-status belongs to; en/zh its phrase */
	VR_BYLINE,    /* summary: value who wrote what is shown ("project" or a source
	               * file; NULL when unknown); en/zh who wrote each language's */
	VR_FORMER,    /* former: en/zh the former meaning; note_en/zh why */
	VR_MEANING,   /* meanings: en/zh the other meaning; title_en/zh who uses the
	               * number so; note_en/zh how to tell it from the entry's */
	VR_ENTRY,     /* sub-status, cross-references: ref the entry; en/zh its phrase;
	               * confusables: on the last peer of a compare group, title_* and
	               * note_* (the note that tells them apart) */
	VR_CLAIM,     /* sources: claim what a source said; value its source file,
	               * set only on the first claim of each source */
	VR_FINDING,   /* defects: finding */
};

struct view_item {
	enum view_role role;
	const char *value;               /* language-neutral text, or NULL */
	const char *en, *zh;             /* text in each wanted language, or NULL */
	const char *title_en, *title_zh; /* a compare group's title, or NULL */
	const char *note_en, *note_zh;   /* a note under the item, or NULL */
	const struct sc_entry *ref;      /* the entry it names, or NULL */
	const struct sc_xref *xref;      /* cross-reference sections */
	const struct sc_claim *claim;
	const struct sc_finding *finding;
};

struct view_section {
	enum view_section_kind kind;
	const char *en, *zh;             /* heading, from label_sections; NULL for head, summary */
	struct view_item *v;
	size_t n, cap;
	size_t more;                     /* items not read (sub-status codes past
	                                    VIEW_SUB_MAX): "… and N more" */
};

/* Sub-status codes an entry document reads (a screenful): a generated
 * database gives 404 hundreds, and `statuscodes list 404` lists them all. */
#define VIEW_SUB_MAX 30

struct view_entry {
	enum lang lang;                  /* what it was filtered for */
	struct view_section *sec;        /* in display order, only non-empty ones */
	size_t nsec, seccap;
	/* what the sections point into (owned) */
	struct sc_entry e;
	struct sc_entry parent;          /* id 0 when none */
	struct sc_class klass;           /* zeroed when the class is unknown */
	struct sc_claims claims;
	struct sc_xrefs xrefs;
	struct sc_findings findings;
	struct sc_entries children;      /* sub-status codes: the first VIEW_SUB_MAX */
	size_t nchildren;                /* how many there are */
	struct sc_historics former;      /* meanings it used to have */
	struct sc_meanings others;       /* what else sources say the number means */
};

/* Reads everything about e from st and builds its document for lang into
 * *doc. 0 on success; -1 with a message in *cause (caller frees) when the
 * store fails. doc must be freed with view_entry_free() either way. */
int view_entry_load(struct store *st, const struct sc_entry *e, enum lang lang,
                    struct view_entry *doc, char **cause);
void view_entry_free(struct view_entry *doc);

/* A front end's way of drawing an entry document: one function per kind
 * of section, called in the document's order for the sections the entry
 * has. A drawer that draws the whole document has a function for every
 * kind (tests/unit/test_render.c checks the CLI's text and JSON drawers,
 * and that each draws something for every section an entry has), so a
 * section added here is drawn by every front end or the test fails.
 * begin and end, when set, are called around the sections. */
typedef void view_draw_fn(void *ctx, const struct view_entry *doc, const struct view_section *s);
struct view_drawer {
	const char *name;
	void (*begin)(void *ctx, const struct view_entry *doc);
	view_draw_fn *draw[VS_COUNT];
	void (*end)(void *ctx, const struct view_entry *doc);
};

/* Draws doc with dr: begin, each section's draw function (a NULL one
 * skips that section: a short form leaves sections out so), end. */
void view_entry_draw(const struct view_entry *doc, const struct view_drawer *dr, void *ctx);

/* The line that ends a section with items not read ("… and 410 more:
 * statuscodes list 404"), in lang; NULL when s has all its items. Caller
 * frees. */
char *view_more_line(const struct view_entry *doc, const struct view_section *s, enum lang lang);

/* The section of this kind, or NULL when the entry has none. */
const struct view_section *view_entry_section(const struct view_entry *doc,
                                              enum view_section_kind kind);

#endif
