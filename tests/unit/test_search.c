/* test_search.c: the search over the built reference database
 * (db/statuscodes.db), ranked as a person expects (issue 13): the
 * examples of its "Done when", protocol words that narrow, stems and the
 * glossary, the best m of n words, short queries, "did you mean" from the
 * index's vocabulary, and the terms the browser highlights. The judged
 * query set (tests/search/judged.tsv, make bench) measures the rest. */
#include "config.h"
#include "testutil.h"

#include "entry.h"
#include "search.h"
#include "str.h"

static struct store *st;

static int setup(void **state)
{
	(void)state;
	st = tu_open_builtdb();
	return st ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	return 0;
}

static void search(const char *q, bool prefix, struct sc_hits *h)
{
	char *cause = NULL;
	memset(h, 0, sizeof *h);
	assert_int_equal(store_search(st, q, NULL, 20, prefix ? SEARCH_PREFIX : 0, h, &cause), 0);
	assert_null(cause);
}

/* The position (0-based) of protocol:code among the hits, or -1. */
static int rank_of(const struct sc_hits *h, const char *protocol, const char *code)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->v[i].e.protocol, protocol) == 0 && strcmp(h->v[i].e.code, code) == 0)
			return (int)i;
	return -1;
}

static void assert_top(const char *q, const char *protocol, const char *code, int within)
{
	struct sc_hits h;
	search(q, false, &h);
	int r = rank_of(&h, protocol, code);
	if (r < 0 || r >= within)
		fail_msg("search \"%s\": %s %s at %d, wanted in the top %d", q, protocol, code, r, within);
	sc_hits_free(&h);
}

static void test_done_when(void **state)
{
	(void)state;
	assert_top("redirect", "http", "301", 5);
	assert_top("redirect", "http", "302", 5);
	assert_top("websocket close abnormal", "websocket", "1006", 1);
	assert_top("file too large", "http", "413", 5);
	assert_top("file too large", "ftp", "552", 5);
	assert_top("forbidden", "http", "403", 1);
}

/* Another meaning of a number is found by its name, but is not the
 * entry's name: "redirect" puts every redirect (301, 302, 303, 307, 308)
 * before 451, whose Exchange ActiveSync meaning is "Redirect"; with a word
 * of that meaning's own text, 451 comes first. */
static void test_other_meaning_rank(void **state)
{
	struct sc_hits h;
	(void)state;
	search("redirect", false, &h);
	int other = rank_of(&h, "http", "451");
	static const char *const redirects[] = { "301", "302", "303", "307", "308" };
	for (size_t i = 0; i < sizeof redirects / sizeof *redirects; i++) {
		int r = rank_of(&h, "http", redirects[i]);
		if (r < 0 || (other >= 0 && r > other))
			fail_msg("search redirect: %s at %d, 451 at %d", redirects[i], r, other);
	}
	sc_hits_free(&h);
	assert_top("exchange redirect", "http", "451", 1);
	assert_top("token required", "http", "499", 1);
	assert_top("enhance your calm", "http", "420", 1);
}

static void test_narrowing(void **state)
{
	struct sc_hits h;
	(void)state;
	/* a protocol's name narrows instead of being a word the text needs */
	search("ftp not logged in", false, &h);
	assert_true(h.n > 0);
	for (size_t i = 0; i < h.n; i++)
		assert_string_equal(h.v[i].e.protocol, "ftp");
	assert_string_equal(h.v[0].e.code, "530");
	sc_hits_free(&h);
	search("ws timeout", false, &h);
	assert_true(h.n > 0);
	for (size_t i = 0; i < h.n; i++)
		assert_string_equal(h.v[i].e.protocol, "websocket");
	sc_hits_free(&h);
	/* iis: sub-status codes only */
	search("iis forbidden", false, &h);
	assert_true(h.n > 0);
	for (size_t i = 0; i < h.n; i++)
		assert_true(h.v[i].e.sub >= 0);
	sc_hits_free(&h);
	/* a vendor's name: its codes */
	assert_top("cloudflare timeout", "http", "522", 2);
	assert_top("nginx 499", "http", "499", 1);
	/* a protocol's name alone lists it, registered codes first */
	search("websocket", false, &h);
	assert_true(h.n > 0);
	assert_string_equal(h.v[0].e.protocol, "websocket");
	assert_string_equal(h.v[0].e.status, "standard");
	sc_hits_free(&h);
}

