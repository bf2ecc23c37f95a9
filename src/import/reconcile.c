/* reconcile.c: deciding what a parsed document means. Its rows are checked
 * against each other and against the registry facts already in the
 * database; every defect found becomes a finding with its resolution, and
 * every statement becomes a claim whose state says whether it is used as
 * the entry's text ('used'), kept only as what the source said ('kept',
 * 'outdated'), repeated ('duplicate') or refused ('rejected'). */
#include "config.h"
#include "import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "store_write.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

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
	char *zh_msg, *zh_res;   /* the next finding in Chinese (see zh()) */
};

static const char S_USED[] = "used", S_KEPT[] = "kept", S_DUP[] = "duplicate",
                  S_REJECTED[] = "rejected", S_OUTDATED[] = "outdated";

static struct rrow *rrow_insert(struct ctx *c, size_t at)
{
	c->r = xgrow(c->r, c->n, &c->cap, sizeof *c->r);
	memmove(c->r + at + 1, c->r + at, (c->n - at) * sizeof *c->r);
	c->n++;
	memset(&c->r[at], 0, sizeof c->r[at]);
	c->r[at].s_phrase = c->r[at].s_gloss = c->r[at].s_text = c->r[at].s_note = S_USED;
	c->r[at].sub = -1;
	return &c->r[at];
}

static void rrow_set_code(struct rrow *r, const char *label)
{
	free(r->code);
	r->code = NULL;
	if (!code_parse(label, &r->num, &r->sub, &r->hi, &r->code))
		r->code = NULL;
}

/* ---- what the registry knows -------------------------------------------- */

static const struct sc_known *known_code(const struct ctx *c, const char *protocol, const char *code)
{
	for (size_t i = 0; i < c->kn.n; i++)
		if (strcmp(c->kn.v[i].protocol, protocol) == 0 && strcmp(c->kn.v[i].code, code) == 0)
			return &c->kn.v[i];
	return NULL;
}

/* Does phrase name code k (its registry phrase, or one of its aliases)?
 * 2: the registry phrase; 1: an alias; 0: no. */
static int known_names(const struct sc_known *k, const char *phrase)
{
	char *f = str_fold(phrase);
	int hit = 0;

	if (*f == '\0') {
		free(f);
		return 0;
	}
	char *p = str_fold(k->phrase_en ? k->phrase_en : "");
	char *z = str_fold(k->phrase_zh ? k->phrase_zh : "");
	if (strcmp(f, p) == 0 || strcmp(f, z) == 0)
		hit = 2;
	for (size_t i = 0; !hit && i < k->aliases.n; i++) {
		char *a = str_fold(k->aliases.v[i]);
		if (strcmp(f, a) == 0)
			hit = 1;
		free(a);
	}
	free(p);
	free(z);
	free(f);
	return hit;
}

/* The registered, top-level code of protocol that phrase names, or NULL. */
static const struct sc_known *known_by_phrase(const struct ctx *c, const char *protocol, const char *phrase)
{
	const struct sc_known *alias = NULL;

	for (size_t i = 0; i < c->kn.n; i++) {
		const struct sc_known *k = &c->kn.v[i];
		if (!k->registered || strcmp(k->protocol, protocol) != 0 || strchr(k->code, '.'))
			continue;
		int hit = known_names(k, phrase);
		if (hit == 2)
			return k;
		if (hit == 1 && alias == NULL)
			alias = k;
	}
	return alias;
}

/* ---- recording ------------------------------------------------------------ */

static int64_t entry_of(struct ctx *c, const struct rrow *r)
{
	if (c->failed || r->code == NULL)
		return 0;
	int64_t id = store_entry_ensure(c->st, r->protocol, r->code, r->num, r->sub, r->hi, c->cause);
	if (id < 0)
		c->failed = 1;
	return id < 0 ? 0 : id;
}

