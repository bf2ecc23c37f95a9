/* render.h: how entries look on stdout, as text or JSON. */
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
};

void out_init(struct out *o, const struct cli_opts *opts, bool tty);
void out_write(struct out *o, FILE *f);   /* writes and empties the buffer */
void out_free(struct out *o);

/* Text in colour c when colour is on. */
void out_colored(struct out *o, enum palette c, const char *s);
/* s wrapped to the width, each line indented by indent spaces. */
void out_wrapped(struct out *o, size_t indent, const char *s);

/* The entry document as text: each section under its heading. */
void render_entry(struct out *o, const struct view_entry *v);
/* The entry as JSON; v should be built for LANG_BOTH (JSON carries both). */
void render_entry_json(struct json *j, const struct view_entry *v);
/* One line of a list or of search results. tty: aligned columns (and the
 * snippet under it); otherwise protocol TAB code TAB en TAB zh. */
void render_row(struct out *o, const struct sc_entry *e, const char *snippet, bool fuzzy, bool tty);
void render_row_json(struct json *j, const struct sc_entry *e, const char *snippet, bool fuzzy);
void render_compare(struct out *o, const struct view_entry *a, const struct view_entry *b);
void render_compare_json(struct json *j, const struct view_entry *a, const struct view_entry *b);


#endif