static void test_stems_and_glossary(void **state)
{
	(void)state;
	assert_top("redirected", "http", "302", 5);
	assert_top("redirection", "http", "301", 5);
	assert_top("timed out", "http", "504", 5);
	assert_top("timed out", "http", "408", 5);
	assert_top("timeout", "http", "408", 5);
	/* Chinese finds English and back */
	assert_top("重定向", "http", "301", 5);
	assert_top("超时", "http", "504", 5);
	assert_top("websocket 异常关闭", "websocket", "1006", 1);
	/* former meanings are names too */
	assert_top("Switch Proxy", "http", "306", 1);
	assert_top("Resume Incomplete", "http", "308", 1);
	/* so are the other meanings sources give a number */
	assert_top("token required", "http", "499", 1);
	assert_top("Enhance Your Calm", "http", "420", 1);
	assert_top("page expired", "http", "419", 1);
	/* a code pasted with its text */
	assert_top("HTTP Error 403.14 - Forbidden", "http", "403.14", 1);
	assert_top("530 Login incorrect.", "ftp", "530", 1);
}

static void test_best_of(void **state)
{
	struct sc_hits h;
	(void)state;
	/* no entry has all the words: the best with most of them, marked */
	search("websocket closed unexpectedly because proxy", false, &h);
	assert_true(h.n > 0);
	assert_true(h.partial);
	assert_true(h.words >= 3);
	assert_true(h.v[h.n - 1].matched < h.words);
	sc_hits_free(&h);
	/* enough hits with all the words: no others, no mark */
	search("data connection", false, &h);
	assert_true(h.n >= 5);
	assert_false(h.partial);
	for (size_t i = 0; i < h.n; i++)
		assert_int_equal(h.v[i].matched, h.words);
	sc_hits_free(&h);
	/* few with all: the ones with some follow them */
	search("gateway timeout", false, &h);
	assert_string_equal(h.v[0].e.code, "504");
	assert_int_equal(h.v[0].matched, h.words);
	assert_true(h.partial);
	sc_hits_free(&h);
}

static void test_short(void **state)
{
	struct sc_hits h;
	(void)state;
	/* one letter: names and codes only, never every text with an "a" */
	search("a", true, &h);
	for (size_t i = 0; i < h.n; i++)
		assert_int_not_equal(rank_of(&h, "ftp", "212"), (int)i);
	sc_hits_free(&h);
	search("ok", false, &h);
	assert_true(h.n > 0);
	assert_string_equal(h.v[0].e.code, "200");
	sc_hits_free(&h);
	/* two digits: the codes they begin */
	search("40", false, &h);
	assert_true(h.n > 0);
	for (size_t i = 0; i < h.n; i++)
		assert_int_equal(h.v[i].e.num / 10, 40);
	sc_hits_free(&h);
}

static void test_did_you_mean(void **state)
{
	struct sc_hits h;
	(void)state;
	search("gatway timeout", false, &h);
	assert_true(h.n > 0);
	assert_non_null(h.suggest);
	assert_string_equal(h.suggest, "gateway timeout");
	assert_true(h.v[0].fuzzy);
	assert_string_equal(h.v[0].e.code, "504");
	sc_hits_free(&h);
	/* while typing too: from the vocabulary, not a scan of entries */
	search("interal server", true, &h);
	assert_true(h.n > 0);
	assert_string_equal(h.v[0].e.code, "500");
	sc_hits_free(&h);
}

static void test_terms(void **state)
{
	struct sc_hits h;
	(void)state;
	search("redirect", false, &h);
	bool en = false, zh = false;
	for (size_t i = 0; i < h.terms.n; i++) {
		en |= strcmp(h.terms.v[i], "redirect") == 0;
		zh |= strcmp(h.terms.v[i], "重定向") == 0;
	}
	assert_true(en && zh);
	/* the highlighter's test: a term at a word start, the rest of the word too */
	const char *t = "redirection";
	assert_int_equal(search_term_at(&h, t, strlen(t), true), strlen(t));
	assert_int_equal(search_term_at(&h, t, strlen(t), false), 0);
	t = "misdirect";
	assert_int_equal(search_term_at(&h, t, strlen(t), true), 0);
	/* snippets mark the terms */
	bool marked = false;
	for (size_t i = 0; i < h.n; i++)
		marked |= h.v[i].snippet && strchr(h.v[i].snippet, SEARCH_MARK_ON);
	assert_true(marked);
	sc_hits_free(&h);
}

static void test_prior(void **state)
{
	struct sc_hits h;
	(void)state;
	/* the same words in a registered code and in IIS sub-status codes:
	 * the registered code first */
	assert_top("rate limit", "http", "429", 1);
	assert_top("证书", "http", "495", 3);
	search("timed out", false, &h);
	assert_true(h.n > 0);
	assert_true(h.v[0].e.sub < 0);
	assert_string_equal(h.v[0].e.status, "standard");
	sc_hits_free(&h);
}

