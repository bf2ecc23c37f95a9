/* test_query.c: query_build() gives the expected expressions, and FTS5
 * accepts whatever it builds, for hostile and random input. */
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
#include "query.h"
#include "text.h"
#include "tokenizer.h"
#include "xmalloc.h"

/* Check query_build(in, prefix) against want (NULL: nothing to search). */
static void
check_build(const char *in, bool prefix, const char *want)
{
	char *got = query_build(in, prefix);

	if (want == NULL && got != NULL)
		fail_msg("query_build(\"%s\", %d): got [%s], want NULL", in,
		    prefix, got);
	if (want != NULL && got == NULL)
		fail_msg("query_build(\"%s\", %d): got NULL, want [%s]", in,
		    prefix, want);
	if (want != NULL)
		assert_string_equal(got, want);
	free(got);
}

static void
test_normal(void **state)
{
	(void)state;
	check_build("foo bar", false, "\"foo\" \"bar\"");
	check_build("foo bar", true, "\"foo\" \"bar\"*");
	check_build("a\"b", false, "\"a\"\"b\"");
	check_build("a\"b", true, "\"a\"\"b\"");   /* the last word, b, is one letter */
	check_build("a\"bc", true, "\"a\"\"bc\"*");
	check_build("  foo \t\n bar  ", false, "\"foo\" \"bar\"");
	check_build("Retry-Aft", true, "\"Retry-Aft\"*");
	check_build("Retry-After", false, "\"Retry-After\"");
	check_build("缓存 代理", false, "\"缓存\" \"代理\"");
	check_build("403.14", true, "\"403.14\"*");
	check_build("col:x", false, "\"col:x\"");
	check_build("c++", false, "\"c++\"");
	check_build("NEAR(a b)", false, "\"NEAR(a\" \"b)\"");
	check_build("AND OR NOT", true, "\"AND\" \"OR\" \"NOT\"*");
	check_build("\"quoted phrase\"", false, "\"\"\"quoted\" \"phrase\"\"\"");
}

static void
test_prefix_rules(void **state)
{
	(void)state;
	/* pure CJK or a CJK ending: no star */
	check_build("缓存", true, "\"缓存\"");
	check_build("HTTP缓存", true, "\"HTTP缓存\"");
	check_build("カタカナ", true, "\"カタカナ\"");
	check_build("缓存 http", true, "\"缓存\" \"http\"*");
	check_build("http 缓", true, "\"http\" \"缓\"");
	/* a non-word ending: no star */
	check_build("Retry-", true, "\"Retry-\"");
	check_build("c++", true, "\"c++\"");
	check_build("foo\"", true, "\"foo\"\"\"");
	check_build("缓存。", true, "\"缓存。\"");
	/* the user has finished the last word */
	check_build("foo ", true, "\"foo\"");
	check_build("foo (", true, "\"foo\"");
	check_build("foo\u3000", true, "\"foo\"");
	/* a last word of one letter matches most of the index as a prefix:
	 * it stays a word until a second letter comes */
	check_build("a", true, "\"a\"");
	check_build("Retry-A", true, "\"Retry-A\"");
	check_build("Retry-Af", true, "\"Retry-Af\"*");
	check_build("40", true, "\"40\"*");
	/* word characters beyond ASCII take the star */
	check_build("café", true, "\"café\"*");
	check_build("ＨＴＴＰ", true, "\"ＨＴＴＰ\"*");
	check_build("статус", true, "\"статус\"*");
}

static void
test_dropped(void **state)
{
	static const char *const nothing[] = {
		"", " ", "   \t\n", "\u3000", "\u00a0\u3000 ", "-", "\"", "*",
		"(", ")", "'", "^", ":", "- \" * ( ) ' ^ :", "\"\"\"", "。，",
		"\xff\xfe", "\xe4\xbd", "\x01\x02\x1b", NULL
	};
	size_t i;

	(void)state;
	check_build(NULL, true, NULL);
	for (i = 0; nothing[i] != NULL; i++) {
		check_build(nothing[i], false, NULL);
		check_build(nothing[i], true, NULL);
	}
	check_build("foo - bar", false, "\"foo\" \"bar\"");
	check_build("( foo ) \" bar *", true, "\"foo\" \"bar\"");
	check_build("foo -", true, "\"foo\"");
}

