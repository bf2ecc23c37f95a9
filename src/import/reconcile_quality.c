/* reconcile_quality.c: what a row's text says, checked against the
 * registry and the rest of the document: a former meaning, an English
 * phrase that is not the registry's, English with Chinese left in, a text
 * cut short, and a whole document that reads as machine translation. */
#include "config.h"
#include "reconcile_int.h"

#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "text.h"
#include "xmalloc.h"

/* A meaning the registry no longer gives the code. */
void rc_check_outdated(struct ctx *c)
{
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code)
			continue;
		for (size_t h = 0; h < c->hist.n; h++) {
			const struct sc_historic *o = &c->hist.v[h];
			if (strcmp(o->protocol, r->protocol) != 0 || strcmp(o->code, r->code) != 0)
				continue;
			char *m = xstrdup(o->match), *hit = NULL;
			for (char *p = strtok(m, ";"); p && !hit; p = strtok(NULL, ";")) {
				char *w = str_trim(p);
				if (*w && ((r->text && str_casestr(r->text, w)) || (r->phrase && str_casestr(r->phrase, w))))
					hit = w;
			}
			if (hit) {
				const struct sc_known *k = rc_known_code(c, r->protocol, r->code);
				char *res = xasprintf("kept as this source's claim, marked outdated; the current meaning is \"%s\"",
				                      k && k->phrase_en ? k->phrase_en : "the registry's");
				rc_zh(c, xasprintf("%s 被描述为其以前的含义“%s”", r->code,
				                o->former_zh ? o->former_zh : o->former_en ? o->former_en : hit),
				   xasprintf("作为该来源的原话保留并标为过时；现在的含义是“%s”",
				             k && k->phrase_zh ? k->phrase_zh : "注册表所给的含义"));
				rc_finding(c, r, r->line, "outdated_meaning", res,
				        "%s is described with its former meaning \"%s\"", r->code,
				        o->former_en ? o->former_en : hit);
				free(res);
				if (r->text && r->s_text == S_USED)
					r->s_text = S_OUTDATED;
				if (r->phrase && r->s_phrase == S_USED && str_casestr(r->phrase, hit))
					r->s_phrase = S_OUTDATED;
			}
			free(m);
		}
	}
}

/* English phrases against the registry's. Returns how many differed;
 * *garbled counts those padded or repeated by machine translation. */
size_t rc_check_phrases(struct ctx *c, size_t *checked, size_t *garbled)
{
	size_t bad = 0;

	*checked = *garbled = 0;
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code || !latin_phrase(r))
			continue;
		const struct sc_known *k = rc_known_code(c, r->protocol, r->code);
		if (k == NULL || !k->registered || !k->phrase_en)
			continue;
		(*checked)++;
		if (r->phrase_checked || r->s_phrase != S_USED) {
			bad++;
			continue;
		}
		int named = rc_known_names(k, r->phrase);
		if (named == 2)
			continue;
		char *reg = xasprintf("the registry's \"%s\" is shown", k->phrase_en);
		if (named == 1) {
			char *res = xasprintf("kept as another name of %s; %s", r->code, reg);
			rc_zh(c, xasprintf("“%s”是 %s 的别名，不是注册表的名称", r->phrase, r->code),
			   xasprintf("作为 %s 的别名保留；显示注册表的“%s”", r->code, k->phrase_en));
			rc_finding(c, r, r->line, "other_name", res,
			        "\"%s\" is another name of %s, not the registry's", r->phrase, r->code);
			free(res);
			free(reg);
			continue;
		}
		char *f = str_fold(r->phrase), *p = str_fold(k->phrase_en);
		size_t len = strlen(p), limit = len / 3 > 3 ? len / 3 : 3, best = str_distance(f, p, limit);
		for (size_t a = 0; a < k->aliases.n; a++) {
			char *fa = str_fold(k->aliases.v[a]);
			size_t d = str_distance(f, fa, limit);
			if (d < best)
				best = d;
			free(fa);
		}
		bad++;
		if (best <= limit) {
			char *res = xasprintf("not used; %s", reg);
			rc_zh(c, xasprintf("%s 的“%s”是“%s”的误拼", r->code, r->phrase, k->phrase_en),
			   xasprintf("不使用；显示注册表的“%s”", k->phrase_en));
			rc_finding(c, r, r->line, "misspelled_phrase", res,
			        "\"%s\" for %s is a misspelling of \"%s\"", r->phrase, r->code, k->phrase_en);
			free(res);
			r->s_phrase = S_KEPT;
		} else if (*p && strstr(f, p) && strlen(f) > len) {
			char *res = xasprintf("not used; %s", reg);
			rc_zh(c, xasprintf("%s 的“%s”重复或填充了短语“%s”", r->code, r->phrase, k->phrase_en),
			   xasprintf("不使用；显示注册表的“%s”", k->phrase_en));
			rc_finding(c, r, r->line, "garbled_phrase", res,
			        "\"%s\" for %s repeats or pads the phrase \"%s\"", r->phrase, r->code, k->phrase_en);
			free(res);
			r->s_phrase = S_REJECTED;
			(*garbled)++;
		} else {
			char *res = xasprintf("kept as this source's claim; %s", reg);
			rc_zh(c, xasprintf("“%s”不是注册表给 %s 的名称", r->phrase, r->code),
			   xasprintf("作为该来源的原话保留；显示注册表的“%s”", k->phrase_en));
			rc_finding(c, r, r->line, "unknown_phrase", res,
			        "\"%s\" is not a name the registry gives %s", r->phrase, r->code);
			free(res);
			r->s_phrase = S_KEPT;
		}
		free(f);
		free(p);
		free(reg);
	}
	return bad;
}

