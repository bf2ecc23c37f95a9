/* test_mut.c: tests written against survivors of mutation testing
 * (docs/TESTING.md, make check-mutants). Each states what a user would
 * notice and names the mutant it was seen to kill. */
#include "config.h"
#include "testutil.h"

#include "buf.h"
#include "explain_int.h"
#include "lang.h"
#include "quiz.h"
#include "str.h"
#include "study.h"
#include "userdata.h"

/* Every white-space character that str_trim() documents is trimmed from
 * both ends, and only from the ends. Kills src/core/str.c:40 dropping
 * `|| *u == '\f'` (and its neighbours). */
static void test_trim_each_space(void **state)
{
	static const char *const spaces[] = { " ", "\t", "\n", "\r", "\f", "\v", "\xc2\xa0",
	                                      "\xe3\x80\x80" };
	(void)state;
	for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) {
		char *s = xasprintf("%s%sa%sb%s%s", spaces[i], spaces[i], spaces[i], spaces[i], spaces[i]);
		char *want = xasprintf("a%sb", spaces[i]);
		assert_string_equal(str_trim(s), want);
		free(want);
		free(s);
	}
	/* a byte that is not white space stays */
	char keep[] = "\x01x\x01";
	assert_string_equal(str_trim(keep), "\x01x\x01");
}

/* An NCSA (common/combined) log line has a space before "[time]"; a line
 * where the bracket is glued to the user field is not read as one (so it
 * is counted as unreadable, not as a status). Kills src/explain/logs.c:31
 * dropping `|| lb[-1] != ' '`. */
static void test_ncsa_needs_space_before_time(void **state)
{
	static const char good[] = "1.2.3.4 - bob [30/Nov/2026:22:14:01 +0000] \"GET / HTTP/1.1\" 404 12";
	static const char glued[] = "1.2.3.4 - bob[30/Nov/2026:22:14:01 +0000] \"GET / HTTP/1.1\" 404 12";
	int st = 0, tl = 0, t = 0;

	(void)state;
	assert_int_equal(ex_ncsa_parse(good, strlen(good), &st, &tl, &t), 0);
	assert_memory_equal(good + st, "404", 3);      /* offsets of the status and time */
	assert_memory_equal(good + t, "30/Nov/2026:22:14:01 +0000", (size_t)tl);
	assert_int_equal(ex_ncsa_parse(glued, strlen(glued), &st, &tl, &t), -1);
	/* and a line that starts with the bracket has no host at all */
	assert_int_equal(ex_ncsa_parse(good + 14, strlen(good + 14), &st, &tl, &t), -1);
}

/* ex_ftp_strip() reads a line by its length: a line of blanks is empty,
 * whatever follows it in the buffer (blanks of the next line included).
 * Through the CLI the byte after a line is its newline, so the mutant
 * src/explain/recog.c:151 dropping `n &&` (it read on past the end) shows
 * only as a read past the buffer after a last line of blanks. */
static void test_ftp_strip_stays_in_line(void **state)
{
	static const char buf[] = "  \t  226 Transfer complete";
	size_t rest = 99;
	char dir = 0;

	(void)state;
	const char *r = ex_ftp_strip(buf, 3, &rest, &dir);
	assert_int_equal(rest, 0);
	assert_ptr_equal(r, buf + 3);
	r = ex_ftp_strip(buf, sizeof buf - 1, &rest, &dir);
	assert_int_equal(rest, strlen("226 Transfer complete"));
	assert_memory_equal(r, "226", 3);
}

/* Column of the first byte of field k (0-based) of a table line whose
 * fields are separated by runs of spaces, or -1. */
static int field_col(const char *line, int k)
{
	int col = 0, f = -1;
	bool in = false;

	for (const char *p = line; *p && *p != '\n'; p++, col++) {
		if (*p != ' ' && !in && ++f == k)
			return col;
		in = *p != ' ';
	}
	return -1;
}

/* The progress table of the quiz (statuscodes quiz --stats, the browser's
 * study overlay): rows ordered by protocol and then class, the text
 * columns left-aligned under their heading, the counts right-aligned.
 * Kills src/study/session.c:134 `>` to `<=` (rows out of order) and
 * src/view/quiz.c:114 dropping `right_align &&` (text columns pushed
 * right). */
static void test_stats_table(void **state)
{
	struct study_filter f = { .lang = STUDY_BOTH };
	struct study_deck d;
	struct userdata_cards p = {0};
	struct study_stat *s;
	struct store *st = tu_open_builtdb();
	char *cause = NULL;
	struct buf b = {0};

	(void)state;
	assert_non_null(st);
	if (study_deck_build(st, &f, &d, &cause) != 0)
		fail_msg("%s", cause);
	store_close(st);
	size_t n = study_stats(&d, &p, INT64_C(1700000000), &s);
	assert_true(n >= 4);    /* HTTP's classes, FTP's, WebSocket's and the total */
	for (size_t i = 1; i + 1 < n; i++) {
		int c = strcmp(s[i - 1].protocol, s[i].protocol);
		assert_true(c < 0 || (c == 0 && strcmp(s[i - 1].class_id, s[i].class_id) < 0));
	}
	assert_null(s[n - 1].protocol);
	int64_t cards = 0;
	for (size_t i = 0; i + 1 < n; i++)
		cards += s[i].cards;
	assert_int_equal(s[n - 1].cards, cards);
	assert_int_equal(s[n - 1].cards, (int64_t)d.ncards);

	view_quiz_stats(&b, &d, s, n, LANG_EN);
	/* heading, one line per row */
	const char *line = b.s;
	int head_class = field_col(line, 1);
	assert_int_equal(field_col(line, 0), 0);
	assert_true(head_class > 0);
	int head_cards_end = (int)(strstr(line, "cards") - line) + 5;
	for (size_t r = 0; r < n; r++) {
		line = strchr(line, '\n');
		assert_non_null(line);
		line++;
		assert_int_equal(field_col(line, 0), 0);            /* protocol, left */
		if (r + 1 < n)
			assert_int_equal(field_col(line, 1), head_class);  /* class, left */
		/* the count of cards ends where its heading ends */
		char num[24];
		int len = snprintf(num, sizeof num, "%lld", (long long)s[r].cards);
		int k = r + 1 < n ? 2 : 1;      /* the total row has no class */
		assert_int_equal(field_col(line, k) + len, head_cards_end);
	}
	buf_free(&b);
	free(s);
	study_deck_clear(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim_each_space),
		cmocka_unit_test(test_ncsa_needs_space_before_time),
		cmocka_unit_test(test_stats_table),
		cmocka_unit_test(test_ftp_strip_stays_in_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
