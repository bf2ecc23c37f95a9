/* test_study.c: study mode on the real reference database (built by make,
 * $STATUSCODES_DB): every card of every kind, in every language, asks
 * without giving its answer away and accepts its answer; distractors are
 * the confusable peers; the teaching order starts with common codes and
 * follows each with its peers; a session picks, schedules and records as
 * FSRS says; and a quiz killed with SIGKILL, 100 times, loses no answer
 * already given and leaves an intact database. */
#include "config.h"
#include "testutil.h"

#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include <time.h>

#include "str.h"
#include "study.h"

#define T0 INT64_C(1700000000)

static struct store *open_ref(void)
{
	const char *path = getenv("STATUSCODES_DB");
	struct store *st = NULL;
	char *cause = NULL;
	char *fallback = xasprintf("%s/db/statuscodes.db", tu_builddir());

	if (store_open(path && *path ? path : fallback, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	free(fallback);
	return st;
}

static void build(struct study_deck *d, const struct study_filter *f)
{
	struct store *st = open_ref();
	char *cause = NULL;

	if (study_deck_build(st, f, d, &cause) != 0)
		fail_msg("%s", cause);
	store_close(st);
}

/* Does hay contain needle, ignoring ASCII case, as a whole word when the
 * needle starts or ends with an ASCII letter or digit? (Written here
 * independently of the masking code it checks.) */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; n && *p; p++) {
		if (strncasecmp(p, needle, n) != 0)
			continue;
		bool alnum_start = isalnum((unsigned char)needle[0]), alnum_end = isalnum((unsigned char)needle[n - 1]);
		if (alnum_start && p > hay && isalnum((unsigned char)p[-1]))
			continue;
		if (alnum_end && isalnum((unsigned char)p[n]))
			continue;
		return true;
	}
	return false;
}

static void check_card(const struct study_deck *d, size_t i, uint64_t *rng, unsigned lang)
{
	struct study_question q;
	const struct study_card *c = &d->cards[i];
	const struct sc_entry *e = &d->entries.v[c->entry];
	const struct study_kind_info *k = &study_kinds[c->kind];
	enum fsrs_grade g;

	study_question_make(d, i, rng, &q);
	char *shown = xasprintf("%s\n%s\n%s", lang & STUDY_EN ? k->ask_en : "", lang & STUDY_ZH ? k->ask_zh : "",
	                        q.prompt);
	if (str_empty(q.prompt))
		fail_msg("%s: empty prompt", c->id);
	if (q.nchoices == 0) {
		/* type the number: the number is nowhere in the question */
		assert_non_null(q.expected);
		if (contains(shown, e->code))
			fail_msg("%s gives its answer %s away:\n%s", c->id, e->code, shown);
		assert_true(study_check(&q, e->code, &g));
		assert_int_equal(g, FSRS_GOOD);
		char *with = xasprintf("%s %s", study_protocol_name(d, e->protocol), e->code);
		assert_true(study_check(&q, with, NULL));
		free(with);
		assert_false(study_check(&q, "999", &g));
		assert_int_equal(g, FSRS_AGAIN);
	} else {
		const char *right = q.choices[q.answer];
		if (q.nchoices < 2 || q.answer >= q.nchoices)
			fail_msg("%s: %zu choices, answer %zu", c->id, q.nchoices, q.answer);
		if (contains(shown, right))
			fail_msg("%s gives its answer '%s' away:\n%s", c->id, right, shown);
		if (c->kind == STUDY_SITUATION && contains(shown, e->code))
			fail_msg("%s names its code %s:\n%s", c->id, e->code, shown);
		for (size_t j = 0; j < q.nchoices; j++) {
			char num[8];
			snprintf(num, sizeof num, "%zu", j + 1);
			assert_int_equal(study_check(&q, num, NULL), j == q.answer);
			for (size_t m = 0; m < j; m++)
				if (strcmp(q.choices[m], q.choices[j]) == 0)
					fail_msg("%s offers '%s' twice", c->id, q.choices[j]);
		}
	}
	assert_non_null(q.summary);
	assert_non_null(q.answer_text);
	free(shown);
	study_question_clear(&q);
}

