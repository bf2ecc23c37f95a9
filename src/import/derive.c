/* derive.c: an entry's text, worked out from its claims. The registry
 * (curated sources) decides phrase, status and specification; the
 * project's own summaries come first; documents give the details. Then
 * codes that mention each other are linked, codes with the same number in
 * two protocols are linked, and the search index is rebuilt. */
#include "config.h"
#include "import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store_write.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

struct pick {
	int64_t entry_id;
	struct sc_entry e;
	struct buf aliases;
	bool detail_project[2];      /* en, zh: the project wrote the detail */
	int failed;
	struct store *st;
	char **cause;
};

static void set(char **dst, const char *v)
{
	free(*dst);
	*dst = xstrdup(v);
}

/* Files the finished entry and starts the next. */
static int pick_flush(struct pick *p)
{
	if (p->entry_id == 0)
		return 0;
	p->e.id = p->entry_id;
	int rc = store_entry_update(p->st, &p->e, p->cause);
	sc_entry_clear(&p->e);
	buf_reset(&p->aliases);
	p->entry_id = 0;
	p->detail_project[0] = p->detail_project[1] = false;
	return rc;
}

static int pick_claim(void *ctx, const struct sc_used_claim *c)
{
	struct pick *p = ctx;
	bool curated = strcmp(c->source_kind, "curated") == 0;
	bool zh = strcmp(c->lang, "zh") == 0;

	if (c->entry_id != p->entry_id) {
		if (pick_flush(p) != 0) {
			p->failed = 1;
			return 1;
		}
		p->entry_id = c->entry_id;
	}
	if (strcmp(c->field, "phrase") == 0) {
		char **dst = zh ? &p->e.phrase_zh : &p->e.phrase_en;
		/* the registry's phrase wins; among documents, the first */
		if (curated || *dst == NULL)
			set(dst, c->value);
	} else if (strcmp(c->field, "summary") == 0 && curated) {
		set(zh ? &p->e.summary_zh : &p->e.summary_en, c->value);
		set(zh ? &p->e.origin_zh : &p->e.origin_en, "project");
	} else if (strcmp(c->field, "text") == 0) {
		char **sum = zh ? &p->e.summary_zh : &p->e.summary_en;
		char **origin = zh ? &p->e.origin_zh : &p->e.origin_en;
		char **det = zh ? &p->e.detail_zh : &p->e.detail_en;
		/* a document's shortest text can stand as a summary only when
		 * the project wrote none; its longest is the detail */
		if (*origin == NULL || (strcmp(*origin, "project") != 0 && strlen(c->value) < strlen(*sum))) {
			set(sum, c->value);
			set(origin, c->source_file);
		}
		if (!p->detail_project[zh] && (*det == NULL || strlen(c->value) > strlen(*det)))
			set(det, c->value);
	} else if (strcmp(c->field, "detail") == 0 && curated) {
		/* the project's own detail comes before any document's */
		set(zh ? &p->e.detail_zh : &p->e.detail_en, c->value);
		p->detail_project[zh] = true;
	} else if (strcmp(c->field, "check") == 0 && curated) {
		set(zh ? &p->e.check_zh : &p->e.check_en, c->value);
	} else if (strcmp(c->field, "status") == 0 && curated) {
		set(&p->e.status, c->value);
	} else if (strcmp(c->field, "spec") == 0 && curated) {
		set(&p->e.spec, c->value);
	}
	return 0;
}

/* Drops a detail that only repeats the summary. */
static int tidy_entries(struct store *st, char **cause)
{
	struct sc_entries all = {0};

	if (store_list(st, NULL, NULL, &all, cause) != 0)
		return -1;
	for (size_t i = 0; i < all.n; i++) {
		struct sc_entry *e = &all.v[i];
		bool changed = false;
		if (e->detail_en && e->summary_en && strcmp(e->detail_en, e->summary_en) == 0) {
			free(e->detail_en);
			e->detail_en = NULL;
			changed = true;
		}
		if (e->detail_zh && e->summary_zh && strcmp(e->detail_zh, e->summary_zh) == 0) {
			free(e->detail_zh);
			e->detail_zh = NULL;
			changed = true;
		}
		if (changed && store_entry_update(st, e, cause) != 0) {
			sc_entries_free(&all);
			return -1;
		}
	}
	sc_entries_free(&all);
	return 0;
}

