/* question.c: one question for one card (see study.h). The prompt is made
 * from the entry's own text, and everything that would give the answer
 * away (its number, its phrase, the other choices, the protocol's name) is
 * masked. Distractors are the code's confusable peers first, then codes of
 * the same class. */
#include "config.h"
#include "study.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "str.h"
#include "xmalloc.h"

#define MASK "___"

uint64_t study_rng_next(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static size_t rng_below(uint64_t *rng, size_t n)
{
	return n ? (size_t)(study_rng_next(rng) % n) : 0;
}

static void shuffle(size_t *v, size_t n, uint64_t *rng)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(rng, i), t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* ---- masking ---------------------------------------------------------------- */

static bool word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* Length of term when it occurs at text + i (as a whole word where it
 * begins or ends with a letter or digit), else 0. */
static size_t match_at(const char *text, size_t i, const char *term)
{
	const unsigned char *t = (const unsigned char *)text, *m = (const unsigned char *)term;
	size_t n = 0;

	if (*m == '\0' || (word_byte(m[0]) && i > 0 && word_byte(t[i - 1])))
		return 0;
	while (m[n] && t[i + n] && fold(m[n]) == fold(t[i + n]))
		n++;
	if (m[n] != '\0' || (word_byte(m[n - 1]) && word_byte(t[i + n])))
		return 0;
	return n;
}

static bool has_term(const char *text, const char *term)
{
	for (size_t i = 0; text && text[i]; i++)
		if (match_at(text, i, term))
			return true;
	return false;
}

char *study_mask(const char *text, const char *const *terms, size_t nterms)
{
	struct buf b = {0};

	for (size_t i = 0; text && text[i];) {
		size_t best = 0;
		for (size_t k = 0; k < nterms; k++) {
			size_t n = terms[k] ? match_at(text, i, terms[k]) : 0;
			if (n > best)
				best = n;
		}
		if (best) {
			buf_adds(&b, MASK);
			i += best;
		} else {
			buf_addc(&b, text[i++]);
		}
	}
	return b.s ? buf_detach(&b) : xstrdup("");
}

/* ---- text in the chosen languages --------------------------------------------- */

/* en, zh, or both joined by sep; the other when one is missing. */
static char *in_lang(unsigned lang, const char *en, const char *zh, const char *sep)
{
	bool has_en = !str_empty(en), has_zh = !str_empty(zh);
	if (lang == STUDY_BOTH && has_en && has_zh)
		return xasprintf("%s%s%s", en, sep, zh);
	if ((lang == STUDY_ZH && has_zh) || !has_en)
		return xstrdup(has_zh ? zh : "");
	return xstrdup(en);
}

static char *phrase(const struct study_deck *d, const struct sc_entry *e)
{
	return in_lang(d->lang, e->phrase_en, e->phrase_zh, " / ");
}

static char *label(const struct study_deck *d, const struct sc_entry *e)
{
	return xasprintf("%s %s", study_protocol_name(d, e->protocol), e->code);
}

/* ---- choices ---------------------------------------------------------------- */

/* The text entry e shows as a choice for a question of kind k. */
static char *choice_text(const struct study_deck *d, enum study_kind k, const struct sc_entry *e)
{
	switch (k) {
	case STUDY_EN_ZH:
		return xstrdup(e->phrase_zh);
	case STUDY_ZH_EN:
		return xstrdup(e->phrase_en);
	case STUDY_SITUATION:
		return label(d, e);
	default:
		return phrase(d, e);
	}
}

static bool choice_taken(const struct study_question *q, const char *text)
{
	for (size_t i = 0; i < q->nchoices; i++)
		if (str_casecmp(q->choices[i], text) == 0)
			return true;
	return false;
}

/* Do a and b have the same name in either language (AWS's 561 and 401
 * are both Unauthorized, 未授权 next to 401's 未授权（需要认证）)? Then b
 * cannot be a wrong meaning of a. */
static bool same_name(const struct sc_entry *a, const struct sc_entry *b)
{
	return (!str_empty(a->phrase_en) && !str_empty(b->phrase_en) && str_casecmp(a->phrase_en, b->phrase_en) == 0)
	       || (!str_empty(a->phrase_zh) && !str_empty(b->phrase_zh) && strcmp(a->phrase_zh, b->phrase_zh) == 0);
}

/* Adds entry j as a choice unless its text is already there, or, when the
 * choices are meanings, it has the answer's name in either language. */
static void add_choice(const struct study_deck *d, struct study_question *q, size_t j, size_t *chosen)
{
	const struct sc_entry *e = &d->entries.v[j];
	if (q->nchoices > 0 && q->kind != STUDY_SITUATION && same_name(&d->entries.v[chosen[0]], e))
		return;
	char *t = choice_text(d, q->kind, e);

	if (q->nchoices >= STUDY_MAX_CHOICES || choice_taken(q, t)) {
		free(t);
		return;
	}
	chosen[q->nchoices] = j;
	q->keys[q->nchoices] = q->kind == STUDY_SITUATION ? xstrdup(e->code) : NULL;
	q->choices[q->nchoices++] = t;
}

/* May b stand next to a as a distractor of the same family: same
 * protocol, and the same class, or for a sub-status the same parent code?
 * loose: any code of the protocol, sub-status or not as a is. */
static bool same_family(const struct sc_entry *a, const struct sc_entry *b, bool loose)
{
	if (strcmp(a->protocol, b->protocol) != 0 || (a->sub >= 0) != (b->sub >= 0))
		return false;
	if (loose)
		return true;
	return a->sub >= 0 ? a->num == b->num : strcmp(a->class_id, b->class_id) == 0;
}

static bool can_offer(const struct study_deck *d, size_t j)
{
	const struct sc_entry *e = &d->entries.v[j];
	return !str_empty(e->phrase_en) && !str_empty(e->phrase_zh) && strchr(e->code, '-') == NULL &&
	       strcmp(e->status, "unused") != 0;
}

/* Offers the entries of pool[0..np) in random order until q is full. */
static void offer(const struct study_deck *d, struct study_question *q, size_t *pool, size_t np,
                  uint64_t *rng, size_t *chosen)
{
	shuffle(pool, np, rng);
	for (size_t k = 0; k < np && q->nchoices < STUDY_MAX_CHOICES; k++)
		add_choice(d, q, pool[k], chosen);
}

/* Fills the choices of q for entry i: the answer, its confusable peers of
 * the same protocol, then those of other protocols (for a situation), then
 * codes of the same family; shuffled. chosen[] gets the entries. */
static void fill_choices(const struct study_deck *d, struct study_question *q, size_t i, uint64_t *rng,
                         size_t *chosen)
{
	const struct sc_entry *e = &d->entries.v[i];
	size_t n = d->entries.n, *pool = xcalloc(n + 1, sizeof *pool), np;

	add_choice(d, q, i, chosen);
	for (int pass = 0; pass < 2; pass++) {
		np = 0;
		for (size_t k = 0; k < d->peers[i].n; k++) {
			const struct sc_entry *o = &d->entries.v[d->peers[i].v[k].other];
			if (pass == 0 ? same_family(e, o, true) : q->kind == STUDY_SITUATION && !same_family(e, o, true))
				pool[np++] = d->peers[i].v[k].other;
		}
		offer(d, q, pool, np, rng, chosen);
	}
	for (int loose = 0; loose < 2 && q->kind != STUDY_SITUATION; loose++) {
		np = 0;
		for (size_t j = 0; j < n; j++)
			if (j != i && can_offer(d, j) && same_family(e, &d->entries.v[j], loose))
				pool[np++] = j;
		offer(d, q, pool, np, rng, chosen);
	}
	free(pool);
	/* shuffle the order shown, keeping track of the answer */
	size_t order[STUDY_MAX_CHOICES];
	char *c[STUDY_MAX_CHOICES], *k[STUDY_MAX_CHOICES];
	size_t ch[STUDY_MAX_CHOICES];
	for (size_t j = 0; j < q->nchoices; j++)
		order[j] = j;
	shuffle(order, q->nchoices, rng);
	for (size_t j = 0; j < q->nchoices; j++) {
		c[j] = q->choices[order[j]];
		k[j] = q->keys[order[j]];
		ch[j] = chosen[order[j]];
		if (order[j] == 0)
			q->answer = j;
	}
	memcpy(q->choices, c, sizeof c[0] * q->nchoices);
	memcpy(q->keys, k, sizeof k[0] * q->nchoices);
	memcpy(chosen, ch, sizeof ch[0] * q->nchoices);
}

/* ---- situations -------------------------------------------------------------- */

/* Does sentence s name another protocol than the entry's, so that it may
 * be about the same number over there (FTP 502 next to HTTP 502)? */
static bool names_other_protocol(const struct study_deck *d, const char *s, const char *protocol)
{
	for (size_t j = 0; j < d->protocols.n; j++) {
		const char *p = d->protocols.v[j].id;
		if (strcmp(p, protocol) != 0 && has_term(s, study_protocol_name(d, p)))
			return true;
	}
	return false;
}

/* A sentence of text that names the answer's code and none of the other
 * choices' codes nor another protocol, picked with rng; NULL when there
 * is none. Caller frees. */
static char *pick_sentence(const struct study_deck *d, const char *text, const struct study_question *q,
                           bool zh, uint64_t *rng)
{
	struct strv found = {0};
	const char *p = text, *end, *code = q->keys[q->answer];
	char *r = NULL;

	while (p && *p) {
		end = zh ? strstr(p, "。") : strstr(p, ". ");
		size_t len = end ? (size_t)(end - p) + (zh ? strlen("。") : 1) : strlen(p);
		char *s = str_trim_copy(p, len);
		bool ok = has_term(s, code) && !names_other_protocol(d, s, q->protocol);
		for (size_t i = 0; ok && i < q->nchoices; i++)
			if (strcmp(q->keys[i], code) != 0 && has_term(s, q->keys[i]))
				ok = false;
		if (ok)
			strv_push_owned(&found, s);
		else
			free(s);
		p += len;
	}
	if (found.n)
		r = xstrdup(found.v[rng_below(rng, found.n)]);
	strv_free(&found);
	return r;
}

/* The situation for entry i: a sentence about it from its comparison
 * notes, in the chosen languages, or its summary. Caller frees. */
static char *situation(const struct study_deck *d, size_t i, const struct study_question *q, uint64_t *rng)
{
	const struct sc_entry *e = &d->entries.v[i];
	char *en = NULL, *zh = NULL, *r;

	for (size_t k = 0; k < d->peers[i].n && !en; k++)
		en = d->lang & STUDY_EN ? pick_sentence(d, d->peers[i].v[k].note_en, q, false, rng) : NULL;
	for (size_t k = 0; k < d->peers[i].n && !zh; k++)
		zh = d->lang & STUDY_ZH ? pick_sentence(d, d->peers[i].v[k].note_zh, q, true, rng) : NULL;
	if ((d->lang & STUDY_EN && !en) || (d->lang & STUDY_ZH && !zh)) {
		free(en);
		free(zh);
		return in_lang(d->lang, e->summary_en, e->summary_zh, "\n");
	}
	r = in_lang(d->lang, en, zh, "\n");
	free(en);
	free(zh);
	return r;
}

/* ---- the question ------------------------------------------------------------- */

/* The note of the comparison between entry i and one of the chosen
 * distractors, else its first comparison; in the chosen languages. */
static char *note_for(const struct study_deck *d, size_t i, const size_t *chosen, size_t n)
{
	const struct study_links *l = &d->peers[i];
	const struct study_link *best = l->n ? &l->v[0] : NULL;

	for (size_t k = 0; k < l->n; k++)
		for (size_t j = 0; j < n; j++)
			if (chosen[j] == l->v[k].other && best == &l->v[0])
				best = &l->v[k];
	return best ? in_lang(d->lang, best->note_en, best->note_zh, "\n") : NULL;
}

/* The protocol choices: the database's protocols in its order, the answer
 * always among them: at most STUDY_MAX_CHOICES - 1 others (a database of
 * more protocols than choices keeps the first). */
static void protocol_choices(const struct study_deck *d, struct study_question *q, const char *answer)
{
	size_t others = 0;

	for (size_t j = 0; j < d->protocols.n; j++) {
		const char *p = d->protocols.v[j].id;
		if (strcmp(p, answer) == 0)
			q->answer = q->nchoices;
		else if (others++ >= STUDY_MAX_CHOICES - 1)
			continue;  /* the last place is the answer's */
		q->keys[q->nchoices] = xstrdup(p);
		q->choices[q->nchoices++] = xstrdup(study_protocol_name(d, p));
	}
}

/* Masks in q->prompt what would give the answer away: the code (when it
 * is what is asked for), every choice and what may be typed for it, and
 * for a situation the phrases of every code offered. */
static void mask_prompt(struct study_question *q, const struct sc_entry *e, const struct study_deck *d,
                        const size_t *chosen)
{
	const char *terms[2 + 4 * STUDY_MAX_CHOICES];
	char parent[16];
	size_t n = 0;

	snprintf(parent, sizeof parent, "%d", e->num);
	if (q->kind == STUDY_CODE || q->kind == STUDY_SITUATION) {
		terms[n++] = e->code;
		terms[n++] = parent;
	}
	for (size_t i = 0; i < q->nchoices; i++) {
		terms[n++] = q->choices[i];
		terms[n++] = q->keys[i];
		if (q->kind == STUDY_SITUATION) {
			terms[n++] = d->entries.v[chosen[i]].phrase_en;
			terms[n++] = d->entries.v[chosen[i]].phrase_zh;
		}
	}
	char *m = study_mask(q->prompt, terms, n);
	free(q->prompt);
	q->prompt = m;
}

void study_question_make(const struct study_deck *d, size_t i, uint64_t *rng, struct study_question *q)
{
	const struct study_card *c = &d->cards[i];
	const struct sc_entry *e = &d->entries.v[c->entry];
	size_t chosen[STUDY_MAX_CHOICES] = {0};
	char *ph = phrase(d, e), *sum = in_lang(d->lang, e->summary_en, e->summary_zh, "\n");

	memset(q, 0, sizeof *q);
	q->card = i;
	q->kind = c->kind;
	q->protocol = e->protocol;
	q->code = e->code;
	q->summary = xstrdup(sum);
	q->answer_text = xasprintf("%s %s %s", study_protocol_name(d, e->protocol), e->code, ph);
	switch (c->kind) {
	case STUDY_MEANING:
		q->prompt = label(d, e);
		fill_choices(d, q, c->entry, rng, chosen);
		break;
	case STUDY_CODE:
		q->prompt = xasprintf("%s: %s\n%s", study_protocol_name(d, e->protocol), ph, sum);
		q->expected = xstrdup(e->code);
		break;
	case STUDY_SITUATION:
		fill_choices(d, q, c->entry, rng, chosen);
		q->prompt = situation(d, c->entry, q, rng);
		q->expected = xstrdup(e->code);
		break;
	case STUDY_PROTOCOL:
		q->prompt = xasprintf("%s %s\n%s", e->code, ph, sum);
		protocol_choices(d, q, e->protocol);
		break;
	case STUDY_EN_ZH:
	case STUDY_ZH_EN:
		q->prompt = xstrdup(c->kind == STUDY_EN_ZH ? e->phrase_en : e->phrase_zh);
		fill_choices(d, q, c->entry, rng, chosen);
		break;
	default:
		q->prompt = xstrdup("");
		break;
	}
	mask_prompt(q, e, d, chosen);
	q->note = note_for(d, c->entry, chosen, q->kind == STUDY_SITUATION ? q->nchoices : 0);
	free(ph);
	free(sum);
}

void study_question_clear(struct study_question *q)
{
	free(q->prompt);
	for (size_t i = 0; i < q->nchoices; i++) {
		free(q->choices[i]);
		free(q->keys[i]);
	}
	free(q->expected);
	free(q->answer_text);
	free(q->summary);
	free(q->note);
	memset(q, 0, sizeof *q);
}

/* ---- checking an answer --------------------------------------------------------- */

/* in FSRS grade order (1 again .. 4 easy), ended by NULL */
static const char *const grade_words[] = { "again", "hard", "good", "easy", NULL };

/* Splits a trailing grade word off s (in place); FSRS grade or 0. */
static int take_grade(char *s)
{
	char *sp = strrchr(s, ' ');
	if (sp == NULL)
		return 0;
	for (int g = 0; grade_words[g]; g++)
		if (str_casecmp(str_trim(sp + 1), grade_words[g]) == 0) {
			*sp = '\0';
			return g + 1;
		}
	return 0;
}

/* Does input name the code: "404", "HTTP 404", "http 404"? */
static bool names_code(const char *input, const char *protocol, const char *code)
{
	const char *sp = strchr(input, ' ');
	if (sp) {
		char *p = xstrndup(input, (size_t)(sp - input));
		const char *id = store_protocol_id(p);
		bool same = id && strcmp(id, protocol) == 0;
		free(p);
		if (!same)
			return false;
		input = sp + 1;
	}
	return str_casecmp(input, code) == 0;
}

static bool check_choice(const struct study_question *q, const char *in)
{
	const char *key = q->keys[q->answer];
	size_t same = 0;

	if (strlen(in) == 1 && in[0] >= '1' && in[0] <= '9')
		return (size_t)(in[0] - '1') == q->answer;
	if (str_casecmp(in, q->choices[q->answer]) == 0)
		return true;
	if (q->kind == STUDY_PROTOCOL) {
		const char *id = store_protocol_id(in);
		return id && strcmp(id, key) == 0;
	}
	if (q->kind != STUDY_SITUATION)
		return false;
	/* a bare number must name one choice only (HTTP 530 and FTP 530) */
	for (size_t i = 0; i < q->nchoices; i++)
		same += str_casecmp(q->keys[i], key) == 0;
	if (same > 1 && strchr(in, ' ') == NULL)
		return false;
	return names_code(in, q->protocol, key);
}

bool study_check(const struct study_question *q, const char *input, enum fsrs_grade *grade)
{
	char *s = xstrdup(input ? input : ""), *in;
	int g = take_grade(s);
	bool right;

	in = str_trim(s);
	if (q->nchoices)
		right = check_choice(q, in);
	else
		right = q->expected && names_code(in, q->protocol, q->expected);
	free(s);
	if (grade)
		*grade = !right ? FSRS_AGAIN : g ? (enum fsrs_grade)g : FSRS_GOOD;
	return right;
}