static void finding(struct ctx *c, const struct rrow *r, int line, const char *kind,
                    const char *resolution, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The next finding's message and resolution in Chinese (issue 12 item 6);
 * finding() takes them over. Both are malloc'd (xasprintf). */
static void zh(struct ctx *c, char *msg, char *res)
{
	free(c->zh_msg);
	free(c->zh_res);
	c->zh_msg = msg;
	c->zh_res = res;
}

static void finding(struct ctx *c, const struct rrow *r, int line, const char *kind,
                    const char *resolution, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (c->failed) {
		zh(c, NULL, NULL);
		return;
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	int64_t eid = r ? entry_of(c, r) : 0;
	if (!c->failed && store_add_finding(c->st, c->src, line, kind, r ? r->label : NULL, eid,
	                                    msg, resolution, c->zh_msg, c->zh_res, c->cause) < 0)
		c->failed = 1;
	zh(c, NULL, NULL);
	c->sum->findings++;
	if (c->log)
		fprintf(c->log, "%s:%d: %s: %s; %s\n", c->d->file, line, kind, msg, resolution);
	free(msg);
}

/* A short quotation of s for messages: at most 40 columns. Caller frees. */
static char *quote(const char *s)
{
	struct buf b = {0};
	text_fit(&b, s ? s : "", 40, false, true);
	return buf_detach(&b);
}

static const char *lang_of(const char *s)
{
	size_t cjk = 0, words = 0, n = strlen(s), i = 0;
	uint32_t cp;
	bool in_word = false;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			i++;
			continue;
		}
		if (cp_is_cjk_ideograph(cp))
			cjk++;
		bool letter = cp < 0x80 && isalpha((int)cp);
		if (letter && !in_word)
			words++;
		in_word = letter;
		i += (size_t)len;
	}
	return cjk > 0 && cjk * 2 >= words ? "zh" : "en";
}

/* Text without a final full stop, for comparing two texts. Caller frees. */
static char *text_key(const char *s)
{
	char *k = xstrdup(s ? s : "");
	size_t n = strlen(k);
	if (str_ends_with(k, "\xE3\x80\x82"))
		n -= 3;
	else if (n && k[n - 1] == '.')
		n--;
	k[n] = '\0';
	return k;
}

/* ---- grouping rows by what they say ------------------------------------------ */

/* Rows grouped by a key (issue 15 item 7: comparing every pair of rows made
 * an import quadratic in its length; sorting the keys is O(n log n)).
 * first[i] is the first row with row i's key and next[i] the next one after
 * i, in document order; NONE for a row without a key. */
#define NONE ((size_t)-1)
struct groups {
	size_t *first, *next;
	char  **keys;
};
struct gkey {
	const char *k;
	size_t i;
};

static int gkey_cmp(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;
	int c = strcmp(x->k, y->k);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Groups c's rows by key(c, row), a malloc'd string or NULL for a row that
 * belongs to no group. Free with groups_free(). */
static void groups_make(struct ctx *c, char *(*key)(const struct rrow *), struct groups *g)
{
	struct gkey *v = xcalloc(c->n ? c->n : 1, sizeof *v);
	size_t m = 0;

	g->first = xcalloc(c->n ? c->n : 1, sizeof *g->first);
	g->next = xcalloc(c->n ? c->n : 1, sizeof *g->next);
	g->keys = xcalloc(c->n ? c->n : 1, sizeof *g->keys);
	for (size_t i = 0; i < c->n; i++) {
		g->first[i] = g->next[i] = NONE;
		if ((g->keys[i] = key(&c->r[i])) != NULL)
			v[m++] = (struct gkey){ g->keys[i], i };
	}
	qsort(v, m, sizeof *v, gkey_cmp);
	for (size_t j = 0, head = 0; j < m; j++) {
		if (j > 0 && strcmp(v[j - 1].k, v[j].k) == 0)
			g->next[v[j - 1].i] = v[j].i;
		else
			head = j;
		g->first[v[j].i] = v[head].i;
	}
	free(v);
}

static void groups_free(struct groups *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g->keys[i]);
	free(g->keys);
	free(g->first);
	free(g->next);
}

