/* entry.c: the entry document (see entry.h): one loader, then one small
 * builder per section. */
#include "config.h"
#include "entry.h"

#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "xmalloc.h"

/* A new, empty section of this kind at the end of the document. */
static struct view_section *section_new(struct view_entry *d, enum view_section_kind kind)
{
	struct view_section *s;

	d->sec = xgrow(d->sec, d->nsec, &d->seccap, sizeof *d->sec);
	s = &d->sec[d->nsec++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->en = label_sections[kind].en;
	s->zh = label_sections[kind].zh;
	return s;
}

/* Drops the last section again when it got no items. */
static void section_end(struct view_entry *d)
{
	if (d->nsec && d->sec[d->nsec - 1].n == 0) {
		free(d->sec[d->nsec - 1].v);
		d->nsec--;
	}
}

/* An item with en and zh kept only as far as the language wants them. */
static struct view_item *item_add(const struct view_entry *d, struct view_section *s, enum view_role role,
                                  const char *en, const char *zh)
{
	struct view_item *it = LIST_PUSH(s);

	it->role = role;
	it->en = lang_want_en(d->lang) ? en : NULL;
	it->zh = lang_want_zh(d->lang) ? zh : NULL;
	return it;
}

static void build_head(struct view_entry *d)
{
	const struct sc_entry *e = &d->e;
	struct view_section *s = section_new(d, VS_HEAD);

	item_add(d, s, VR_PHRASE, e->phrase_en, e->phrase_zh)->ref = e;
	item_add(d, s, VR_CLASS, d->klass.name_en, d->klass.name_zh)->value = e->class_id;
	if (e->status && *e->status)   /* never NULL in our schema; a foreign database may say nothing */
		item_add(d, s, VR_STATUS, e->status, label_status_zh(e->status))->value = e->status;
	if (e->spec)
		item_add(d, s, VR_SPEC, NULL, NULL)->value = e->spec;
	if (d->parent.id) {
		struct view_item *it = item_add(d, s, VR_PARENT, d->parent.phrase_en, d->parent.phrase_zh);
		it->ref = &d->parent;
	}
	section_end(d);
}

/* The summary and who wrote it: the English one's author when English is
 * shown and there is an English summary, else the Chinese one's. */
static void build_summary(struct view_entry *d)
{
	const struct sc_entry *e = &d->e;
	struct view_section *s = section_new(d, VS_SUMMARY);
	bool en = lang_want_en(d->lang) && e->summary_en, zh = lang_want_zh(d->lang) && e->summary_zh;

	if (en || zh)
		item_add(d, s, VR_TEXT, e->summary_en, e->summary_zh);
	if (e->origin_en || e->origin_zh) {
		struct view_item *it = item_add(d, s, VR_BYLINE, e->origin_en, e->origin_zh);
		it->value = lang_want_en(d->lang) && e->summary_en ? e->origin_en : e->origin_zh;
	}
	section_end(d);
}

/* A section of one paragraph in each language, when the language has it. */
static void build_text(struct view_entry *d, enum view_section_kind kind, const char *en, const char *zh)
{
	struct view_section *s = section_new(d, kind);

	if ((lang_want_en(d->lang) && en) || (lang_want_zh(d->lang) && zh))
		item_add(d, s, VR_TEXT, en, zh);
	section_end(d);
}

static void build_former(struct view_entry *d)
{
	struct view_section *s = section_new(d, VS_FORMER);

	for (size_t i = 0; i < d->former.n; i++) {
		const struct sc_historic *h = &d->former.v[i];
		struct view_item *it = item_add(d, s, VR_FORMER, h->former_en, h->former_zh);
		it->note_en = lang_want_en(d->lang) ? h->note_en : NULL;
		it->note_zh = lang_want_zh(d->lang) ? h->note_zh : NULL;
	}
	section_end(d);
}

static void build_meanings(struct view_entry *d)
{
	struct view_section *s = section_new(d, VS_MEANINGS);

	for (size_t i = 0; i < d->others.n; i++) {
		const struct sc_meaning *m = &d->others.v[i];
		struct view_item *it = item_add(d, s, VR_MEANING, m->meaning_en, m->meaning_zh);
		it->title_en = lang_want_en(d->lang) ? m->who_en : NULL;
		it->title_zh = lang_want_zh(d->lang) ? m->who_zh : NULL;
		it->note_en = lang_want_en(d->lang) ? m->note_en : NULL;
		it->note_zh = lang_want_zh(d->lang) ? m->note_zh : NULL;
	}
	section_end(d);
}

static void build_sub_status(struct view_entry *d)
{
	struct view_section *s = section_new(d, VS_SUB_STATUS);

	for (size_t i = 0; i < d->children.n; i++) {
		const struct sc_entry *c = &d->children.v[i];
		item_add(d, s, VR_ENTRY, c->phrase_en, c->phrase_zh)->ref = c;
	}
	s->more = d->nchildren > s->n ? d->nchildren - s->n : 0;
	section_end(d);
}

/* Is xref i the last of its compare group (the next one is not a compare
 * or carries another note)? */
static bool group_last(const struct sc_xrefs *xs, size_t i)
{
	const struct sc_xref *x = &xs->v[i], *nx = i + 1 < xs->n ? &xs->v[i + 1] : NULL;

	return !nx || strcmp(nx->kind, "compare") != 0 || !nx->note_en || !x->note_en ||
	       strcmp(nx->note_en, x->note_en) != 0;
}

/* The cross-references of the kind this section collects, in the store's
 * order; a compare group's title and note go on its last peer. */
static void build_xrefs(struct view_entry *d, enum view_section_kind kind)
{
	struct view_section *s = section_new(d, kind);

	for (size_t i = 0; i < d->xrefs.n; i++) {
		const struct sc_xref *x = &d->xrefs.v[i];
		if (label_xref_section(x->kind) != kind)
			continue;
		struct view_item *it = item_add(d, s, VR_ENTRY, x->other.phrase_en, x->other.phrase_zh);
		it->ref = &x->other;
		it->xref = x;
		it->value = x->kind;
		if (kind == VS_CONFUSABLES && group_last(&d->xrefs, i)) {
			it->title_en = lang_want_en(d->lang) ? x->title_en : NULL;
			it->title_zh = lang_want_zh(d->lang) ? x->title_zh : NULL;
			it->note_en = lang_want_en(d->lang) ? x->note_en : NULL;
			it->note_zh = lang_want_zh(d->lang) ? x->note_zh : NULL;
		}
	}
	section_end(d);
}

/* What each source said, in the languages wanted (a claim in no language,
 * such as a code, is always kept). */
static void build_sources(struct view_entry *d)
{
	struct view_section *s = section_new(d, VS_SOURCES);
	const char *last = NULL;

	for (size_t i = 0; i < d->claims.n; i++) {
		const struct sc_claim *c = &d->claims.v[i];
		if (c->lang && ((d->lang == LANG_EN && strcmp(c->lang, "zh") == 0) ||
		                (d->lang == LANG_ZH && strcmp(c->lang, "en") == 0)))
			continue;
		struct view_item *it = item_add(d, s, VR_CLAIM, NULL, NULL);
		it->claim = c;
		if (!last || strcmp(last, c->source) != 0)
			it->value = last = c->source;
	}
	section_end(d);
}

static void build_defects(struct view_entry *d)
{
	struct view_section *s = section_new(d, VS_DEFECTS);

	for (size_t i = 0; i < d->findings.n; i++)
		item_add(d, s, VR_FINDING, NULL, NULL)->finding = &d->findings.v[i];
	section_end(d);
}

/* The first sub-status codes of e (403.1 .. for 403), a screenful, into
 * d->children; how many there are into d->nchildren. */
static int load_children(struct store *st, const struct sc_entry *e, struct view_entry *d, char **cause)
{
	return store_children(st, e, VIEW_SUB_MAX, &d->children, &d->nchildren, cause);
}

/* The class e belongs to, into d->klass (left zeroed when unknown). */
static int load_class(struct store *st, const struct sc_entry *e, struct view_entry *d, char **cause)
{
	struct sc_classes classes = {0};

	if (store_classes(st, e->protocol, &classes, cause) != 0)
		return -1;
	for (size_t i = 0; i < classes.n; i++)
		if (e->class_id && strcmp(classes.v[i].id, e->class_id) == 0) {
			sc_class_clear(&d->klass);
			d->klass = classes.v[i];
			memset(&classes.v[i], 0, sizeof classes.v[i]);
		}
	sc_classes_free(&classes);
	return 0;
}

static void build(struct view_entry *d)
{
	build_head(d);
	build_summary(d);
	build_text(d, VS_CHECK, d->e.check_en, d->e.check_zh);
	build_former(d);
	build_meanings(d);
	build_text(d, VS_DETAILS, d->e.detail_en, d->e.detail_zh);
	build_sub_status(d);
	build_xrefs(d, VS_CONFUSABLES);
	build_xrefs(d, VS_SAME_NUMBER);
	build_xrefs(d, VS_MENTIONS);
	build_xrefs(d, VS_MENTIONED_BY);
	build_sources(d);
	build_defects(d);
}

int view_entry_load(struct store *st, const struct sc_entry *e, enum lang lang,
                    struct view_entry *d, char **cause)
{
	memset(d, 0, sizeof *d);
	d->lang = lang;
	if (e->brief) {   /* a search hit: the texts a list leaves out */
		if (store_entry_by_id(st, e->id, &d->e, cause) != 0)
			return -1;
	} else {
		sc_entry_copy(&d->e, e);
	}
	if (store_claims(st, e->id, &d->claims, cause) != 0 ||
	    store_xrefs(st, e->id, &d->xrefs, cause) != 0 ||
	    store_findings(st, 0, e->id, &d->findings, cause) != 0 ||
	    load_children(st, e, d, cause) != 0 ||
	    (e->parent && store_entry_by_id(st, e->parent, &d->parent, cause) != 0) ||
	    load_class(st, e, d, cause) != 0 ||
	    store_former_meanings(st, e->protocol, e->code, &d->former, cause) != 0 ||
	    store_other_meanings(st, e->protocol, e->code, &d->others, cause) != 0)
		return -1;
	build(d);
	return 0;
}

char *view_more_line(const struct view_entry *d, const struct view_section *s, enum lang lang)
{
	const char *code = d->e.code ? d->e.code : "";

	if (s->more == 0)
		return NULL;
	if (lang == LANG_ZH)
		return xasprintf(UI_ZH("… and %zu more: statuscodes list %s"), s->more, code);
	if (lang == LANG_EN)
		return xasprintf("… and %zu more: statuscodes list %s", s->more, code);
	char *zh = xasprintf(UI_ZH("and %zu more"), s->more);
	char *line = xasprintf("… and %zu more \xC2\xB7 %s: statuscodes list %s", s->more, zh, code);
	free(zh);
	return line;
}

void view_entry_free(struct view_entry *d)
{
	for (size_t i = 0; i < d->nsec; i++)
		free(d->sec[i].v);
	free(d->sec);
	sc_entry_clear(&d->e);
	sc_entry_clear(&d->parent);
	sc_class_clear(&d->klass);
	sc_claims_free(&d->claims);
	sc_xrefs_free(&d->xrefs);
	sc_findings_free(&d->findings);
	sc_entries_free(&d->children);
	sc_historics_free(&d->former);
	sc_meanings_free(&d->others);
	memset(d, 0, sizeof *d);
}

const struct view_section *view_entry_section(const struct view_entry *d, enum view_section_kind kind)
{
	for (size_t i = 0; i < d->nsec; i++)
		if (d->sec[i].kind == kind)
			return &d->sec[i];
	return NULL;
}

void view_entry_draw(const struct view_entry *d, const struct view_drawer *dr, void *ctx)
{
	if (dr->begin)
		dr->begin(ctx, d);
	for (size_t i = 0; i < d->nsec; i++)
		if (dr->draw[d->sec[i].kind])
			dr->draw[d->sec[i].kind](ctx, d, &d->sec[i]);
	if (dr->end)
		dr->end(ctx, d);
}
