/* test_tokenizer.c: the "sc" FTS5 tokenizer, token by token and through a
 * real FTS5 table. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "tokenizer.h"
#include "xmalloc.h"

#define DOC	FTS5_TOKENIZE_DOCUMENT
#define QUERY	FTS5_TOKENIZE_QUERY
#define PREFIX	(FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX)

static sqlite3 *
open_db(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(tokenizer_register(db), SQLITE_OK);
	return db;
}

static int
setup_db(void **state)
{
	*state = open_db();
	return 0;
}

static int
teardown_db(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* Collect tokens as "tok@start-end", stems as "+tok@start-end". */
static void
render_cb(void *ctx, const char *tok, int len, int start, int end,
    int colocated)
{
	struct buf *b = ctx;

	if (b->len != 0)
		buf_addc(b, ' ');
	buf_addf(b, "%s%.*s@%d-%d", colocated ? "+" : "", len, tok, start, end);
}

/* The tokens of text as one string. Caller frees. */
static char *
render(sqlite3 *db, const char *text, int flags)
{
	struct buf b = { 0 };

	assert_int_equal(tokenizer_tokens(db, text, flags, render_cb, &b),
	    SQLITE_OK);
	return buf_detach(&b);
}

static void
check_tokens(sqlite3 *db, const char *text, int flags, const char *want)
{
	char *got = render(db, text, flags);

	assert_string_equal(got, want);
	free(got);
}

static void
test_offsets_mixed(void **state)
{
	sqlite3 *db = *state;

	check_tokens(db, "代理服务器返回401错误", PREFIX,
	    "代@0-3 理@3-6 服@6-9 务@9-12 器@12-15 返@15-18 回@18-21 "
	    "401@21-24 错@24-27 误@27-30");
	check_tokens(db, "Upgrade 消息头", PREFIX,
	    "upgrade@0-7 消@8-11 息@11-14 头@14-17");
	check_tokens(db, "Upgrade 消息头", DOC,
	    "upgrade@0-7 +upgrad@0-7 消@8-11 息@11-14 头@14-17");
	check_tokens(db, "HTTP/1.1 代理Proxy-Authenticate头", PREFIX,
	    "http@0-4 1@5-6 1@7-8 代@9-12 理@12-15 proxy@15-20 "
	    "authenticate@21-33 头@33-36");
}

static void
test_cjk_ranges(void **state)
{
	sqlite3 *db = *state;

	/* first and last of each ideograph block, then kana */
	check_tokens(db, "\u3400\u4DBF\u4E00\u9FFF\uF900\uFAFF", PREFIX,
	    "\u3400@0-3 \u4DBF@3-6 \u4E00@6-9 \u9FFF@9-12 \uF900@12-15 "
	    "\uFAFF@15-18");
	check_tokens(db, "a\U00020000b\U0003134Fc", PREFIX,
	    "a@0-1 \U00020000@1-5 b@5-6 \U0003134F@6-10 c@10-11");
	check_tokens(db, "\u3041\u3093\u30A2\u30FC\u30FF", PREFIX,
	    "\u3041@0-3 \u3093@3-6 \u30A2@6-9 \u30FC@9-12 \u30FF@12-15");
	/* ideographic iteration mark and half-width katakana are tokens too */
	check_tokens(db, "人々ｱｲ", PREFIX, "人@0-3 々@3-6 ｱ@6-9 ｲ@9-12");
	/* just outside the ranges: Yijing symbols are not words at all */
	check_tokens(db, "\u4DC0x", PREFIX, "x@3-4");
}

static void
test_cjk_punctuation(void **state)
{
	sqlite3 *db = *state;

	check_tokens(db, "缓存，代理。HTTP（404）「Ok」", PREFIX,
	    "缓@0-3 存@3-6 代@9-12 理@12-15 http@18-22 404@25-28 ok@34-36");
	check_tokens(db, "a\u3000b・c", PREFIX, "a@0-1 b@4-5 c@8-9");
	/* full-width digits and letters are read as ASCII */
	check_tokens(db, "ＨＴＴＰ４０４错误", PREFIX,
	    "http404@0-21 错@21-24 误@24-27");
	check_tokens(db, "ａｂｃ！ｄ x", PREFIX, "abc@0-9 d@12-15 x@16-17");
	check_tokens(db, "x ＡＢ-ｃ１ y", PREFIX, "x@0-1 ab@2-8 c1@9-15 y@16-17");
	check_tokens(db, "aＢc", PREFIX, "abc@0-5");
	check_tokens(db, "Ｒｅｑｕｉｒｅｄ", DOC,
	    "required@0-24 +requir@0-24");
}