static void test_ties(void **state)
{
	struct sc_hits h;
	(void)state;
	/* hits with the same score come in code order */
	search("Forbidden: Too many requests from the same client IP", false, &h);
	assert_true(h.n >= 2);
	for (size_t i = 1; i < h.n; i++)
		if (h.v[i].rank == h.v[i - 1].rank && strcmp(h.v[i].e.protocol, h.v[i - 1].e.protocol) == 0)
			assert_true(h.v[i - 1].e.num < h.v[i].e.num ||
			            (h.v[i - 1].e.num == h.v[i].e.num && h.v[i - 1].e.sub < h.v[i].e.sub));
	sc_hits_free(&h);
}

/* A hit is brief: what a list shows, without its texts; the entry
 * document of a hit has them all, read by id. */
static void test_brief_hits(void **state)
{
	struct sc_hits h;
	struct view_entry d;
	struct sc_entry full;
	char *cause = NULL;
	(void)state;
	search("preconnect", false, &h);
	int r = rank_of(&h, "http", "103");
	assert_int_equal(r, 0);
	const struct sc_entry *e = &h.v[r].e;
	assert_true(e->brief);
	assert_non_null(e->phrase_en);
	assert_non_null(e->phrase_zh);
	assert_null(e->summary_en);
	assert_null(e->detail_en);
	/* the word is only in the details: the snippet comes from them */
	assert_non_null(h.v[r].snippet);
	assert_non_null(strstr(h.v[r].snippet, "\x01preconnect\x02"));
	assert_int_equal(store_entry_by_id(st, e->id, &full, &cause), 0);
	assert_int_equal(view_entry_load(st, e, LANG_BOTH, &d, &cause), 0);
	assert_false(d.e.brief);
	assert_string_equal(d.e.summary_en, full.summary_en);
	assert_string_equal(d.e.detail_en, full.detail_en);
	assert_non_null(strstr(d.e.detail_en, "preconnect"));
	assert_non_null(view_entry_section(&d, VS_DETAILS));
	view_entry_free(&d);
	sc_entry_clear(&full);
	sc_hits_free(&h);
}

/* Does s hold a Chinese character (a lead byte of U+4E00..U+9FFF)? */
static bool has_han(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xE4 && (unsigned char)*s <= 0xE9)
			return true;
	return false;
}

/* The snippet a hit shows is in the language asked for: Chinese with
 * the Chinese match marked in zh, English in en, and in both the match
 * in the query's language; what to check counts as text. When only the
 * other language's text matched (stylesheet is only in 103's English
 * summary: the Chinese says 样式表), the Chinese text unmarked, never
 * English. */
static void test_snippet_lang(void **state)
{
	struct sc_hits h;
	(void)state;
	search("缓存", false, &h);
	int r = rank_of(&h, "http", "304");
	assert_true(r >= 0);
	const char *zh = search_snippet(&h.v[r], false, true), *en = search_snippet(&h.v[r], true, false);
	assert_non_null(zh);
	assert_non_null(strstr(zh, "\x01缓存\x02"));
	assert_null(strstr(zh, "cached"));
	assert_non_null(en);
	assert_non_null(strstr(en, "\x01" "cached\x02"));
	assert_false(has_han(en));
	assert_non_null(strstr(search_snippet(&h.v[r], true, true), "\x01缓存\x02"));
	sc_hits_free(&h);

	search("cache", false, &h);
	r = rank_of(&h, "http", "304");
	assert_true(r >= 0);
	assert_non_null(strstr(search_snippet(&h.v[r], true, true), "\x01" "cached\x02"));
	assert_non_null(strstr(search_snippet(&h.v[r], false, true), "\x01缓存\x02"));
	sc_hits_free(&h);

	search("stylesheet", false, &h);
	r = rank_of(&h, "http", "103");
	assert_int_equal(r, 0);
	zh = search_snippet(&h.v[r], false, true);
	assert_non_null(zh);
	assert_true(has_han(zh));
	assert_null(strchr(zh, SEARCH_MARK_ON));
	assert_null(strstr(zh, "stylesheet"));
	assert_non_null(strstr(search_snippet(&h.v[r], true, false), "\x01stylesheets\x02"));
	assert_non_null(strstr(search_snippet(&h.v[r], true, true), "\x01stylesheets\x02"));
	sc_hits_free(&h);

	/* 200 has 缓存 only in what to check */
	search("缓存", false, &h);
	r = rank_of(&h, "http", "200");
	assert_true(r >= 0);
	assert_non_null(search_snippet(&h.v[r], false, true));
	assert_non_null(strstr(search_snippet(&h.v[r], false, true), "\x01缓存\x02"));
	sc_hits_free(&h);
}

