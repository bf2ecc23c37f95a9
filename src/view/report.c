/* report.c: the explain report document (see report.h). */
#include "config.h"
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice.h"
#include "labels.h"
#include "ui.h"
#include "xmalloc.h"

const struct view_label view_report_labels[VRL_COUNT] = {
#define VRL_TEXT(id, en, zh) [id] = { en, zh },
	VIEW_REPORT_LABELS(VRL_TEXT)
#undef VRL_TEXT
};

#define URL_MAX 64

char *view_report_label(enum lang lang, enum view_report_label id)
{
	return lang_bi(lang, view_report_labels[id].en, view_report_labels[id].zh);
}

static struct view_text text_of(enum lang lang, const char *id, const char *en, const char *zh)
{
	struct view_text t = { id, lang_want_en(lang) ? en : NULL, lang_want_zh(lang) ? zh : NULL };
	return t;
}

static struct view_text advice_text(enum lang lang, int idx)
{
	if (idx < 0 || idx >= ADV_COUNT)
		return (struct view_text){ NULL, NULL, NULL };
	return text_of(lang, explain_advice[idx].id, explain_advice[idx].en, explain_advice[idx].zh);
}

/* "https://shop.example.com/static/…/app.js": the head and the tail of a
 * long URL, cut between characters. */
static char *short_url(const char *u)
{
	size_t n = strlen(u);
	if (n <= URL_MAX)
		return xstrdup(u);
	size_t head = 40, tail = URL_MAX - 41;
	while (head > 0 && ((unsigned char)u[head] & 0xC0) == 0x80)
		head--;
	size_t from = n - tail;
	while (from < n && ((unsigned char)u[from] & 0xC0) == 0x80)
		from++;
	return xasprintf("%.*s\xE2\x80\xA6%s", (int)head, u, u + from);
}

static int rule_advice(const struct ex_count *c)
{
	switch (c->m.rule) {
	case EX_RULE_PARENT:      return ADV_RULE_PARENT;
	case EX_RULE_CLASS:       return ADV_RULE_CLASS;
	case EX_RULE_RANGE:       return ADV_RULE_RANGE;
	case EX_RULE_NO_RESPONSE: return ADV_RULE_NO_RESPONSE;
	case EX_RULE_INVALID:     return ADV_RULE_INVALID;
	case EX_RULE_EXACT:       break;
	}
	return -1;
}

/* The phrase and, when a rule found it, how: owned. */
static char *meaning(const struct ex_count *c, bool zh)
{
	const struct view_label *l = view_report_labels;
	const char *ph = zh ? c->m.e.phrase_zh : c->m.e.phrase_en;
	const char *sep = zh ? UI_ZH(" (") : " (", *end = zh ? UI_ZH(")") : ")";

	if (!ph)
		ph = "";
	switch (c->m.rule) {
	case EX_RULE_NO_RESPONSE:
		return xstrdup(zh ? l[VRL_NO_RESPONSE].zh : l[VRL_NO_RESPONSE].en);
	case EX_RULE_INVALID:
		return xstrdup(zh ? l[VRL_INVALID].zh : l[VRL_INVALID].en);
	case EX_RULE_CLASS:
		return xasprintf("%s%s%s%s%s%s", ph, sep, zh ? l[VRL_UNREGISTERED].zh : l[VRL_UNREGISTERED].en,
		                 zh ? "" : " ", c->m.as_code, end);
	case EX_RULE_PARENT:
		return xasprintf("%s%s%s%s%s%s", ph, sep, zh ? l[VRL_PARENT_OF].zh : l[VRL_PARENT_OF].en,
		                 zh ? "" : " ", c->m.as_code, end);
	case EX_RULE_RANGE:
		return xasprintf("%s%s%s%s%s%s", ph, sep, zh ? l[VRL_IN_RANGE].zh : l[VRL_IN_RANGE].en,
		                 zh ? "" : " ", c->m.e.code ? c->m.e.code : "", end);
	case EX_RULE_EXACT:
		break;
	}
	return xstrdup(ph);
}

static void build_row(struct view_report *doc, size_t i)
{
	const struct ex_count *c = &doc->r->counts[i];
	struct view_report_row *row = &doc->rows[i];

	row->c = c;
	row->protocol = label_protocol(c->protocol);
	row->color = palette_for_code(c->protocol, c->num);
	explain_class_of(c, row->cls, sizeof row->cls);
	row->share = doc->total ? (double)c->n / (double)doc->total : 0;
	row->meaning.en = row->own_en = lang_want_en(doc->lang) ? meaning(c, false) : NULL;
	row->meaning.zh = row->own_zh = lang_want_zh(doc->lang) ? meaning(c, true) : NULL;
	row->rule = advice_text(doc->lang, rule_advice(c));
	row->range = advice_text(doc->lang, -1);
	if (strcmp(c->protocol, "websocket") == 0 && c->num >= 3000 && c->num <= 4999 &&
	    c->m.rule != EX_RULE_EXACT)   /* a code registered on its own needs no range rule */
		row->range = advice_text(doc->lang, c->num >= 4000 ? ADV_WS_PRIVATE : ADV_WS_REGISTERED);
}

