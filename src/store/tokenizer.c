#include "config.h"
#include "tokenizer.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xmalloc.h"

/*
 * The text is cut into CJK characters, which become tokens by themselves,
 * and stretches of everything else, which unicode61 tokenizes. For words in
 * a stretch, porter is run over the same stretch first and its stems are
 * kept; as unicode61 then emits each word, the stem with the same offsets
 * follows it as a colocated token when it differs. porter wraps unicode61
 * with the same options, so both see the same words at the same offsets.
 * The idea of one token per CJK character is from wangfenjin/simple and
 * Signal's FTS5 extension; no code is taken from them.
 */

#define TOKENIZER_NAME "sc"

/* What a code point does to the text around it. */
enum tokenizer_class {
	TOKENIZER_WORD,	/* belongs to a stretch unicode61 tokenizes */
	TOKENIZER_FOLD,	/* full-width digit or letter: a stretch char, read as ASCII */
	TOKENIZER_CJK,	/* a token by itself */
	TOKENIZER_SEP	/* separates, never part of a token */
};

/* The user data of the registered tokenizer; freed by FTS5 with the db. */
struct tokenizer_module {
	fts5_api *api;
};

/* One tokenizer instance (what FTS5 calls an Fts5Tokenizer). */
struct tokenizer {
	fts5_tokenizer	 u61;
	Fts5Tokenizer	*u61_tok;
	fts5_tokenizer	 porter;
	Fts5Tokenizer	*porter_tok;
};

/* A stem found by porter: offsets within the stretch, text in a pool. */
struct tokenizer_stem {
	int	start;
	int	end;
	size_t	off;
	int	len;
};

/* State of one xTokenize call, shared by the callbacks. */
struct tokenizer_run {
	void	 *ctx;
	int	(*token)(void *, int, const char *, int, int, int);
	bool	  stem;		/* add colocated stems? */

	int	  base;		/* offset of the current stretch in the text */
	const int *map;		/* folded offset -> stretch offset, or NULL */

	struct tokenizer_stem *stems;
	size_t	  nstems;
	size_t	  capstems;
	size_t	  next;		/* first stem not yet paired */
	struct buf pool;	/* text of the stems */
};

/* Classify one code point. 々 〆 〇 are ideographs in use, so they are
 * tokens; the rest of U+3000-303F and the full-width punctuation separate. */
static enum tokenizer_class
tokenizer_classify(uint32_t cp)
{
	if (cp < 0x3000)
		return TOKENIZER_WORD;
	if (cp_is_cjk_letter(cp))	/* ideographs, 々〆〇, kana (cjk.h) */
		return TOKENIZER_CJK;
	if (cp <= 0x303F || cp == 0x30FB)	/* ・ is punctuation */
		return TOKENIZER_SEP;
	if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return TOKENIZER_FOLD;
	if ((cp >= 0xFF00 && cp <= 0xFF65) || (cp >= 0xFFE0 && cp <= 0xFFEF))
		return TOKENIZER_SEP;
	return TOKENIZER_WORD;
}

/* Look up the fts5_api of db. Returns SQLITE_OK and sets *api, or an error
 * code (the api belongs to db). */
int
tokenizer_api(sqlite3 *db, fts5_api **api)
{
	sqlite3_stmt *stmt;
	int rc;

	*api = NULL;
	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, api, "fts5_api_ptr", NULL);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	if (*api == NULL || (*api)->iVersion < 2)
		return SQLITE_ERROR;
	return SQLITE_OK;
}

/* xDelete: free an instance and the built-in tokenizers it holds. */
static void
tokenizer_delete(Fts5Tokenizer *p)
{
	struct tokenizer *t = (struct tokenizer *)p;

	if (t == NULL)
		return;
	if (t->u61_tok != NULL)
		t->u61.xDelete(t->u61_tok);
	if (t->porter_tok != NULL)
		t->porter.xDelete(t->porter_tok);
	free(t);
}

/* xCreate: make an instance holding a unicode61 and a porter tokenizer.
 * Arguments are refused so a typo in tokenize='...' is not silently
 * ignored. The instance is freed by tokenizer_delete(). */