/* text_key() of s, or "\1" for no text (which is not the empty text). */
static char *opt_key(const char *s)
{
	return s ? text_key(s) : xstrdup("\1");
}

static char *key_protocol_phrase(const struct rrow *r)
{
	if (!r->code || !r->phrase)
		return NULL;
	char *k = text_key(r->phrase), *v = xasprintf("%s\x1F%s", r->protocol, k);
	free(k);
	return v;
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

static char *key_code(const struct rrow *r)
{
	return r->code ? xasprintf("%s\x1F%s", r->code, r->protocol) : NULL;
}

static char *key_text(const struct rrow *r)
{
	return !r->dup && r->code && r->text ? text_key(r->text) : NULL;
}

static char *key_code_with_text(const struct rrow *r)
{
	return !r->dup && r->code && r->text ? xstrdup(r->code) : NULL;
}

/* ---- the checks ------------------------------------------------------------ */

static void rows_collect(struct ctx *c)
{
	for (size_t i = 0; i < c->d->nrows; i++) {
		const struct row *p = &c->d->rows[i];
		struct rrow *r = rrow_insert(c, c->n);
		r->line = p->line;
		r->table = p->table;
		r->in_table = p->in_table;
		r->label = xstrdup(p->label);
		r->protocol = p->protocol ? store_protocol_id(p->protocol) : NULL;
		if (r->protocol == NULL)
			r->protocol = c->default_protocol;
		r->section = xstrdup(p->section);
		r->phrase = xstrdup(p->phrase);
		r->gloss = xstrdup(p->gloss);
		r->text = xstrdup(p->text);
		r->note = xstrdup(p->note);
		rrow_set_code(r, p->label);
	}
}

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
static void split_hidden(struct ctx *c)
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
			const struct sc_known *k = probe.code ? known_code(c, r->protocol, probe.code) : NULL;
			if (k == NULL || known_names(k, phrase) == 0 || strcmp(probe.code, r->code) == 0) {
				free(probe.code);
				free(label);
				free(phrase);
				continue;
			}
			char *q = quote(t + at);
			char *res = xasprintf("split out as its own row for %s", probe.code);
			zh(c, xasprintf("%s 的行中藏着 %s 的一行：“%s”", r->code, probe.code, q),
			   xasprintf("拆分为 %s 自己的一行", probe.code));
			finding(c, r, r->line, "hidden_row", res,
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
static void resolve_misread(struct ctx *c)
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
		const struct sc_known *k = r->phrase ? known_by_phrase(c, r->protocol, r->phrase) : NULL;
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
			zh(c, xasprintf("“%s”不是状态码；%s", r->label, why_zh), xasprintf("按 %d 读取", code));
			finding(c, r, r->line, "misread_label", res,
			        "\"%s\" is not a status code; %s", r->label, why);
			free(res);
			free(label);
		} else {
			zh(c, xasprintf("“%s”不是状态码；%s", r->label, why_zh), xstrdup("该行未导入"));
			finding(c, r, r->line, "misread_label", "row not imported",
			        "\"%s\" is not a status code; %s", r->label, why);
			r->s_phrase = r->s_gloss = r->s_text = r->s_note = S_REJECTED;
		}
		free(why);
		free(why_zh);
	}
}

/* Is the row's phrase written in Latin letters (comparable with the
 * registry's English)? */
static bool latin_phrase(const struct rrow *r)
{
	return r->phrase && !text_has_cjk(r->phrase);
}

