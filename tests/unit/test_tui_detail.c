/* test_tui_detail.c: the browser's detail pane draws the entry document
 * (src/view/entry.h): every section the document has, in its order, each
 * under its heading, for every language and for a narrow and a wide pane;
 * the sections the browser once lacked (425's former meaning, 403's
 * sub-status codes) among them. No terminal is needed: the pane builds
 * text lines, which are read here. */
#include "config.h"
#include "testutil.h"

#include "buf.h"
#include "entry.h"
#include "panes.h"
#include "text.h"

static struct store *st;

static int setup(void **state)
{
	char *cause = NULL;
	const char *path = getenv("STATUSCODES_DB");
	char *p = path ? xstrdup(path) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	int rc = store_open(p, STORE_READ, &st, &cause);
	if (rc != 0)
		fprintf(stderr, "%s\n", cause);
	free(cause);
	free(p);
	return rc;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

/* Builds the detail pane of protocol:code in lang, w columns wide, into
 * *t and *p; free with tlines_free(&p->lines), tui_entry_clear(&t->cur)
 * and sc_entries_free(found). */
static void build_detail(const char *protocol, const char *code, enum lang lang, int w, struct tui *t,
                         struct pane *p, struct sc_entries *found)
{
	char *cause = NULL;

	memset(t, 0, sizeof *t);
	memset(p, 0, sizeof *p);
	memset(found, 0, sizeof *found);
	t->st = st;
	t->lang = lang;
	p->ops = &pane_ops_detail;
	assert_int_equal(store_lookup(st, protocol, code, found, &cause), 0);
	assert_true(found->n >= 1);
	assert_int_equal(tui_entry_show(t, &t->cur, &found->v[0]), 0);
	pane_ops_detail.build(t, p, w);
}

/* Builds the detail pane of protocol:code in lang, w columns wide, and
 * checks that its headings are the document's, in order, and that each
 * section shows its first item. */
static void expect_drawn(const char *protocol, const char *code, enum lang lang, int w)
{
	struct sc_entries found;
	struct tui t;
	struct pane p;

	build_detail(protocol, code, lang, w, &t, &p, &found);

	const struct view_entry *d = &t.cur.doc;
	size_t at = 0;  /* the next line to look at */
	for (size_t s = 0; s < d->nsec; s++) {
		const struct view_section *sec = &d->sec[s];
		if (!sec->en)
			continue;
		char *h = pane_bi(&t, sec->en, sec->zh);
		struct buf fit = {0};
		text_fit(&fit, h, (size_t)w, false, true);
		bool seen = false;
		for (; at < p.lines.n && !seen; at++) {
			char *txt = tu_line_text(&p.lines, at);
			seen = strcmp(txt, buf_str(&fit)) == 0;
			free(txt);
		}
		if (!seen)
			fail_msg("%s %s lang %d width %d: heading \"%s\" missing or out of order", protocol, code,
			         (int)lang, w, buf_str(&fit));
		/* its first item: an entry's code, or the start of its text */
		const struct view_item *it = &sec->v[0];
		const char *want = it->ref ? it->ref->code : it->claim ? it->value : it->en ? it->en : it->zh;
		if (want && *want && at < p.lines.n) {
			char *txt = tu_line_text(&p.lines, at);
			char head[16];
			snprintf(head, sizeof head, "%.6s", want);
			if (!strstr(txt, head))
				fail_msg("%s %s: under \"%s\": \"%s\", expected \"%s\"", protocol, code, buf_str(&fit),
				         txt, head);
			free(txt);
		}
		buf_free(&fit);
		free(h);
	}
	tlines_free(&p.lines);
	tui_entry_clear(&t.cur);
	sc_entries_free(&found);
}

static void test_sections_drawn(void **state)
{
	static const char *const codes[][2] = {
		{ "http", "425" }, { "http", "403" }, { "http", "502" }, { "http", "404" },
		{ "ftp", "502" }, { "websocket", "1006" }, { "http", "403.14" },
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		for (int lang = 0; lang < LANG_COUNT; lang++) {
			expect_drawn(codes[i][0], codes[i][1], (enum lang)lang, 60);
			expect_drawn(codes[i][0], codes[i][1], (enum lang)lang, 120);
		}
}

/* Each finding in the detail pane (404's two mistranslations) starts with
 * a "!" in the warning colour at column 0 of its first line, its text
 * after it. Kills the mutation survivor src/tui/pane_detail.c:238 (`>` to
 * `<=`: no finding marked). */
static void test_findings_marked(void **state)
{
	struct sc_entries found;
	struct tui t;
	struct pane p;
	size_t marked = 0;

	(void)state;
	build_detail("http", "404", LANG_EN, 100, &t, &p, &found);
	for (size_t i = 0; i < p.lines.n; i++) {
		char *txt = tu_line_text(&p.lines, i);
		if (strstr(txt, " mistranslation: ")) {
			const struct tline *ln = &p.lines.v[i];
			bool bang = false;
			for (size_t k = 0; k < ln->n; k++)
				bang |= ln->v[k].x == 0 && ln->v[k].style == PAL_WARN && strcmp(ln->v[k].text, "!") == 0;
			if (!bang)
				fail_msg("finding line %zu \"%s\" has no \"!\" mark", i, txt);
			marked++;
		}
		free(txt);
	}
	assert_int_equal(marked, 2);
	tlines_free(&p.lines);
	tui_entry_clear(&t.cur);
	sc_entries_free(&found);
}

/* The drift that the document ended: 425's former meaning and 403's
 * sub-status codes are in the browser. */
static void test_former_and_sub_status(void **state)
{
	struct sc_entries found = {0};
	char *cause = NULL;
	struct tui t;
	struct pane p;
	const char *want[][3] = {
		{ "425", "Former meaning", "Unordered Collection" },
		{ "403", "Sub-status codes", "403.1" },
		{ "499", "Other meanings of this number", "Esri ArcGIS Server" },
	};

	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		memset(&t, 0, sizeof t);
		memset(&p, 0, sizeof p);
		t.st = st;
		t.lang = LANG_EN;
		assert_int_equal(store_lookup(st, "http", want[k][0], &found, &cause), 0);
		assert_int_equal(tui_entry_show(&t, &t.cur, &found.v[0]), 0);
		pane_ops_detail.build(&t, &p, 80);
		bool heading = false, item = false;
		for (size_t i = 0; i < p.lines.n; i++) {
			char *txt = tu_line_text(&p.lines, i);
			heading = heading || strncmp(txt, want[k][1], strlen(want[k][1])) == 0;
			item = item || (heading && strstr(txt, want[k][2]));
			free(txt);
		}
		assert_true(heading);
		assert_true(item);
		tlines_free(&p.lines);
		tui_entry_clear(&t.cur);
		sc_entries_free(&found);
	}
}

/* Why a search found the entry: the snippet without the search's marks
 * (which text_clean would show as ^A and ^B). */
static void test_match_line(void **state)
{
	struct sc_entries found = {0};
	char *cause = NULL;
	struct tui t;
	struct pane p;
	bool seen = false;

	memset(&t, 0, sizeof t);
	memset(&p, 0, sizeof p);
	t.st = st;
	t.lang = LANG_EN;
	assert_int_equal(store_lookup(st, "http", "304", &found, &cause), 0);
	assert_int_equal(tui_entry_show(&t, &t.cur, &found.v[0]), 0);
	struct sc_hit hit;
	memset(&hit, 0, sizeof hit);
	hit.e = found.v[0];
	hit.snippet = xstrdup("its \x01" "cached\x02 copy");
	t.search.active = true;
	t.search.hits.v = &hit;
	t.search.hits.n = 1;
	pane_ops_detail.build(&t, &p, 80);
	for (size_t i = 0; i < p.lines.n; i++) {
		char *txt = tu_line_text(&p.lines, i);
		assert_null(strchr(txt, SEARCH_MARK_ON));
		assert_null(strstr(txt, "^A"));
		seen = seen || strstr(txt, "match: its cached copy") != NULL;
		free(txt);
	}
	assert_true(seen);
	free(hit.snippet);
	tlines_free(&p.lines);
	tui_entry_clear(&t.cur);
	sc_entries_free(&found);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_line),
		cmocka_unit_test(test_sections_drawn),
		cmocka_unit_test(test_findings_marked),
		cmocka_unit_test(test_former_and_sub_status),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