/* Snippets are cut from the database's text as it is: bytes that a
 * damaged or hostile file holds come out cleaned, and a \1 or \2 in the
 * text is never taken for a mark. */
static void test_hostile_snippet(void **state)
{
	const char *db = getenv("STATUSCODES_DB");
	char *src = db ? xstrdup(db) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	char *path = tu_tmp("hostile-snippet.db"), *cause = NULL;
	size_t len;
	char *bytes = tu_read(src, &len);
	struct store *w, *r;
	struct sc_hits h = {0};
	(void)state;
	assert_non_null(bytes);
	tu_write(path, bytes, len);
	assert_int_equal(store_open(path, STORE_WRITE, &w, &cause), 0);
	assert_int_equal(sqlite3_exec(store_db(w), "UPDATE entry SET summary_en = NULL, summary_zh = NULL,"
	                              " detail_en = 'a \x01" "b\x02 preconnect \x1b[31m red \xff end'"
	                              " WHERE protocol = 'http' AND code = '103'", NULL, NULL, NULL), SQLITE_OK);
	store_close(w);
	assert_int_equal(store_open(path, STORE_READ, &r, &cause), 0);
	assert_int_equal(store_search(r, "preconnect", NULL, 20, 0, &h, &cause), 0);
	assert_true(h.n > 0);
	const char *s = h.v[0].snippet;
	assert_non_null(s);
	assert_non_null(strstr(s, "^Ab^B \x01preconnect\x02 ^[[31m red \xEF\xBF\xBD end"));
	size_t on = 0, off = 0;
	for (const char *p = s; *p; p++) {
		on += *p == SEARCH_MARK_ON;
		off += *p == SEARCH_MARK_OFF;
		assert_true((unsigned char)*p >= 0x20 || *p == SEARCH_MARK_ON || *p == SEARCH_MARK_OFF);
	}
	assert_int_equal(on, 1);
	assert_int_equal(off, 1);
	sc_hits_free(&h);
	store_close(r);
	unlink(path);
	free(path);
	free(bytes);
	free(src);
}

/* Registered codes only (the browser's r, the CLI's --standard): the best
 * limit registered hits, the same as the registered hits among a search
 * for every hit, at every limit; never those of the best limit hits that
 * happen to be registered (the browser once filtered after its limit and
 * showed fewer than there were). The first hit has its snippet. */
static void test_registered_limit(void **state)
{
	(void)state;
	static const char *const qs[] = { "error", "server", "服务器", "iis", "close", "file", "re" };
	static const size_t limits[] = { 1, 3, 10, 40, 100 };
	char *cause = NULL;
	bool shorter = false;
	for (size_t q = 0; q < sizeof qs / sizeof *qs; q++) {
		struct sc_hits all = {0};
		assert_int_equal(store_search(st, qs[q], NULL, 100000, SEARCH_PREFIX, &all, &cause), 0);
		sc_hits_keep_registered(&all);
		for (size_t l = 0; l < sizeof limits / sizeof *limits; l++) {
			size_t limit = limits[l], want = all.n < limit ? all.n : limit;
			struct sc_hits h = {0}, plain = {0};
			assert_int_equal(store_search(st, qs[q], NULL, limit, SEARCH_PREFIX | SEARCH_REGISTERED, &h,
			                              &cause), 0);
			if (h.n != want)
				fail_msg("\"%s\", limit %zu: %zu registered hits, wanted %zu", qs[q], limit, h.n, want);
			for (size_t i = 0; i < h.n; i++) {
				assert_true(sc_entry_registered(&h.v[i].e));
				assert_int_equal(h.v[i].e.id, all.v[i].e.id);
			}
			if (h.n)
				assert_non_null(h.v[0].snippet);
			/* the filter the browser had: fewer, for some query and limit */
			assert_int_equal(store_search(st, qs[q], NULL, limit, SEARCH_PREFIX, &plain, &cause), 0);
			sc_hits_keep_registered(&plain);
			shorter |= plain.n < h.n;
			sc_hits_free(&plain);
			sc_hits_free(&h);
		}
		sc_hits_free(&all);
	}
	assert_true(shorter);   /* the case above is met by some query */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_done_when),
		cmocka_unit_test(test_other_meaning_rank),
		cmocka_unit_test(test_snippet_lang),
		cmocka_unit_test(test_narrowing),
		cmocka_unit_test(test_stems_and_glossary),
		cmocka_unit_test(test_best_of),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_did_you_mean),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_prior),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_brief_hits),
		cmocka_unit_test(test_hostile_snippet),
		cmocka_unit_test(test_registered_limit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
