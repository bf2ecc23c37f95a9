/* reconcile_labels.c: which code each row is for. A row hidden inside
 * another's text is split out; a misread label (60W) is placed by its
 * neighbours and its phrase; a phrase that is another code's either moves
 * the row or is refused; one Chinese phrase given to several codes goes to
 * the code it names. */
#include "config.h"
#include "reconcile_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* Is the code point before s[at] the end of a sentence? */
static bool after_sentence(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] == ' ')
		at--;
	if (at == 0)
		return false;
	static const char *const ends[] = { "\xE3\x80\x82", "\xEF\xBC\x89", "\xEF\xBC\x81",
	                                    "\xEF\xBC\x9F", ".", ")", "!", "?", ";" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t n = strlen(ends[i]);
		if (at >= n && strncmp(s + at - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

/* "... 。423 Locked 当前资源被锁定。": a row for another code, hidden in the
 * text of this one. The embedded code must be followed by a capitalised
 * English phrase that the registry gives that code. */
void rc_split_hidden(struct ctx *c)
{
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		const char *t = r->text;
		if (t == NULL || *t == '\0' || r->code == NULL)
			continue;
		for (size_t at = 1; t[at]; at++) {
			if (!isdigit((unsigned char)t[at]) || isdigit((unsigned char)t[at - 1]) ||
			    !after_sentence(t, at))
				continue;
			size_t n = code_span(t + at);
			if (n == 0 || t[at + n] != ' ')
				continue;
			/* the capitalised phrase after it */
			size_t p = at + n + 1, end = p, words = 0;
			while (isupper((unsigned char)t[end]) && words < 6) {
				size_t w = end + 1;
				while (isalpha((unsigned char)t[w]) || t[w] == '-' || t[w] == '\'')
					w++;
				words++;
				end = w;
				if (t[w] == ' ' && isupper((unsigned char)t[w + 1]))
					end = w + 1;
				else
					break;
			}
			if (words == 0)
				continue;
			char *label = xstrndup(t + at, n);
			char *phrase = str_trim_copy(t + p, end - p);
			struct rrow probe = { .protocol = r->protocol };
			rrow_set_code(&probe, label);
			const struct sc_known *k = probe.code ? rc_known_code(c, r->protocol, probe.code) : NULL;
			if (k == NULL || rc_known_names(k, phrase) == 0 || strcmp(probe.code, r->code) == 0) {
				free(probe.code);
				free(label);
				free(phrase);
				continue;
			}
			char *q = rc_quote(t + at);
			char *res = xasprintf("split out as its own row for %s", probe.code);
			rc_zh(c, xasprintf("%s 的行中藏着 %s 的一行：“%s”", r->code, probe.code, q),
			   xasprintf("拆分为 %s 自己的一行", probe.code));
			rc_finding(c, r, r->line, "hidden_row", res,
			        "the row for %s hides a row for %s: \"%s\"", r->code, probe.code, q);
			free(res);
			free(q);
			struct rrow *h = rrow_insert(c, i + 1);
			r = &c->r[i]; /* the array may have moved */
			h->line = r->line;
			h->table = r->table;
			h->in_table = r->in_table;
			h->label = label;
			h->protocol = r->protocol;
			h->section = xstrdup(r->section);
			h->phrase = phrase;
			const char *rest = t + end;
			rest += strspn(rest, " ");
			h->text = *rest ? xstrdup(rest) : NULL;
			h->code = probe.code;
			h->num = probe.num;
			h->sub = probe.sub;
			h->hi = probe.hi;
			char *head = str_trim_copy(t, at);
			free(r->text);
			r->text = head;
			break;
		}
	}
}

/* A label such as 60W: placed by its neighbours and named by its phrase. */
void rc_resolve_misread(struct ctx *c)
{
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		const struct rrow *prev = NULL, *next = NULL;
		if (r->code || !code_misread(r->label))
			continue;
		for (size_t j = i; j-- > 0;)
			if (c->r[j].table == r->table && c->r[j].code && c->r[j].sub < 0) {
				prev = &c->r[j];
				break;
			}
		for (size_t j = i + 1; j < c->n; j++)
			if (c->r[j].table == r->table && c->r[j].code && c->r[j].sub < 0) {
				next = &c->r[j];
				break;
			}
		int by_pos = prev && next && next->num - prev->num == 2 &&
		             strcmp(prev->protocol, next->protocol) == 0 ? prev->num + 1 : 0;
		const struct sc_known *k = r->phrase ? rc_known_by_phrase(c, r->protocol, r->phrase) : NULL;
		int by_phrase = k ? atoi(k->code) : 0;
		int code = 0;
		char *why, *why_zh;
		if (by_pos && by_phrase && by_pos == by_phrase) {
			code = by_pos;
			why = xasprintf("it stands between %s and %s, and its phrase \"%s\" is %d's",
			                prev->code, next->code, r->phrase, code);
			why_zh = xasprintf("它位于 %s 和 %s 之间，其短语“%s”属于 %d", prev->code, next->code,
			                   r->phrase, code);
		} else if (by_pos && !by_phrase) {
			code = by_pos;
			why = xasprintf("it stands between %s and %s", prev->code, next->code);
			why_zh = xasprintf("它位于 %s 和 %s 之间", prev->code, next->code);
		} else if (by_phrase && !by_pos) {
			code = by_phrase;
			why = xasprintf("its phrase \"%s\" is %d's", r->phrase, code);
			why_zh = xasprintf("其短语“%s”属于 %d", r->phrase, code);
		} else {
			why = by_pos ? xasprintf("its place says %d but its phrase says %d", by_pos, by_phrase)
			             : xstrdup("neither its place nor its phrase names a code");
			why_zh = by_pos ? xasprintf("按位置应为 %d，按短语却是 %d", by_pos, by_phrase)
			                : xstrdup("位置和短语都指不出是哪个码");
		}
		if (code) {
			char *label = xasprintf("%d", code);
			char *res = xasprintf("read as %d", code);
			rrow_set_code(r, label);
			rc_zh(c, xasprintf("“%s”不是状态码；%s", r->label, why_zh), xasprintf("按 %d 读取", code));
			rc_finding(c, r, r->line, "misread_label", res,
			        "\"%s\" is not a status code; %s", r->label, why);
			free(res);
			free(label);
		} else {
			rc_zh(c, xasprintf("“%s”不是状态码；%s", r->label, why_zh), xstrdup("该行未导入"));
			rc_finding(c, r, r->line, "misread_label", "row not imported",
			        "\"%s\" is not a status code; %s", r->label, why);
			r->s_phrase = r->s_gloss = r->s_text = r->s_note = S_REJECTED;
		}
		free(why);
		free(why_zh);
	}
}

/* Does the document have a row for code k whose phrase names k? */
static bool doc_names(const struct ctx *c, const struct sc_known *k, const struct rrow *except)
{
	for (size_t j = 0; j < c->n; j++) {
		const struct rrow *o = &c->r[j];
		if (o != except && o->code && o->phrase && strcmp(o->code, k->code) == 0 &&
		    strcmp(o->protocol, k->protocol) == 0 && rc_known_names(k, o->phrase))
			return true;
	}
	return false;
}

/* A row whose phrase is another code's: either the whole row is filed
 * under the wrong code (the document has no row of its own for that code),
 * or only the phrase is wrong. Decided on the rows as written, then
 * applied. */
void rc_check_wrong_labels(struct ctx *c)
{
	const struct sc_known **to = xcalloc(c->n ? c->n : 1, sizeof *to);
	int *kind = xcalloc(c->n ? c->n : 1, sizeof *kind);

	for (size_t i = 0; i < c->n; i++) {
		const struct rrow *r = &c->r[i];
		if (!r->code || !latin_phrase(r) || r->s_phrase != S_USED)
			continue;
		const struct sc_known *own = rc_known_code(c, r->protocol, r->code);
		if (own && own->registered && rc_known_names(own, r->phrase))
			continue;
		const struct sc_known *x = rc_known_by_phrase(c, r->protocol, r->phrase);
		if (x == NULL || x == own)
			continue;
		to[i] = x;
		kind[i] = doc_names(c, x, r) ? 2 : 1;
	}
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (!to[i])
			continue;
		if (kind[i] == 1) {
			char *res = xasprintf("filed under %s", to[i]->code);
			rc_zh(c, xasprintf("标为 %s 的行给出的是 %s 的短语“%s”，而文档中没有 %s 自己的行",
			                r->code, to[i]->code, r->phrase, to[i]->code),
			   xasprintf("归到 %s 之下", to[i]->code));
			rc_finding(c, r, r->line, "wrong_label", res,
			        "the row labelled %s gives %s's phrase \"%s\", and the document has no row of its own for %s",
			        r->code, to[i]->code, r->phrase, to[i]->code);
			free(res);
			rrow_set_code(r, to[i]->code);
		} else {
			const struct sc_known *own = rc_known_code(c, r->protocol, r->code);
			char *res = own && own->phrase_en
				? xasprintf("phrase not used for %s; the registry's \"%s\" is shown", r->code, own->phrase_en)
				: xasprintf("phrase not used for %s", r->code);
			rc_zh(c, xasprintf("给 %s 的短语“%s”属于 %s", r->code, r->phrase, to[i]->code),
			   own && own->phrase_zh ? xasprintf("%s 不使用该短语；显示注册表的“%s”", r->code, own->phrase_zh)
			                         : xasprintf("%s 不使用该短语", r->code));
			rc_finding(c, r, r->line, "wrong_phrase", res,
			        "the phrase \"%s\" given to %s is %s's", r->phrase, r->code, to[i]->code);
			free(res);
			r->s_phrase = S_REJECTED;
		}
		r->phrase_checked = true;
	}
	free(to);
	free(kind);
}