/* Every card of every kind, in English, Chinese and both, sub-status
 * codes included: no question contains its own answer. */
static void test_no_answer_in_question(void **state)
{
	static const unsigned langs[] = { STUDY_EN, STUDY_ZH, STUDY_BOTH };
	size_t total = 0;

	for (size_t l = 0; l < 3; l++) {
		struct study_filter f = { .lang = langs[l], .substatus = true };
		struct study_deck d;
		size_t per_kind[STUDY_NKINDS] = {0};
		uint64_t rng = 42;

		build(&d, &f);
		for (size_t i = 0; i < d.ncards; i++) {
			check_card(&d, i, &rng, langs[l]);
			per_kind[d.cards[i].kind]++;
		}
		for (int k = 0; k < STUDY_NKINDS; k++) {
			bool bilingual = k == STUDY_EN_ZH || k == STUDY_ZH_EN;
			if ((per_kind[k] > 0) != (!bilingual || langs[l] == STUDY_BOTH))
				fail_msg("lang %u: %zu cards of kind %s", langs[l], per_kind[k], study_kinds[k].id);
		}
		printf("# lang %u: %zu cards checked (meaning %zu, code %zu, situation %zu, protocol %zu, "
		       "en-zh %zu, zh-en %zu)\n", langs[l], d.ncards, per_kind[STUDY_MEANING], per_kind[STUDY_CODE],
		       per_kind[STUDY_SITUATION], per_kind[STUDY_PROTOCOL], per_kind[STUDY_EN_ZH], per_kind[STUDY_ZH_EN]);
		total += d.ncards;
		study_deck_clear(&d);
	}
	assert_true(total > 1000);
}

/* The situation card for code asks with every one of peers among its
 * choices (when they fit in STUDY_MAX_CHOICES) and masks them all. */
static void expect_peers(const struct study_deck *d, const char *id, const char *const *peers)
{
	long i = study_deck_find(d, id);
	struct study_question q;
	uint64_t rng = 7;

	if (i < 0)
		fail_msg("no card %s", id);
	study_question_make(d, (size_t)i, &rng, &q);
	for (const char *const *p = peers; *p; p++) {
		bool found = false;
		for (size_t j = 0; j < q.nchoices; j++)
			found = found || contains(q.choices[j], *p);
		if (!found)
			fail_msg("%s: peer %s not among the choices", id, *p);
		if (contains(q.prompt, *p))
			fail_msg("%s: peer %s named in the prompt: %s", id, *p, q.prompt);
	}
	study_question_clear(&q);
}