static void
test_space_and_control(void **state)
{
	(void)state;
	check_build("缓存\u3000代理", false, "\"缓存\" \"代理\"");
	check_build("a\u00a0b", false, "\"a\" \"b\"");
	check_build("a\x01" "b\x7f" "c\x1b" "d", false,
	    "\"a\" \"b\" \"c\" \"d\"");
	check_build("a\xc2\x85" "b", false, "\"a\" \"b\"");	/* U+0085 */
	check_build("a\u2003b\u200bc", false, "\"a\" \"b\" \"c\"");
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	check_build("a\xff" "b", false, "\"ab\"");
	check_build("\xff" "foo\xfe", true, "\"foo\"*");
	check_build("缓\xe4\xbd" "存", false, "\"缓存\"");
	check_build("x\xc0\xaf" "y", false, "\"xy\"");
	check_build("foo \xe4\xbd", true, "\"foo\"");
}

/* The bytes inside the quotes of a built query, undoubled. */
static size_t
content_bytes(const char *q)
{
	size_t n = 0;
	int inside = 0;

	for (; *q != '\0'; q++) {
		if (*q == '"') {
			if (inside && q[1] == '"') {
				n++;
				q++;
			} else
				inside = !inside;
		} else if (inside)
			n++;
	}
	return n;
}

static size_t
count_pieces(const char *q)
{
	size_t n = 1;

	for (; *q != '\0'; q++)
		if (*q == ' ')
			n++;
	return n;
}

static void
test_limits(void **state)
{
	struct buf b = { 0 };
	char *q;
	size_t i;

	(void)state;
	/* 300 pieces: 256 kept */
	for (i = 0; i < 300; i++)
		buf_addf(&b, "w%zu ", i);
	q = query_build(b.s, false);
	assert_non_null(q);
	assert_int_equal(count_pieces(q), QUERY_MAX_PIECES);
	assert_non_null(strstr(q, "\"w255\""));
	assert_null(strstr(q, "\"w256\""));
	free(q);

	/* one piece of 10 kB: cut to 4096 bytes, still a prefix */
	buf_reset(&b);
	for (i = 0; i < 10240; i++)
		buf_addc(&b, 'a');
	q = query_build(b.s, true);
	assert_non_null(q);
	assert_int_equal(strlen(q), QUERY_MAX_BYTES + 3);
	assert_int_equal(content_bytes(q), QUERY_MAX_BYTES);
	assert_int_equal(q[strlen(q) - 1], '*');
	free(q);

	/* never cut inside a character */
	buf_reset(&b);
	buf_adds(&b, "ab");
	for (i = 0; i < 2000; i++)
		buf_adds(&b, "缓");
	q = query_build(b.s, false);
	assert_non_null(q);
	assert_int_equal(content_bytes(q), 2 + 3 * 1364);
	assert_true(utf8_valid(q, strlen(q)));
	free(q);

	/* many pieces: the text limit counts the kept pieces, quotes
	 * doubled inside do not count twice */
	buf_reset(&b);
	for (i = 0; i < 200; i++)
		buf_adds(&b, "\"123456789012345678901234567890123456789012345678 ");
	q = query_build(b.s, false);
	assert_non_null(q);
	assert_int_equal(content_bytes(q), QUERY_MAX_BYTES);
	assert_int_equal(count_pieces(q), 4096 / 49 + 1);
	free(q);

	/* a long run of non-word characters is dropped, not a reason to stop */
	buf_reset(&b);
	for (i = 0; i < 5000; i++)
		buf_addc(&b, '-');
	buf_adds(&b, " found");
	check_build(b.s, true, "\"found\"*");
	buf_free(&b);
}