static void build_classes(struct view_report *doc)
{
	for (size_t i = 0; i < doc->nrows; i++) {
		const struct view_report_row *row = &doc->rows[i];
		size_t k;
		for (k = 0; k < doc->nclasses; k++)
			if (strcmp(doc->classes[k].protocol, row->c->protocol) == 0 &&
			    strcmp(doc->classes[k].cls, row->cls) == 0)
				break;
		if (k == doc->nclasses) {
			doc->classes = xreallocarray(doc->classes, doc->nclasses + 1, sizeof *doc->classes);
			memset(&doc->classes[k], 0, sizeof doc->classes[k]);
			doc->classes[k].protocol = row->c->protocol;
			snprintf(doc->classes[k].cls, sizeof doc->classes[k].cls, "%s", row->cls);
			doc->classes[k].color = row->color;
			doc->nclasses++;
		}
		doc->classes[k].n += row->c->n;
	}
	for (size_t k = 0; k < doc->nclasses; k++)
		doc->classes[k].share = doc->total ? (double)doc->classes[k].n / (double)doc->total : 0;
	/* by protocol, then class (insertion sort: a handful of classes) */
	for (size_t a = 1; a < doc->nclasses; a++)
		for (size_t b = a; b > 0; b--) {
			struct view_report_class *x = &doc->classes[b - 1], *y = &doc->classes[b];
			int c = strcmp(x->protocol, y->protocol);
			if (c < 0 || (c == 0 && strcmp(x->cls, y->cls) <= 0))
				break;
			struct view_report_class t = *x;
			*x = *y;
			*y = t;
		}
}

void view_report_build(const struct ex_report *r, enum lang lang, struct view_report *doc)
{
	memset(doc, 0, sizeof *doc);
	doc->lang = lang;
	doc->r = r;
	doc->kind = text_of(lang, explain_kind_id(r->kind), explain_kind_en(r->kind),
	                    explain_kind_zh(r->kind));
	doc->per_item = r->kind == EX_HEADS || r->kind == EX_FTP || r->kind == EX_WS;
	enum view_report_label h = r->kind == EX_FTP ? VRL_REPLIES : r->kind == EX_WS ? VRL_EVENTS :
	                           r->kind == EX_HAR ? VRL_REQUESTS : VRL_RESPONSES;
	doc->items_heading_en = lang_want_en(lang) ? view_report_labels[h].en : NULL;
	doc->items_heading_zh = lang_want_zh(lang) ? view_report_labels[h].zh : NULL;
	for (size_t i = 0; i < r->ncounts; i++)
		doc->total += r->counts[i].n;
	doc->nrows = r->ncounts;
	doc->rows = xcalloc(doc->nrows ? doc->nrows : 1, sizeof *doc->rows);
	for (size_t i = 0; i < doc->nrows; i++)
		build_row(doc, i);
	build_classes(doc);
	doc->nitems = r->nitems;
	doc->items = xcalloc(doc->nitems ? doc->nitems : 1, sizeof *doc->items);
	for (size_t i = 0; i < doc->nitems; i++) {
		const struct ex_item *it = &r->items[i];
		struct view_report_item *vi = &doc->items[i];
		vi->it = it;
		vi->row = &doc->rows[it->count];
		vi->url = it->url ? short_url(it->url) : NULL;
		vi->judgment = advice_text(lang, it->judgment);
		vi->hop = advice_text(lang, it->hop);
		vi->hdr_advice = xcalloc(it->nhdrs ? it->nhdrs : 1, sizeof *vi->hdr_advice);
		for (size_t k = 0; k < it->nhdrs; k++)
			vi->hdr_advice[k] = advice_text(lang, it->hdrs[k].advice);
	}
}

void view_report_free(struct view_report *doc)
{
	for (size_t i = 0; i < doc->nitems; i++) {
		free(doc->items[i].url);
		free(doc->items[i].hdr_advice);
	}
	free(doc->items);
	for (size_t i = 0; i < doc->nrows; i++) {
		free(doc->rows[i].own_en);
		free(doc->rows[i].own_zh);
	}
	free(doc->rows);
	free(doc->classes);
	memset(doc, 0, sizeof *doc);
}