static int
tokenizer_create(void *ud, const char **args, int nargs, Fts5Tokenizer **out)
{
	static const char *u61_args[] = { "remove_diacritics", "2" };
	static const char *porter_args[] = {
		"unicode61", "remove_diacritics", "2"
	};
	struct tokenizer_module *m = ud;
	struct tokenizer *t;
	void *tud;
	int rc;

	(void)args;
	*out = NULL;
	if (nargs != 0)
		return SQLITE_ERROR;

	t = xcalloc(1, sizeof *t);
	rc = m->api->xFindTokenizer(m->api, "unicode61", &tud, &t->u61);
	if (rc == SQLITE_OK)
		rc = t->u61.xCreate(tud, u61_args, 2, &t->u61_tok);
	if (rc == SQLITE_OK)
		rc = m->api->xFindTokenizer(m->api, "porter", &tud, &t->porter);
	if (rc == SQLITE_OK)
		rc = t->porter.xCreate(tud, porter_args, 3, &t->porter_tok);
	if (rc != SQLITE_OK) {
		tokenizer_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/* porter callback: remember each stem and its offsets. */
static int
tokenizer_stem_cb(void *p, int tflags, const char *tok, int len, int start,
    int end)
{
	struct tokenizer_run *run = p;
	struct tokenizer_stem *st;

	(void)tflags;
	run->stems = xgrow(run->stems, run->nstems, &run->capstems,
	    sizeof *run->stems);
	st = &run->stems[run->nstems++];
	st->start = start;
	st->end = end;
	st->off = run->pool.len;
	st->len = len;
	buf_add(&run->pool, tok, (size_t)len);
	return SQLITE_OK;
}

/* unicode61 callback: pass the word on with offsets into the whole text,
 * then its stem as a colocated token if porter made a different one. */
static int
tokenizer_word_cb(void *p, int tflags, const char *tok, int len, int start,
    int end)
{
	struct tokenizer_run *run = p;
	struct tokenizer_stem *st;
	int s, e, rc;

	s = run->base + (run->map != NULL ? run->map[start] : start);
	e = run->base + (run->map != NULL ? run->map[end] : end);
	rc = run->token(run->ctx, tflags, tok, len, s, e);
	if (rc != SQLITE_OK || !run->stem)
		return rc;

	while (run->next < run->nstems && run->stems[run->next].start < start)
		run->next++;
	if (run->next == run->nstems)
		return SQLITE_OK;
	st = &run->stems[run->next];
	if (st->start != start || st->end != end)
		return SQLITE_OK;
	run->next++;
	if (st->len == len && memcmp(run->pool.s + st->off, tok, (size_t)len) == 0)
		return SQLITE_OK;
	return run->token(run->ctx, FTS5_TOKEN_COLOCATED, run->pool.s + st->off,
	    st->len, s, e);
}

/* Make a copy of a stretch with full-width digits and letters turned into
 * ASCII. *map gets, for each byte of the copy and its end, the offset in
 * the stretch of the character it came from. Both are the caller's to
 * free. */
static char *
tokenizer_fold(const char *s, int n, int **map, int *outlen)
{
	struct buf b = { 0 };
	int *m, i = 0;
	uint32_t cp;

	m = xreallocarray(NULL, (size_t)n + 1, sizeof *m);
	while (i < n) {
		int len = utf8_decode(s + i, (size_t)(n - i), &cp);

		if (len < 0)	/* not in a stretch, but stay safe */
			len = 1;
		if (tokenizer_classify(cp) == TOKENIZER_FOLD) {
			m[b.len] = i;
			buf_addc(&b, (char)(cp - 0xFEE0));
		} else {
			int k;
			for (k = 0; k < len; k++)
				m[b.len + (size_t)k] = i;
			buf_add(&b, s + i, (size_t)len);
		}
		i += len;
	}
	m[b.len] = n;
	*outlen = (int)b.len;
	*map = m;
	return buf_detach(&b);
}

/* Tokenize one stretch of non-CJK text that starts at byte base. */
static int
tokenizer_stretch(struct tokenizer *t, struct tokenizer_run *run,
    const char *s, int n, int base, bool fold, int flags)
{
	char *folded = NULL;
	int *map = NULL;
	int rc = SQLITE_OK;

	if (fold)
		s = folded = tokenizer_fold(s, n, &map, &n);
	run->base = base;
	run->map = map;
	run->nstems = run->next = 0;
	buf_reset(&run->pool);

	if (run->stem) {
		rc = t->porter.xTokenize(t->porter_tok, run, flags, s, n,
		    tokenizer_stem_cb);
		if (rc != SQLITE_OK)
			goto out;
	}
	rc = t->u61.xTokenize(t->u61_tok, run, flags, s, n, tokenizer_word_cb);

out:
	free(folded);
	free(map);
	run->map = NULL;
	return rc;
}

/* xTokenize: walk the text, emitting CJK characters and handing the
 * stretches between them to tokenizer_stretch(). */
static int
tokenizer_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct tokenizer *t = (struct tokenizer *)p;
	struct tokenizer_run run = { 0 };
	int i = 0, start = -1, rc = SQLITE_OK;
	bool fold = false;
	uint32_t cp;

	if (text == NULL || n <= 0)
		return SQLITE_OK;
	run.ctx = ctx;
	run.token = token;
	/* Stems when indexing and for whole query terms; not for prefix
	 * terms (they must match the raw word) nor for highlight() and
	 * snippet(), where colocated tokens change nothing. */
	run.stem = (flags & FTS5_TOKENIZE_DOCUMENT) ||
	    ((flags & FTS5_TOKENIZE_QUERY) && !(flags & FTS5_TOKENIZE_PREFIX));

	while (i < n && rc == SQLITE_OK) {
		int len = utf8_decode(text + i, (size_t)(n - i), &cp);
		enum tokenizer_class cls;

		if (len < 0) {
			cls = TOKENIZER_SEP;
			len = 1;
		} else
			cls = tokenizer_classify(cp);

		if (cls == TOKENIZER_WORD || cls == TOKENIZER_FOLD) {
			if (start < 0)
				start = i;
			if (cls == TOKENIZER_FOLD)
				fold = true;
			i += len;
			continue;
		}
		if (start >= 0) {
			rc = tokenizer_stretch(t, &run, text + start, i - start,
			    start, fold, flags);
			start = -1;
			fold = false;
			if (rc != SQLITE_OK)
				break;
		}
		if (cls == TOKENIZER_CJK)
			rc = token(ctx, 0, text + i, len, i, i + len);
		i += len;
	}
	if (rc == SQLITE_OK && start >= 0)
		rc = tokenizer_stretch(t, &run, text + start, n - start, start,
		    fold, flags);

	free(run.stems);
	buf_free(&run.pool);
	return rc;
}

/* Register "sc" on db. The module struct belongs to FTS5 once it is
 * registered and is freed when db is closed. */
int
tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer methods = {
		tokenizer_create, tokenizer_delete, tokenizer_tokenize
	};
	struct tokenizer_module *m;
	fts5_api *api;
	int rc;

	rc = tokenizer_api(db, &api);
	if (rc != SQLITE_OK)
		return rc;
	m = xmalloc(sizeof *m);
	m->api = api;
	rc = api->xCreateTokenizer(api, TOKENIZER_NAME, m, &methods, free);
	if (rc != SQLITE_OK)
		free(m);	/* FTS5 calls xDestroy only once it took m */
	return rc;
}