/* English text with Chinese left in it: a translation never finished. */
size_t rc_check_mixed(struct ctx *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code || !r->text || r->s_text != S_USED)
			continue;
		if (strcmp(rc_lang_of(r->text), "en") != 0 || !text_has_cjk(r->text))
			continue;
		char *q = rc_quote(r->text);
		rc_zh(c, xasprintf("%s 的英文文本中夹杂着中文：“%s”", r->code, q),
		   xstrdup("作为该来源的原话保留，不用作英文文本"));
		rc_finding(c, r, r->line, "mixed_language", "kept as this source's claim, not used as the English text",
		        "the English text for %s has Chinese left in it: \"%s\"", r->code, q);
		free(q);
		r->s_text = S_KEPT;
		n++;
	}
	return n;
}

static bool ends_sentence(const char *s)
{
	static const char *const ends[] = { "\xE3\x80\x82", "\xEF\xBC\x89", ".", ")", "]", "!", "?",
	                                    "\xEF\xBC\x81", "\xEF\xBC\x9F" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (str_ends_with(s, ends[i]))
			return true;
	return false;
}

/* In a table whose texts end in full sentences, a short one that does not
 * was cut off. */
void rc_check_truncated(struct ctx *c)
{
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (!r->in_table || r->dup || !r->text || r->s_text != S_USED || ends_sentence(r->text) ||
		    text_width(r->text) >= 16)
			continue;
		size_t texts = 0, full = 0;
		for (size_t j = 0; j < c->n; j++)
			if (c->r[j].table == r->table && c->r[j].text) {
				texts++;
				full += ends_sentence(c->r[j].text);
			}
		if (texts < 5 || full * 5 < texts * 4)
			continue;
		rc_zh(c, xasprintf("%s 的文本“%s”中途断了，而同一表中其他行都以完整的句子结尾",
		                r->code ? r->code : r->label, r->text),
		   xstrdup("作为该来源的原话保留，不用作说明"));
		rc_finding(c, r, r->line, "truncated_text", "kept as this source's claim, not used as a description",
		        "the text for %s, \"%s\", breaks off where the other rows of its table end in a full sentence",
		        r->code ? r->code : r->label, r->text);
		r->s_text = S_KEPT;
	}
}

/* A document whose English phrases often differ from the registry's, some
 * padded or repeated, some texts with Chinese left in, reads as machine
 * translation: its
 * English is kept as claims, and not used as any entry's English text. */
void rc_check_machine_translation(struct ctx *c, size_t bad, size_t checked, size_t garbled,
                                      size_t mixed)
{
	if (checked < 10 || bad * 10 < checked || garbled + mixed < 3)
		return;
	rc_zh(c, xasprintf("%zu 个英文短语中有 %zu 个与注册表不同，%zu 段文本夹杂着中文", checked, bad, mixed),
	   xstrdup("其英文作为该来源的原话保留；优先显示本项目的英文"));
	rc_finding(c, NULL, 0, "machine_translation",
	        "its English is kept as this source's claims; the project's English is shown first",
	        "%zu of %zu English phrases differ from the registry's and %zu text%s mix%s in Chinese",
	        bad, checked, mixed, mixed == 1 ? "" : "s", mixed == 1 ? "es" : "");
	for (size_t i = 0; i < c->n; i++) {
		struct rrow *r = &c->r[i];
		if (r->text && r->s_text == S_USED && strcmp(rc_lang_of(r->text), "en") == 0)
			r->s_text = S_KEPT;
	}
}
