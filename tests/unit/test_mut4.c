/* test_mut4.c: tests written against the survivors of the seed-41
 * mutation sample (docs/TESTING.md, make check-mutants), a sample the
 * suite had not seen; each was seen failing on its mutant and passing
 * without it. */
#include "config.h"
#include "testutil.h"

#include "advice.h"
#include "buf.h"
#include "explain.h"
#include "panes.h"
#include "quiz.h"
#include "report.h"
#include "search.h"
#include "study.h"

/* ---- a row with a control character: why, in each language -------------- */

/* A document row holding a control character is refused, and the reason
 * is given in English and in Chinese, each in its own field (the import
 * prints the one the user reads). Kills src/import/doc.c:118 swapping
 * `why, why_zh` (the English reason stored as the Chinese one). */
static void test_control_reason_languages(void **state)
{
	(void)state;
	struct doc d;
	tu_parse("t.txt", "404 Not Found\n410 Gone\a away\n500 Internal Server Error\n", &d);
	assert_int_equal(d.nrows, 2);
	assert_int_equal(d.nrejects, 1);
	assert_int_equal(d.rejects[0].line, 2);
	assert_string_equal(d.rejects[0].why, "a control character (U+0007) in the row");
	assert_string_equal(d.rejects[0].why_zh, "行中有控制字符（U+0007）");
	doc_free(&d);
}

/* ---- a long URL in explain's report -------------------------------------- */

/* A request URL longer than 64 bytes is shown as its first 40 bytes and
 * its last 23, joined by an ellipsis, each cut between characters: an é
 * across byte 40 stays out of the head, one across the tail's first byte
 * out of the tail. A URL of 64 bytes is shown whole. Kills
 * src/view/report.c:53 `return xasprintf(...)` to `return 0` (no URL was
 * shown at all). */
