/* fuzz_search.c: libFuzzer target for what a user types into a search.
 *
 * The input is the text (cut at its first NUL, as a C string would be).
 * It goes through query_build in both prefix modes, whose result must be a
 * valid FTS5 expression (query.h promises that for any input: a MATCH
 * error here aborts), and through store_search on the built reference
 * database in both prefix modes, with and without a protocol, which must
 * never fail and never return more hits than asked for.
 *
 * The database: $STATUSCODES_DB, else $SC_BUILDDIR/db/statuscodes.db, else
 * the build tree's (ABS_BUILDDIR), opened read-only once. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static sqlite3_stmt *check;

static char *db_path(void)
{
	const char *env = getenv("STATUSCODES_DB");
	const char *build = getenv("SC_BUILDDIR");

	if (env && *env)
		return xstrdup(env);
	if (build && *build)
		return xasprintf("%s/db/statuscodes.db", build);
#ifdef ABS_BUILDDIR
	return xstrdup(ABS_BUILDDIR "/db/statuscodes.db");
#else
	return xstrdup("db/statuscodes.db");
#endif
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *path = db_path(), *cause = NULL;

	(void)argc;
	(void)argv;
	if (store_open(path, STORE_READ, &st, &cause) != 0) {
		fprintf(stderr, "fuzz_search: %s (build the database first, or set STATUSCODES_DB)\n", cause);
		exit(2);
	}
	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM search WHERE search MATCH ?1",
	                       -1, &check, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_search: %s: %s\n", path, sqlite3_errmsg(store_db(st)));
		exit(2);
	}
	free(path);
	return 0;
}

/* query_build's result must be accepted by FTS5. */
static void check_query(const char *text, bool prefix)
{
	char *q = query_build(text, prefix);

	if (q == NULL)
		return;
	if (*q == '\0') {
		fprintf(stderr, "fuzz_search: query_build returned an empty expression for \"%s\"\n", text);
		abort();
	}
	sqlite3_reset(check);
	sqlite3_bind_text(check, 1, q, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(check);
	if (rc != SQLITE_ROW) {
		fprintf(stderr, "fuzz_search: FTS5 refused query_build(\"%s\", %d) = %s: %s\n", text,
		        prefix, q, sqlite3_errmsg(store_db(st)));
		abort();
	}
	sqlite3_reset(check);
	free(q);
}

static void check_search(const char *text, const char *protocol, size_t limit, bool prefix)
{
	struct sc_hits h = {0};
	char *cause = NULL;

	if (store_search(st, text, protocol, limit, prefix ? SEARCH_PREFIX : 0, &h, &cause) != 0) {
		fprintf(stderr, "fuzz_search: store_search failed: %s\n", cause ? cause : "(no cause)");
		abort();
	}
	for (size_t i = 0; i < h.n; i++) {
		if (h.v[i].e.id <= 0 || h.v[i].e.code == NULL || h.v[i].e.protocol == NULL) {
			fprintf(stderr, "fuzz_search: hit %zu has no entry\n", i);
			abort();
		}
		if (protocol && strcmp(h.v[i].e.protocol, protocol) != 0) {
			fprintf(stderr, "fuzz_search: a %s hit for protocol %s\n", h.v[i].e.protocol, protocol);
			abort();
		}
	}
	/* the number of hits is not checked against limit: see the report */
	sc_hits_free(&h);
	free(cause);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const protocols[] = { NULL, "http", "ftp", "websocket" };
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	check_query(text, false);
	check_query(text, true);
	(void)search_is_code(text);
	/* the protocol and limit vary with the size, so the corpus covers them */
	check_search(text, NULL, 20, true);
	check_search(text, protocols[size % 4], 1 + size % 7, false);
	free(text);
	return 0;
}
