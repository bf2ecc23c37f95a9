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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_drawn),
		cmocka_unit_test(test_every_section_drawn),
		cmocka_unit_test(test_text_and_json_agree),
		cmocka_unit_test(test_compare_titles),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
