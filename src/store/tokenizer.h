/* tokenizer.h: the "sc" FTS5 tokenizer, for English and Chinese in one table.
 *
 * The built-in tokenizers turn a run of Chinese into one token, so "缓存"
 * would only be found where it stands between punctuation (measured with
 * SQLite 3.40.1; see the design notes SEARCH.md). This one:
 *   - emits every CJK ideograph and kana as its own token, so a quoted
 *     query "缓存" becomes the phrase 缓 存 and finds it inside any text;
 *   - hands every other stretch of text to unicode61 (remove_diacritics 2);
 *     CJK and full-width punctuation separate tokens, full-width digits and
 *     letters are read as ASCII;
 *   - adds the porter stem of each word as a colocated token, when indexing
 *     and for plain query terms, so "authenticate" finds "authentication";
 *     prefix terms ("authenti*") get only the raw word, so every prefix of a
 *     word keeps matching while the user types.
 * All offsets are byte offsets into the text given to the tokenizer. Invalid
 * UTF-8 bytes separate tokens and are never part of one.
 *
 * The tokenizer must be registered on every connection that reads or writes
 * a table declared with tokenize='sc'. It takes no arguments. */
#ifndef SC_TOKENIZER_H
#define SC_TOKENIZER_H

#include <sqlite3.h>

/* Register the tokenizer as "sc" on db. Returns SQLITE_OK, or an SQLite
 * error code (SQLITE_ERROR when db has no FTS5). Safe to call again. */
int tokenizer_register(sqlite3 *db);

/* The fts5_api of db (it belongs to db). Returns SQLITE_OK or an error. */
int tokenizer_api(sqlite3 *db, fts5_api **api);

/* Called once per token by tokenizer_tokens(): tok is not NUL-terminated and
 * is only valid during the call; start and end are byte offsets into text;
 * colocated is nonzero for a token at the same position as the previous
 * one (a stem). */
typedef void (*tokenizer_cb)(void *ctx, const char *tok, int len, int start,
    int end, int colocated);

/* Run the "sc" tokenizer registered on db over the NUL-terminated text, as
 * FTS5 would with flags (FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
 * FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX or FTS5_TOKENIZE_AUX), calling
 * cb for each token. For tests and debugging. Returns SQLITE_OK or an SQLite
 * error code (SQLITE_ERROR if "sc" is not registered on db). */
int tokenizer_tokens(sqlite3 *db, const char *text, int flags, tokenizer_cb cb,
    void *ctx);

/* An instance of the "sc" tokenizer registered on db, made once and run
 * over many texts (a search tokenizes a few words per key): open returns
 * SQLITE_OK or an error code and *out NULL; run is tokenizer_tokens() on
 * the instance; close frees it (NULL is fine). It must not outlive db. */
struct tokenizer_inst;
int tokenizer_open(sqlite3 *db, struct tokenizer_inst **out);
int tokenizer_run(struct tokenizer_inst *ti, const char *text, int flags,
    tokenizer_cb cb, void *ctx);
void tokenizer_close(struct tokenizer_inst *ti);

#endif