static const struct sc_entry *find_code(const struct sc_entries *all, const char *protocol, const char *code)
{
	for (size_t i = 0; i < all->n; i++)
		if (strcmp(all->v[i].protocol, protocol) == 0 && strcmp(all->v[i].code, code) == 0)
			return &all->v[i];
	return NULL;
}

/* Links e to every code of its protocol that its texts name. */
static int link_mentions(struct store *st, const struct sc_entries *all, const struct sc_entry *e, char **cause)
{
	const char *texts[] = { e->summary_en, e->summary_zh, e->detail_en, e->detail_zh };

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		if (s == NULL)
			continue;
		for (size_t i = 0; s[i]; i++) {
			if (!isdigit((unsigned char)s[i]) || (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
			                                              s[i - 1] == '.' || s[i - 1] == '/')))
				continue;
			size_t n = 0;
			while (isdigit((unsigned char)s[i + n]))
				n++;
			if ((n == 3 || n == 4) && !isalnum((unsigned char)s[i + n]) &&
			    !(s[i + n] == '.' && isdigit((unsigned char)s[i + n + 1]))) {
				char *code = xstrndup(s + i, n);
				const struct sc_entry *o = find_code(all, e->protocol, code);
				free(code);
				if (o && o->id != e->id && o->id != e->parent && e->id != o->parent &&
				    (store_add_xref(st, e->id, o->id, "mentions", 0, cause) != 0 ||
				     store_add_xref(st, o->id, e->id, "mentioned-by", 0, cause) != 0))
					return -1;
			}
			i += n - 1;
		}
	}
	return 0;
}

static void add_field(struct buf *b, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (b->len)
		buf_addc(b, '\n');
	buf_adds(b, s);
}

/* What the index says of the entry besides its summary: another meaning of
 * its number (451 "Redirect" from Exchange ActiveSync), with who uses the
 * number so, is found by those words, but is not the entry's name (a
 * search for redirect puts the redirects before 451): the meaning is said
 * of the entry as its summary is; who uses it so and the note that tells
 * the meanings apart are its detail. */
static int index_other_meanings(struct store *st, const struct sc_entry *e, struct buf *summary,
                                struct buf *detail, char **cause)
{
	struct sc_meanings m = {0};
	if (store_other_meanings(st, e->protocol, e->code, &m, cause) != 0)
		return -1;
	for (size_t i = 0; i < m.n; i++) {
		add_field(summary, m.v[i].meaning_en);
		add_field(summary, m.v[i].meaning_zh);
		add_field(detail, m.v[i].who_en);
		add_field(detail, m.v[i].who_zh);
		add_field(detail, m.v[i].note_en);
		add_field(detail, m.v[i].note_zh);
	}
	sc_meanings_free(&m);
	return 0;
}