/* Glue between tokenizer_tokens() and its caller's callback. */
struct tokenizer_tokens_ctx {
	tokenizer_cb	 cb;
	void		*ctx;
};

static int
tokenizer_tokens_cb(void *p, int tflags, const char *tok, int len, int start,
    int end)
{
	struct tokenizer_tokens_ctx *tc = p;

	tc->cb(tc->ctx, tok, len, start, end,
	    (tflags & FTS5_TOKEN_COLOCATED) != 0);
	return SQLITE_OK;
}

struct tokenizer_inst {
	fts5_tokenizer	 methods;
	Fts5Tokenizer	*tok;
};

int
tokenizer_open(sqlite3 *db, struct tokenizer_inst **out)
{
	struct tokenizer_inst *ti;
	fts5_api *api;
	void *ud;
	int rc;

	*out = NULL;
	rc = tokenizer_api(db, &api);
	if (rc != SQLITE_OK)
		return rc;
	ti = xcalloc(1, sizeof *ti);
	rc = api->xFindTokenizer(api, TOKENIZER_NAME, &ud, &ti->methods);
	if (rc == SQLITE_OK)
		rc = ti->methods.xCreate(ud, NULL, 0, &ti->tok);
	if (rc != SQLITE_OK) {
		free(ti);
		return rc;
	}
	*out = ti;
	return SQLITE_OK;
}

int
tokenizer_run(struct tokenizer_inst *ti, const char *text, int flags,
    tokenizer_cb cb, void *ctx)
{
	struct tokenizer_tokens_ctx tc = { cb, ctx };
	size_t n;

	if (text == NULL)
		text = "";
	n = strlen(text);
	if (n > INT_MAX)
		return SQLITE_TOOBIG;
	return ti->methods.xTokenize(ti->tok, &tc, flags, text, (int)n,
	    tokenizer_tokens_cb);
}

void
tokenizer_close(struct tokenizer_inst *ti)
{
	if (ti == NULL)
		return;
	ti->methods.xDelete(ti->tok);
	free(ti);
}

/* A fresh instance of the tokenizer registered on db over text; the
 * instance is freed before returning. */
int
tokenizer_tokens(sqlite3 *db, const char *text, int flags, tokenizer_cb cb,
    void *ctx)
{
	struct tokenizer_inst *ti;
	int rc;

	rc = tokenizer_open(db, &ti);
	if (rc != SQLITE_OK)
		return rc;
	rc = tokenizer_run(ti, text, flags, cb, ctx);
	tokenizer_close(ti);
	return rc;
}
