/* session.c: choosing what to ask, recording answers, counting progress
 * and exporting the deck (see study.h). */
#include "config.h"
#include "study.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "str.h"
#include "xmalloc.h"

int64_t study_now(void)
{
	const char *s = getenv("STATUSCODES_NOW");
	if (s && str_is_digits(s) && strlen(s) < 15)
		return (int64_t)strtoll(s, NULL, 10);
	return (int64_t)time(NULL);
}

int64_t study_day_start(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (localtime_r(&tt, &tm) == NULL)
		return t - t % 86400;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t m = mktime(&tm);
	return m == (time_t)-1 ? t - t % 86400 : (int64_t)m;
}

static int by_card(const void *a, const void *b)
{
	return strcmp(((const struct userdata_card *)a)->card, ((const struct userdata_card *)b)->card);
}

int study_progress_load(struct userdata *u, struct userdata_cards *out)
{
	if (userdata_study_cards(u, out) != 0)
		return -1;
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_card);
	return 0;
}

const struct userdata_card *study_progress_find(const struct userdata_cards *p, const char *id)
{
	struct userdata_card key = { .card = (char *)(uintptr_t)id };
	return p && p->n ? bsearch(&key, p->v, p->n, sizeof *p->v, by_card) : NULL;
}

static const struct userdata_cards *sort_progress;
static const struct study_deck *sort_deck;
static int by_due(const void *a, const void *b)
{
	const struct userdata_card *x = study_progress_find(sort_progress, sort_deck->cards[*(const size_t *)a].id);
	const struct userdata_card *y = study_progress_find(sort_progress, sort_deck->cards[*(const size_t *)b].id);
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t study_pick(const struct study_deck *d, const struct userdata_cards *p, int64_t now,
                  int64_t day_start, size_t count, size_t new_per_day, uint64_t *rng, size_t *out)
{
	size_t n = 0, fresh_today = 0;

	for (size_t i = 0; p && i < p->n; i++)
		fresh_today += p->v[i].first >= day_start;
	for (size_t i = 0; i < d->ncards && n < count; i++) {
		const struct userdata_card *c = study_progress_find(p, d->cards[i].id);
		if (c && c->due <= now)
			out[n++] = i;
	}
	sort_progress = p;
	sort_deck = d;
	if (n > 1)
		qsort(out, n, sizeof *out, by_due);
	sort_progress = NULL;
	sort_deck = NULL;
	for (size_t i = 0; i < d->ncards && n < count && fresh_today < new_per_day; i++) {
		if (study_progress_find(p, d->cards[i].id) == NULL) {
			out[n++] = i;
			fresh_today++;
		}
	}
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(study_rng_next(rng) % i), t = out[i - 1];
		out[i - 1] = out[j];
		out[j] = t;
	}
	return n;
}

int study_answer(struct userdata *u, const struct fsrs_params *fp, const char *id,
                 const struct userdata_card *prev, enum fsrs_grade g, bool right, int64_t now,
                 struct userdata_card *after)
{
	struct fsrs_card f = {0};
	struct userdata_card c = { .card = (char *)(uintptr_t)id, .first = now };

	if (prev) {
		c = *prev;
		c.card = (char *)(uintptr_t)id;
		f = (struct fsrs_card){ (enum fsrs_state)prev->state, prev->step, prev->stability,
		                        prev->difficulty, prev->due, prev->last, prev->reps, prev->lapses };
	}
	fsrs_review(fp, &f, g, now);
	c.state = (int)f.state;
	c.step = f.step;
	c.stability = f.stability;
	c.difficulty = f.difficulty;
	c.due = f.due;
	c.last = f.last;
	c.reps = f.reps;
	c.lapses = f.lapses;
	c.rights += right;
	if (after)
		*after = c;
	return userdata_study_answer(u, &c, (int)g, right, now);
}

/* ---- statistics ---------------------------------------------------------------- */

size_t study_stats(const struct study_deck *d, const struct userdata_cards *p, int64_t now,
                   struct study_stat **out)
{
	struct study_stat *v = xcalloc(d->ncards + 1, sizeof *v), total = {0};
	size_t n = 0;

	for (size_t i = 0; i < d->ncards; i++) {
		const struct sc_entry *e = &d->entries.v[d->cards[i].entry];
		const struct userdata_card *c = study_progress_find(p, d->cards[i].id);
		size_t k = 0;
		while (k < n && !(strcmp(v[k].protocol, e->protocol) == 0 && strcmp(v[k].class_id, e->class_id) == 0))
			k++;
		if (k == n) {
			v[n].protocol = e->protocol;
			v[n++].class_id = e->class_id;
		}
		struct study_stat *s = &v[k];
		s->cards++;
		if (c) {
			s->studied++;
			s->due += c->due <= now;
			s->reviews += c->reps;
			s->rights += c->rights;
		}
	}
	/* deck order is teaching order: list rows by protocol and class instead */
	for (size_t i = 1; i < n; i++) {
		struct study_stat t = v[i];
		size_t j = i;
		while (j > 0 && (strcmp(v[j - 1].protocol, t.protocol) > 0 ||
		                 (strcmp(v[j - 1].protocol, t.protocol) == 0 && strcmp(v[j - 1].class_id, t.class_id) > 0)))
			v[j] = v[j - 1], j--;
		v[j] = t;
	}
	for (size_t i = 0; i < n; i++) {
		total.cards += v[i].cards;
		total.studied += v[i].studied;
		total.due += v[i].due;
		total.reviews += v[i].reviews;
		total.rights += v[i].rights;
	}
	v[n++] = total;
	*out = v;
	return n;
}

/* ---- export -------------------------------------------------------------------- */

/* Appends s with tabs and line breaks turned into spaces (Anki fields). */
static void add_field(struct buf *b, const char *s)
{
	for (; s && *s; s++)
		buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

void study_export(const struct study_deck *d, struct buf *out)
{
	uint64_t rng = 1;

	buf_adds(out, "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n");
	for (size_t i = 0; i < d->ncards; i++) {
		struct study_question q;
		const struct study_kind_info *k = &study_kinds[d->cards[i].kind];

		study_question_make(d, i, &rng, &q);
		add_field(out, d->lang == STUDY_ZH ? k->ask_zh : d->lang == STUDY_EN ? k->ask_en : k->ask_en);
		if (d->lang == STUDY_BOTH) {
			buf_adds(out, " ");
			add_field(out, k->ask_zh);
		}
		buf_adds(out, " ");
		add_field(out, q.prompt);
		for (size_t c = 0; c < q.nchoices; c++) {
			buf_addf(out, " (%zu) ", c + 1);
			add_field(out, q.choices[c]);
		}
		buf_adds(out, "\t");
		if (q.nchoices)
			buf_addf(out, "(%zu) ", q.answer + 1);
		add_field(out, q.answer_text);
		buf_adds(out, " - ");
		add_field(out, q.summary);
		/* the protocol tag would answer a which-protocol card */
		if (d->cards[i].kind == STUDY_PROTOCOL)
			buf_addf(out, "\tstatuscodes %s\n", k->id);
		else
			buf_addf(out, "\tstatuscodes %s %s\n", q.protocol, k->id);
		study_question_clear(&q);
	}
}