/* The index's alias column: every other name a claim gives the entry. */
static int index_entry(struct store *st, const struct sc_entry *e, char **cause)
{
	struct sc_claims cl = {0};
	struct buf phrase = {0}, alias = {0}, summary = {0}, detail = {0};
	int rc;

	if (store_claims(st, e->id, &cl, cause) != 0)
		return -1;
	add_field(&phrase, e->phrase_en);
	add_field(&phrase, e->phrase_zh);
	for (size_t i = 0; i < cl.n; i++) {
		const struct sc_claim *c = &cl.v[i];
		if ((strcmp(c->field, "alias") == 0 || strcmp(c->field, "phrase") == 0 ||
		     strcmp(c->field, "gloss") == 0) &&
		    strcmp(c->state, "rejected") != 0 && strcmp(c->state, "duplicate") != 0 &&
		    !(e->phrase_en && strcmp(c->value, e->phrase_en) == 0) &&
		    !(e->phrase_zh && strcmp(c->value, e->phrase_zh) == 0))
			add_field(&alias, c->value);
	}
	/* a meaning the code used to have is a name people search by */
	struct sc_historics hist = {0};
	if (store_former_meanings(st, e->protocol, e->code, &hist, cause) != 0) {
		sc_claims_free(&cl);
		buf_free(&phrase);
		buf_free(&alias);
		return -1;
	}
	for (size_t i = 0; i < hist.n; i++) {
		add_field(&alias, hist.v[i].former_en);
		add_field(&alias, hist.v[i].former_zh);
	}
	sc_historics_free(&hist);
	add_field(&summary, e->summary_en);
	add_field(&summary, e->summary_zh);
	/* what a curated comparison groups the code under ("Redirects: 301,
	 * 302, ...") is said of it, as its summary is */
	struct sc_xrefs xr = {0};
	if (store_xrefs(st, e->id, &xr, cause) != 0) {
		sc_claims_free(&cl);
		buf_free(&phrase);
		buf_free(&alias);
		buf_free(&summary);
		return -1;
	}
	for (size_t i = 0; i < xr.n; i++)
		if (strcmp(xr.v[i].kind, "compare") == 0 && xr.v[i].title_en &&
		    !strstr(xr.v[i].title_en, " vs ")) {
			add_field(&summary, xr.v[i].title_en);
			add_field(&summary, xr.v[i].title_zh);
		}
	sc_xrefs_free(&xr);
	add_field(&detail, e->detail_en);
	add_field(&detail, e->detail_zh);
	add_field(&detail, e->check_en);
	add_field(&detail, e->check_zh);
	rc = index_other_meanings(st, e, &summary, &detail, cause);
	if (rc == 0)
		rc = store_index_entry(st, e->id, e->code, buf_str(&phrase), buf_str(&alias),
		                       buf_str(&summary), buf_str(&detail), cause);
	buf_free(&phrase);
	buf_free(&alias);
	buf_free(&summary);
	buf_free(&detail);
	sc_claims_free(&cl);
	return rc;
}

int import_finish(struct store *st, char **cause)
{
	struct pick p = { .st = st, .cause = cause };
	struct sc_entries all = {0};
	int rc = -1;

	*cause = NULL;
	if (store_apply_reviews(st, cause) != 0)
		return -1;
	if (store_each_used_claim(st, pick_claim, &p, cause) != 0 || p.failed || pick_flush(&p) != 0) {
		sc_entry_clear(&p.e);
		buf_free(&p.aliases);
		return -1;
	}
	buf_free(&p.aliases);
	if (tidy_entries(st, cause) != 0 || store_apply_vendors(st, cause) != 0 ||
	    store_clear_derived(st, cause) != 0 ||
	    store_list(st, NULL, NULL, &all, cause) != 0)
		goto out;
	for (size_t i = 0; i < all.n; i++) {
		const struct sc_entry *e = &all.v[i];
		if (link_mentions(st, &all, e, cause) != 0 || index_entry(st, e, cause) != 0)
			goto out;
		/* the same number in another protocol */
		if (e->sub >= 0 || e->hi != e->num)
			continue;
		for (size_t j = 0; j < all.n; j++) {
			const struct sc_entry *o = &all.v[j];
			if (o != e && strcmp(o->code, e->code) == 0 && strcmp(o->protocol, e->protocol) != 0 &&
			    store_add_xref(st, e->id, o->id, "same-number", 0, cause) != 0)
				goto out;
		}
	}
	rc = store_index_stats(st, cause);
out:
	sc_entries_free(&all);
	return rc;
}
