#include "config.h"
#include "query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>

#include "buf.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* The quoting scheme follows Datasette's and sqlite-utils' escaping of FTS
 * queries; no code is taken from them. */

/* State while the input is split into pieces. */
struct query_state {
	struct buf	out;
	struct buf	piece;		/* the piece being read, unquoted */
	size_t		used;		/* bytes of the pieces kept so far */
	size_t		npieces;
	bool		word;		/* does the piece have a word character? */
	bool		full;		/* the piece hit QUERY_MAX_BYTES */
	uint32_t	last;		/* last character of the piece */
	size_t		tail;		/* word characters at the end of the piece */
	bool		prefixable;	/* may the output end in "*"? */
	bool		done;		/* a limit was reached */
	struct strv	*pieces;	/* if set, every kept piece, unquoted */
};

/* White space or a control character: ends a piece. */
static bool
query_is_space(uint32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

/* A character the "sc" tokenizer makes a one-character token of: a prefix
 * query on it would find nothing more than the character itself. */
static bool
query_is_cjk(uint32_t cp)
{
	return cp_is_cjk_letter(cp);
}

/* A character that can be part of a token: a letter, digit or private-use
 * character, as unicode61 sees it, but not the CJK symbols that the "sc"
 * tokenizer treats as punctuation. */
static bool
query_is_word(uint32_t cp)
{
	if (cp < 0x80) {
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z');
	}
	if (cp >= 0x3000 && cp <= 0x303F)
		return cp_is_cjk_iteration(cp);
	return uc_is_general_category_withtable(cp,
	    UC_CATEGORY_MASK_L | UC_CATEGORY_MASK_N | UC_CATEGORY_MASK_Co);
}

/* End the current piece: quote it onto the output if it has a word
 * character, otherwise drop it. */
static void
query_flush(struct query_state *q)
{
	size_t i;

	if (q->word) {
		if (q->out.len != 0)
			buf_addc(&q->out, ' ');
		buf_addc(&q->out, '"');
		for (i = 0; i < q->piece.len; i++) {
			if (q->piece.s[i] == '"')
				buf_addc(&q->out, '"');
			buf_addc(&q->out, q->piece.s[i]);
		}
		buf_addc(&q->out, '"');
		if (q->pieces)
			strv_push_owned(q->pieces, xstrndup(q->piece.s, q->piece.len));
		q->used += q->piece.len;
		q->npieces++;
		/* one letter as a prefix ("a*", or the A of "Retry-A") matches
		 * most of the index: it is a word of its own until a second
		 * letter follows */
		q->prefixable = query_is_word(q->last) && !query_is_cjk(q->last) && q->tail >= 2;
		if (q->full || q->npieces == QUERY_MAX_PIECES)
			q->done = true;
	}
	buf_reset(&q->piece);
	q->word = false;
	q->full = false;
	q->last = 0;
	q->tail = 0;
}

/* Split text into pieces and quote each one (see query.h). Returns a
 * string the caller frees, or NULL when no piece was kept. */
static char *
query_run(const char *text, bool prefix_last, struct strv *pieces)
{
	struct query_state q = { .pieces = pieces };
	size_t n, i = 0;
	uint32_t cp;

	if (text == NULL)
		return NULL;
	n = strlen(text);
	while (i < n && !q.done) {
		int len = utf8_decode(text + i, n - i, &cp);

		if (len < 0) {		/* drop the byte */
			i++;
			continue;
		}
		i += (size_t)len;
		if (query_is_space(cp)) {
			query_flush(&q);
			q.prefixable = false;	/* the user has finished that word */
			continue;
		}
		if (q.full)		/* cut: skip the rest of the piece */
			continue;
		if (q.used + q.piece.len + (size_t)len > QUERY_MAX_BYTES) {
			q.full = true;
			continue;
		}
		buf_add(&q.piece, text + i - (size_t)len, (size_t)len);
		if (query_is_word(cp)) {
			q.word = true;
			q.tail++;
		} else {
			q.tail = 0;
		}
		q.last = cp;
	}
	if (!q.done)
		query_flush(&q);
	buf_free(&q.piece);

	if (q.npieces == 0) {
		buf_free(&q.out);
		return NULL;
	}
	if (prefix_last && q.prefixable)
		buf_addc(&q.out, '*');
	return buf_detach(&q.out);
}

char *
query_build(const char *text, bool prefix_last)
{
	return query_run(text, prefix_last, NULL);
}

bool
query_split(const char *text, struct strv *pieces)
{
	char *m = query_run(text, true, pieces);
	bool prefixable = m != NULL && m[strlen(m) - 1] == '*';

	free(m);
	return prefixable;
}
