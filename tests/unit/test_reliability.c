/* test_reliability.c: contracts that hold on damaged databases (issue 15):
 * a search that fails part-way hands back no partial results (they leaked:
 * nobody freed them). The reference database is copied and damaged here
 * through SQLite itself, so the damage is the same on every run. */
#include "config.h"
#include "testutil.h"

#include "search.h"

/* A copy of the built reference database at a temporary path whose full-
 * text index blocks past the first ten are garbage. Caller frees. */
static char *damaged_copy(const char *name)
{
	const char *ref = getenv("STATUSCODES_DB");
	char *path = tu_tmp(name), *text;
	size_t len;
	sqlite3 *db;

	assert_non_null(ref);
	assert_non_null(text = tu_read(ref, &len));
	tu_write(path, text, len);
	free(text);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE search_data SET block = x'0102030405060708' WHERE id > 10",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	return path;
}

static void test_failed_search_leaves_nothing(void **state)
{
	char *path = damaged_copy("fts-damaged.db"), *cause = NULL;
	struct store *st = NULL;
	struct sc_hits hits = {0};

	if (store_open(path, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	/* "401" first finds the code itself, then fails in the damaged index */
	assert_int_equal(store_search(st, "401", NULL, 20, 0, &hits, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "damaged"));
	assert_int_equal(hits.n, 0);
	assert_null(hits.v);
	free(cause);
	sc_hits_free(&hits);
	store_close(st);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_failed_search_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
