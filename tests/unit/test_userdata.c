/* test_userdata.c: the browser's own database (settings, history,
 * bookmarks): it works, it survives a missing home, and it survives being
 * killed. A child process writes bookmarks through the shipped userdata
 * code and reports each write once it returned; the parent kills it with
 * SIGKILL at a random moment, 100 times, and then finds the file intact and
 * every reported write present. A file from the previous schema opens and
 * is migrated. */
#include "config.h"
#include "testutil.h"


#include "userdata.h"

static void test_basics(void **state)
{
	char *dir = tu_tmp("ud-basic");
	struct userdata *u = userdata_open(dir);
	struct userdata_refs r = {0};

	assert_non_null(u);
	assert_true(userdata_writable(u));
	assert_int_equal(userdata_set(u, "lang", "zh"), 0);
	char *v = userdata_get(u, "lang");
	assert_string_equal(v, "zh");
	free(v);
	assert_int_equal(userdata_bookmark(u, "http", "404", true), 0);
	assert_int_equal(userdata_bookmark(u, "ftp", "530", true), 0);
	assert_int_equal(userdata_bookmark(u, "http", "404", false), 0);
	assert_int_equal(userdata_bookmarks(u, &r), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.v[0].code, "530");
	userdata_refs_free(&r);
	for (int i = 0; i < 3; i++)
		assert_int_equal(userdata_visit(u, "http", i == 1 ? "410" : "404"), 0);
	assert_int_equal(userdata_history(u, 10, &r), 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[1].code, "410");
	userdata_refs_free(&r);
	userdata_close(u);
	/* it persists */
	u = userdata_open(dir);
	v = userdata_get(u, "lang");
	assert_string_equal(v, "zh");
	free(v);
	userdata_close(u);
	free(dir);
}

static void test_no_home(void **state)
{
	/* no directory, or one that cannot be made: no user data, no failure */
	assert_null(userdata_open(NULL));
	assert_null(userdata_open("/proc/statuscodes-cannot-be-here"));
	assert_null(userdata_get(NULL, "lang"));
	assert_int_equal(userdata_set(NULL, "lang", "en"), -1);
	struct userdata_refs r = {0};
	userdata_bookmarks(NULL, &r);
	assert_int_equal(r.n, 0);
	userdata_close(NULL);
}

/* A user database written by the program as it was before study progress
 * (schema 1: tests/data/userdata-v1.db, made by userdata_open() of that
 * version with a setting, three bookmarks and three visits) opens, keeps
 * everything, and gains the study tables. */
static void test_migrate_v1(void **state)
{
	char *dir = tu_tmp("ud-v1"), *src = xasprintf("%s/tests/data/userdata-v1.db", tu_srcdir());
	char *file = xasprintf("%s/user.db", dir);
	size_t len;
	char *bytes = tu_read(src, &len);
	struct userdata_refs r = {0};
	struct userdata_cards cards = {0};

	assert_non_null(bytes);
	assert_int_equal(mkdir(dir, 0700), 0);
	tu_write(file, bytes, len);
	free(bytes);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1);   /* really the old schema */
	sqlite3_finalize(s);
	sqlite3_close(db);

	struct userdata *u = userdata_open(dir);
	assert_non_null(u);
	assert_true(userdata_writable(u));
	char *v = userdata_get(u, "lang");
	assert_string_equal(v, "zh");
	free(v);
	assert_int_equal(userdata_bookmarks(u, &r), 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[2].code, "403.14");
	userdata_refs_free(&r);
	assert_int_equal(userdata_history(u, 10, &r), 0);
	assert_int_equal(r.n, 3);
	assert_string_equal(r.v[2].protocol, "websocket");
	userdata_refs_free(&r);
	/* the study tables are there and take an answer */
	char name[] = "meaning:http:404";
	struct userdata_card c = { .card = name, .state = 1, .stability = 2.3, .difficulty = 2.1,
	                           .due = 600, .reps = 1, .rights = 1 };
	assert_int_equal(userdata_study_answer(u, &c, 3, true, 0), 0);
	assert_int_equal(userdata_study_cards(u, &cards), 0);
	assert_int_equal(cards.n, 1);
	assert_string_equal(cards.v[0].card, "meaning:http:404");
	assert_int_equal(cards.v[0].due, 600);
	userdata_cards_free(&cards);
	assert_int_equal(userdata_study_review_count(u, NULL), 1);
	userdata_close(u);

	/* migrated once: the file now says version 2 */
	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 2);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(file);
	free(src);
	free(dir);
}

/* Reads the user data in dir as a user who cannot write there; returns 0
 * when everything is shown read-only with a true reason. */
static int reader(const char *dir)
{
	struct userdata *u;
	struct userdata_refs r = {0};
	char *v;

	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	if ((u = userdata_open(dir)) == NULL)
		return 11;                       /* the data was hidden */
	if (userdata_writable(u))
		return 12;
	if (userdata_readonly_reason(u) == NULL || strstr(userdata_readonly_reason(u), "cannot be written") == NULL)
		return 13;
	if ((v = userdata_get(u, "lang")) == NULL || strcmp(v, "zh") != 0)
		return 14;
	free(v);
	if (userdata_bookmarks(u, &r) != 0 || r.n != 1 || strcmp(r.v[0].code, "530") != 0)
		return 15;
	userdata_refs_free(&r);
	if (userdata_history(u, 10, &r) != 0 || r.n != 2)
		return 16;
	userdata_refs_free(&r);
	if (userdata_bookmark(u, "http", "404", true) == 0)
		return 17;                       /* a write that cannot happen says so */
	userdata_close(u);
	return 0;
}