static char *key_protocol_phrase(const struct rrow *r)
{
	if (!r->code || !r->phrase)
		return NULL;
	char *k = rc_text_key(r->phrase), *v = xasprintf("%s\x1F%s", r->protocol, k);
	free(k);
	return v;
}

/* One Chinese phrase given to several codes: it belongs to those whose
 * registry phrase contains it (or is contained in it). */
void rc_check_shared_phrases(struct ctx *c)
{
	struct groups g;

	rc_groups_make(c, key_protocol_phrase, &g);
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *a = &c->r[i];
		if (!a->code || !a->phrase || latin_phrase(a) || a->s_phrase != S_USED)
			continue;
		/* the later rows of the same protocol with the same phrase */
		for (size_t j = g.next[i]; j != NONE; j = g.next[j]) {
			struct rrow *b = &c->r[j];
			if (strcmp(a->code, b->code) == 0)
				continue;
			const struct sc_known *ka = rc_known_code(c, a->protocol, a->code);
			const struct sc_known *kb = rc_known_code(c, b->protocol, b->code);
			bool fa = ka && ka->phrase_zh && (strstr(ka->phrase_zh, a->phrase) || strstr(a->phrase, ka->phrase_zh));
			bool fb = kb && kb->phrase_zh && (strstr(kb->phrase_zh, b->phrase) || strstr(b->phrase, kb->phrase_zh));
			if (fa == fb)
				continue;
			struct rrow *wrong = fa ? b : a, *right = fa ? a : b;
			const struct sc_known *kw = fa ? kb : ka;
			char *res = xasprintf("phrase not used for %s; the registry's \"%s\" is shown",
			                      wrong->code, kw && kw->phrase_zh ? kw->phrase_zh : "");
			rc_zh(c, xasprintf("%s 被给了“%s”，这是 %s（第 %d 行）的短语", wrong->code, wrong->phrase,
			                right->code, right->line),
			   xasprintf("%s 不使用该短语；显示注册表的“%s”", wrong->code,
			             kw && kw->phrase_zh ? kw->phrase_zh : ""));
			rc_finding(c, wrong, wrong->line, "wrong_phrase", res,
			        "%s is given \"%s\", the phrase of %s (line %d)",
			        wrong->code, wrong->phrase, right->code, right->line);
			free(res);
			wrong->s_phrase = S_REJECTED;
			wrong->phrase_checked = true;
		}
	}
	rc_groups_free(&g, c->n);
}
