/* render.h: how entries look on stdout, as text or JSON. render.c: the
 * output buffer, shared pieces, list rows, compare; render_entry.c: the
 * entry document as text; render_json.c: everything as JSON. An entry is
 * laid out only by the drawers here (view_entry_draw in entry.h). */
#ifndef SC_RENDER_H
#define SC_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "cli.h"
#include "entry.h"
#include "json.h"
#include "palette.h"
#include "search.h"
#include "store.h"

struct out {
	struct buf b;
	size_t width;      /* wrap at this many columns */
	bool color;
	enum lang lang;
	bool line;         /* rows as --format=line */
};

void out_init(struct out *o, const struct cli_opts *opts, bool tty);
void out_write(struct out *o, FILE *f);   /* writes and empties the buffer */
void out_free(struct out *o);

/* Text in colour c when colour is on. */
void out_colored(struct out *o, enum palette c, const char *s);
/* s wrapped to the width, each line indented by indent spaces. */
void out_wrapped(struct out *o, size_t indent, const char *s);
void out_hanging(struct out *o, size_t used, const char *s);
/* The same, each line in colour c (PAL_COUNT: none). */
void out_wrapped_colored(struct out *o, size_t indent, enum palette c, const char *s);

/* en and zh joined as the language asks, even when one is missing
 * ("en · " for both). Caller frees. */
char *render_joined(const struct out *o, const char *en, const char *zh);
/* "Not Found · 未找到": the phrases the language wants. Caller frees. */
char *render_phrases(const struct out *o, const struct sc_entry *e);
/* A heading in the language(s) wanted, after a blank line, wrapped to the
 * width (a compare group's title can be longer than a line). */
void render_heading(struct out *o, const char *en, const char *zh);
/* "HTTP 404" (or "404") in the code's colour. */
void render_code(struct out *o, const struct sc_entry *e, bool with_protocol);

/* The entry document as text, in full (--full) or the answer first; the
 * drawers take a struct out *. */
extern const struct view_drawer render_text_drawer, render_short_drawer;
void render_entry(struct out *o, const struct view_entry *v, bool full);
/* The first sentence of s (the short form shows a note's). Caller frees. */
char *render_first_sentence(const char *s);
/* The entry as JSON; v should be built for LANG_BOTH (JSON carries both).
 * The drawer fills a zeroed struct json_entry: one JSON fragment per group
 * of keys of the entry object, in the order they are written. */
enum json_slot {
	JS_HEAD, JS_SUMMARY, JS_DETAIL, JS_CHECK, JS_BY, JS_PARENT,
	JS_FORMER, JS_MEANINGS, JS_SUB, JS_XREFS, JS_CLAIMS, JS_FINDINGS, JS_COUNT
};
struct json_entry {
	struct json slot[JS_COUNT];
};
extern const struct view_drawer render_json_drawer;
void render_entry_json(struct json *j, const struct view_entry *v);
void render_entry_fields_json(struct json *j, const struct sc_entry *e);
/* One line of a list or of search results. With o->line "404  Not Found
 * · 未找到" (another protocol than HTTP named first: "FTP 502  ...");
 * else tty: aligned columns, the mark of mark.h (standard, nginx,
 * obsolete) among them, and the snippet under it; otherwise protocol TAB
 * code TAB en TAB zh, the language not wanted left empty. */
void render_row(struct out *o, const struct sc_entry *e, const char *snippet, bool fuzzy, bool tty);
void render_row_json(struct json *j, const struct sc_entry *e, const char *snippet, bool fuzzy);
#define COMPARE_MAX 8
/* Two to COMPARE_MAX entries side by side (more are cut), with the notes that
 * tell them apart (each note once). */
void render_compare(struct out *o, const struct view_entry *const *v, size_t n);
void render_compare_json(struct json *j, const struct view_entry *const *v, size_t n);
/* The compare note of a about b, or NULL. */
const struct sc_xref *render_compare_note(const struct view_entry *a, const struct view_entry *b);

#endif