/* Does the document have a row for code k whose phrase names k? */
static bool doc_names(const struct ctx *c, const struct sc_known *k, const struct rrow *except)
{
	for (size_t j = 0; j < c->n; j++) {
		const struct rrow *o = &c->r[j];
		if (o != except && o->code && o->phrase && strcmp(o->code, k->code) == 0 &&
		    strcmp(o->protocol, k->protocol) == 0 && known_names(k, o->phrase))
			return true;
	}
	return false;
}

/* A row whose phrase is another code's: either the whole row is filed
 * under the wrong code (the document has no row of its own for that code),
 * or only the phrase is wrong. Decided on the rows as written, then
 * applied. */
static void check_wrong_labels(struct ctx *c)
{
	const struct sc_known **to = xcalloc(c->n ? c->n : 1, sizeof *to);
	int *kind = xcalloc(c->n ? c->n : 1, sizeof *kind);

	for (size_t i = 0; i < c->n; i++) {
		const struct rrow *r = &c->r[i];
		if (!r->code || !latin_phrase(r) || r->s_phrase != S_USED)
			continue;
		const struct sc_known *own = known_code(c, r->protocol, r->code);
		if (own && own->registered && known_names(own, r->phrase))
			continue;
		const struct sc_known *x = known_by_phrase(c, r->protocol, r->phrase);
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
			zh(c, xasprintf("标为 %s 的行给出的是 %s 的短语“%s”，而文档中没有 %s 自己的行",
			                r->code, to[i]->code, r->phrase, to[i]->code),
			   xasprintf("归到 %s 之下", to[i]->code));
			finding(c, r, r->line, "wrong_label", res,
			        "the row labelled %s gives %s's phrase \"%s\", and the document has no row of its own for %s",
			        r->code, to[i]->code, r->phrase, to[i]->code);
			free(res);
			rrow_set_code(r, to[i]->code);
		} else {
			const struct sc_known *own = known_code(c, r->protocol, r->code);
			char *res = own && own->phrase_en
				? xasprintf("phrase not used for %s; the registry's \"%s\" is shown", r->code, own->phrase_en)
				: xasprintf("phrase not used for %s", r->code);
			zh(c, xasprintf("给 %s 的短语“%s”属于 %s", r->code, r->phrase, to[i]->code),
			   own && own->phrase_zh ? xasprintf("%s 不使用该短语；显示注册表的“%s”", r->code, own->phrase_zh)
			                         : xasprintf("%s 不使用该短语", r->code));
			finding(c, r, r->line, "wrong_phrase", res,
			        "the phrase \"%s\" given to %s is %s's", r->phrase, r->code, to[i]->code);
			free(res);
			r->s_phrase = S_REJECTED;
		}
		r->phrase_checked = true;
	}
	free(to);
	free(kind);
}

/* One Chinese phrase given to several codes: it belongs to those whose
 * registry phrase contains it (or is contained in it). */
static void check_shared_phrases(struct ctx *c)
{
	struct groups g;

	groups_make(c, key_protocol_phrase, &g);
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *a = &c->r[i];
		if (!a->code || !a->phrase || latin_phrase(a) || a->s_phrase != S_USED)
			continue;
		/* the later rows of the same protocol with the same phrase */
		for (size_t j = g.next[i]; j != NONE; j = g.next[j]) {
			struct rrow *b = &c->r[j];
			if (strcmp(a->code, b->code) == 0)
				continue;
			const struct sc_known *ka = known_code(c, a->protocol, a->code);
			const struct sc_known *kb = known_code(c, b->protocol, b->code);
			bool fa = ka && ka->phrase_zh && (strstr(ka->phrase_zh, a->phrase) || strstr(a->phrase, ka->phrase_zh));
			bool fb = kb && kb->phrase_zh && (strstr(kb->phrase_zh, b->phrase) || strstr(b->phrase, kb->phrase_zh));
			if (fa == fb)
				continue;
			struct rrow *wrong = fa ? b : a, *right = fa ? a : b;
			const struct sc_known *kw = fa ? kb : ka;
			char *res = xasprintf("phrase not used for %s; the registry's \"%s\" is shown",
			                      wrong->code, kw && kw->phrase_zh ? kw->phrase_zh : "");
			zh(c, xasprintf("%s 被给了“%s”，这是 %s（第 %d 行）的短语", wrong->code, wrong->phrase,
			                right->code, right->line),
			   xasprintf("%s 不使用该短语；显示注册表的“%s”", wrong->code,
			             kw && kw->phrase_zh ? kw->phrase_zh : ""));
			finding(c, wrong, wrong->line, "wrong_phrase", res,
			        "%s is given \"%s\", the phrase of %s (line %d)",
			        wrong->code, wrong->phrase, right->code, right->line);
			free(res);
			wrong->s_phrase = S_REJECTED;
			wrong->phrase_checked = true;
		}
	}
	groups_free(&g, c->n);
}