/* An in-memory table with tokenize='sc' and a statement that counts the
 * rows a MATCH finds. */
struct fixture {
	sqlite3		*db;
	sqlite3_stmt	*count;
};

static int
setup_db(void **state)
{
	static const char *const rows[] = {
		"c++ and NOT or NEAR",
		"Retry-After header",
		"客户端缓存",
		"authentication required",
		NULL
	};
	struct fixture *f = xcalloc(1, sizeof *f);
	const char *const *r;
	sqlite3_stmt *ins;

	if (sqlite3_open(":memory:", &f->db) != SQLITE_OK ||
	    tokenizer_register(f->db) != SQLITE_OK ||
	    sqlite3_exec(f->db,
	    "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='sc')",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(f->db, "INSERT INTO t VALUES (?1)", -1, &ins,
	    NULL) != SQLITE_OK)
		return -1;
	for (r = rows; *r != NULL; r++) {
		sqlite3_bind_text(ins, 1, *r, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return -1;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	if (sqlite3_prepare_v2(f->db,
	    "SELECT count(*) FROM t WHERE t MATCH ?", -1, &f->count,
	    NULL) != SQLITE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown_db(void **state)
{
	struct fixture *f = *state;

	sqlite3_finalize(f->count);
	sqlite3_close(f->db);
	free(f);
	return 0;
}

/* Build a query from in and run it: FTS5 must accept it. Returns the
 * number of rows found, or -1 when query_build() said there was nothing
 * to search. */
static int
run_query(struct fixture *f, const char *in, bool prefix)
{
	char *q = query_build(in, prefix);
	int rc, n;

	if (q == NULL)
		return -1;
	sqlite3_bind_text(f->count, 1, q, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(f->count);
	if (rc != SQLITE_ROW)
		fail_msg("input [%s] -> query [%s]: %s", in, q,
		    sqlite3_errmsg(f->db));
	n = sqlite3_column_int(f->count, 0);
	rc = sqlite3_step(f->count);
	if (rc != SQLITE_DONE)
		fail_msg("input [%s] -> query [%s]: %s", in, q,
		    sqlite3_errmsg(f->db));
	sqlite3_reset(f->count);
	free(q);
	return n;
}

/* The raw inputs really are hostile: FTS5 rejects them unquoted. */
static void
test_hostile_raw_fails(void **state)
{
	static const char *const raw[] = {
		"AND", "OR", "NOT", "NEAR(a b", "(", ")", "c++", "a\"b", "\"",
		"-", "*", "^", ":", "col:x", "foo AND", NULL
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; raw[i] != NULL; i++) {
		sqlite3_bind_text(f->count, 1, raw[i], -1, SQLITE_STATIC);
		if (sqlite3_step(f->count) != SQLITE_ERROR)
			fail_msg("raw [%s] was accepted", raw[i]);
		sqlite3_reset(f->count);
	}
}

static void
test_hostile(void **state)
{
	static const struct {
		const char *in;
		int	    found;	/* rows found; -1: nothing to search */
	} cases[] = {
		{ "AND", 1 }, { "OR", 1 }, { "NOT", 1 }, { "NEAR", 1 },
		{ "NEAR(a b)", 0 }, { "(", -1 }, { ")", -1 }, { "c++", 1 },
		{ "a\"b", 0 }, { "\"", -1 }, { "'", -1 }, { "-", -1 },
		{ "*", -1 }, { "^", -1 }, { ":", -1 }, { "col:x", 0 },
		{ "x:retry", 0 }, { "t:retry", 0 }, { "{x}:retry", 0 },
		{ "^retry", 1 }, { "retry*", 1 }, { "-retry", 1 },
		{ "NOT retry", 0 }, { "retry OR c", 0 }, { "AND AND", 1 },
		{ "\"retry after\"", 1 }, { "retry-after", 1 },
		{ "\"Retry-After\"", 1 }, { "NEAR(retry after, 2)", 0 },
		{ "+", -1 }, { "a + b", 0 }, { "缓存", 1 }, { "缓\u3000存", 1 },
		{ "", -1 }, { "    ", -1 }, { "\u3000", -1 },
		{ "\xff\xfe\xfd", -1 }, { "c\xff++", 1 }, { "\xe4\xbd", -1 },
		{ "\x01\x02", -1 }, { "authenticate", 1 }, { "authenti", 0 },
		{ "'; DROP TABLE t; --", 0 }, { "\"\"\"\"", -1 },
		{ "(((((", -1 }, { "a\"b\"c\"", 0 }, { "$ % & @ ! ~ ` | \\", -1 },
		{ NULL, 0 }
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; cases[i].in != NULL; i++) {
		int n = run_query(f, cases[i].in, false);

		if (n != cases[i].found)
			fail_msg("[%s]: found %d, want %d", cases[i].in, n,
			    cases[i].found);
		n = run_query(f, cases[i].in, true);
		if ((n < 0) != (cases[i].found < 0))
			fail_msg("[%s] prefix: found %d", cases[i].in, n);
	}
	/* prefix forms find more as the user types */
	assert_int_equal(run_query(f, "authenti", true), 1);
	assert_int_equal(run_query(f, "Retry-Aft", true), 1);
	assert_int_equal(run_query(f, "客户", true), 1);
}

static void
test_hostile_long(void **state)
{
	struct fixture *f = *state;
	struct buf b = { 0 };
	size_t i;

	/* 10 kB of operators and quotes */
	for (i = 0; i < 2048; i++)
		buf_adds(&b, i % 2 ? "NEAR(\"a " : "AND ) c++ ");
	assert_true(b.len >= 10240);
	assert_true(run_query(f, b.s, false) >= 0);
	assert_true(run_query(f, b.s, true) >= 0);

	/* 10 kB without a space */
	buf_reset(&b);
	for (i = 0; i < 1200; i++)
		buf_adds(&b, "\"(缓*^:-");
	assert_true(b.len >= 10240);
	assert_true(run_query(f, b.s, false) >= 0);
	assert_true(run_query(f, b.s, true) >= 0);
	buf_free(&b);
}

/* Random strings of hostile fragments and random bytes. */
static void
test_random(void **state)
{
	static const char *const frag[] = {
		"\"", "\"\"", "*", "(", ")", ":", "^", "-", "+", "'", ",", "{",
		"}", " ", "\t", "\u3000", "\u00a0", "AND", "OR", "NOT", "NEAR",
		"NEAR(", "x", "retry", "缓", "存", "。", "ｘ", "\xff", "\xe4",
		"\xbd", "\x01", "col:", "c++", "\\", "%", "_", "0"
	};
	struct fixture *f = *state;
	uint32_t seed = 12345;
	char s[64];
	int iter, k, len, nonnull = 0;

	for (iter = 0; iter < 5000; iter++) {
		struct buf b = { 0 };

		len = 1 + iter % 12;
		for (k = 0; k < len; k++) {
			seed ^= seed << 13;
			seed ^= seed >> 17;
			seed ^= seed << 5;
			if (seed % 8 == 0) {
				s[0] = (char)(1 + seed % 255);
				buf_add(&b, s, 1);
			} else
				buf_adds(&b, frag[(seed >> 3) %
				    (sizeof frag / sizeof frag[0])]);
		}
		if (run_query(f, buf_str(&b), iter % 2 == 0) >= 0)
			nonnull++;
		buf_free(&b);
	}
	assert_true(nonnull > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normal),
		cmocka_unit_test(test_prefix_rules),
		cmocka_unit_test(test_dropped),
		cmocka_unit_test(test_space_and_control),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_limits),
		cmocka_unit_test_setup_teardown(test_hostile_raw_fails, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_hostile, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_hostile_long, setup_db, teardown_db),
		cmocka_unit_test_setup_teardown(test_random, setup_db, teardown_db),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