static void test_confusable_distractors(void **state)
{
	struct study_filter f = { .lang = STUDY_EN };
	struct study_deck d;

	build(&d, &f);
	expect_peers(&d, "situation:http:401", (const char *const[]){ "HTTP 401", "HTTP 403", "HTTP 407", NULL });
	expect_peers(&d, "situation:http:404", (const char *const[]){ "HTTP 404", "HTTP 410", NULL });
	expect_peers(&d, "situation:http:502", (const char *const[]){ "HTTP 502", "HTTP 503", "HTTP 504", NULL });
	expect_peers(&d, "situation:ftp:425", (const char *const[]){ "FTP 425", "FTP 426", NULL });
	/* 301 has four peers (302, 303, 307, 308): three fit, all redirects */
	long i = study_deck_find(&d, "situation:http:301");
	struct study_question q;
	uint64_t rng = 1;
	assert_true(i >= 0);
	study_question_make(&d, (size_t)i, &rng, &q);
	assert_int_equal(q.nchoices, 4);
	for (size_t j = 0; j < q.nchoices; j++)
		assert_true(str_starts_with(q.choices[j], "HTTP 30"));
	study_question_clear(&q);
	/* the same number in three protocols */
	assert_true(study_deck_find(&d, "protocol:http:530") >= 0);
	assert_true(study_deck_find(&d, "protocol:ftp:530") >= 0);
	assert_true(study_deck_find(&d, "protocol:ftp:421") >= 0);
	assert_true(study_deck_find(&d, "protocol:http:425") >= 0);
	i = study_deck_find(&d, "protocol:ftp:530");
	study_question_make(&d, (size_t)i, &rng, &q);
	assert_string_equal(q.choices[q.answer], "FTP");
	assert_true(study_check(&q, "ftp", NULL));
	assert_false(study_check(&q, "http", NULL));
	study_question_clear(&q);
	/* sub-status codes only when asked for, and bilingual cards only in both */
	assert_true(study_deck_find(&d, "meaning:http:403.14") < 0);
	assert_true(study_deck_find(&d, "en-zh:http:404") < 0);
	study_deck_clear(&d);
	f.substatus = true;
	f.lang = STUDY_BOTH;
	build(&d, &f);
	i = study_deck_find(&d, "meaning:http:403.14");
	assert_true(i >= 0);
	study_question_make(&d, (size_t)i, &rng, &q);
	for (size_t j = 0; j < q.nchoices; j++)   /* distractors are its 403.x siblings */
		assert_true(d.entries.v[d.cards[i].entry].sub >= 0);
	study_question_clear(&q);
	assert_true(study_deck_find(&d, "en-zh:http:404") >= 0);
	study_deck_clear(&d);
}

static long entry_rank(const struct study_deck *d, const char *protocol, const char *code)
{
	for (size_t i = 0; i < d->entries.n; i++)
		if (strcmp(d->entries.v[i].protocol, protocol) == 0 && strcmp(d->entries.v[i].code, code) == 0)
			return (long)d->rank[i];
	return -1;
}

/* Common codes first, each followed by its confusable peers. */
static void test_teaching_order(void **state)
{
	struct study_filter f = { .lang = STUDY_EN, .protocol = "http" };
	struct study_deck d;

	build(&d, &f);
	/* the first card is about a code every source lists */
	const struct sc_entry *first = &d.entries.v[d.cards[0].entry];
	long r404 = entry_rank(&d, "http", "404"), r410 = entry_rank(&d, "http", "410");
	long r401 = entry_rank(&d, "http", "401"), r407 = entry_rank(&d, "http", "407");
	printf("# first card %s; ranks 404 %ld, 410 %ld, 401 %ld, 407 %ld, 418 %ld, 499 %ld\n", d.cards[0].id,
	       r404, r410, r401, r407, entry_rank(&d, "http", "418"), entry_rank(&d, "http", "499"));
	assert_true(first->num >= 100 && first->sub < 0);
	assert_true(r404 < 25 && r401 < 25);
	/* 410 is listed by fewer sources than 404, yet comes right after it */
	assert_true(r410 > r404 && r410 <= r404 + 4);
	assert_true(r407 > r401 && r407 <= r401 + 4);
	/* a rarely listed code comes late */
	assert_true(entry_rank(&d, "http", "499") > 60);
	/* every card of the filter is in the deck once, http only */
	for (size_t i = 0; i < d.ncards; i++) {
		assert_string_equal(d.entries.v[d.cards[i].entry].protocol, "http");
		assert_int_equal(study_deck_find(&d, d.cards[i].id), (long)i);
	}
	study_deck_clear(&d);
	/* class and bookmark filters */
	struct userdata_refs only = {0};
	userdata_refs_push(&only, "http", "404");
	userdata_refs_push(&only, "ftp", "530");
	f = (struct study_filter){ .lang = STUDY_EN, .only = &only };
	build(&d, &f);
	for (size_t i = 0; i < d.ncards; i++) {
		const struct sc_entry *e = &d.entries.v[d.cards[i].entry];
		assert_true(strcmp(e->code, "404") == 0 || strcmp(e->code, "530") == 0);
	}
	assert_true(d.ncards >= 6);
	study_deck_clear(&d);
	userdata_refs_free(&only);
	f = (struct study_filter){ .lang = STUDY_ZH, .class_id = "5xx", .protocol = "ftp" };
	build(&d, &f);
	assert_true(d.ncards > 0);
	for (size_t i = 0; i < d.ncards; i++)
		assert_string_equal(d.entries.v[d.cards[i].entry].class_id, "5xx");
	study_deck_clear(&d);
}

