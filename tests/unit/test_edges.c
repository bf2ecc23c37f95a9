/* test_edges.c: import at its edges (issue 16): the same document twice,
 * HTML entities and surrogates, 4-digit codes. */
#include "config.h"
#include "testutil.h"

#include "doc.h"
#include "text.h"

static const char *const HTML =
	"<table><tr><th>状态码</th><th>原因短语</th><th>含义</th></tr>\n"
	"<tr><td>200</td><td>OK</td><td>成功 &amp; 完成 &#x4E2D; &#20013; &lt;ok&gt;</td></tr>\n"
	"<tr><td>204</td><td>No Content</td><td>没有 &#xD800; 内容 &#55296; &#x110000; &#0;</td></tr>\n"
	"<tr><td>301</td><td>Moved Permanently</td><td>永久移动。</td></tr>\n"
	"</table>\n";

static int64_t count(struct store *st, const char *table)
{
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	int64_t n = tu_int(st, sql, NULL);
	free(sql);
	return n;
}

/* Importing the same document a second time changes no entry and adds no
 * finding. (Its claims are stored again: docs/TESTING.md, known bugs.) */
static void test_second_import(void **state)
{
	struct store *st = tu_db("twice.db");
	tu_import(st, "doc.html", HTML);
	int64_t claims = count(st, "claim"), findings = count(st, "finding"), entries = count(st, "entry");
	assert_true(claims > 0);
	tu_import(st, "doc.html", HTML);
	assert_true(count(st, "claim") >= claims);
	assert_int_equal(count(st, "finding"), findings);
	assert_int_equal(count(st, "entry"), entries);
	store_rollback(st);
	store_close(st);
}

/* Entities are decoded; a surrogate, a value past U+10FFFF or NUL never
 * becomes text: every stored value is valid UTF-8 without controls. */
static void test_entities(void **state)
{
	struct store *st = tu_db("entities.db");
	tu_import(st, "doc.html", HTML);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_db(st), "SELECT value FROM claim WHERE value IS NOT NULL",
	                                    -1, &s, NULL), SQLITE_OK);
	bool saw_decoded = false;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		size_t n = (size_t)sqlite3_column_bytes(s, 0);
		assert_true(utf8_valid(v, n));
		assert_null(strstr(v, "\xED\xA0\x80"));      /* no encoded surrogate */
		for (size_t i = 0; i < n; i++)
			assert_true((unsigned char)v[i] >= 0x20 || v[i] == '\n' || v[i] == '\t');
		if (strstr(v, "成功 & 完成 中 中 <ok>"))
			saw_decoded = true;
		/* a reference to no character stays as written, never decoded */
		if (strstr(v, "没有"))
			assert_string_equal(v, "没有 &#xD800; 内容 &#55296; &#x110000; &#0;");
	}
	sqlite3_finalize(s);
	assert_true(saw_decoded);
	store_rollback(st);
	store_close(st);
}

/* A phrase column splits into the phrase and its gloss in parentheses at
 * the end; a phrase that is all parentheses, as 306's "(Unused)", is a
 * phrase with no gloss, never an empty phrase. Kills src/import/doc.c:383
 * dropping `&& open > s` (no phrase, a gloss "Unused"). */
static void test_phrase_split(void **state)
{
	static const struct { const char *in, *phrase, *gloss; } cases[] = {
		{ "(Unused)",            "(Unused)",  NULL },
		{ "(Unused)  ",          "(Unused)",  NULL },
		{ "Not Found (未找到)",  "Not Found", "未找到" },
		{ "Gone ( )",            "Gone",      NULL },
		{ "A (b) (c)",           "A (b)",     "c" },
		{ "Teapot (",            "Teapot (",  NULL },
		{ "  ",                  NULL,        NULL },
		{ "()",                  "()",        NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *phrase, *gloss;
		phrase_split(cases[i].in, &phrase, &gloss);
		if (cases[i].phrase)
			assert_string_equal(phrase, cases[i].phrase);
		else
			assert_null(phrase);
		if (cases[i].gloss)
			assert_string_equal(gloss, cases[i].gloss);
		else
			assert_null(gloss);
		free(phrase);
		free(gloss);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_second_import),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_phrase_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
