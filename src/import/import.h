/* import.h: building the reference database, and importing a user's
 * document into one.
 *
 * Call order for a build: store_open(STORE_CREATE), store_begin,
 * import_curated, import_document for each document, import_finish,
 * store_commit. A user import is the same on an existing database without
 * import_curated; a failure anywhere is followed by store_rollback, which
 * leaves the database as it was. */
#ifndef SC_IMPORT_H
#define SC_IMPORT_H

#include <stdio.h>

#include "doc.h"
#include "store.h"

/* The kinds of defect the reconciler finds; docs/DEFECTS.md and
 * `statuscodes sources` describe them from this list. */
#define FINDING_KINDS(X) \
	X(misread_label,      "a code label misread, such as 60W for 302") \
	X(duplicate_block,    "a block of rows repeated in full") \
	X(duplicate_row,      "a row repeated") \
	X(copied_text,        "a row that carries the text of another code") \
	X(shared_text,        "two codes given the same text") \
	X(hidden_row,         "a code hidden inside another code's row") \
	X(wrong_label,        "a row filed under the wrong code") \
	X(wrong_phrase,       "a reason phrase that belongs to another code") \
	X(misspelled_phrase,  "a reason phrase that differs slightly from the registry's") \
	X(garbled_phrase,     "a reason phrase garbled by machine translation") \
	X(other_name,         "a name other than the registry's (an older name or an alias)") \
	X(unknown_phrase,     "a reason phrase the registry does not know for that code") \
	X(outdated_meaning,   "a meaning the registry no longer gives the code") \
	X(mixed_language,     "English text with Chinese fragments left in it") \
	X(machine_translation,"a document whose English reads as machine translation") \
	X(truncated_text,     "a text cut short") \
	X(typo,               "a wrong character or word in a text (found by review)") \
	X(mistranslation,     "a text that says something other than what it translates (found by review)") \
	X(outdated_rule,      "a rule of a replaced specification, stated as current (found by review)") \
	X(contradicts_rfc,    "a text that says the opposite of the RFC it follows (found by review)") \
	X(own_label,          "a label the project chose itself and has since corrected (found by review)") \
	X(unknown_code,       "a code no registry has") \
	X(rejected_line,      "a line the parser could not use")

struct import_summary {
	size_t rows;       /* rows read */
	size_t claims;     /* claims stored */
	size_t used;       /* claims used as entry text */
	size_t findings;
	size_t rejected;   /* lines rejected */
	size_t entries_new;
	int64_t source_id;  /* the source row the document was stored as */
};

/* Loads every curated table in dir (protocols, classes, registry-*,
 * historic-*, confusables). */
int import_curated(struct store *st, const char *dir, char **cause);
/* Reconciles a parsed document against what the database knows and
 * stores its claims and findings. kind is "document" (a bundled source) or
 * "user". When log is not NULL, one line per finding is written to it. */
int import_document(struct store *st, const struct doc *d, const char *kind,
                    struct import_summary *sum, FILE *log, char **cause);
/* Works out every entry's text from its claims, links codes that mention
 * each other, and rebuilds the search index. */
int import_finish(struct store *st, char **cause);

#endif
