/* reconcile_int.h: what the reconciler's files share (private to
 * src/import/reconcile*.c). A document's rows are held in a struct ctx
 * while the checks run in the order import_document() calls them; each
 * check may record findings (rc_finding) and change the state of a row's
 * claims. */
#ifndef SC_RECONCILE_INT_H
#define SC_RECONCILE_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "import.h"
#include "store_write.h"
#include "text.h"

/* A row under reconciliation: the parser's row with the code it resolves
 * to and the state of each of its claims. */
struct rrow {
	int   line, table;
	bool  in_table;
	char *label;                          /* as written */
	const char *protocol;
	char *section;
	char *phrase, *gloss, *text, *note;   /* owned */
	char *code;                           /* resolved, NULL if none */
	int   num, sub, hi;
	const char *s_phrase, *s_gloss, *s_text, *s_note;
	bool  dup;
	bool  phrase_checked;                 /* a finding already spoke of the phrase */
};

struct ctx {
	struct store *st;
	const struct doc *d;
	int64_t src;
	struct sc_knowns kn;
	struct sc_historics hist;
	struct rrow *r;
	size_t n, cap;
	struct import_summary *sum;
	FILE *log;
	char **cause;
	int failed;
	const char *default_protocol;
	char *zh_msg, *zh_res;   /* the next finding in Chinese (see rc_zh()) */
};

/* A claim's state; compared by address (r->s_text == S_USED). */
extern const char S_USED[], S_KEPT[], S_DUP[], S_REJECTED[], S_OUTDATED[];

/* ---- rows and findings (reconcile.c) ---- */
/* Inserts a zeroed row at index at (all claims S_USED); the array may move. */
struct rrow *rrow_insert(struct ctx *c, size_t at);
/* Resolves label to the row's code (NULL when it is none). */
void rrow_set_code(struct rrow *r, const char *label);
/* The next finding's message and resolution in Chinese; rc_finding() takes
 * them over (both malloc'd, or NULL). */
void rc_zh(struct ctx *c, char *msg, char *res);
/* Records a finding about row r (or the document, r NULL) at line. */
void rc_finding(struct ctx *c, const struct rrow *r, int line, const char *kind,
                const char *resolution, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* ---- the registry, text, groups (reconcile_match.c) ---- */
const struct sc_known *rc_known_code(const struct ctx *c, const char *protocol, const char *code);
/* 2: phrase is k's registry phrase; 1: one of its aliases; 0: neither. */
int rc_known_names(const struct sc_known *k, const char *phrase);
/* The registered, top-level code of protocol that phrase names, or NULL. */
const struct sc_known *rc_known_by_phrase(const struct ctx *c, const char *protocol, const char *phrase);
/* A quotation of s, at most 40 columns. Caller frees. */
char *rc_quote(const char *s);
/* "zh" or "en": the language most of s is written in. */
const char *rc_lang_of(const char *s);
/* s without a final full stop, for comparing texts. Caller frees. */
char *rc_text_key(const char *s);

/* Is the row's phrase written in Latin letters (comparable with the
 * registry's English)? */
static inline bool latin_phrase(const struct rrow *r)
{
	return r->phrase && !text_has_cjk(r->phrase);
}

/* Rows grouped by a key (issue 15 item 7: comparing every pair of rows made
 * an import quadratic in its length; sorting the keys is O(n log n)).
 * first[i] is the first row with row i's key and next[i] the next one after
 * i, in document order; NONE for a row without a key. */
#define NONE ((size_t)-1)
struct groups {
	size_t *first, *next;
	char  **keys;
};
/* Groups c's rows by key(row), a malloc'd string or NULL for a row that
 * belongs to no group. Free with rc_groups_free(). */
void rc_groups_make(struct ctx *c, char *(*key)(const struct rrow *), struct groups *g);
void rc_groups_free(struct groups *g, size_t n);

/* ---- the checks, in the order they run ---- */
void rc_split_hidden(struct ctx *c);          /* reconcile_labels.c */
void rc_resolve_misread(struct ctx *c);
void rc_check_wrong_labels(struct ctx *c);
void rc_check_shared_phrases(struct ctx *c);
void rc_mark_duplicates(struct ctx *c);       /* reconcile_repeats.c */
void rc_check_copied_text(struct ctx *c);
void rc_check_outdated(struct ctx *c);        /* reconcile_quality.c */
/* Returns how many English phrases differ from the registry's; *checked
 * counts those compared, *garbled those padded or repeated. */
size_t rc_check_phrases(struct ctx *c, size_t *checked, size_t *garbled);
size_t rc_check_mixed(struct ctx *c);
void rc_check_truncated(struct ctx *c);
void rc_check_machine_translation(struct ctx *c, size_t bad, size_t checked, size_t garbled,
                                  size_t mixed);

#endif
