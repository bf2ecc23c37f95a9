/* search_int.h: what the files of the search share (search.c runs it,
 * search_plan.c turns the query into a plan, search_rank.c scores rows).
 * The formula is documented in docs/SEARCH.md. */
#ifndef SC_SEARCH_INT_H
#define SC_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "search.h"
#include "store.h"
#include "str.h"

#define PLAN_MAX_CONCEPTS 12   /* more words than this: the rest are left out */
#define PLAN_MAX_ALTS     16   /* ways of writing one concept */
#define PLAN_MAX_PHRASES  (PLAN_MAX_CONCEPTS * PLAN_MAX_ALTS + 1)

/* One thing the user asked for: a word, or words that a glossary or
 * synonym row names together ("timed out", 重定向), with every way of
 * writing it as an FTS5 phrase. */
struct search_concept {
	char  *typed;                   /* what the user typed for it */
	char  *alts[PLAN_MAX_ALTS];     /* quoted FTS5 phrases ("a""b", "requ"*) */
	size_t nalts;
	double idf;                     /* from the documents per term at build */
	double df;                      /* documents that hold it (estimated) */
	bool   plain;                   /* one latin word, typed whole: may be a typo */
};

struct search_plan {
	struct search_concept c[PLAN_MAX_CONCEPTS];
	size_t n;
	int    protocol;          /* position of the protocol to keep, 0 any */
	const char *protocol_id;
	bool   substatus;         /* "iis": sub-status codes only */
	char  *vendor;            /* a quoted phrase every hit must hold, or NULL */
	bool   names_only;        /* one or two letters: codes and names only */
	bool   any;               /* OR the concepts: best m of n */
	int    phrase_concept[PLAN_MAX_PHRASES]; /* FTS5 phrase -> concept, -1 none */
	int    nphrases;
	struct strv terms;        /* to highlight */
	const unsigned char *prior; /* two bytes per entry id */
	size_t nprior;
	char  *typed;             /* the query without its protocol words */
	bool   only_narrowing;    /* nothing but protocol or vendor words */
	struct strv codes;        /* words that are codes (502 in "502 Bad Gateway") */
};

/* Per-connection state: prepared statements and data read once. */
struct search_state {
	sqlite3_stmt *term_doc, *prefix_terms, *syn_groups, *syn_terms, *rank, *fetch, *texts, *vocab, *pattern, *plain,
	             *protocols;
	struct tokenizer_inst *tok;   /* for the words of a query */
	unsigned char *prior;
	size_t nprior;
	int64_t nentries;
	bool registered;
};

/* The state of st, made on first use. NULL with *cause on failure. */
struct search_state *search_state(struct store *st, char **cause);

/* Plans text (cleaned UTF-8). protocol: given by the caller (NULL: any).
 * prefix: the last word is still being typed. Returns 0 or -1 with *cause. */
int plan_build(struct store *st, struct search_state *ss, const char *text, const char *protocol,
               bool prefix, struct search_plan *p, char **cause);
void plan_free(struct search_plan *p);
/* The FTS5 MATCH expression of the plan (AND, or OR when p->any), with
 * p->phrase_concept filled in. Caller frees; NULL when nothing to match. */
char *plan_match(struct search_plan *p);
/* Documents of the most frequent index term close to word (edit distance
 * 1 or 2), written into out (size outsz). Returns false when none. */
bool plan_close_term(struct search_state *ss, const char *word, char *out, size_t outsz);

/* Appends the decimal digits of x to b (ids for json_each). */
struct buf;
void search_add_id(struct buf *b, int64_t x);

/* Snippets for the first hits of out (search_snippet.c) of a search for
 * query (cleaned). 0, or -1 with *cause. */
int search_snippets(struct store *st, struct search_state *ss, const char *query, struct sc_hits *out,
                    char **cause);

/* Registers the rank function sc_rank(search, plan) on db. */
int rank_register(sqlite3 *db);

/* Scores from sc_rank: the share of the query's weight matched dominates
 * (in tenths), then the tier (names, then a whole phrase, then scattered
 * words), then text weight times the prior (below RANK_TEXT_MAX, in
 * hundredths); the number of concepts matched rides in the ten-thousandths. */
#define RANK_PER_WORD 10000.0
#define RANK_PER_TIER 1000.0
#define RANK_TEXT_MAX 899.0
#define RANK_EXACT_TIER 3
/* The concepts a score says matched. */
size_t rank_matched(double score);

#endif
