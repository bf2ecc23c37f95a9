/* search.h: the one search the CLI and the TUI share. What a user types
 * becomes a plan (search_plan.c: protocol words narrow, glossary terms join,
 * the last word typed is a prefix), a safe FTS5 query over both languages
 * (tokenizer.c), ranked by sc_rank (search_rank.c): an exact code or
 * pattern first, then by words matched, names above bodies, whole phrases
 * above scattered words, text weight times a prior for what people mean.
 * docs/SEARCH.md gives the formula. When nothing has all the words, the
 * hits with most of them follow, marked; when nothing matches at all, a
 * close word from the index's vocabulary is tried ("did you mean"). */
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
	char  *snippet;     /* text around the match with marks, or NULL: for both
	                       languages, a match in the query's language first */
	char  *snippet_en;  /* from the English texts only: marked, or unmarked */
	char  *snippet_zh;  /* when only the Chinese ones matched; or NULL */
	bool   fuzzy;       /* offered as a close match, not a match */
	bool   exact;       /* the code or a phrase equals the query */
	size_t matched;     /* words of the query it matches (see words) */
};

struct sc_hits {
	struct sc_hit *v;
	size_t n, cap;
	struct {            /* what to highlight, as the search matched it: */
		char **v;   /* words and glossary terms (any case; a stem */
		size_t n;   /* matches as the start of a word) */
	} terms;
	size_t words;       /* concepts in the query: words, or terms of several */
	bool   partial;     /* some hits match only some words (hit.matched) */
	char  *suggest;     /* the hits are for this query instead ("did you mean") */
};
void sc_hits_free(struct sc_hits *h);
/* Frees what hit h holds and zeroes its pointers. */
void sc_hit_clear(struct sc_hit *h);
/* Drops (and frees) the hits that are not registered codes
 * (sc_entry_registered), keeping the order; how many it dropped. */
size_t sc_hits_keep_registered(struct sc_hits *h);
/* The snippet of h to show when English (en) and/or Chinese (zh) is
 * wanted: that language's own (unmarked when only the other language's
 * text matched), else the one for both. NULL when h has none. */
const char *search_snippet(const struct sc_hit *h, bool en, bool zh);

/* What store_search is asked for, or-ed together. */
enum search_flags {
	SEARCH_PREFIX     = 1,  /* the last word matches as a prefix (incremental search) */
	SEARCH_REGISTERED = 2,  /* only registered codes (sc_entry_registered): the best
	                         * limit of them, not those among the best limit hits */
};

/* Search for text (any bytes), at most limit hits (0: 50). protocol narrows
 * it (NULL: all); flags are enum search_flags. Returns 0 (possibly with no
 * hits) or -1 with *cause for a database failure, and then out is empty
 * (what was found before the failure is freed); never fails because of
 * what the text holds. */
int store_search(struct store *st, const char *text, const char *protocol, size_t limit,
                 unsigned flags, struct sc_hits *out, char **cause);

/* Does the UTF-8 text at s (n bytes) begin with one of the terms of hits,
 * at the start of a word (case-insensitive)? Returns the length matched, or
 * 0. For highlighting the terms the search matched. */
size_t search_term_at(const struct sc_hits *h, const char *s, size_t n, bool word_start);

/* Does text look like a code or a code pattern (404, 403.14, 40x, 4xx)? */
bool search_is_code(const char *text);

#endif
