/* store_write.h: the writer the importer uses. Every function returns 0 (or
 * a new row id > 0) on success and -1 on failure with *cause set (caller
 * frees). Call them between store_begin() and store_commit(). */
#ifndef SC_STORE_WRITE_H
#define SC_STORE_WRITE_H

#include "store.h"

int store_begin(struct store *st, char **cause);
int store_commit(struct store *st, char **cause);
void store_rollback(struct store *st);

/* What the writer is given: borrowed strings, never freed by it. */
struct source_info {
	const char *file, *kind, *format, *title, *author, *date, *language;
	int64_t bytes, lines, rows;
};
struct protocol_info {
	const char *id, *name_en, *name_zh, *desc_en, *desc_zh;
};
struct class_info {
	const char *protocol, *id, *name_en, *name_zh, *desc_en, *desc_zh;
	int lo, hi;
};

int64_t store_add_source(struct store *st, const struct source_info *s, char **cause);
int store_set_source_rows(struct store *st, int64_t source_id, int64_t rows, char **cause);
/* An earlier source that source_id (just stored) repeats: the same format,
 * size and lines, and the same claims (line, label, field, language,
 * value) as many times, so importing the same document again would only
 * store them twice. Its id, 0 when there is none, -1 with *cause. */
int64_t store_source_repeat(struct store *st, int64_t source_id, char **cause);
int store_add_protocol(struct store *st, const struct protocol_info *p, int sort, char **cause);
int store_add_class(struct store *st, const struct class_info *c, char **cause);
/* Updates the descriptions of a class only where they are empty. */
int store_class_fill(struct store *st, const char *protocol, const char *id,
                     const char *name_zh, const char *desc_zh, char **cause);

/* The id of entry (protocol, code), creating it (status unverified, class
 * and parent worked out) when it does not exist. num/sub/hi as code_parse. */
int64_t store_entry_ensure(struct store *st, const char *protocol, const char *code,
                           int num, int sub, int hi, char **cause);
/* Overwrites every text column, status and spec of entry e->id. */
int store_entry_update(struct store *st, const struct sc_entry *e, char **cause);
int store_add_alias(struct store *st, int64_t entry_id, const char *name, const char *lang, char **cause);
int64_t store_add_claim(struct store *st, int64_t source_id, int64_t entry_id, int line,
                        const char *label, const char *field, const char *lang,
                        const char *value, const char *state, char **cause);
int64_t store_add_finding(struct store *st, int64_t source_id, int line, const char *kind,
                          const char *label, int64_t entry_id, const char *message,
                          const char *resolution, const char *message_zh,
                          const char *resolution_zh, char **cause);
/* A correction of the project's own data (a label it chose, since put
 * right): a finding filed at the curated line whose claim field of entry
 * entry_id now holds now. 0, 1 when no such claim, or -1 with *cause. */
int store_add_correction(struct store *st, int64_t entry_id, const char *field, const char *now,
                         const char *kind, const char *label, const char *message,
                         const char *resolution, const char *message_zh, const char *resolution_zh,
                         char **cause);
/* One row of the project's review of the documents' texts. */
struct review_info {
	const char *protocol, *code, *lang, *kind, *match, *message_en, *message_zh,
	           *resolution_en, *resolution_zh, *source, *file;
	int line;
};
int store_add_review(struct store *st, const struct review_info *r, char **cause);
/* Applies every review row to the documents' claims it matches (the
 * entry's claims in its language whose text holds its words, duplicates
 * aside): each becomes a finding of its source and line (once), and a claim
 * still in use is set aside (kept; outdated for an outdated rule). A row
 * that matches no claim is an error naming the curated file and line. */
int store_apply_reviews(struct store *st, char **cause);
/* A maker of unofficial codes: name is shown for every unofficial entry
 * whose spec contains match (the first such row wins). */
int store_add_vendor(struct store *st, const char *name, const char *match, char **cause);
/* Sets entry.vendor of every entry from the vendor rows (after the specs
 * are picked); entries that are not unofficial get none. */
int store_apply_vendors(struct store *st, char **cause);
int store_add_historic(struct store *st, const char *protocol, const char *code,
                       const char *former_en, const char *former_zh, const char *match,
                       const char *note_en, const char *note_zh, const char *source, char **cause);
/* A meaning another source gives the number (curated meanings.tsv): v is
 * protocol, code, meaning_en, meaning_zh, who_en, who_zh, note_en,
 * note_zh, source. */
int store_add_meaning(struct store *st, const char *const v[9], char **cause);
int64_t store_add_comparison(struct store *st, const char *members, const char *title_en,
                             const char *title_zh, const char *note_en, const char *note_zh,
                             const char *source, char **cause);
int store_add_xref(struct store *st, int64_t a, int64_t b, const char *kind,
                   int64_t comparison_id, char **cause);
/* Removes the derived rows (mentions and same-number links, the search
 * index) before they are computed again. */
int store_clear_derived(struct store *st, char **cause);
int store_index_entry(struct store *st, int64_t id, const char *code, const char *phrase,
                      const char *alias, const char *summary, const char *detail, char **cause);

/* The search's curated data: how often a code is seen (percent of
 * responses in a cited measurement), and groups of terms that mean the same
 * (a glossary row: English and Chinese; a synonym row: English variants).
 * terms is ;-separated; grp numbers a group. */
int store_add_prior(struct store *st, const char *protocol, const char *code, double seen,
                    const char *source, char **cause);
int store_add_synonyms(struct store *st, int64_t grp, const char *terms, char **cause);
/* After the index is filled: documents per term (termstat), the prior of
 * every entry (search_prior), as src/store/search.c reads them, and the
 * entries per protocol and class (what the browser's first frame shows).
 * Also what the benchmark generator calls after adding entries. */
int store_index_stats(struct store *st, char **cause);

/* ---- what the reconciler reads ------------------------------------------ */

/* What a registry says of one code, for checking documents against it. */
struct sc_known {
	int64_t id;
	char *protocol, *code, *phrase_en, *phrase_zh, *status;
	struct { char **v; size_t n; } aliases;
	int registered;          /* has a curated claim */
};
struct sc_knowns {
	struct sc_known *v;
	size_t n, cap;
};
void sc_knowns_free(struct sc_knowns *l);
int store_knowns(struct store *st, struct sc_knowns *out, char **cause);

int store_historics(struct store *st, struct sc_historics *out, char **cause);

/* Every claim that is 'used', with its source's kind and file, ordered by
 * entry, then source, then line. cb returns non-zero to stop. */
struct sc_used_claim {
	int64_t entry_id, source_id;
	const char *source_kind, *source_file, *field, *lang, *value;
	int line;
};
int store_each_used_claim(struct store *st, int (*cb)(void *ctx, const struct sc_used_claim *c),
                          void *ctx, char **cause);

#endif
