/* render.h: how entries look on stdout, as text or JSON. */
#ifndef SC_RENDER_H
#define SC_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "palette.h"
#include "search.h"
#include "store.h"

struct out {
	struct buf b;
	size_t width;      /* wrap at this many columns */
	bool color;
	enum lang lang;
};

/* Everything shown about one entry. */
struct entry_view {
	struct sc_entry e;
	struct sc_claims claims;
	struct sc_xrefs xrefs;
	struct sc_findings findings;
	struct sc_entries children;   /* sub-status codes */
	struct sc_entry parent;       /* id 0 when none */
	struct sc_class klass;        /* name of its class */
	struct sc_historics former;   /* meanings it used to have */
};
int  entry_view_load(struct store *st, const struct sc_entry *e, struct entry_view *v, char **cause);
void entry_view_free(struct entry_view *v);

void out_init(struct out *o, const struct cli_opts *opts, bool tty);
void out_write(struct out *o, FILE *f);   /* writes and empties the buffer */
void out_free(struct out *o);

/* Text in colour c when colour is on. */
void out_colored(struct out *o, enum palette c, const char *s);
/* s wrapped to the width, each line indented by indent spaces. */
void out_wrapped(struct out *o, size_t indent, const char *s);

void render_entry(struct out *o, const struct entry_view *v);
void render_entry_json(struct json *j, const struct entry_view *v);
/* One line of a list or of search results. tty: aligned columns (and the
 * snippet under it); otherwise protocol TAB code TAB en TAB zh. */
void render_row(struct out *o, const struct sc_entry *e, const char *snippet, bool fuzzy, bool tty);
void render_row_json(struct json *j, const struct sc_entry *e, const char *snippet, bool fuzzy);
void render_compare(struct out *o, const struct entry_view *a, const struct entry_view *b);
void render_compare_json(struct json *j, const struct entry_view *a, const struct entry_view *b);


#endif
