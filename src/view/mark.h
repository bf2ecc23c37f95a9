/* mark.h: what kind of code an entry is, as the rows of lists, search
 * results and the browser show it: a short tag readable without colour
 * (standard, a vendor's name such as nginx or IIS as the database gives it,
 * unofficial, obsolete, ...) and its colour from the palette. The CLI's
 * rows (src/cli/render.c) and the browser's code list draw it from here. */
#ifndef SC_MARK_H
#define SC_MARK_H

#include <stdbool.h>

#include "lang.h"
#include "palette.h"
#include "store.h"

/* Columns a tag takes at most ("Cloudflare"); longer vendor names are cut. */
#define MARK_WIDTH 10

struct view_mark {
	const char *text;      /* "standard", "nginx", "已废弃": static or e->vendor */
	const char *compact;   /* one column, for a row too narrow for text: S
	                          standard or reserved, V a vendor's or unofficial,
	                          O obsolete or unused, ? anything else */
	enum palette color;    /* PAL_STANDARD, PAL_VENDOR, PAL_OBSOLETE or PAL_WARN */
};

/* The mark of e in lang (Chinese words for LANG_ZH, else English; a
 * vendor's name is the same in both). Points into e or static data. */
struct view_mark view_mark(const struct sc_entry *e, enum lang lang);

#endif
