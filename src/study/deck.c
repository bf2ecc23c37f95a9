/* deck.c: which cards the reference database can make, and the order in
 * which to teach them (see study.h). Everything comes from the database:
 * the entries, their confusable peers (compare cross-references with
 * their notes), the same number in other protocols, and how many source
 * documents list each code, which stands for how common it is. */
#include "config.h"
#include "study.h"

#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "xmalloc.h"

const struct study_kind_info study_kinds[STUDY_NKINDS] = {
#define SC_STUDY_INFO(k, id, en, zh, qen, qzh) { id, en, zh, qen, qzh },
	STUDY_KINDS(SC_STUDY_INFO)
#undef SC_STUDY_INFO
};

static void links_push(struct study_links *l, size_t other, const char *note_en, const char *note_zh)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].other == other)
			return;
	l->v = xgrow(l->v, l->n, &l->cap, sizeof *l->v);
	l->v[l->n++] = (struct study_link){ other, note_en, note_zh };
}

/* Can the entry be asked about or offered as a choice at all? Ranges and
 * unused numbers cannot, nor an entry without a phrase. */
static bool usable(const struct sc_entry *e)
{
	return e->hi == e->num && strchr(e->code, '-') == NULL && strcmp(e->status, "unused") != 0 &&
	       !str_empty(e->phrase_en) && !str_empty(e->phrase_zh);
}

static long find_entry(const struct sc_entries *l, const char *protocol, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].protocol, protocol) == 0 && strcmp(l->v[i].code, code) == 0)
			return (long)i;
	return -1;
}

/* How many distinct source documents make claims about entry e. */
static int source_count(struct store *st, const struct sc_entry *e)
{
	struct sc_claims c = {0};
	char *cause = NULL;
	int n = 0;

	if (store_claims(st, e->id, &c, &cause) != 0) {
		free(cause);
		return 0;
	}
	for (size_t i = 0; i < c.n; i++) {
		size_t j = 0;
		while (j < i && strcmp(c.v[j].source, c.v[i].source) != 0)
			j++;
		n += j == i;
	}
	sc_claims_free(&c);
	return n;
}

/* Reads each entry's cross-references into peers and same. */
static int load_links(struct store *st, struct study_deck *d, char **cause)
{
	size_t n = d->entries.n;

	d->peers = xcalloc(n, sizeof *d->peers);
	d->same = xcalloc(n, sizeof *d->same);
	d->xrefs = xcalloc(n, sizeof *d->xrefs);
	for (size_t i = 0; i < n; i++) {
		if (!usable(&d->entries.v[i]))
			continue;
		if (store_xrefs(st, d->entries.v[i].id, &d->xrefs[i], cause) != 0)
			return -1;
		for (size_t k = 0; k < d->xrefs[i].n; k++) {
			const struct sc_xref *x = &d->xrefs[i].v[k];
			long j = find_entry(&d->entries, x->other.protocol, x->other.code);
			if (j < 0 || (size_t)j == i || !usable(&d->entries.v[j]))
				continue;
			if (strcmp(x->kind, "compare") == 0)
				links_push(&d->peers[i], (size_t)j, x->note_en, x->note_zh);
			else if (strcmp(x->kind, "same-number") == 0)
				links_push(&d->same[i], (size_t)j, NULL, NULL);
		}
	}
	return 0;
}

static const int *sort_score;
static int by_score(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (sort_score[x] != sort_score[y])
		return sort_score[y] - sort_score[x];
	return x < y ? -1 : x > y;
}

/* The teaching order: most listed (then standard, then most confused)
 * first, and right after each code the codes it is confused with. */
static void rank_entries(struct store *st, struct study_deck *d)
{
	size_t n = d->entries.n, *order = xcalloc(n ? n : 1, sizeof *order), next = 0;
	int *score = xcalloc(n ? n : 1, sizeof *score);

	for (size_t i = 0; i < n; i++) {
		const struct sc_entry *e = &d->entries.v[i];
		order[i] = i;
		if (usable(e))
			score[i] = source_count(st, e) * 8 + (strcmp(e->status, "standard") == 0) * 4 +
			           (int)(d->peers[i].n < 3 ? d->peers[i].n : 3);
	}
	sort_score = score;
	qsort(order, n, sizeof *order, by_score);
	sort_score = NULL;
	d->rank = xmalloc((n ? n : 1) * sizeof *d->rank);
	for (size_t i = 0; i < n; i++)
		d->rank[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t e = order[i];
		if (d->rank[e] == SIZE_MAX)
			d->rank[e] = next++;
		for (size_t k = 0; k < d->peers[e].n; k++)
			if (d->rank[d->peers[e].v[k].other] == SIZE_MAX)
				d->rank[d->peers[e].v[k].other] = next++;
	}
	free(order);
	free(score);
}

