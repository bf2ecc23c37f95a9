/* testutil.h: shared helpers for the cmocka tests. Header-only: each test
 * program includes it once. */
#ifndef SC_TESTUTIL_H
#define SC_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "import.h"
#include "store.h"
#include "store_write.h"
#include "buf.h"
#include "tlines.h"
#include "xmalloc.h"

static inline const char *tu_srcdir(void)
{
	const char *s = getenv("SC_SRCDIR");
	return s && *s ? s : ".";
}

static inline const char *tu_builddir(void)
{
	const char *s = getenv("SC_BUILDDIR");
	return s && *s ? s : ".";
}

/* The built reference database ($STATUSCODES_DB, else the build's), open
 * read-only, or NULL after a message on stderr. */
static inline struct store *tu_open_builtdb(void)
{
	struct store *st = NULL;
	char *cause = NULL;
	const char *path = getenv("STATUSCODES_DB");
	char *p = path ? xstrdup(path) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	if (store_open(p, STORE_READ, &st, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
	}
	free(p);
	return st;
}

/* The text of line i of a browser pane's lines, its spans joined. Caller
 * frees. */
static inline char *tu_line_text(const struct tlines *l, size_t i)
{
	struct buf b = {0};
	for (size_t k = 0; k < l->v[i].n; k++)
		buf_adds(&b, l->v[i].v[k].text);
	char *s = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

/* A path under a fresh temporary directory. Caller frees. */
static inline char *tu_tmp(const char *name)
{
	static char dir[64];
	if (dir[0] == '\0') {
		strcpy(dir, "/tmp/sc-test-XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
	}
	return xasprintf("%s/%s", dir, name);
}

static inline void tu_write(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

/* Whole file into memory (NUL-terminated); *len its size. Caller frees. */
static inline char *tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	if (len)
		*len = 0;
	if (f == NULL || fstat(fileno(f), &sb) != 0) {
		if (f)
			fclose(f);
		return NULL;
	}
	char *s = xmalloc((size_t)sb.st_size + 1);
	size_t n = fread(s, 1, (size_t)sb.st_size, f);
	fclose(f);
	s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

/* Parses text as a document named name; fails the test if it cannot. */
static inline void tu_parse(const char *name, const char *text, struct doc *d)
{
	char *cause = NULL;
	int rc = doc_parse(name, text, strlen(text), d, &cause);
	if (rc != 0)
		fail_msg("%s", cause);
	assert_int_equal(rc, 0);
}

/* A copy of the built database at path, open for writing (a read-only
 * connection makes no TEMP table, and some tests change the copy). */
static inline struct store *tu_builtdb_copy(const char *path)
{
	const char *built = getenv("STATUSCODES_DB");
	char *cause = NULL, *from = built ? xstrdup(built) : xasprintf("%s/db/statuscodes.db", tu_builddir());
	size_t len;
	char *db = tu_read(from, &len);
	struct store *st = NULL;
	if (db == NULL)
		fail_msg("cannot read %s", from);
	tu_write(path, db, len);
	free(db);
	free(from);
	if (store_open(path, STORE_WRITE, &st, &cause) != 0)
		fail_msg("%s", cause);
	return st;
}

/* A new database at a temporary path with the test registry
 * (tests/data/curated) loaded and a transaction open. */
static inline struct store *tu_db(const char *name)
{
	char *path = tu_tmp(name), *cause = NULL, *curated;
	struct store *st = NULL;
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_begin(st, &cause), 0);
	curated = xasprintf("%s/tests/data/curated", tu_srcdir());
	if (import_curated(st, curated, &cause) != 0)
		fail_msg("%s", cause);
	free(curated);
	free(path);
	return st;
}

/* Imports the document text into st (as a bundled document). */
static inline void tu_import(struct store *st, const char *name, const char *text)
{
	struct doc d;
	struct import_summary sum;
	char *cause = NULL;
	tu_parse(name, text, &d);
	if (import_document(st, &d, "document", &sum, NULL, &cause) != 0)
		fail_msg("%s", cause);
	doc_free(&d);
}

/* Runs one SQL query that returns a single integer. */
static inline int64_t tu_int(struct store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Runs one SQL query that returns a single text (caller frees; NULL if none). */
static inline char *tu_text(struct store *st, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	char *v = NULL;
	assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

/* Kills pid with SIGKILL after a random pause of up to max_us
 * microseconds and reaps it; true when the signal is what ended it. */
static inline bool tu_kill(pid_t pid, unsigned *seed, long max_us)
{
	struct timespec ts = { 0, (long)(rand_r(seed) % (unsigned)max_us) * 1000 };
	int st;
	nanosleep(&ts, NULL);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

/* Fails the test unless PRAGMA integrity_check on the file says ok. */
static inline void tu_integrity_ok(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

#endif
