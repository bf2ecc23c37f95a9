/* reconcile_repeats.c: what a document says twice: whole rows or blocks of
 * rows repeated, and one text given to two codes. */
#include "config.h"
#include "reconcile_int.h"

#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "xmalloc.h"

/* rc_text_key() of s, or "\1" for no text (which is not the empty text). */
static char *opt_key(const char *s)
{
	return s ? rc_text_key(s) : xstrdup("\1");
}

static char *key_whole_row(const struct rrow *r)
{
	if (!r->code)
		return NULL;
	char *p = opt_key(r->phrase), *t = opt_key(r->text);
	char *v = xasprintf("%s\x1F%s\x1F%s\x1F%s", r->code, r->protocol, p, t);
	free(p);
	free(t);
	return v;
}

/* Rows given twice (same code, protocol, phrase and text); a run of three
 * or more is one repeated block. */
void rc_mark_duplicates(struct ctx *c)
{
	struct groups g;
	size_t *first;

	rc_groups_make(c, key_whole_row, &g);
	first = g.first;
	/* a row equal to an earlier one repeats the first of its kind */
	for (size_t i = 0; i < c->n; i++)
		if (first[i] != NONE && first[i] != i)
			c->r[i].dup = true;
	for (size_t i = 0; i < c->n && !c->failed;) {
		if (!c->r[i].dup) {
			i++;
			continue;
		}
		size_t k = i;
		while (k < c->n && c->r[k].dup)
			k++;
		if (k - i >= 3) {
			char *res = xasprintf("the %zu repeated rows kept as duplicates, not used twice", k - i);
			rc_zh(c, xasprintf("第 %d-%d 行（%s 到 %s）完整重复了第 %d-%d 行", c->r[i].line,
			                c->r[k - 1].line, c->r[i].code, c->r[k - 1].code, c->r[first[i]].line,
			                c->r[first[k - 1]].line),
			   xasprintf("这 %zu 行重复内容作为重复项保留，不重复使用", k - i));
			rc_finding(c, NULL, c->r[i].line, "duplicate_block", res,
			        "lines %d-%d (codes %s to %s) repeat lines %d-%d in full",
			        c->r[i].line, c->r[k - 1].line, c->r[i].code, c->r[k - 1].code,
			        c->r[first[i]].line, c->r[first[k - 1]].line);
			free(res);
		} else {
			for (size_t j = i; j < k; j++) {
				rc_zh(c, xasprintf("%s 的行重复了第 %d 行", c->r[j].code, c->r[first[j]].line),
				   xstrdup("作为重复项保留，不重复使用"));
				rc_finding(c, &c->r[j], c->r[j].line, "duplicate_row", "kept as a duplicate, not used twice",
				        "the row for %s repeats line %d", c->r[j].code, c->r[first[j]].line);
			}
		}
		for (size_t j = i; j < k; j++)
			c->r[j].s_phrase = c->r[j].s_gloss = c->r[j].s_text = c->r[j].s_note = S_DUP;
		i = k;
	}
	rc_groups_free(&g, c->n);
}

static char *key_text(const struct rrow *r)
{
	return !r->dup && r->code && r->text ? rc_text_key(r->text) : NULL;
}

static char *key_code_with_text(const struct rrow *r)
{
	return !r->dup && r->code && r->text ? xstrdup(r->code) : NULL;
}

/* A text given word for word to two codes. */
void rc_check_copied_text(struct ctx *c)
{
	struct groups bytext, bycode;
	size_t *alt = xcalloc(c->n ? c->n : 1, sizeof *alt);
	bool *several = xcalloc(c->n ? c->n : 1, sizeof *several);

	rc_groups_make(c, key_text, &bytext);
	rc_groups_make(c, key_code_with_text, &bycode);
	for (size_t h = 0; h < c->n; h++) {
		/* alt[h]: the first row with h's text but another code */
		alt[h] = NONE;
		if (bytext.first[h] == h)
			for (size_t j = bytext.next[h]; j != NONE && alt[h] == NONE; j = bytext.next[j])
				if (strcmp(c->r[j].code, c->r[h].code) != 0)
					alt[h] = j;
		/* several[h]: h's code is given more than one text */
		if (bycode.first[h] == h)
			for (size_t j = bycode.next[h]; j != NONE && !several[h]; j = bycode.next[j])
				several[h] = strcmp(bytext.keys[j], bytext.keys[h]) != 0;
	}
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code || !r->text || r->s_text != S_USED)
			continue;
		/* the first earlier row with the same text and another code */
		size_t h = bytext.first[i];
		size_t j = strcmp(c->r[h].code, r->code) != 0 ? h : alt[h];
		if (j == NONE || j >= i)
			continue;
		const struct rrow *o = &c->r[j];
		if (several[bycode.first[i]]) {
			char *res = xasprintf("text not used for %s; the document's other text for %s is used", r->code, r->code);
			rc_zh(c, xasprintf("%s 的行逐字照搬了 %s（第 %d 行）的文本", r->code, o->code, o->line),
			   xasprintf("%s 不使用该文本；使用文档中 %s 的另一段文本", r->code, r->code));
			rc_finding(c, r, r->line, "copied_text", res,
			        "the row for %s carries the text of %s (line %d) word for word",
			        r->code, o->code, o->line);
			free(res);
			r->s_text = S_REJECTED;
		} else {
			char *res = xasprintf("kept as this source's text for %s, not used as its description", r->code);
			rc_zh(c, xasprintf("%s 和 %s（第 %d 行）被给了相同的文本，无法区分二者", r->code, o->code, o->line),
			   xasprintf("作为该来源对 %s 的文本保留，不用作其说明", r->code));
			rc_finding(c, r, r->line, "shared_text", res,
			        "%s and %s (line %d) are given the same text, which cannot tell them apart",
			        r->code, o->code, o->line);
			free(res);
			r->s_text = S_KEPT;
		}
	}
	rc_groups_free(&bytext, c->n);
	rc_groups_free(&bycode, c->n);
	free(alt);
	free(several);
}
