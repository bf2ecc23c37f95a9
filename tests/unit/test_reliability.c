/* test_reliability.c: contracts that hold on damaged databases (issue 15):
 * a search that fails part-way hands back no partial results (they leaked:
 * nobody freed them); a failed lookup by code is an error, not no hits. The reference database is copied and damaged here
 * through SQLite itself, so the damage is the same on every run. */
#include "config.h"
#include "testutil.h"

#include "search.h"

/* A copy of the built reference database at a temporary path, opened
 * with SQLite itself in *db (not the store). Caller frees the path. */
static char *ref_copy(const char *name, sqlite3 **db)
{
	const char *ref = getenv("STATUSCODES_DB");
	char *path = tu_tmp(name), *text;
	size_t len;

	assert_non_null(ref);
	assert_non_null(text = tu_read(ref, &len));
	tu_write(path, text, len);
	free(text);
	assert_int_equal(sqlite3_open(path, db), SQLITE_OK);
	return path;
}

/* A copy of the built reference database at a temporary path whose full-
 * text index blocks past the first ten are garbage. Caller frees. */
static char *damaged_copy(const char *name)
{
	sqlite3 *db;
	char *path = ref_copy(name, &db);

	assert_int_equal(sqlite3_exec(db, "UPDATE search_data SET block = x'0102030405060708' WHERE id > 10",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	return path;
}

/* The store at path, read-only; a search for query there fails with a
 * cause that says the file is damaged, and leaves no hit behind. */
static struct store *search_fails(const char *path, const char *query)
{
	struct store *st = NULL;
	struct sc_hits hits = {0};
	char *cause = NULL;

	if (store_open(path, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_search(st, query, NULL, 20, 0, &hits, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "damaged"));
	assert_int_equal(hits.n, 0);
	assert_null(hits.v);
	free(cause);
	return st;
}

static void test_failed_search_leaves_nothing(void **state)
{
	char *path = damaged_copy("fts-damaged.db");
	/* "401" first finds the code itself, then fails in the damaged index */
	store_close(search_fails(path, "401"));
	free(path);
}

/* A copy of the built reference database whose index on (protocol, code),
 * the one a lookup by code reads, has a garbage root page. Caller frees. */
static char *damaged_index_copy(const char *name)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t root = 0, page = 0;
	char *path = ref_copy(name, &db);

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT rootpage FROM sqlite_master WHERE type = 'index'"
	                                        " AND tbl_name = 'entry' AND sql IS NULL), (SELECT page_size"
	                                        " FROM pragma_page_size)", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	root = sqlite3_column_int64(s, 0);
	page = sqlite3_column_int64(s, 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_true(root > 1 && page >= 512);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	char *junk = xmalloc((size_t)page);
	memset(junk, 0x5A, (size_t)page);
	assert_int_equal(fseek(f, (long)((root - 1) * page), SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, (size_t)page, f), (size_t)page);
	assert_int_equal(fclose(f), 0);
	free(junk);
	return path;
}

/* A search for a code whose lookup by code fails in the damaged index is
 * a failure with a cause, never "no such code" followed by whatever the
 * text search finds. Kills src/store/search.c:160 `return rc` to
 * `return 0` (seed 53: the failure swallowed, status 0). */
static void test_failed_lookup_is_an_error(void **state)
{
	char *path = damaged_index_copy("index-damaged.db"), *cause = NULL;
	struct store *st = search_fails(path, "404");
	struct sc_hits hits = {0};

	/* a word search, which does not read that index, still works */
	assert_int_equal(store_search(st, "gateway", NULL, 20, 0, &hits, &cause), 0);
	assert_true(hits.n > 0);
	sc_hits_free(&hits);
	store_close(st);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_failed_search_leaves_nothing),
		cmocka_unit_test(test_failed_lookup_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