static void
test_invalid_utf8(void **state)
{
	sqlite3 *db = *state;

	check_tokens(db, "ab\xff\xfe" "cd\x80", PREFIX, "ab@0-2 cd@4-6");
	check_tokens(db, "\xe4\xbd" "好", PREFIX, "好@2-5");
	check_tokens(db, "x\xe4\xbd", PREFIX, "x@0-1");
	check_tokens(db, "\xf0\x9f\x98", PREFIX, "");
	check_tokens(db, "\xc0\xafx", PREFIX, "x@2-3");	/* overlong */
	check_tokens(db, "\xed\xa0\x80z", PREFIX, "z@3-4");	/* surrogate */
	check_tokens(db, "\xf4\x90\x80\x80y", PREFIX, "y@4-5");	/* > U+10FFFF */
	check_tokens(db, "ｂ\xef\xbc", PREFIX, "b@0-3");	/* cut full-width */
}

static void
test_empty(void **state)
{
	sqlite3 *db = *state;

	check_tokens(db, "", DOC, "");
	check_tokens(db, "   ，。 --- ", DOC, "");
	check_tokens(db, NULL, DOC, "");
}

/* Count tokens and check that they are ordered and inside the text. */
struct count {
	const char *text;
	int	    len;
	int	    n;
	int	    stems;
	int	    last_end;
	int	    bad;
};

static void
count_cb(void *ctx, const char *tok, int len, int start, int end,
    int colocated)
{
	struct count *c = ctx;

	if (start < 0 || end > c->len || start >= end || len <= 0)
		c->bad++;
	if (colocated) {
		c->stems++;
		return;
	}
	if (start < c->last_end)
		c->bad++;
	/* a CJK token is exactly its bytes in the text */
	if (len == 3 && (unsigned char)tok[0] >= 0xE0 &&
	    (end - start != 3 || memcmp(c->text + start, tok, 3) != 0))
		c->bad++;
	c->last_end = end;
	c->n++;
}

static void
test_large_input(void **state)
{
	static const char unit[] = "Authentication 缓存失败 error，\xff";
	sqlite3 *db = *state;
	sqlite3_stmt *stmt;
	size_t reps = (1024 * 1024) / (sizeof unit - 1) + 1, i;
	struct buf b = { 0 };
	struct count c = { 0 };

	for (i = 0; i < reps; i++)
		buf_adds(&b, unit);
	c.text = b.s;
	c.len = (int)b.len;
	assert_true(b.len >= 1024 * 1024);

	assert_int_equal(tokenizer_tokens(db, b.s, DOC, count_cb, &c),
	    SQLITE_OK);
	assert_int_equal(c.bad, 0);
	assert_int_equal(c.n, (int)reps * 6);	/* authentication 缓 存 失 败 error */
	assert_int_equal(c.stems, (int)reps);	/* authent */
	assert_int_equal(c.last_end, c.len - 4);	/* before "，\xff" */

	/* and through a table */
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE big USING fts5(x, tokenize='sc')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "INSERT INTO big VALUES (?1)", -1, &stmt, NULL), SQLITE_OK);
	sqlite3_bind_text(stmt, 1, b.s, (int)b.len, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
	sqlite3_finalize(stmt);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT count(*) FROM big WHERE big MATCH '\"缓存\" AND authenticate'",
	    -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(stmt, 0), 1);
	sqlite3_finalize(stmt);

	/* one stretch of 1 MB of words, and one word of 1 MB */
	buf_reset(&b);
	for (i = 0; i < 1024 * 1024 / 16; i++)
		buf_adds(&b, "retry required, ");
	memset(&c, 0, sizeof c);
	c.text = b.s;
	c.len = (int)b.len;
	assert_int_equal(tokenizer_tokens(db, b.s, DOC, count_cb, &c),
	    SQLITE_OK);
	assert_int_equal(c.bad, 0);
	assert_int_equal(c.n, 1024 * 1024 / 16 * 2);
	assert_int_equal(c.stems, 1024 * 1024 / 16 * 2);	/* retri requir */
	assert_int_equal(c.last_end, c.len - 2);

	buf_reset(&b);
	for (i = 0; i < 1024 * 1024; i++)
		buf_addc(&b, 'a');
	memset(&c, 0, sizeof c);
	c.text = b.s;
	c.len = (int)b.len;
	assert_int_equal(tokenizer_tokens(db, b.s, DOC, count_cb, &c),
	    SQLITE_OK);
	assert_int_equal(c.bad, 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.last_end, c.len);
	buf_free(&b);
}

static void
test_stems(void **state)
{
	sqlite3 *db = *state;

	check_tokens(db, "authentication required", DOC,
	    "authentication@0-14 +authent@0-14 required@15-23 +requir@15-23");
	check_tokens(db, "authenticate", QUERY,
	    "authenticate@0-12 +authent@0-12");
	/* a prefix query term keeps the raw word only */
	check_tokens(db, "authentication required", PREFIX,
	    "authentication@0-14 required@15-23");
	check_tokens(db, "authenti", PREFIX, "authenti@0-8");
	/* highlight() and snippet() need no stems */
	check_tokens(db, "authentication", FTS5_TOKENIZE_AUX,
	    "authentication@0-14");
	/* no stem when it equals the word; diacritics go */
	check_tokens(db, "header café", DOC, "header@0-6 cafe@7-12");
}