/* Rows given twice (same code, protocol, phrase and text); a run of three
 * or more is one repeated block. */
static void mark_duplicates(struct ctx *c)
{
	struct groups g;
	size_t *first;

	groups_make(c, key_whole_row, &g);
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
			zh(c, xasprintf("第 %d-%d 行（%s 到 %s）完整重复了第 %d-%d 行", c->r[i].line,
			                c->r[k - 1].line, c->r[i].code, c->r[k - 1].code, c->r[first[i]].line,
			                c->r[first[k - 1]].line),
			   xasprintf("这 %zu 行重复内容作为重复项保留，不重复使用", k - i));
			finding(c, NULL, c->r[i].line, "duplicate_block", res,
			        "lines %d-%d (codes %s to %s) repeat lines %d-%d in full",
			        c->r[i].line, c->r[k - 1].line, c->r[i].code, c->r[k - 1].code,
			        c->r[first[i]].line, c->r[first[k - 1]].line);
			free(res);
		} else {
			for (size_t j = i; j < k; j++) {
				zh(c, xasprintf("%s 的行重复了第 %d 行", c->r[j].code, c->r[first[j]].line),
				   xstrdup("作为重复项保留，不重复使用"));
				finding(c, &c->r[j], c->r[j].line, "duplicate_row", "kept as a duplicate, not used twice",
				        "the row for %s repeats line %d", c->r[j].code, c->r[first[j]].line);
			}
		}
		for (size_t j = i; j < k; j++)
			c->r[j].s_phrase = c->r[j].s_gloss = c->r[j].s_text = c->r[j].s_note = S_DUP;
		i = k;
	}
	groups_free(&g, c->n);
}

/* A text given word for word to two codes. */
static void check_copied_text(struct ctx *c)
{
	struct groups bytext, bycode;
	size_t *alt = xcalloc(c->n ? c->n : 1, sizeof *alt);
	bool *several = xcalloc(c->n ? c->n : 1, sizeof *several);

	groups_make(c, key_text, &bytext);
	groups_make(c, key_code_with_text, &bycode);
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
			zh(c, xasprintf("%s 的行逐字照搬了 %s（第 %d 行）的文本", r->code, o->code, o->line),
			   xasprintf("%s 不使用该文本；使用文档中 %s 的另一段文本", r->code, r->code));
			finding(c, r, r->line, "copied_text", res,
			        "the row for %s carries the text of %s (line %d) word for word",
			        r->code, o->code, o->line);
			free(res);
			r->s_text = S_REJECTED;
		} else {
			char *res = xasprintf("kept as this source's text for %s, not used as its description", r->code);
			zh(c, xasprintf("%s 和 %s（第 %d 行）被给了相同的文本，无法区分二者", r->code, o->code, o->line),
			   xasprintf("作为该来源对 %s 的文本保留，不用作其说明", r->code));
			finding(c, r, r->line, "shared_text", res,
			        "%s and %s (line %d) are given the same text, which cannot tell them apart",
			        r->code, o->code, o->line);
			free(res);
			r->s_text = S_KEPT;
		}
	}
	groups_free(&bytext, c->n);
	groups_free(&bycode, c->n);
	free(alt);
	free(several);
}