static void test_mask_and_check(void **state)
{
	const char *terms[] = { "401", "Not Found", "OK" };
	char *m = study_mask("401 means 4010 is not found; OK, a token", terms, 3);
	assert_string_equal(m, "___ means 4010 is ___; ___, a token");
	free(m);
	m = study_mask("404 未找到 (404.1)", (const char *[]){ "未找到", "404" }, 2);
	assert_string_equal(m, "___ ___ (___.1)");
	free(m);

	struct study_filter f = { .lang = STUDY_EN };
	struct study_deck d;
	struct study_question q;
	enum fsrs_grade g;
	uint64_t rng = 3;
	build(&d, &f);
	study_question_make(&d, (size_t)study_deck_find(&d, "code:http:404"), &rng, &q);
	assert_true(study_check(&q, " 404 ", &g));
	assert_int_equal(g, FSRS_GOOD);
	assert_true(study_check(&q, "404 easy", &g));
	assert_int_equal(g, FSRS_EASY);
	assert_true(study_check(&q, "http 404 hard", &g));
	assert_int_equal(g, FSRS_HARD);
	assert_true(study_check(&q, "404 AGAIN", &g));   /* every grade word, any case */
	assert_int_equal(g, FSRS_AGAIN);
	assert_true(study_check(&q, "404 Good", &g));
	assert_int_equal(g, FSRS_GOOD);
	assert_false(study_check(&q, "ftp 404", &g));
	assert_false(study_check(&q, "410 easy", &g));
	assert_int_equal(g, FSRS_AGAIN);
	assert_false(study_check(&q, "", &g));
	study_question_clear(&q);
	study_deck_clear(&d);
}

/* The quiz's life: new cards a few a day, right pushes the due date out,
 * wrong brings the card back within minutes, and the next quiz asks the
 * due card first. */
static void test_session(void **state)
{
	char *dir = tu_tmp("study-session");
	struct userdata *u = userdata_open(dir);
	struct study_filter f = { .lang = STUDY_EN };
	struct study_deck d;
	struct fsrs_params fp;
	struct userdata_cards p = {0};
	size_t pick[20];
	uint64_t rng = 5;

	fsrs_defaults(&fp);
	build(&d, &f);
	assert_non_null(u);
	assert_int_equal(study_progress_load(u, &p), 0);
	/* a new user: only new cards, no more than the day's allowance, and
	 * they are the first of the teaching order */
	size_t n = study_pick(&d, &p, T0, T0 - 3600, 20, 5, &rng, pick);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_true(pick[i] < 5);
	/* answer: the first right, the others wrong */
	for (size_t i = 0; i < n; i++) {
		struct userdata_card after;
		assert_int_equal(study_answer(u, &fp, d.cards[pick[i]].id, NULL, i == 0 ? FSRS_GOOD : FSRS_AGAIN,
		                              i == 0, T0, &after), 0);
		assert_int_equal(after.due, T0 + (i == 0 ? 600 : 60));
	}
	userdata_cards_free(&p);
	assert_int_equal(study_progress_load(u, &p), 0);
	assert_int_equal(p.n, 5);
	/* the allowance is used up today; in two minutes the four wrong ones are due */
	n = study_pick(&d, &p, T0 + 120, T0 - 3600, 20, 5, &rng, pick);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++)
		assert_true(pick[i] != pick[0] || true);
	struct study_stat *s;
	size_t ns = study_stats(&d, &p, T0 + 120, &s);
	assert_int_equal(s[ns - 1].cards, (int64_t)d.ncards);
	assert_int_equal(s[ns - 1].studied, 5);
	assert_int_equal(s[ns - 1].due, 4);
	assert_int_equal(s[ns - 1].reviews, 5);
	assert_int_equal(s[ns - 1].rights, 1);
	free(s);
	/* the next day: new cards again, due ones first in due order */
	n = study_pick(&d, &p, T0 + 86400, T0 + 86400 - 3600, 3, 5, &rng, pick);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_non_null(study_progress_find(&p, d.cards[pick[i]].id));
	/* answering a due card again, right: it graduates and is due days away */
	const struct userdata_card *prev = study_progress_find(&p, d.cards[pick[0]].id);
	struct userdata_card after;
	assert_int_equal(study_answer(u, &fp, prev->card, prev, FSRS_GOOD, true, T0 + 86400, &after), 0);
	assert_true(after.due > T0 + 86400 + 500);
	assert_int_equal(after.reps, 2);
	assert_int_equal(userdata_study_review_count(u, NULL), 6);
	userdata_cards_free(&p);
	study_deck_clear(&d);
	userdata_close(u);
	free(dir);
}

