/* search.h: the one search the CLI and the TUI share. What a user types
 * becomes a safe FTS5 query (query.c) over both languages (tokenizer.c);
 * an exact code or pattern comes first, then an exact phrase, then bm25
 * with column weights (code > phrase > alias > summary > detail). When
 * nothing matches, entries whose names are close to the query (a typo) are
 * offered, marked as such. */
#ifndef SC_SEARCH_H
#define SC_SEARCH_H

#include <stdbool.h>

#include "store.h"

/* Snippets mark the matched text between these bytes. */
#define SEARCH_MARK_ON  '\x01'
#define SEARCH_MARK_OFF '\x02'

struct sc_hit {
	struct sc_entry e;
	double rank;        /* lower is better */
	char  *snippet;     /* text around the match with marks, or NULL */
	bool   fuzzy;       /* offered as a close match, not a match */
	bool   exact;       /* the code or a phrase equals the query */
};

struct sc_hits {
	struct sc_hit *v;
	size_t n, cap;
};
void sc_hits_free(struct sc_hits *h);

/* Search for text (any bytes). protocol narrows it (NULL: all). prefix
 * makes the last word match as a prefix (incremental search). Returns 0
 * (possibly with no hits) or -1 with *cause for a database failure; never
 * fails because of what the text holds. */
int store_search(struct store *st, const char *text, const char *protocol, size_t limit,
                 bool prefix, struct sc_hits *out, char **cause);

/* Does text look like a code or a code pattern (404, 403.14, 40x, 4xx)? */
bool search_is_code(const char *text);

#endif