/* A folder the user cannot write (issue 15 item 9): bookmarks, history and
 * language still show, read-only, and the reason is the true one. As root
 * the reader drops to nobody, for whom root's 0755 folder is read-only. */
/* Reading the saved language (userdata_peek, run by every command) finds it
 * and leaves nothing beside the user's database: no -wal, no -shm. */
static void test_peek_leaves_no_files(void **state)
{
	(void)state;
	char *dir = tu_tmp("ud-peek");
	struct userdata *u = userdata_open(dir);
	assert_non_null(u);
	assert_int_equal(userdata_set(u, "lang", "zh"), 0);
	userdata_close(u);

	char *v = userdata_peek(dir, "lang");
	assert_non_null(v);
	assert_string_equal(v, "zh");
	free(v);
	const char *const leftover[] = { "user.db-wal", "user.db-shm" };
	for (size_t i = 0; i < 2; i++) {
		char *p = xasprintf("%s/%s", dir, leftover[i]);
		if (access(p, F_OK) == 0)
			fail_msg("%s left behind by userdata_peek", p);
		free(p);
	}
	v = userdata_peek(dir, "missing");
	assert_null(v);
	free(dir);
}

static void test_readonly_dir(void **state)
{
	char *dir = tu_tmp("ud-ro"), *top = xstrdup(dir);
	struct userdata *u = userdata_open(dir);
	int status;
	pid_t pid;

	assert_non_null(u);
	assert_int_equal(userdata_set(u, "lang", "zh"), 0);
	assert_int_equal(userdata_bookmark(u, "ftp", "530", true), 0);
	assert_int_equal(userdata_visit(u, "http", "404"), 0);
	assert_int_equal(userdata_visit(u, "http", "410"), 0);
	userdata_close(u);
	*strrchr(top, '/') = '\0';
	assert_int_equal(chmod(top, 0755), 0);
	assert_int_equal(chmod(dir, 0555), 0);
	if ((pid = fork()) == 0) {
		int rc = reader(dir);
		free(top);
		free(dir);
		_exit(rc);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	chmod(dir, 0700);
	chmod(top, 0700);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	free(top);
	free(dir);
}

/* The child: bookmarks 0, 1, 2, ... and writes each number to fd after
 * userdata_bookmark() returned 0. */
static _Noreturn void writer(const char *dir, int fd, int start)
{
	struct userdata *u = userdata_open(dir);
	if (u == NULL)
		_exit(2);
	for (int i = start;; i++) {
		char code[16];
		snprintf(code, sizeof code, "%d", i);
		if (userdata_bookmark(u, "http", code, true) != 0)
			_exit(3);
		if (write(fd, &i, sizeof i) != (ssize_t)sizeof i)
			_exit(4);
	}
}

static void test_sigkill(void **state)
{
	char *dir = tu_tmp("ud-kill");
	char *file = xasprintf("%s/user.db", dir);
	int next = 0, kills = 0;
	unsigned seed = 20261121;

	for (int round = 0; round < 100; round++) {
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			writer(dir, fds[1], next);
		}
		close(fds[1]);
		/* let it write a random number of times (0..40), then kill it
		 * wherever it is, often in the middle of a transaction */
		int want = (int)(rand_r(&seed) % 41), got = 0, v;
		while (got < want && read(fds[0], &v, sizeof v) == (ssize_t)sizeof v) {
			next = v + 1;
			got++;
		}
		bool killed = tu_kill(pid, &seed, 2000);
		/* writes completed after we stopped reading still count */
		while (read(fds[0], &v, sizeof v) == (ssize_t)sizeof v)
			next = v + 1;
		close(fds[0]);
		kills += killed;

		/* intact, and every reported write is there */
		tu_integrity_ok(file);
		struct userdata *u = userdata_open(dir);
		struct userdata_refs r = {0};
		assert_non_null(u);
		assert_int_equal(userdata_bookmarks(u, &r), 0);
		bool *seen = xcalloc((size_t)next + 1, sizeof *seen);
		for (size_t i = 0; i < r.n; i++) {
			int k = atoi(r.v[i].code);
			if (k >= 0 && k < next)
				seen[k] = true;
		}
		for (int i = 0; i < next; i++)
			if (!seen[i])
				fail_msg("round %d: completed write %d is lost", round, i);
		free(seen);
		userdata_refs_free(&r);
		userdata_close(u);
	}
	printf("# %d rounds, %d SIGKILLs, %d completed writes, all present, integrity ok\n", 100, kills, next);
	assert_true(kills >= 90); /* it was killed, not finished on its own */
	assert_true(next > 100);
	free(file);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basics),
		cmocka_unit_test(test_no_home),
		cmocka_unit_test(test_migrate_v1),
		cmocka_unit_test(test_peek_leaves_no_files),
		cmocka_unit_test(test_readonly_dir),
		cmocka_unit_test(test_sigkill),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
