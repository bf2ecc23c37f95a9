/* test_view.c: the view layer: the language choice, the labels, and the
 * entry document built from the reference database (which sections an
 * entry has, in which order, filtered by language). */
#include "config.h"
#include "testutil.h"

#include "buf.h"
#include "entry.h"
#include "labels.h"
#include "lang.h"
#include "palette.h"

static struct store *st;

static int setup(void **state)
{
	st = tu_open_builtdb();
	return st ? 0 : -1;
}

static int teardown(void **state)
{
	store_close(st);
	return 0;
}

static void test_lang(void **state)
{
	enum lang l = LANG_ZH;
	assert_true(lang_parse("en", &l) && l == LANG_EN);
	assert_true(lang_parse("both", &l) && l == LANG_BOTH);
	assert_false(lang_parse("fr", &l));
	assert_false(lang_parse(NULL, &l));
	assert_int_equal(l, LANG_BOTH);
	for (int i = 0; i < LANG_COUNT; i++) {
		assert_true(lang_parse(lang_name((enum lang)i), &l));
		assert_int_equal(l, i);
	}
	assert_true(lang_want_en(LANG_EN) && !lang_want_zh(LANG_EN));
	assert_true(!lang_want_en(LANG_ZH) && lang_want_zh(LANG_ZH));
	assert_true(lang_want_en(LANG_BOTH) && lang_want_zh(LANG_BOTH));
	assert_int_equal(lang_next(LANG_EN), LANG_ZH);
	assert_int_equal(lang_next(LANG_ZH), LANG_BOTH);
	assert_int_equal(lang_next(LANG_BOTH), LANG_EN);
	char *s = lang_bi(LANG_BOTH, "Gone", "已删除");
	assert_string_equal(s, "Gone \xC2\xB7 已删除");
	free(s);
	s = lang_bi(LANG_ZH, "Gone", NULL);   /* the other language rather than nothing */
	assert_string_equal(s, "Gone");
	free(s);
	enum color c;
	assert_true(palette_color_parse("never", &c) && c == COLOR_NEVER);
	assert_false(palette_color_parse("sometimes", &c));
	assert_false(palette_color_on(COLOR_NEVER, 1));
	assert_true(palette_color_on(COLOR_ALWAYS, 1));
}

static void test_labels(void **state)
{
	assert_string_equal(label_status_zh("standard"), "标准");
	assert_string_equal(label_status_zh("made-up"), "made-up");
	assert_string_equal(label_protocol("websocket"), "WebSocket");
	assert_int_equal(label_xref_section("compare"), VS_CONFUSABLES);
	assert_int_equal(label_xref_section("same-number"), VS_SAME_NUMBER);
	assert_int_equal(label_xref_section("nonsense"), VS_COUNT);
	for (int i = 0; i < VS_COUNT; i++) {
		assert_non_null(label_sections[i].name);
		/* every section but the head and the summary has a heading in both languages */
		bool headless = i == VS_HEAD || i == VS_SUMMARY;
		assert_true(headless == (label_sections[i].en == NULL));
		assert_true(headless == (label_sections[i].zh == NULL));
	}
}

/* The document of the entry protocol:code for lang, loaded into d. */
static void load(struct view_entry *d, const char *protocol, const char *code, enum lang lang)
{
	struct sc_entries found = {0};
	char *cause = NULL;

	assert_int_equal(store_lookup(st, protocol, code, &found, &cause), 0);
	assert_true(found.n >= 1);
	assert_int_equal(view_entry_load(st, &found.v[0], lang, d, &cause), 0);
	sc_entries_free(&found);
}