/* A meaning the registry no longer gives the code. */
static void check_outdated(struct ctx *c)
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
				const struct sc_known *k = known_code(c, r->protocol, r->code);
				char *res = xasprintf("kept as this source's claim, marked outdated; the current meaning is \"%s\"",
				                      k && k->phrase_en ? k->phrase_en : "the registry's");
				zh(c, xasprintf("%s 被描述为其以前的含义“%s”", r->code,
				                o->former_zh ? o->former_zh : o->former_en ? o->former_en : hit),
				   xasprintf("作为该来源的原话保留并标为过时；现在的含义是“%s”",
				             k && k->phrase_zh ? k->phrase_zh : "注册表所给的含义"));
				finding(c, r, r->line, "outdated_meaning", res,
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
static size_t check_phrases(struct ctx *c, size_t *checked, size_t *garbled)
{
	size_t bad = 0;

	*checked = *garbled = 0;
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code || !latin_phrase(r))
			continue;
		const struct sc_known *k = known_code(c, r->protocol, r->code);
		if (k == NULL || !k->registered || !k->phrase_en)
			continue;
		(*checked)++;
		if (r->phrase_checked || r->s_phrase != S_USED) {
			bad++;
			continue;
		}
		int named = known_names(k, r->phrase);
		if (named == 2)
			continue;
		char *reg = xasprintf("the registry's \"%s\" is shown", k->phrase_en);
		if (named == 1) {
			char *res = xasprintf("kept as another name of %s; %s", r->code, reg);
			zh(c, xasprintf("“%s”是 %s 的别名，不是注册表的名称", r->phrase, r->code),
			   xasprintf("作为 %s 的别名保留；显示注册表的“%s”", r->code, k->phrase_en));
			finding(c, r, r->line, "other_name", res,
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
			zh(c, xasprintf("%s 的“%s”是“%s”的误拼", r->code, r->phrase, k->phrase_en),
			   xasprintf("不使用；显示注册表的“%s”", k->phrase_en));
			finding(c, r, r->line, "misspelled_phrase", res,
			        "\"%s\" for %s is a misspelling of \"%s\"", r->phrase, r->code, k->phrase_en);
			free(res);
			r->s_phrase = S_KEPT;
		} else if (*p && strstr(f, p) && strlen(f) > len) {
			char *res = xasprintf("not used; %s", reg);
			zh(c, xasprintf("%s 的“%s”重复或填充了短语“%s”", r->code, r->phrase, k->phrase_en),
			   xasprintf("不使用；显示注册表的“%s”", k->phrase_en));
			finding(c, r, r->line, "garbled_phrase", res,
			        "\"%s\" for %s repeats or pads the phrase \"%s\"", r->phrase, r->code, k->phrase_en);
			free(res);
			r->s_phrase = S_REJECTED;
			(*garbled)++;
		} else {
			char *res = xasprintf("kept as this source's claim; %s", reg);
			zh(c, xasprintf("“%s”不是注册表给 %s 的名称", r->phrase, r->code),
			   xasprintf("作为该来源的原话保留；显示注册表的“%s”", k->phrase_en));
			finding(c, r, r->line, "unknown_phrase", res,
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
static size_t check_mixed(struct ctx *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		if (r->dup || !r->code || !r->text || r->s_text != S_USED)
			continue;
		if (strcmp(lang_of(r->text), "en") != 0 || !text_has_cjk(r->text))
			continue;
		char *q = quote(r->text);
		zh(c, xasprintf("%s 的英文文本中夹杂着中文：“%s”", r->code, q),
		   xstrdup("作为该来源的原话保留，不用作英文文本"));
		finding(c, r, r->line, "mixed_language", "kept as this source's claim, not used as the English text",
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
static void check_truncated(struct ctx *c)
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
		zh(c, xasprintf("%s 的文本“%s”中途断了，而同一表中其他行都以完整的句子结尾",
		                r->code ? r->code : r->label, r->text),
		   xstrdup("作为该来源的原话保留，不用作说明"));
		finding(c, r, r->line, "truncated_text", "kept as this source's claim, not used as a description",
		        "the text for %s, \"%s\", breaks off where the other rows of its table end in a full sentence",
		        r->code ? r->code : r->label, r->text);
		r->s_text = S_KEPT;
	}
}

/* A document whose English phrases often differ from the registry's, some
 * padded or repeated, some texts with Chinese left in, reads as machine
 * translation: its
 * English is kept as claims, and not used as any entry's English text. */
static void check_machine_translation(struct ctx *c, size_t bad, size_t checked, size_t garbled,
                                      size_t mixed)
{
	if (checked < 10 || bad * 10 < checked || garbled + mixed < 3)
		return;
	zh(c, xasprintf("%zu 个英文短语中有 %zu 个与注册表不同，%zu 段文本夹杂着中文", checked, bad, mixed),
	   xstrdup("其英文作为该来源的原话保留；优先显示本项目的英文"));
	finding(c, NULL, 0, "machine_translation",
	        "its English is kept as this source's claims; the project's English is shown first",
	        "%zu of %zu English phrases differ from the registry's and %zu text%s mix%s in Chinese",
	        bad, checked, mixed, mixed == 1 ? "" : "s", mixed == 1 ? "es" : "");
	for (size_t i = 0; i < c->n; i++) {
		struct rrow *r = &c->r[i];
		if (r->text && r->s_text == S_USED && strcmp(lang_of(r->text), "en") == 0)
			r->s_text = S_KEPT;
	}
}

/* ---- storing ---------------------------------------------------------------- */

static void claim(struct ctx *c, const struct rrow *r, int64_t eid, const char *field,
                  const char *value, const char *state)
{
	if (c->failed || value == NULL)
		return;
	if (store_add_claim(c->st, c->src, eid, r->line, r->label, field, lang_of(value), value,
	                    state, c->cause) < 0) {
		c->failed = 1;
		return;
	}
	c->sum->claims++;
	if (state == S_USED)
		c->sum->used++;
}

static void store_rows(struct ctx *c)
{
	struct groups bycode;

	groups_make(c, key_code, &bycode);
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		int64_t eid = 0;
		if (r->code) {
			const struct sc_known *k = known_code(c, r->protocol, r->code);
			bool seen = bycode.first[i] != i; /* an earlier row has the code */
			if ((k == NULL || !k->registered) && !seen) {
				zh(c, xasprintf("%s %s 不在任何注册表中", r->protocol, r->code),
				   xstrdup("作为未核实的条目导入"));
				finding(c, r, r->line, "unknown_code", "imported as an unverified entry",
				        "%s %s is in no registry", r->protocol, r->code);
			}
			if (k == NULL && !seen)
				c->sum->entries_new++;
			eid = entry_of(c, r);
		} else {
			r->s_phrase = r->s_gloss = r->s_text = r->s_note = S_REJECTED;
		}
		/* the gloss is a back-translation: kept, never used */
		claim(c, r, eid, "phrase", r->phrase, r->s_phrase);
		claim(c, r, eid, "gloss", r->gloss, r->s_gloss == S_USED ? S_KEPT : r->s_gloss);
		claim(c, r, eid, "text", r->text, r->s_text);
		claim(c, r, eid, "note", r->note, r->s_note == S_USED ? S_KEPT : r->s_note);
	}
	groups_free(&bycode, c->n);
	/* prose about protocols and classes */
	for (size_t i = 0; i < c->d->ntexts && !c->failed; i++) {
		const struct section_text *t = &c->d->texts[i];
		const char *label = t->label ? t->label : (t->protocol ? t->protocol : "-");
		const char *value = t->text ? t->text : t->name;
		if (value == NULL)
			continue;
		if (store_add_claim(c->st, c->src, 0, t->line, label, t->label ? "class" : "prose",
		                    lang_of(value), value, S_KEPT, c->cause) < 0)
			c->failed = 1;
		else
			c->sum->claims++;
		if (t->name && t->text && t->label && !c->failed &&
		    store_add_claim(c->st, c->src, 0, t->line, label, "class-name", lang_of(t->name),
		                    t->name, S_KEPT, c->cause) < 0)
			c->failed = 1;
	}
	for (size_t i = 0; i < c->d->nrejects && !c->failed; i++) {
		const struct reject *j = &c->d->rejects[i];
		char *q = quote(j->text);
		zh(c, xasprintf("%s：“%s”", j->why, q), xstrdup("未导入"));
		finding(c, NULL, j->line, "rejected_line", "not imported", "%s: \"%s\"", j->why, q);
		free(q);
		c->sum->rejected++;
	}
}

static const char *doc_language(const struct doc *d)
{
	size_t zh = 0, en = 0;
	for (size_t i = 0; i < d->nrows; i++) {
		const char *s = d->rows[i].text ? d->rows[i].text : d->rows[i].phrase;
		if (s == NULL)
			continue;
		if (strcmp(lang_of(s), "zh") == 0)
			zh++;
		else
			en++;
	}
	return zh && en ? (zh > en * 4 ? "zh" : en > zh * 4 ? "en" : "en+zh") : zh ? "zh" : "en";
}

int import_document(struct store *st, const struct doc *d, const char *kind,
                    struct import_summary *sum, FILE *log, char **cause)
{
	struct ctx c = { .st = st, .d = d, .sum = sum, .log = log, .cause = cause };
	struct source_info s = {
		.file = d->file, .kind = kind, .format = d->format, .title = d->title,
		.author = d->author, .date = d->date, .language = doc_language(d),
		.bytes = (int64_t)d->bytes, .lines = (int64_t)d->lines,
	};
	size_t checked = 0, garbled = 0, bad, mixed;

	*cause = NULL;
	memset(sum, 0, sizeof *sum);
	c.default_protocol = heading_protocol(d->title ? d->title : "");
	if (c.default_protocol == NULL)
		c.default_protocol = "http";
	if ((c.src = store_add_source(st, &s, cause)) < 0)
		return -1;
	if (store_knowns(st, &c.kn, cause) != 0 || store_historics(st, &c.hist, cause) != 0) {
		sc_knowns_free(&c.kn);
		sc_historics_free(&c.hist);
		return -1;
	}
	rows_collect(&c);
	sum->rows = c.n;
	split_hidden(&c);
	resolve_misread(&c);
	check_wrong_labels(&c);
	check_shared_phrases(&c);
	mark_duplicates(&c);
	check_copied_text(&c);
	check_outdated(&c);
	bad = check_phrases(&c, &checked, &garbled);
	mixed = check_mixed(&c);
	check_truncated(&c);
	check_machine_translation(&c, bad, checked, garbled, mixed);
	store_rows(&c);
	size_t taken = 0;
	for (size_t i = 0; i < c.n; i++)
		taken += c.r[i].code != NULL && !c.r[i].dup;
	if (!c.failed && store_set_source_rows(st, c.src, (int64_t)taken, cause) != 0)
		c.failed = 1;
	for (size_t i = 0; i < c.n; i++) {
		struct rrow *r = &c.r[i];
		free(r->label); free(r->section); free(r->phrase); free(r->gloss);
		free(r->text); free(r->note); free(r->code);
	}
	free(c.r);
	zh(&c, NULL, NULL);
	sc_knowns_free(&c.kn);
	sc_historics_free(&c.hist);
	return c.failed ? -1 : 0;
}
