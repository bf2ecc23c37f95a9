/* store_types.c: the result structs of store.h (entries, claims, findings,
 * cross-references, sources, classes, protocols, former meanings): decoding
 * an entry row, copying, filtering and freeing. No query lives here; those
 * are in store_read.c. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store.h"
#include "store_int.h"
#include "xmalloc.h"

void store_entry_from_row(sqlite3_stmt *s, int c, struct sc_entry *e)
{
	e->id = sqlite3_column_int64(s, c + 0);
	e->protocol = col_str(s, c + 1);
	e->code = col_str(s, c + 2);
	e->num = sqlite3_column_int(s, c + 3);
	e->sub = sqlite3_column_int(s, c + 4);
	e->hi = sqlite3_column_int(s, c + 5);
	e->parent = sqlite3_column_int64(s, c + 6);
	e->class_id = col_str(s, c + 7);
	e->phrase_en = col_str(s, c + 8);
	e->phrase_zh = col_str(s, c + 9);
	e->summary_en = col_str(s, c + 10);
	e->summary_zh = col_str(s, c + 11);
	e->detail_en = col_str(s, c + 12);
	e->detail_zh = col_str(s, c + 13);
	e->origin_en = col_str(s, c + 14);
	e->origin_zh = col_str(s, c + 15);
	e->status = col_str(s, c + 16);
	e->spec = col_str(s, c + 17);
	e->check_en = col_str(s, c + 18);
	e->check_zh = col_str(s, c + 19);
	e->vendor = col_str(s, c + 20);
	e->brief = false;
}

void sc_entry_clear(struct sc_entry *e)
{
	free(e->protocol); free(e->code); free(e->class_id);
	free(e->phrase_en); free(e->phrase_zh);
	free(e->summary_en); free(e->summary_zh);
	free(e->detail_en); free(e->detail_zh);
	free(e->origin_en); free(e->origin_zh);
	free(e->status); free(e->spec);
	free(e->check_en); free(e->check_zh);
	free(e->vendor);
	memset(e, 0, sizeof *e);
}

bool sc_entry_registered(const struct sc_entry *e)
{
#define REGISTERED_C_ITEM(s) s,
	static const char *const registered[] = { REGISTERED_STATUSES(REGISTERED_C_ITEM) };
#undef REGISTERED_C_ITEM

	for (size_t i = 0; e->status && i < sizeof registered / sizeof registered[0]; i++)
		if (strcmp(e->status, registered[i]) == 0)
			return true;
	return false;
}

void sc_entries_keep_registered(struct sc_entries *l)
{
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (sc_entry_registered(&l->v[i]))
			l->v[k++] = l->v[i];
		else
			sc_entry_clear(&l->v[i]);
	}
	l->n = k;
}

void sc_entry_copy(struct sc_entry *d, const struct sc_entry *s)
{
	*d = *s;
	d->protocol = xstrdup(s->protocol); d->code = xstrdup(s->code);
	d->class_id = xstrdup(s->class_id);
	d->phrase_en = xstrdup(s->phrase_en); d->phrase_zh = xstrdup(s->phrase_zh);
	d->summary_en = xstrdup(s->summary_en); d->summary_zh = xstrdup(s->summary_zh);
	d->detail_en = xstrdup(s->detail_en); d->detail_zh = xstrdup(s->detail_zh);
	d->origin_en = xstrdup(s->origin_en); d->origin_zh = xstrdup(s->origin_zh);
	d->status = xstrdup(s->status); d->spec = xstrdup(s->spec);
	d->check_en = xstrdup(s->check_en); d->check_zh = xstrdup(s->check_zh);
	d->vendor = xstrdup(s->vendor);
}

void sc_entries_free(struct sc_entries *l)
{
	for (size_t i = 0; i < l->n; i++)
		sc_entry_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_claims_free(struct sc_claims *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_claim *c = &l->v[i];
		free(c->source); free(c->label); free(c->field);
		free(c->lang); free(c->value); free(c->state);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_findings_free(struct sc_findings *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_finding *f = &l->v[i];
		free(f->source); free(f->kind); free(f->label); free(f->code);
		free(f->protocol); free(f->message); free(f->resolution);
		free(f->message_zh); free(f->resolution_zh);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_xrefs_free(struct sc_xrefs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_xref *x = &l->v[i];
		free(x->kind);
		sc_entry_clear(&x->other);
		free(x->title_en); free(x->title_zh); free(x->note_en); free(x->note_zh);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_sources_free(struct sc_sources *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_source *s = &l->v[i];
		free(s->file); free(s->kind); free(s->format); free(s->title);
		free(s->author); free(s->date); free(s->language);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_class_clear(struct sc_class *c)
{
	free(c->protocol); free(c->id); free(c->name_en); free(c->name_zh);
	free(c->desc_en); free(c->desc_zh);
	memset(c, 0, sizeof *c);
}

void sc_classes_free(struct sc_classes *l)
{
	for (size_t i = 0; i < l->n; i++)
		sc_class_clear(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_protocols_free(struct sc_protocols *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_protocol *p = &l->v[i];
		free(p->id); free(p->name_en); free(p->name_zh); free(p->desc_en); free(p->desc_zh);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

const char *store_protocol_id(const char *name)
{
	static const struct { const char *alias, *id; } names[] = {
		{ "http", "http" }, { "https", "http" },
		{ "ftp", "ftp" }, { "ftps", "ftp" },
		{ "websocket", "websocket" }, { "websockets", "websocket" },
		{ "ws", "websocket" }, { "wss", "websocket" },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i].alias) == 0)
			return names[i].id;
	return NULL;
}

void sc_meanings_free(struct sc_meanings *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_meaning *m = &l->v[i];
		free(m->protocol); free(m->code); free(m->meaning_en); free(m->meaning_zh);
		free(m->who_en); free(m->who_zh); free(m->note_en); free(m->note_zh); free(m->source);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void sc_historics_free(struct sc_historics *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct sc_historic *h = &l->v[i];
		free(h->protocol); free(h->code); free(h->former_en); free(h->former_zh);
		free(h->match); free(h->note_en); free(h->note_zh);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