/* The names of the document's sections, space-separated. Caller frees. */
static char *kinds(const struct view_entry *d)
{
	struct buf b = {0};
	for (size_t i = 0; i < d->nsec; i++) {
		assert_true(d->sec[i].n > 0);   /* no empty section */
		buf_addf(&b, "%s%s", i ? " " : "", label_sections[d->sec[i].kind].name);
	}
	char *s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static void expect_sections(const char *protocol, const char *code, enum lang lang, const char *want)
{
	struct view_entry d;
	load(&d, protocol, code, lang);
	char *got = kinds(&d);
	if (strcmp(got, want) != 0)
		fail_msg("%s %s: sections \"%s\", expected \"%s\"", protocol, code, got, want);
	free(got);
	view_entry_free(&d);
}

static void test_sections(void **state)
{
	/* read off `statuscodes http 425`, `403` and `502` */
	expect_sections("http", "425", LANG_BOTH, "head summary check former details confusables same_number sources defects");
	expect_sections("http", "403", LANG_BOTH,
	                "head summary check details sub_status confusables mentions mentioned_by sources defects");
	expect_sections("http", "502", LANG_BOTH,
	                "head summary check details sub_status confusables same_number sources defects");
	/* 499: nginx's, and Esri's Token Required (meanings.tsv), compared with AWS's 460 */
	expect_sections("http", "499", LANG_BOTH, "head summary check meanings confusables sources");
}

/* Another meaning of the number: the meaning, who uses it so, the note,
 * each filtered by language. */
static void test_other_meanings(void **state)
{
	struct view_entry d;

	load(&d, "http", "451", LANG_EN);
	const struct view_section *s = view_entry_section(&d, VS_MEANINGS);
	assert_non_null(s);
	assert_int_equal(s->n, 1);
	assert_int_equal(s->v[0].role, VR_MEANING);
	assert_string_equal(s->v[0].en, "Redirect");
	assert_string_equal(s->v[0].title_en, "Microsoft Exchange ActiveSync (served by IIS)");
	assert_non_null(strstr(s->v[0].note_en, "X-MS-Location"));
	assert_null(s->v[0].zh);
	assert_null(s->v[0].title_zh);
	assert_null(s->v[0].note_zh);
	view_entry_free(&d);

	load(&d, "http", "451", LANG_ZH);
	s = view_entry_section(&d, VS_MEANINGS);
	assert_non_null(s);
	assert_string_equal(s->v[0].zh, "重定向");
	assert_null(s->v[0].title_en);
	view_entry_free(&d);
}

/* Filtered by language: no Chinese text in an English document and no
 * English in a Chinese one; the head always names the entry. */
static void test_filtered(void **state)
{
	struct view_entry d;

	load(&d, "http", "403", LANG_EN);
	for (size_t i = 0; i < d.nsec; i++)
		for (size_t k = 0; k < d.sec[i].n; k++) {
			const struct view_item *it = &d.sec[i].v[k];
			assert_null(it->zh);
			assert_null(it->note_zh);
			assert_null(it->title_zh);
			if (it->claim && it->claim->lang)
				assert_string_not_equal(it->claim->lang, "zh");
		}
	assert_int_equal(d.sec[0].kind, VS_HEAD);
	assert_int_equal(d.sec[0].v[0].role, VR_PHRASE);
	assert_string_equal(d.sec[0].v[0].en, "Forbidden");
	view_entry_free(&d);

	load(&d, "http", "403", LANG_ZH);
	const struct view_section *s = view_entry_section(&d, VS_SUB_STATUS);
	assert_non_null(s);
	assert_true(s->n >= 10);
	for (size_t k = 0; k < s->n; k++) {
		assert_null(s->v[k].en);
		assert_non_null(s->v[k].ref);
		assert_int_equal(s->v[k].ref->parent, d.e.id);
	}
	assert_string_equal(s->zh, "子状态码（IIS）");
	assert_null(view_entry_section(&d, VS_FORMER));
	view_entry_free(&d);
}

/* A compare group's note is on its last peer only, once per group. */
static void test_confusable_notes(void **state)
{
	struct view_entry d;

	load(&d, "http", "401", LANG_BOTH);
	const struct view_section *s = view_entry_section(&d, VS_CONFUSABLES);
	assert_non_null(s);
	size_t notes = 0;
	for (size_t k = 0; k < s->n; k++) {
		assert_string_equal(s->v[k].xref->kind, "compare");
		if (s->v[k].note_en) {
			notes++;
			assert_true(k + 1 == s->n || !s->v[k + 1].note_en ||
			            strcmp(s->v[k].note_en, s->v[k + 1].xref->note_en) != 0);
		}
	}
	assert_true(notes >= 1 && notes <= s->n);
	view_entry_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_other_meanings),
		cmocka_unit_test(test_filtered),
		cmocka_unit_test(test_confusable_notes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