static void test_long_url(void **state)
{
	(void)state;
	static const char head[] = "https://example.com/aaaaaaaaaaaaaaaaaaa";   /* 39 bytes */
	static const char tail[] = "cccccccccccccccccccccc";                    /* 22 bytes */
	char *url = xasprintf("%s\xC3\xA9%s\xC3\xA9%s", head, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", tail);
	char *exact = xasprintf("https://example.com/%044d", 7);              /* 64 bytes */
	char *har = xasprintf("{\"log\":{\"version\":\"1.2\",\"entries\":["
	                      "{\"request\":{\"method\":\"GET\",\"url\":\"%s\"},"
	                      "\"response\":{\"status\":200,\"statusText\":\"OK\",\"headers\":[]}},"
	                      "{\"request\":{\"method\":\"GET\",\"url\":\"%s\"},"
	                      "\"response\":{\"status\":404,\"statusText\":\"Not Found\",\"headers\":[]}}]}}",
	                      url, exact);
	struct explain *ex = explain_new();
	explain_feed(ex, har, strlen(har));
	explain_finish(ex);
	struct view_report doc;
	view_report_build(explain_report(ex), LANG_BOTH, &doc);
	assert_int_equal(doc.nitems, 2);
	char *want = xasprintf("%s\xE2\x80\xA6%s", head, tail);
	assert_non_null(doc.items[0].url);
	assert_string_equal(doc.items[0].url, want);
	assert_non_null(doc.items[1].url);
	assert_int_equal(strlen(exact), 64);
	assert_string_equal(doc.items[1].url, exact);
	view_report_free(&doc);
	explain_free(ex);
	free(want);
	free(har);
	free(exact);
	free(url);
}

/* ---- a paragraph of an HTML document is its text, under its heading ---- */

/* A paragraph after a heading is filed as prose whose name is the heading
 * and whose text is the paragraph (the import keeps the paragraph as what
 * the source said). Kills src/import/fmt_html.c:94 swapping
 * `h->section, t` (the heading became the text). */
static void test_html_paragraph(void **state)
{
	(void)state;
	struct doc d;
	tu_parse("t.html", "<h1>Status codes</h1>\n<h2>About this list</h2>\n"
	                   "<p>Collected from the server logs of one year.</p>\n"
	                   "<table><tr><th>Code</th><th>Reason</th></tr>"
	                   "<tr><td>404</td><td>Not Found</td></tr></table>\n", &d);
	assert_int_equal(d.ntexts, 1);
	assert_string_equal(d.texts[0].name, "About this list");
	assert_string_equal(d.texts[0].text, "Collected from the server logs of one year.");
	assert_int_equal(d.texts[0].line, 3);
	assert_int_equal(d.nrows, 1);
	doc_free(&d);
}

/* ---- a line of an FTP transcript that is not a reply -------------------- */

/* In an FTP transcript, a reply is three digits and then a space, a hyphen
 * or the end of the line: "2500 bytes sent" (a client's own message) is
 * not reply 250. Kills src/explain/ftp.c:68 dropping
 * `&& (k == 3 || r[3] == ' ' || r[3] == '-')`. */
static void test_ftp_not_a_reply(void **state)
{
	(void)state;
	static const char t[] = "220 ready\r\nUSER bob\r\n331 Password required\r\nPASS x\r\n"
	                        "230 Logged in\r\n2500 bytes sent in 0.1s\r\n226 Transfer complete\r\n226\r\n";
	struct explain *ex = explain_new();
	explain_feed(ex, t, strlen(t));
	explain_finish(ex);
	const struct ex_report *r = explain_report(ex);
	assert_int_equal(r->kind, EX_FTP);
	const char *want[] = { "220", "331", "230", "226" };
	assert_int_equal(r->ncounts, 4);
	for (size_t i = 0; i < 4; i++) {
		size_t k = 0;
		while (k < r->ncounts && strcmp(r->counts[k].code, want[i]) != 0)
			k++;
		if (k == r->ncounts)
			fail_msg("FTP %s not counted", want[i]);
		assert_int_equal(r->counts[k].n, strcmp(want[i], "226") == 0 ? 2 : 1);
	}
	explain_free(ex);
}

/* ---- a search prior shorter than the index ------------------------------ */

/* The search's prior (two bytes per entry id, written when the database
 * is built) may be shorter than the index on a database changed by hand:
 * the entries past its end are still found, with no prior, and never read
 * past it. The prior is cut to end just before the highest entry id.
 * Kills src/store/search_rank.c:66 `<` to `<=` (the entry at the end was
 * read past the prior: its protocol byte, not WebSocket's, left it out of
 * a WebSocket search; valgrind and ASan see the read itself). */
static void test_short_prior(void **state)
{
	(void)state;
	char *path = tu_tmp("prior.db"), *cause = NULL, *err = NULL;
	struct store *st = tu_builtdb_copy(path);
	if (sqlite3_exec(store_db(st), "UPDATE search_prior SET data = substr(data, 1, 2 * (SELECT max(id) FROM entry))",
	                 NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_db(st), "SELECT protocol, code, phrase_en FROM entry"
	                                    " WHERE id = (SELECT max(id) FROM entry)", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *protocol = xstrdup((const char *)sqlite3_column_text(s, 0));
	char *code = xstrdup((const char *)sqlite3_column_text(s, 1));
	char *phrase = xstrdup((const char *)sqlite3_column_text(s, 2));
	sqlite3_finalize(s);
	struct sc_hits h = {0};
	assert_int_equal(store_search(st, phrase, protocol, 20, 0, &h, &cause), 0);
	bool found = false;
	for (size_t i = 0; i < h.n; i++)
		found |= strcmp(h.v[i].e.code, code) == 0;
	if (!found)
		fail_msg("search %s \"%s\": %s %s not found", protocol, phrase, protocol, code);
	sc_hits_free(&h);
	free(protocol);
	free(code);
	free(phrase);
	store_close(st);
	unlink(path);
	free(path);
}

/* ---- the history overlay lists each code once ---------------------------- */

/* The browser's history (and bookmarks) overlay shows each code once, the
 * latest visit first, however often it was visited; the same number in
 * two protocols is two codes. Kills src/tui/history.c:121 swapping
 * `r->protocol, r->code` (no visit was ever found among those seen, so
 * 404 was listed twice). */
static void test_overlay_once(void **state)
{
	(void)state;
	struct tui t;
	memset(&t, 0, sizeof t);
	t.st = tu_open_builtdb();
	assert_non_null(t.st);
	struct userdata_refs visits = {0};
	static const char *const v[][2] = {
		{ "http", "404" }, { "http", "410" }, { "ftp", "421" }, { "http", "404" }, { "http", "421" },
		{ "http", "410" },
	};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++)
		userdata_refs_push(&visits, v[i][0], v[i][1]);
	tui_overlay_rows(&t, &visits, true, 50);
	static const char *const want[][2] = {
		{ "http", "410" }, { "http", "421" }, { "http", "404" }, { "ftp", "421" },
	};
	assert_int_equal(t.ov_rows.n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(t.ov_rows.v[i].protocol, want[i][0]);
		assert_string_equal(t.ov_rows.v[i].code, want[i][1]);
	}
	tui_overlay_rows(&t, &visits, false, 2);       /* oldest first, at most 2 */
	assert_int_equal(t.ov_rows.n, 2);
	assert_string_equal(t.ov_rows.v[1].code, "410");
	sc_entries_free(&t.ov_rows);
	userdata_refs_free(&visits);
	store_close(t.st);
}

/* ---- "which protocol" with more protocols than choices ------------------ */

/* A database of more protocols than a question has choices (four): the
 * right protocol is always among the choices, and there are never more
 * than four. Three protocols are added after HTTP, so that FTP is the
 * fifth; every protocol question is asked (they are about numbers HTTP and
 * FTP share). Written for the seed-43 survivor src/study/question.c:331
 * (dropping `&& q->nchoices < STUDY_MAX_CHOICES`), it found a bug: the
 * first four protocols were offered whatever the answer, so an FTP
 * question offered HTTP and the three new ones and counted HTTP as right.
 * Now the answer always has a place; without the `continue` that keeps it
 * the choices overflow (a crash). */
static void test_protocol_choices(void **state)
{
	(void)state;
	char *path = tu_tmp("protocols.db"), *cause = NULL, *err = NULL;
	struct store *st = tu_builtdb_copy(path);
	if (sqlite3_exec(store_db(st), "UPDATE protocol SET sort = sort + 10 WHERE id <> 'http';"
	                 "INSERT INTO protocol(id, sort, name_en) VALUES ('gopher', 2, 'Gopher'),"
	                 " ('smtp', 3, 'SMTP'), ('sip', 4, 'SIP')", NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	struct study_filter f = { .lang = 0 };
	struct study_deck d;
	if (study_deck_build(st, &f, &d, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(d.protocols.n, 6);
	uint64_t rng = 7;
	size_t asked = 0, ftp = 0;
	for (size_t i = 0; i < d.ncards; i++) {
		if (d.cards[i].kind != STUDY_PROTOCOL)
			continue;
		struct study_question q;
		study_question_make(&d, i, &rng, &q);
		const char *want = d.entries.v[d.cards[i].entry].protocol;
		assert_true(q.nchoices >= 2 && q.nchoices <= STUDY_MAX_CHOICES);
		assert_true(q.answer < q.nchoices);
		if (strcmp(q.keys[q.answer], want) != 0)
			fail_msg("%s: the answer offered is %s, not %s", d.cards[i].id, q.keys[q.answer], want);
		asked++;
		ftp += strcmp(want, "ftp") == 0;
		study_question_clear(&q);
	}
	assert_true(asked > 0);
	assert_true(ftp > 0);
	study_deck_clear(&d);
	store_close(st);
	unlink(path);
	free(path);
}

/* ---- a bare four-digit code in a list of codes -------------------------- */

/* One code a line: four digits are a WebSocket close code, a code with a
 * dot an IIS sub-status code, three digits HTTP. (The seed-43 survivor
 * src/explain/ftp.c:147, `strlen(ca.code) >= 4` to `> 4`, is equivalent:
 * a code the reader gives without a protocol has 3 characters or, with a
 * dot, at least 5; this pins what that line decides.) */
static void test_code_list_protocols(void **state)
{
	(void)state;
	static const char t[] = "1006\n403.14\n404\n1001\n";
	struct explain *ex = explain_new();
	explain_feed(ex, t, strlen(t));
	explain_finish(ex);
	const struct ex_report *r = explain_report(ex);
	static const char *const want[][2] = {
		{ "websocket", "1006" }, { "http", "403.14" }, { "http", "404" }, { "websocket", "1001" },
	};
	assert_int_equal(r->ncounts, 4);
	for (size_t i = 0; i < 4; i++) {
		size_t k = 0;
		while (k < r->ncounts && strcmp(r->counts[k].code, want[i][1]) != 0)
			k++;
		if (k == r->ncounts)
			fail_msg("%s not counted", want[i][1]);
		assert_string_equal(r->counts[k].protocol, want[i][0]);
	}
	explain_free(ex);
}

/* ---- the compare overlay when one side has no English summary --------- */

/* In both languages, the compare overlay puts a side's Chinese summary
 * under its English one with a blank line between; a side without an
 * English summary starts with the Chinese one, no blank line first. 401
 * is compared with a 403 whose English summary is taken away, side by
 * side (120 columns): 403's Chinese summary is on the first line of the
 * summaries, right under the blank line that ends the pair's note. Kills
 * src/tui/ov_compare.c:87 dropping `&& pane_has(e->summary_en)` (a blank
 * line at the top of 403's column). */
static void test_compare_no_english_summary(void **state)
{
	(void)state;
	struct tui t;
	struct pane p;
	struct sc_entries a = {0}, b = {0};
	char *cause = NULL;
	memset(&t, 0, sizeof t);
	memset(&p, 0, sizeof p);
	t.st = tu_open_builtdb();
	t.lang = LANG_BOTH;
	assert_int_equal(store_lookup(t.st, "http", "401", &a, &cause), 0);
	assert_int_equal(store_lookup(t.st, "http", "403", &b, &cause), 0);
	assert_int_equal(tui_entry_show(&t, &t.cmp.a, &a.v[0]), 0);
	sc_entry_copy(&t.cmp.b, &b.v[0]);
	free(t.cmp.b.summary_en);
	t.cmp.b.summary_en = NULL;
	assert_non_null(t.cmp.b.summary_zh);
	p.ops = &pane_ops_compare;
	pane_ops_compare.build(&t, &p, 120);
	/* each side's English phrase whole on a line of its head (kills
	 * src/tui/ov_compare.c:68 swapping `w, PAL_HEADING`: the phrase
	 * wrapped at the width of the style's number) */
	bool whole = false;
	for (size_t i = 0; i < p.lines.n && !whole; i++) {
		char *txt = tu_line_text(&p.lines, i);
		whole = strstr(txt, "Unauthorized") && strstr(txt, "Forbidden");
		free(txt);
	}
	assert_true(whole);
	char head[10];
	snprintf(head, sizeof head, "%.9s", t.cmp.b.summary_zh);     /* three characters */
	size_t at = 0;
	for (; at < p.lines.n; at++) {
		char *txt = tu_line_text(&p.lines, at);
		bool here = strstr(txt, head) != NULL;
		free(txt);
		if (here)
			break;
	}
	if (at == 0 || at == p.lines.n)
		fail_msg("403's Chinese summary not drawn (line %zu of %zu)", at, p.lines.n);
	char *before = tu_line_text(&p.lines, at - 1);
	if (*before)
		fail_msg("the line above 403's Chinese summary is \"%s\", not the blank line", before);
	free(before);
	tlines_free(&p.lines);
	tui_entry_clear(&t.cmp.a);
	sc_entry_clear(&t.cmp.b);
	sc_entries_free(&a);
	sc_entries_free(&b);
	store_close(t.st);
}

/* ---- r on search results keeps the selected hit ------------------------- */

/* The browser's r (registered codes only) runs the search again; the hit
 * that was selected stays selected when it is still a hit. "redirect"
 * from the third hit on: after r the same code is selected, and after r
 * again too. Kills src/tui/prompt.c:58 `<` to `>=` (no hit was taken as
 * selected: the selection went back to the first). */
static void test_redo_keeps_hit(void **state)
{
	(void)state;
	struct tui t;
	memset(&t, 0, sizeof t);
	t.st = tu_open_builtdb();
	struct pane *lp = &t.panes[PANE_LIST];
	lp->ops = &pane_ops_list;
	lp->r.h = 20;
	t.panes[PANE_DETAIL].ops = &pane_ops_detail;
	buf_adds(&t.search.query, "redirect");
	tui_search_redo(&t);
	assert_true(t.search.hits.n > 3);
	size_t pick = 2;
	while (pick < t.search.hits.n && !sc_entry_registered(&t.search.hits.v[pick].e))
		pick++;
	assert_true(pick < t.search.hits.n);
	lp->sel = pick;
	char *code = xstrdup(t.search.hits.v[pick].e.code);
	t.standard = true;
	tui_search_redo(&t);
	assert_true(lp->sel < t.search.hits.n);
	assert_true(lp->sel > 0);
	assert_string_equal(t.search.hits.v[lp->sel].e.code, code);
	t.standard = false;
	tui_search_redo(&t);
	assert_string_equal(t.search.hits.v[lp->sel].e.code, code);
	free(code);
	tui_search_free(&t.search);
	tlines_free(&t.panes[PANE_DETAIL].lines);
	store_close(t.st);
}

/* ---- a close code is four digits, not the start of five ---------------- */

/* In WebSocket close lines, "code: 10061" is no close code (five digits),
 * while "code: 1006" is. Kills src/explain/recog.c:86 dropping `d == 4 &&`
 * (the first four digits of 10061 were read as 1006). */
static void test_ws_code_five_digits(void **state)
{
	(void)state;
	static const char t[] =
	    "2026-12-01T03:30:02.114Z [chat] WebSocket connection to 'wss://a.example/s' closed: code: 1006\n"
	    "2026-12-01T03:30:03.114Z [chat] WebSocket connection to 'wss://a.example/s' closed: code: 10061\n"
	    "2026-12-01T03:32:00.000Z [chat] WebSocket closed normally, code=1000\n";
	struct explain *ex = explain_new();
	explain_feed(ex, t, strlen(t));
	explain_finish(ex);
	const struct ex_report *r = explain_report(ex);
	assert_int_equal(r->kind, EX_WS);
	assert_int_equal(r->ncounts, 2);
	for (size_t i = 0; i < r->ncounts; i++) {
		assert_string_equal(r->counts[i].protocol, "websocket");
		assert_int_equal(r->counts[i].n, 1);
		assert_true(strcmp(r->counts[i].code, "1006") == 0 || strcmp(r->counts[i].code, "1000") == 0);
	}
	explain_free(ex);
}

/* ---- questions: the situation, and a protocol answer typed -------------- */

/* The card of id in d, or fails. */
static size_t card_of(const struct study_deck *d, const char *id)
{
	long i = study_deck_find(d, id);
	if (i < 0)
		fail_msg("no card %s", id);
	return (size_t)i;
}

/* A situation question about 401 is a sentence of one of its comparison
 * notes that names 401 (masked), not 401's summary: over ten draws, some
 * prompt is a note's sentence. Kills src/study/question.c:274 swapping
 * `s, code` (no sentence was found to name the code, so every prompt was
 * the summary). A protocol question answered with a word that names no
 * protocol is wrong, not a crash; "ftp" and "FTP" answer an FTP question.
 * Kills src/study/question.c:474 dropping `id &&`. */
static void test_questions_typed(void **state)
{
	(void)state;
	struct store *st = tu_open_builtdb();
	struct study_filter f = { .lang = STUDY_EN };
	struct study_deck d;
	char *cause = NULL;
	if (study_deck_build(st, &f, &d, &cause) != 0)
		fail_msg("%s", cause);
	size_t sit = card_of(&d, "situation:http:401"), notes = 0;
	const char *summary = d.entries.v[d.cards[sit].entry].summary_en;
	char head[24];
	snprintf(head, sizeof head, "%.23s", summary);
	for (uint64_t seed = 1; seed <= 10; seed++) {
		uint64_t rng = seed;
		struct study_question q;
		study_question_make(&d, sit, &rng, &q);
		notes += strstr(q.prompt, head) == NULL;
		study_question_clear(&q);
	}
	if (notes == 0)
		fail_msg("every situation for 401 was its summary (\"%s...\")", head);

	size_t i = 0;
	while (i < d.ncards && !(d.cards[i].kind == STUDY_PROTOCOL &&
	                         strcmp(d.entries.v[d.cards[i].entry].protocol, "ftp") == 0))
		i++;
	assert_true(i < d.ncards);
	uint64_t rng = 3;
	struct study_question q;
	study_question_make(&d, i, &rng, &q);
	enum fsrs_grade g;
	assert_false(study_check(&q, "gopher", &g));
	assert_false(study_check(&q, "http", &g));
	assert_true(study_check(&q, "ftp", &g));
	assert_true(study_check(&q, "FTP", &g));
	study_question_clear(&q);
	study_deck_clear(&d);
	store_close(st);
}

/* ---- EPSV refused, with each of its replies ----------------------------- */

/* EPSV answered 500, 502 or 522 is the same judgment (the server or a
 * middlebox does not support extended passive mode); 500 after another
 * command is none. Kills src/explain/ftp.c:24 dropping `num == 500 ||`
 * (seed 47). */
static void test_ftp_epsv_refused(void **state)
{
	(void)state;
	static const char *const replies[] = { "500 Unknown command", "502 Not implemented",
	                                       "522 Use (1)" };
	for (size_t i = 0; i < sizeof replies / sizeof *replies; i++) {
		char *t = xasprintf("220 ready\r\nUSER bob\r\n331 Password\r\nPASS x\r\n230 In\r\n"
		                    "EPSV\r\n%s\r\nNOOP\r\n500 Unknown command\r\n", replies[i]);
		struct explain *ex = explain_new();
		explain_feed(ex, t, strlen(t));
		explain_finish(ex);
		const struct ex_report *r = explain_report(ex);
		assert_int_equal(r->kind, EX_FTP);
		assert_int_equal(r->nitems, 5);
		assert_int_equal(r->items[3].judgment, ADV_FTP_EPSV_REFUSED);
		assert_int_equal(r->items[4].judgment, -1);
		explain_free(ex);
		free(t);
	}
}

/* The verdict after an answer wraps its text to the width given when the
 * width leaves more than 20 columns after the indent; at exactly 20 (22
 * for the summary's indent of 2) a line is not wrapped, as at 0. Kills
 * src/view/quiz.c:35 `width > indent + 20` to `>=` (seed 59). */
static void test_verdict_wrap_limit(void **state)
{
	char answer[] = "HTTP 404 Not Found";
	char summary[] = "The server cannot find the requested resource at all today.";
	struct study_question q = {
		.answer_text = answer, .summary = summary, .protocol = "http", .code = "404",
	};
	for (size_t width = 21; width <= 24; width++) {
		struct buf b = {0};
		view_quiz_verdict(&b, &q, true, LANG_EN, true, width);
		const char *out = buf_str(&b);
		char *whole = xasprintf("\n  %s\n", summary);
		if (width <= 22) {
			assert_non_null(strstr(out, whole));   /* one line, whole */
		} else {
			assert_null(strstr(out, whole));
			for (const char *l = out, *nl; *l; l = nl + 1) {
				nl = strchr(l, '\n');
				assert_non_null(nl);
				assert_true((size_t)(nl - l) <= width);   /* ASCII: bytes are columns */
			}
		}
		free(whole);
		buf_free(&b);
	}
}

/* An entry with no English phrase (a database from another tool) is never
 * offered as a choice: its English side would be blank. With 502's
 * English phrase gone, no question about another HTTP 5xx code offers
 * 502 (the code, its Chinese phrase 网关错误, or an empty text). Kills
 * src/study/question.c:187 dropping `!str_empty(e->phrase_en) &&` (seed
 * 59). */
static void test_no_blank_choice(void **state)
{
	char *path = tu_tmp("no-english.db"), *cause = NULL, *err = NULL;
	struct store *st = tu_builtdb_copy(path);
	if (sqlite3_exec(store_db(st), "UPDATE entry SET phrase_en = '' WHERE protocol = 'http' AND code = '502'",
	                 NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s", err);
	struct study_filter f = { .lang = 0 };
	struct study_deck d;
	if (study_deck_build(st, &f, &d, &cause) != 0)
		fail_msg("%s", cause);
	size_t asked = 0;
	for (size_t i = 0; i < d.ncards; i++) {
		const struct sc_entry *e = &d.entries.v[d.cards[i].entry];
		if (strcmp(e->protocol, "http") != 0 || e->num < 500 || e->num > 599 || e->sub >= 0 ||
		    strcmp(e->code, "502") == 0)
			continue;
		for (uint64_t seed = 1; seed <= 12; seed++) {
			uint64_t rng = seed;
			struct study_question q;
			study_question_make(&d, i, &rng, &q);
			for (size_t k = 0; k < q.nchoices; k++) {
				if (strcmp(q.choices[k], "502") == 0 || strstr(q.choices[k], "网关错误") ||
				    q.choices[k][0] == '\0')
					fail_msg("%s: choice %zu is \"%s\"", d.cards[i].id, k, q.choices[k]);
			}
			asked++;
			study_question_clear(&q);
		}
	}
	assert_true(asked > 50);
	study_deck_clear(&d);
	store_close(st);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_control_reason_languages),
		cmocka_unit_test(test_long_url),
		cmocka_unit_test(test_html_paragraph),
		cmocka_unit_test(test_ftp_not_a_reply),
		cmocka_unit_test(test_short_prior),
		cmocka_unit_test(test_overlay_once),
		cmocka_unit_test(test_protocol_choices),
		cmocka_unit_test(test_code_list_protocols),
		cmocka_unit_test(test_compare_no_english_summary),
		cmocka_unit_test(test_redo_keeps_hit),
		cmocka_unit_test(test_ws_code_five_digits),
		cmocka_unit_test(test_questions_typed),
		cmocka_unit_test(test_ftp_epsv_refused),
		cmocka_unit_test(test_verdict_wrap_limit),
		cmocka_unit_test(test_no_blank_choice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