static void test_export(void **state)
{
	struct study_filter f = { .lang = STUDY_BOTH, .protocol = "websocket" };
	struct study_deck d;
	struct buf b = {0};
	size_t lines = 0;

	build(&d, &f);
	study_export(&d, &b);
	assert_true(str_starts_with(buf_str(&b), "#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n"));
	for (const char *p = buf_str(&b), *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		assert_non_null(nl);
		if (*p != '#') {
			size_t tabs = 0;
			for (const char *c = p; c < nl; c++)
				tabs += *c == '\t';
			assert_int_equal(tabs, 2);
			lines++;
		}
	}
	assert_int_equal(lines, d.ncards);
	assert_non_null(strstr(buf_str(&b), "正常关闭"));  /* both languages */
	buf_free(&b);
	study_deck_clear(&d);
}

/* The child: a quiz that never ends. Answers the picked cards in turn
 * (every third one wrong), reporting each card index once study_answer()
 * returned. */
static _Noreturn void quizzer(const struct study_deck *d, const char *dir, int fd, unsigned seed)
{
	struct userdata *u = userdata_open(dir);
	struct fsrs_params fp;
	uint64_t rng = seed;
	int64_t now = T0;

	if (u == NULL)
		_exit(2);
	fsrs_defaults(&fp);
	for (int k = 0;; k++) {
		struct userdata_cards p = {0};
		size_t pick[8];
		if (study_progress_load(u, &p) != 0)
			_exit(3);
		size_t n = study_pick(d, &p, now, now - 3600, 8, 1000, &rng, pick);
		for (size_t i = 0; i < n; i++) {
			struct study_question q;
			study_question_make(d, pick[i], &rng, &q);
			bool right = (k + (int)i) % 3 != 0;
			if (study_answer(u, &fp, d->cards[pick[i]].id, study_progress_find(&p, d->cards[pick[i]].id),
			                 right ? FSRS_GOOD : FSRS_AGAIN, right, now, NULL) != 0)
				_exit(4);
			study_question_clear(&q);
			int v = (int)pick[i];
			if (write(fd, &v, sizeof v) != (ssize_t)sizeof v)
				_exit(5);
		}
		userdata_cards_free(&p);
		now += 700;
	}
}

