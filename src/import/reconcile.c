/* reconcile.c: deciding what a parsed document means. Its rows are checked
 * against each other and against the registry facts already in the
 * database; every defect found becomes a finding with its resolution, and
 * every statement becomes a claim whose state says whether it is used as
 * the entry's text ('used'), kept only as what the source said ('kept',
 * 'outdated'), repeated ('duplicate') or refused ('rejected').
 *
 * This file holds the pipeline (import_document), the rows under
 * reconciliation, recording findings and storing claims. The checks are by
 * concern: reconcile_labels.c (which code a row is for), reconcile_repeats.c
 * (rows and texts given twice), reconcile_quality.c (what the text says:
 * outdated meanings, phrases against the registry, mixed language, cut-off
 * text, machine translation); reconcile_match.c matches rows against the
 * registry and groups them by what they say. */
#include "config.h"
#include "reconcile_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "say.h"
#include "store_write.h"
#include "str.h"
#include "xmalloc.h"

const char S_USED[] = "used", S_KEPT[] = "kept", S_DUP[] = "duplicate",
           S_REJECTED[] = "rejected", S_OUTDATED[] = "outdated";

/* ---- the rows ------------------------------------------------------------- */

struct rrow *rrow_insert(struct ctx *c, size_t at)
{
	c->r = xgrow(c->r, c->n, &c->cap, sizeof *c->r);
	memmove(c->r + at + 1, c->r + at, (c->n - at) * sizeof *c->r);
	c->n++;
	memset(&c->r[at], 0, sizeof c->r[at]);
	c->r[at].s_phrase = c->r[at].s_gloss = c->r[at].s_text = c->r[at].s_note = S_USED;
	c->r[at].sub = -1;
	return &c->r[at];
}

void rrow_set_code(struct rrow *r, const char *label)
{
	free(r->code);
	r->code = NULL;
	if (!code_parse(label, &r->num, &r->sub, &r->hi, &r->code))
		r->code = NULL;
}

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

/* The next finding's message and resolution in Chinese (issue 12 item 6);
 * rc_finding() takes them over. Both are malloc'd (xasprintf). */
void rc_zh(struct ctx *c, char *msg, char *res)
{
	free(c->zh_msg);
	free(c->zh_res);
	c->zh_msg = msg;
	c->zh_res = res;
}

void rc_finding(struct ctx *c, const struct rrow *r, int line, const char *kind,
                    const char *resolution, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (c->failed) {
		rc_zh(c, NULL, NULL);
		return;
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	int64_t eid = r ? entry_of(c, r) : 0;
	if (!c->failed && store_add_finding(c->st, c->src, line, kind, r ? r->label : NULL, eid,
	                                    msg, resolution, c->zh_msg, c->zh_res, c->cause) < 0)
		c->failed = 1;
	c->sum->findings++;
	if (c->log) {   /* in Chinese as the stored finding has it, when the interface speaks it */
		bool zh = say_chinese() && c->zh_msg && c->zh_res;
		fprintf(c->log, SAY("%s:%d: %s: %s; %s"), c->d->file, line, kind, zh ? c->zh_msg : msg,
		        zh ? c->zh_res : resolution);
		fputc('\n', c->log);
	}
	rc_zh(c, NULL, NULL);
	free(msg);
}

/* ---- storing ---------------------------------------------------------------- */

static char *key_code(const struct rrow *r)
{
	return r->code ? xasprintf("%s\x1F%s", r->code, r->protocol) : NULL;
}

static void claim(struct ctx *c, const struct rrow *r, int64_t eid, const char *field,
                  const char *value, const char *state)
{
	if (c->failed || value == NULL)
		return;
	if (store_add_claim(c->st, c->src, eid, r->line, r->label, field, rc_lang_of(value), value,
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

	rc_groups_make(c, key_code, &bycode);
	for (size_t i = 0; i < c->n && !c->failed; i++) {
		struct rrow *r = &c->r[i];
		int64_t eid = 0;
		if (r->code) {
			const struct sc_known *k = rc_known_code(c, r->protocol, r->code);
			bool seen = bycode.first[i] != i; /* an earlier row has the code */
			if ((k == NULL || !k->registered) && !seen) {
				rc_zh(c, xasprintf("%s %s 不在任何注册表中", r->protocol, r->code),
				   xstrdup("作为未核实的条目导入"));
				rc_finding(c, r, r->line, "unknown_code", "imported as an unverified entry",
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
	rc_groups_free(&bycode, c->n);
	/* prose about protocols and classes */
	for (size_t i = 0; i < c->d->ntexts && !c->failed; i++) {
		const struct section_text *t = &c->d->texts[i];
		const char *label = t->label ? t->label : (t->protocol ? t->protocol : "-");
		const char *value = t->text ? t->text : t->name;
		if (value == NULL)
			continue;
		if (store_add_claim(c->st, c->src, 0, t->line, label, t->label ? "class" : "prose",
		                    rc_lang_of(value), value, S_KEPT, c->cause) < 0)
			c->failed = 1;
		else
			c->sum->claims++;
		if (t->name && t->text && t->label && !c->failed &&
		    store_add_claim(c->st, c->src, 0, t->line, label, "class-name", rc_lang_of(t->name),
		                    t->name, S_KEPT, c->cause) < 0)
			c->failed = 1;
	}
	for (size_t i = 0; i < c->d->nrejects && !c->failed; i++) {
		const struct reject *j = &c->d->rejects[i];
		char *q = rc_quote(j->text);
		rc_zh(c, xasprintf("%s：“%s”", j->why_zh ? j->why_zh : j->why, q), xstrdup("未导入"));
		rc_finding(c, NULL, j->line, "rejected_line", "not imported", "%s: \"%s\"", j->why, q);
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
		if (strcmp(rc_lang_of(s), "zh") == 0)
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
	sum->source_id = c.src;
	if (store_knowns(st, &c.kn, cause) != 0 || store_historics(st, &c.hist, cause) != 0) {
		sc_knowns_free(&c.kn);
		sc_historics_free(&c.hist);
		return -1;
	}
	rows_collect(&c);
	sum->rows = c.n;
	rc_split_hidden(&c);
	rc_resolve_misread(&c);
	rc_check_wrong_labels(&c);
	rc_check_shared_phrases(&c);
	rc_mark_duplicates(&c);
	rc_check_copied_text(&c);
	rc_check_outdated(&c);
	bad = rc_check_phrases(&c, &checked, &garbled);
	mixed = rc_check_mixed(&c);
	rc_check_truncated(&c);
	rc_check_machine_translation(&c, bad, checked, garbled, mixed);
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
	rc_zh(&c, NULL, NULL);
	sc_knowns_free(&c.kn);
	sc_historics_free(&c.hist);
	return c.failed ? -1 : 0;
}
