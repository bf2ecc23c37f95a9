/* test_render.c: the front ends draw the same entry document. For every
 * entry of the reference database: each drawer has a function for every
 * kind of section, and each draws something for every section the entry
 * has (so none drops a section another shows); the text shows each
 * section's heading and the JSON a value for it. To add a front end (the
 * browser's detail pane), add a row to renderers[]. */
#include "config.h"
#include "testutil.h"

#include "entry.h"
#include "render.h"
#include "str.h"
#include "text.h"

static struct store *st;
static struct sc_entries all;

static int setup(void **state)
{
	char *cause = NULL;
	if ((st = tu_open_builtdb()) == NULL)
		return -1;
	if (store_list(st, NULL, NULL, &all, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	sc_entries_free(&all);
	store_close(st);
	return 0;
}

/* How much drawing section s alone made, for each front end. */
static size_t text_one(const struct view_entry *d, const struct view_section *s)
{
	struct out o = { .width = 80, .lang = d->lang };
	render_text_drawer.draw[s->kind](&o, d, s);
	size_t n = o.b.len;
	out_free(&o);
	return n;
}

static size_t json_one(const struct view_entry *d, const struct view_section *s)
{
	struct json_entry je;
	size_t n = 0;

	memset(&je, 0, sizeof je);
	render_json_drawer.draw[s->kind](&je, d, s);
	for (int k = 0; k < JS_COUNT; k++) {
		n += je.slot[k].b.len;
		buf_free(&je.slot[k].b);
	}
	return n;
}

static const struct renderer {
	const struct view_drawer *dr;
	size_t (*one)(const struct view_entry *d, const struct view_section *s);
	bool both_only;          /* draws LANG_BOTH documents only (JSON) */
} renderers[] = {
	{ &render_text_drawer, text_one, false },
	{ &render_json_drawer, json_one, true },
};

static void test_every_kind_drawn(void **state)
{
	for (size_t r = 0; r < sizeof renderers / sizeof renderers[0]; r++)
		for (int k = 0; k < VS_COUNT; k++)
			if (renderers[r].dr->draw[k] == NULL)
				fail_msg("the %s drawer has nothing for section %s", renderers[r].dr->name,
				         label_sections[k].name);
}

static void test_every_section_drawn(void **state)
{
	size_t seen[VS_COUNT] = {0};

	for (size_t i = 0; i < all.n; i++)
		for (enum lang l = LANG_BOTH; l <= LANG_ZH; l++) {
			struct view_entry d;
			char *cause = NULL;
			assert_int_equal(view_entry_load(st, &all.v[i], l, &d, &cause), 0);
			for (size_t s = 0; s < d.nsec; s++) {
				seen[d.sec[s].kind]++;
				for (size_t r = 0; r < sizeof renderers / sizeof renderers[0]; r++) {
					if (renderers[r].both_only && l != LANG_BOTH)
						continue;
					if (renderers[r].one(&d, &d.sec[s]) == 0)
						fail_msg("%s %s (%s): the %s drawer drew nothing for its %s", all.v[i].protocol,
						         all.v[i].code, lang_name(l), renderers[r].dr->name,
						         label_sections[d.sec[s].kind].name);
				}
			}
			view_entry_free(&d);
		}
	/* the database has every kind of section somewhere, so all were tried */
	for (int k = 0; k < VS_COUNT; k++)
		if (seen[k] == 0)
			fail_msg("no entry has a %s section", label_sections[k].name);
}

/* The whole text shows the heading of each section the entry has and of
 * no other; the JSON has a value for each (and null or [] otherwise). */
static void expect_agree(const char *protocol, const char *code)
{
	struct sc_entries found = {0};
	struct view_entry d;
	char *cause = NULL;

	assert_int_equal(store_lookup(st, protocol, code, &found, &cause), 0);
	assert_int_equal(view_entry_load(st, &found.v[0], LANG_BOTH, &d, &cause), 0);
	struct out o = { .width = 80, .lang = LANG_BOTH };
	struct json j = {0};
	render_entry(&o, &d, true);
	render_entry_json(&j, &d);
	static const char *const json_key[VS_COUNT] = {
		[VS_CHECK] = "\"check_en\":null,\"check_zh\":null", [VS_FORMER] = "\"former_meanings\":[]",
		[VS_MEANINGS] = "\"other_meanings\":[]",
		[VS_DETAILS] = "\"detail_en\":null,\"detail_zh\":null", [VS_SUB_STATUS] = "\"sub_status\":[]",
		[VS_SOURCES] = "\"claims\":[]", [VS_DEFECTS] = "\"findings\":[]",
	};
	for (int k = 0; k < VS_COUNT; k++) {
		if (!label_sections[k].en)
			continue;
		bool has = view_entry_section(&d, (enum view_section_kind)k) != NULL;
		char *h = xasprintf("\n%s \xC2\xB7 %s\n", label_sections[k].en, label_sections[k].zh);
		if (has != (strstr(buf_str(&o.b), h) != NULL))
			fail_msg("%s %s: section %s %s, but the text %s its heading", protocol, code,
			         label_sections[k].name, has ? "present" : "absent", has ? "lacks" : "has");
		if (json_key[k] && has == (strstr(buf_str(&j.b), json_key[k]) != NULL))
			fail_msg("%s %s: section %s %s, but the JSON says %s", protocol, code,
			         label_sections[k].name, has ? "present" : "absent", json_key[k]);
		free(h);
	}
	out_free(&o);
	buf_free(&j.b);
	view_entry_free(&d);
	sc_entries_free(&found);
}

static void test_text_and_json_agree(void **state)
{
	/* 425: a former meaning; 403: sub-status codes; 401: what to check;
	 * 502: details and defects; ws 1006: all of the sources' claims */
	expect_agree("http", "425");
	expect_agree("http", "403");
	expect_agree("http", "401");
	expect_agree("http", "502");
	expect_agree("websocket", "1006");
	expect_agree("ftp", "530");
	/* 499, 451: other meanings of the number */
	expect_agree("http", "499");
	expect_agree("http", "451");
}

/* The CLI's text shows a compare group's title above its note (the
 * browser always did). */
static void test_compare_titles(void **state)
{
	struct sc_entries found = {0};
	struct view_entry d;
	char *cause = NULL;

	assert_int_equal(store_lookup(st, "http", "401", &found, &cause), 0);
	assert_int_equal(view_entry_load(st, &found.v[0], LANG_EN, &d, &cause), 0);
	struct out o = { .width = 80, .lang = LANG_EN };
	render_entry(&o, &d, true);
	const struct view_section *s = view_entry_section(&d, VS_CONFUSABLES);
	size_t titles = 0;
	for (size_t i = 0; s && i < s->n; i++)
		if (s->v[i].title_en) {
			char *want = xasprintf("\n    %s\n", s->v[i].title_en);
			if (!strstr(buf_str(&o.b), want))
				fail_msg("title \"%s\" not in:\n%s", s->v[i].title_en, buf_str(&o.b));
			free(want);
			titles++;
		}
	assert_true(titles >= 2);
	out_free(&o);
	view_entry_free(&d);
	sc_entries_free(&found);
}

/* A code with more sub-status codes than a screenful (a generated
 * database gives 404 hundreds): the document reads the first VIEW_SUB_MAX
 * in code order, brief, and how many there are; the text ends the list
 * with how many more and the command that lists them, the JSON says how
 * many. */
static void test_many_sub_status(void **state)
{
	const char *db = getenv("STATUSCODES_DB");
	char *src = db ? xstrdup(db) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	char *path = tu_tmp("many-sub.db"), *cause = NULL;
	size_t len, before, total = 0;
	char *bytes = tu_read(src, &len);
	struct store *w, *r;
	struct sc_entries found = {0}, kids = {0};
	struct view_entry d;
	(void)state;
	assert_non_null(bytes);
	tu_write(path, bytes, len);
	assert_int_equal(store_open(path, STORE_WRITE, &w, &cause), 0);
	before = (size_t)tu_int(w, "SELECT count(*) FROM entry WHERE parent ="
	                           " (SELECT id FROM entry WHERE protocol = 'http' AND code = ?1)", "404");
	assert_true(before > 0 && before < VIEW_SUB_MAX);
	/* 404.900 .. 404.939, inserted in reverse: code order is not id order */
	assert_int_equal(sqlite3_exec(store_db(w),
	        "WITH RECURSIVE k(s) AS (SELECT 939 UNION ALL SELECT s - 1 FROM k WHERE s > 900)"
	        " INSERT INTO entry(protocol, code, num, sub, hi, sort_key, parent, class, phrase_en, status)"
	        " SELECT 'http', '404.' || s, 404, s, 404, 4040000 + s + 1,"
	        " (SELECT id FROM entry WHERE protocol = 'http' AND code = '404'), '4xx', 'Test ' || s,"
	        " 'unofficial' FROM k", NULL, NULL, NULL), SQLITE_OK);
	store_close(w);
	assert_int_equal(store_open(path, STORE_READ, &r, &cause), 0);
	assert_int_equal(store_lookup(r, "http", "404", &found, &cause), 0);
	assert_int_equal(store_children(r, &found.v[0], 5, &kids, &total, &cause), 0);
	assert_int_equal(kids.n, 5);
	assert_int_equal(total, before + 40);
	for (size_t i = 0; i < kids.n; i++) {
		assert_true(kids.v[i].brief);
		assert_int_equal(kids.v[i].parent, found.v[0].id);
		if (i)
			assert_true(kids.v[i - 1].sub < kids.v[i].sub);
	}
	assert_int_equal(view_entry_load(r, &found.v[0], LANG_EN, &d, &cause), 0);
	assert_int_equal(d.children.n, VIEW_SUB_MAX);
	assert_int_equal(d.nchildren, before + 40);
	const struct view_section *s = view_entry_section(&d, VS_SUB_STATUS);
	assert_non_null(s);
	assert_int_equal(s->more, before + 40 - VIEW_SUB_MAX);
	struct out o = { .width = 80, .lang = LANG_EN };
	struct json j = {0};
	render_entry(&o, &d, true);
	render_entry_json(&j, &d);
	char *more = xasprintf("\n  … and %zu more: statuscodes list 404\n", before + 40 - VIEW_SUB_MAX);
	if (!strstr(buf_str(&o.b), more))
		fail_msg("no \"%s\" in:\n%s", more, buf_str(&o.b));
	char *count = xasprintf("\"sub_status_count\":%zu", before + 40);
	assert_non_null(strstr(buf_str(&j.b), count));
	assert_null(strstr(buf_str(&j.b), "404.939"));   /* the last ones are not read */
	free(more);
	free(count);
	out_free(&o);
	buf_free(&j.b);
	view_entry_free(&d);
	sc_entries_free(&kids);
	sc_entries_free(&found);
	store_close(r);
	unlink(path);
	free(path);
	free(bytes);
	free(src);
}

/* A search hit on a terminal: the snippet's marks become [brackets] (or
 * reverse video), never the control bytes or their ^A/^B escapes, and a
 * cut keeps the brackets closed and the line within the width. */
static void test_row_snippet(void **state)
{
	(void)state;
	char proto[] = "http", code[] = "504", phrase[] = "Gateway Timeout";
	struct sc_entry e = { .protocol = proto, .code = code, .phrase_en = phrase, .num = 504 };
	struct out o = { .width = 60, .lang = LANG_EN };
	render_row(&o, &e, "A \x01gateway\x02 or proxy did not get a \x01timely\x02 response from upstream", false,
	           true);
	const char *snip = strchr(buf_str(&o.b), '\n') + 1;
	assert_non_null(strstr(snip, "A [gateway] or proxy"));
	assert_null(strchr(snip, '\x01'));
	assert_null(strstr(snip, "^A"));
	assert_true(text_width(snip) <= 60 + 1);  /* with its newline */
	assert_non_null(strstr(snip, "\xE2\x80\xA6\n"));  /* cut, with the ellipsis */
	size_t opens = 0, closes = 0;
	for (const char *p = snip; *p; p++)
		opens += *p == '[', closes += *p == ']';
	assert_int_equal(opens, closes);
	buf_reset(&o.b);
	o.color = true;
	render_row(&o, &e, "a \x01gateway\x02", false, true);
	assert_non_null(strstr(buf_str(&o.b), "a \033[7mgateway\033[0m"));
	out_free(&o);
}

/* Every line of s is at most width columns; returns how many lines. */
static size_t lines_within(const char *s, size_t width)
{
	size_t n = 0;

	for (const char *p = s; *p; n++) {
		const char *nl = strchr(p, '\n');
		char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		if (text_width(line) > width)
			fail_msg("line wider than %zu columns: \"%s\"", width, line);
		free(line);
		p = nl ? nl + 1 : p + strlen(p);
	}
	return n;
}

static void test_first_sentence(void **state)
{
	static const char *const cases[][2] = {
		{ "Both ask. But differently.", "Both ask." },
		{ "No stop at all", "No stop at all" },
		{ "Use e.g. the log. Then retry.", "Use e.g. the log." },
		{ "Over HTTP/1.1 only. 2 more.", "Over HTTP/1.1 only." },
		{ "Why? Because.", "Why?" },
		{ "One sentence.", "One sentence." },
		{ "两者都要求凭据。401 来自源服务器。", "两者都要求凭据。" },
		{ "只有一句。", "只有一句。" },
		{ "真的吗？是的。", "真的吗？" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = render_first_sentence(cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

/* The short form (statuscodes CODE) gives each confusable pair or group
 * one line: its note's first sentence, whole or cut, in a wanted language;
 * every line fits 80 columns; no "also" line repeats a confusable row; and
 * 502 with both languages takes at most 30 lines. */
static void test_short_notes(void **state)
{
	static const char *const codes[][2] = {
		{ "http", "502" }, { "http", "401" }, { "http", "504" }, { "ftp", "530" }, { "websocket", "1006" },
	};
	static const enum lang langs[] = { LANG_EN, LANG_ZH, LANG_BOTH };
	(void)state;

	for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++)
		for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
			struct sc_entries found = {0};
			struct view_entry d;
			char *cause = NULL;
			assert_int_equal(store_lookup(st, codes[c][0], codes[c][1], &found, &cause), 0);
			assert_int_equal(view_entry_load(st, &found.v[0], langs[l], &d, &cause), 0);
			struct out o = { .width = 80, .lang = langs[l] };
			render_entry(&o, &d, false);
			const char *out = buf_str(&o.b);
			size_t n = lines_within(out, 80);
			if (langs[l] == LANG_BOTH && strcmp(codes[c][1], "502") == 0)
				assert_true(n <= 30);
			const struct view_section *s = view_entry_section(&d, VS_CONFUSABLES);
			size_t notes = 0;
			for (size_t i = 0; s && i < s->n; i++) {
				const struct view_item *it = &s->v[i];
				const char *nt[2] = { langs[l] != LANG_ZH ? it->note_en : NULL,
				                      langs[l] != LANG_EN ? it->note_zh : NULL };
				bool seen = false;
				for (int k = 0; k < 2; k++) {
					if (!nt[k])
						continue;
					char *first = render_first_sentence(nt[k]);
					size_t cut = strlen(first) < 30 ? strlen(first) : 30;
					while (cut > 0 && ((unsigned char)first[cut] & 0xC0) == 0x80)
						cut--;   /* a whole character */
					char *want = xasprintf("\n    %.*s", (int)cut, first);
					seen |= strstr(out, want) != NULL;
					free(want);
					free(first);
				}
				if (nt[0] || nt[1]) {
					notes++;
					if (!seen)
						fail_msg("%s %s: no first sentence of the note under %s in:\n%s", codes[c][0],
						         codes[c][1], it->ref->code, out);
				}
			}
			assert_true(notes > 0);
			const struct view_section *same = view_entry_section(&d, VS_SAME_NUMBER);
			for (size_t i = 0; same && i < same->n; i++) {
				bool confusable = false;
				for (size_t k = 0; s && k < s->n; k++)
					confusable |= s->v[k].ref->id == same->v[i].ref->id;
				char *cmd = xasprintf("(statuscodes %s %s)\n", same->v[i].ref->protocol, same->v[i].ref->code);
				if ((strstr(out, cmd) != NULL) == confusable)
					fail_msg("%s %s: \"also\" line for %s %s %s:\n%s", codes[c][0], codes[c][1],
					         same->v[i].ref->protocol, same->v[i].ref->code,
					         confusable ? "repeats a confusable row" : "missing", out);
				free(cmd);
			}
			out_free(&o);
			view_entry_free(&d);
			sc_entries_free(&found);
		}
}

/* A heading longer than the line (a compare group's title) is wrapped to
 * the width, by columns: a Chinese character is two and is never split. */
static void test_heading_wrapped(void **state)
{
	(void)state;
	struct out o = { .width = 40, .lang = LANG_BOTH };
	render_heading(&o, "HTTP 502 Bad Gateway vs FTP 502 Command not implemented",
	               "HTTP 502 网关错误与 FTP 502 命令未实现");
	assert_true(lines_within(buf_str(&o.b), 40) >= 3);
	assert_non_null(strstr(buf_str(&o.b), "HTTP 502 Bad Gateway vs FTP 502 Command\n"));
	out_free(&o);
	struct out z = { .width = 21, .lang = LANG_ZH };
	render_heading(&z, NULL, "五百零二网关错误与五百零二命令未实现的区别");
	assert_true(lines_within(buf_str(&z.b), 21) >= 3);
	out_free(&z);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_drawn),
		cmocka_unit_test(test_every_section_drawn),
		cmocka_unit_test(test_text_and_json_agree),
		cmocka_unit_test(test_many_sub_status),
		cmocka_unit_test(test_compare_titles),
		cmocka_unit_test(test_row_snippet),
		cmocka_unit_test(test_first_sentence),
		cmocka_unit_test(test_short_notes),
		cmocka_unit_test(test_heading_wrapped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