static bool wanted(const struct sc_entry *e, const struct study_filter *f)
{
	if (!usable(e) || (e->sub >= 0 && !f->substatus) || (f->registered && !sc_entry_registered(e)))
		return false;
	if (f->protocol && strcmp(e->protocol, f->protocol) != 0)
		return false;
	if (f->class_id && strcmp(e->class_id, f->class_id) != 0)
		return false;
	return f->only == NULL || userdata_refs_find(f->only, e->protocol, e->code) >= 0;
}

/* Do the two phrases give each other away (one inside the other)? */
static bool phrases_overlap(const struct sc_entry *e)
{
	char *a = str_fold(e->phrase_en), *b = str_fold(e->phrase_zh);
	bool r = *a == '\0' || *b == '\0' || strstr(a, b) != NULL || strstr(b, a) != NULL;
	free(a);
	free(b);
	return r;
}

static bool kind_applies(const struct study_deck *d, size_t i, enum study_kind k)
{
	const struct sc_entry *e = &d->entries.v[i];
	bool sub = e->sub >= 0;

	switch (k) {
	case STUDY_MEANING:
		return true;
	case STUDY_CODE:
		return !str_empty(e->summary_en) && !str_empty(e->summary_zh);
	case STUDY_SITUATION:
		return !sub && d->peers[i].n > 0;
	case STUDY_PROTOCOL:
		return !sub && d->same[i].n > 0;
	case STUDY_EN_ZH:
	case STUDY_ZH_EN:
		return d->lang == STUDY_BOTH && !phrases_overlap(e);
	default:
		return false;
	}
}

static const struct study_deck *sort_deck;
static int by_order(const void *a, const void *b)
{
	const struct study_card *x = a, *y = b;
	/* a new code's first card, then its other kinds spread out over the
	 * next codes, so one code is not asked five times in a row */
	size_t kx = sort_deck->rank[x->entry] + 6 * (size_t)x->kind;
	size_t ky = sort_deck->rank[y->entry] + 6 * (size_t)y->kind;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

int study_deck_build(struct store *st, const struct study_filter *f, struct study_deck *d, char **cause)
{
	size_t cap = 0;

	memset(d, 0, sizeof *d);
	d->lang = f->lang & STUDY_BOTH ? f->lang & STUDY_BOTH : STUDY_BOTH;
	if (store_protocols(st, &d->protocols, cause) != 0 || store_list(st, NULL, NULL, &d->entries, cause) != 0 ||
	    load_links(st, d, cause) != 0)
		return -1;
	rank_entries(st, d);
	for (size_t i = 0; i < d->entries.n; i++) {
		const struct sc_entry *e = &d->entries.v[i];
		if (!wanted(e, f))
			continue;
		for (int k = 0; k < STUDY_NKINDS; k++) {
			if (!kind_applies(d, i, (enum study_kind)k))
				continue;
			d->cards = xgrow(d->cards, d->ncards, &cap, sizeof *d->cards);
			d->cards[d->ncards++] = (struct study_card){
				xasprintf("%s:%s:%s", study_kinds[k].id, e->protocol, e->code), (enum study_kind)k, i };
		}
	}
	sort_deck = d;
	if (d->ncards)
		qsort(d->cards, d->ncards, sizeof *d->cards, by_order);
	sort_deck = NULL;
	return 0;
}

void study_deck_clear(struct study_deck *d)
{
	for (size_t i = 0; i < d->ncards; i++)
		free(d->cards[i].id);
	free(d->cards);
	for (size_t i = 0; i < d->entries.n && d->peers; i++) {
		free(d->peers[i].v);
		free(d->same[i].v);
		sc_xrefs_free(&d->xrefs[i]);
	}
	free(d->peers);
	free(d->same);
	free(d->xrefs);
	free(d->rank);
	sc_entries_free(&d->entries);
	sc_protocols_free(&d->protocols);
	memset(d, 0, sizeof *d);
}

const char *study_protocol_name(const struct study_deck *d, const char *id)
{
	for (size_t i = 0; i < d->protocols.n; i++)
		if (strcmp(d->protocols.v[i].id, id) == 0 && !str_empty(d->protocols.v[i].name_en))
			return d->protocols.v[i].name_en;
	return id;
}

long study_deck_find(const struct study_deck *d, const char *id)
{
	for (size_t i = 0; i < d->ncards; i++)
		if (strcmp(d->cards[i].id, id) == 0)
			return (long)i;
	return -1;
}