/* The rowids a MATCH query finds, as "1,3". Caller frees. */
static char *
match(sqlite3 *db, const char *table, const char *q)
{
	struct buf b = { 0 };
	sqlite3_stmt *stmt;
	char *sql;
	int rc;

	sql = xasprintf("SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid",
	    table, table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	free(sql);
	sqlite3_bind_text(stmt, 1, q, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (b.len != 0)
			buf_addc(&b, ',');
		buf_addf(&b, "%lld", (long long)sqlite3_column_int64(stmt, 0));
	}
	if (rc != SQLITE_DONE)
		fail_msg("query %s: %s", q, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return buf_detach(&b);
}

static void
check_match(sqlite3 *db, const char *q, const char *want)
{
	char *got = match(db, "t", q);

	if (strcmp(got, want) != 0)
		fail_msg("MATCH %s: got [%s], want [%s]", q, got, want);
	free(got);
}

static void
make_table(sqlite3 *db, const char *const *rows)
{
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='sc')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(x) VALUES (?1)",
	    -1, &stmt, NULL), SQLITE_OK);
	for (; *rows != NULL; rows++) {
		sqlite3_bind_text(stmt, 1, *rows, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(stmt), SQLITE_DONE);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
}

static void
test_fts_chinese(void **state)
{
	static const char *const rows[] = {
		"客户端缓存",			/* 1 */
		"缓",				/* 2 */
		"存缓",				/* 3 */
		"代理服务器返回401错误",	/* 4 */
		"缓 存 分开",			/* 5 */
		NULL
	};
	sqlite3 *db = *state;
	sqlite3_stmt *stmt;

	make_table(db, rows);
	/* a phrase: 缓 then 存; white space between them does not count
	 * (a known cost of one token per character) */
	check_match(db, "\"缓存\"", "1,5");
	check_match(db, "\"缓存\" \"客户端\"", "1");
	check_match(db, "缓", "1,2,3,5");
	check_match(db, "\"存\"", "1,3,5");
	check_match(db, "\"端缓\"", "1");
	check_match(db, "\"服务器\"", "4");
	check_match(db, "\"返回401错误\"", "4");
	check_match(db, "401", "4");
	check_match(db, "\"缓存失败\"", "");

	/* offsets are right: highlight() marks exactly the phrase */
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '\"缓存\"' "
	    "AND rowid = 1", -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0),
	    "客户端[缓存]");
	sqlite3_finalize(stmt);
}

static void
test_fts_english(void **state)
{
	static const char *const rows[] = {
		"authentication required",	/* 1 */
		"Retry-After header",		/* 2 */
		"authorization",		/* 3 */
		"After a retry",		/* 4 */
		NULL
	};
	static const char word[] = "authentication";
	sqlite3 *db = *state;
	sqlite3_stmt *stmt;
	size_t k;

	make_table(db, rows);
	check_match(db, "authenticate", "1");
	check_match(db, "authentication", "1");
	check_match(db, "\"authentication\"", "1");
	check_match(db, "authenti*", "1");
	check_match(db, "auth*", "1,3");
	check_match(db, "\"Retry-After\"", "2");
	check_match(db, "\"Retry-Aft\"*", "2");
	check_match(db, "retry after", "2,4");
	check_match(db, "REQUIRES", "1");

	/* every prefix of the word, as typed */
	for (k = 5; k <= sizeof word - 1; k++) {
		char *q = xasprintf("\"%.*s\"*", (int)k, word);
		check_match(db, q, "1");
		free(q);
	}

	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH "
	    "'authenticate'", -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(stmt, 0),
	    "[authentication] required");
	sqlite3_finalize(stmt);
}

static void
test_fts_invalid_utf8(void **state)
{
	static const char *const rows[] = {
		"bad\xff\xfe" "bytes 缓\xe4存",	/* 1 */
		"\xe4\xbd",			/* 2 */
		NULL
	};
	sqlite3 *db = *state;

	make_table(db, rows);
	check_match(db, "bytes", "1");
	check_match(db, "\"缓存\"", "1");
	check_match(db, "bad", "1");
}

static void
test_registration(void **state)
{
	sqlite3 *db;
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	/* not registered yet */
	assert_int_not_equal(tokenizer_tokens(db, "x", DOC, render_cb, &b),
	    SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='sc')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(tokenizer_register(db), SQLITE_OK);
	assert_int_equal(tokenizer_register(db), SQLITE_OK);
	/* the tokenizer takes no arguments */
	assert_int_not_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE u USING fts5(x, tokenize='sc porter')",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='sc')",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_offsets_mixed, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_cjk_ranges, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_cjk_punctuation, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_invalid_utf8, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_empty, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_large_input, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_stems, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_fts_chinese, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_fts_english, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_fts_invalid_utf8, setup_db, teardown_db),
		cmocka_unit_test(test_registration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