static void test_sigkill_mid_quiz(void **state)
{
	char *dir = tu_tmp("study-kill");
	char *file = xasprintf("%s/user.db", dir);
	struct study_filter f = { .lang = STUDY_BOTH };
	struct study_deck d;
	int kills = 0, answers = 0;
	unsigned seed = 20261201;

	build(&d, &f);
	int *given = xcalloc(d.ncards, sizeof *given);
	for (int round = 0; round < 100; round++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			quizzer(&d, dir, fds[1], seed + (unsigned)round);
		}
		close(fds[1]);
		int want = (int)(rand_r(&seed) % 30), got = 0, v;
		while (got < want && read(fds[0], &v, sizeof v) == (ssize_t)sizeof v) {
			given[v]++;
			answers++;
			got++;
		}
		bool killed = tu_kill(pid, &seed, 3000);
		while (read(fds[0], &v, sizeof v) == (ssize_t)sizeof v) {
			given[v]++;
			answers++;
		}
		close(fds[0]);
		kills += killed;

		tu_integrity_ok(file);
		/* every answer reported is there, and its card's state with it */
		struct userdata *u = userdata_open(dir);
		struct userdata_cards p = {0};
		assert_non_null(u);
		assert_int_equal(study_progress_load(u, &p), 0);
		for (size_t i = 0; i < d.ncards; i++) {
			if (given[i] == 0)
				continue;
			int64_t n = userdata_study_review_count(u, d.cards[i].id);
			const struct userdata_card *c = study_progress_find(&p, d.cards[i].id);
			if (n < given[i] || c == NULL || c->reps < given[i])
				fail_msg("round %d: %s answered %d times, %lld recorded", round, d.cards[i].id, given[i],
				         (long long)n);
		}
		userdata_cards_free(&p);
		userdata_close(u);
	}
	printf("# %d rounds, %d SIGKILLs, %d answers reported, all recorded, integrity ok\n", 100, kills, answers);
	assert_true(kills >= 90);
	assert_true(answers > 500);
	free(given);
	study_deck_clear(&d);
	free(file);
	free(dir);
}

/* day start at t under the POSIX time zone tz */
static int64_t day_start_in(const char *tz, int64_t t)
{
	setenv("TZ", tz, 1);
	tzset();
	return study_day_start(t);
}

/* "Today" for counting new cards is the local day, the same for the CLI
 * and the browser: at 23:00 in UTC+8 the day began 23 hours ago (not at
 * UTC midnight), an hour later a new one began; west of Greenwich the
 * local day can start the UTC day before; on the day summer time begins
 * local noon is 11 hours after midnight. */
static void test_day_start(void **state)
{
	(void)state;
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	/* 2026-12-01 15:00 UTC is 23:00 in UTC+8: the day began 11-30 16:00 UTC */
	assert_int_equal(day_start_in("CST-8", 1796137200), 1796054400);
	/* 17:00 UTC is 01:00 the next local day: it began 12-01 16:00 UTC */
	assert_int_equal(day_start_in("CST-8", 1796144400), 1796140800);
	/* exactly at local midnight the day is the one beginning then */
	assert_int_equal(day_start_in("CST-8", 1796140800), 1796140800);
	assert_int_equal(day_start_in("CST-8", 1796140799), 1796054400);
	/* 12-01 03:00 UTC is 11-30 22:00 in UTC-5: began 11-30 05:00 UTC */
	assert_int_equal(day_start_in("EST5", 1796094000), 1796014800);
	/* in UTC the local day is the UTC day */
	assert_int_equal(day_start_in("UTC0", 1796137200), 1796083200);
	/* 2026-03-29, summer time from 02:00 CET: 12:00 CEST (10:00 UTC) is 11
	 * hours after local midnight (03-28 23:00 UTC) */
	assert_int_equal(day_start_in("CET-1CEST,M3.5.0,M10.5.0/3", 1774778400), 1774738800);
	if (old) {
		setenv("TZ", old, 1);
		free(old);
	} else {
		unsetenv("TZ");
	}
	tzset();
}

/* $STATUSCODES_NOW stands in for the clock when it is a number. */
static void test_study_now(void **state)
{
	(void)state;
	setenv("STATUSCODES_NOW", "1796137200", 1);
	assert_int_equal(study_now(), 1796137200);
	setenv("STATUSCODES_NOW", "17961x", 1);
	int64_t t0 = (int64_t)time(NULL), n = study_now();
	assert_true(n >= t0 && n <= t0 + 5);
	unsetenv("STATUSCODES_NOW");
	assert_true(study_now() >= t0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_answer_in_question),
		cmocka_unit_test(test_confusable_distractors),
		cmocka_unit_test(test_teaching_order),
		cmocka_unit_test(test_mask_and_check),
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_sigkill_mid_quiz),
		cmocka_unit_test(test_day_start),
		cmocka_unit_test(test_study_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
