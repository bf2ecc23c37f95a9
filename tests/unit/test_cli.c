/* test_cli.c: the shipped program, run as a user runs it: exit statuses,
 * languages, lookups, lists, search, compare, sources, import, JSON, bad
 * arguments and bad databases; and that --help, the man page and the
 * README name every command and option of the one table. */
#include "config.h"
#include "testutil.h"

#include <spawn.h>
#include <sys/wait.h>

#include "buf.h"
#include "cli.h"
#include "keymap.h"
#include "str.h"
#include "text.h"
#include "ui.h"
#include "userdata.h"

extern char **environ;

struct run {
	int status;
	char *out, *err;
};

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Runs the built statuscodes with args (NULL-terminated); stdin is
 * /dev/null, stdout and stderr go to files (so not a terminal). */
static struct run run_argv(const char *const *args)
{
	struct run r = {0};
	char *prog = xasprintf("%s/src/statuscodes", tu_builddir());
	char *out = tu_tmp("stdout"), *err = tu_tmp("stderr");
	posix_spawn_file_actions_t fa;
	char *argv[64] = { prog };
	size_t n = 1;
	pid_t pid;
	int st;

	for (; args[n - 1] && n < 63; n++)
		argv[n] = xstrdup(args[n - 1]);
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_int_equal(posix_spawn(&pid, prog, &fa, NULL, argv, environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st)); /* never a crash */
	r.status = WEXITSTATUS(st);
	r.out = tu_read(out, NULL);
	r.err = tu_read(err, NULL);
	for (size_t i = 1; i < n; i++)
		free(argv[i]);
	free(prog);
	free(out);
	free(err);
	return r;
}

#define RUN(...) run_argv((const char *const[]){ __VA_ARGS__, NULL })

static void has(const char *s, const char *needle)
{
	if (strstr(s, needle) == NULL)
		fail_msg("\"%s\" not in:\n%s", needle, s);
}

static void lacks(const char *s, const char *needle)
{
	if (strstr(s, needle) != NULL)
		fail_msg("\"%s\" should not be in:\n%s", needle, s);
}

static size_t lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_show(void **state)
{
	struct run r = RUN("404");
	assert_int_equal(r.status, 0);
	has(r.out, "HTTP 404 Not Found");
	has(r.out, "未找到");
	has(r.out, "410"); /* the confusable peer */
	has(r.out, "RFC 9110");
	assert_string_equal(r.err, "");
	run_free(&r);

	r = RUN("--lang", "en", "http", "404");
	assert_int_equal(r.status, 0);
	assert_false(text_has_cjk(r.out));
	run_free(&r);

	r = RUN("404", "--lang=zh");
	assert_int_equal(r.status, 0);
	has(r.out, "未找到");
	lacks(r.out, "Not Found");
	run_free(&r);

	r = RUN("530"); /* two protocols */
	assert_int_equal(r.status, 0);
	has(r.out, "HTTP 530");
	has(r.out, "FTP 530");
	run_free(&r);

	r = RUN("ftp", "530");
	assert_int_equal(r.status, 0);
	assert_true(str_starts_with(r.out, "FTP 530 "));
	lacks(r.out, "\nHTTP 530 "); /* one entry; HTTP 530 only as a cross-reference */
	run_free(&r);

	r = RUN("ws", "4001");
	assert_int_equal(r.status, 0);
	has(r.out, "WebSocket 4000-4999");
	run_free(&r);

	r = RUN("websocket", "1006");
	assert_int_equal(r.status, 0);
	has(r.out, "WebSocket 1006 Abnormal Closure");
	run_free(&r);

	r = RUN("403.14");
	assert_int_equal(r.status, 0);
	has(r.out, "HTTP 403.14");
	has(r.out, "sub-status of 403");
	run_free(&r);

	r = RUN("show", "302");
	assert_int_equal(r.status, 0);
	has(r.out, "[60W]"); /* what the source wrote is kept */
	run_free(&r);
}

static void test_not_found(void **state)
{
	struct run r = RUN("999");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	has(r.err, "no code 999");
	has(r.err, "closest");
	assert_int_equal(lines(r.err), 1);
	run_free(&r);

	r = RUN("ftp", "404");
	assert_int_equal(r.status, 1);
	has(r.err, "no FTP code 404");
	run_free(&r);

	/* the closest to a sub-status code are its siblings */
	r = RUN("403.99");
	assert_int_equal(r.status, 1);
	has(r.err, "closest: http 403.");
	run_free(&r);
}

static void test_list_and_search(void **state)
{
	struct run r = RUN("list", "http", "4xx");
	assert_int_equal(r.status, 0);
	/* not a terminal: protocol TAB code TAB English TAB Chinese */
	for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n")) {
		assert_true(str_starts_with(line, "http\t4"));
		size_t tabs = 0;
		for (char *p = line; *p; p++)
			tabs += *p == '\t';
		assert_int_equal(tabs, 3);
	}
	run_free(&r);

	r = RUN("list", "40x");
	assert_int_equal(r.status, 0);
	has(r.out, "http\t404\tNot Found\t未找到\n");
	run_free(&r);

	r = RUN("search", "缓存");
	assert_int_equal(r.status, 0);
	has(r.out, "http\t304\tNot Modified");
	run_free(&r);

	r = RUN("search", "zzqqxxvv");
	assert_int_equal(r.status, 1);
	has(r.err, "nothing matches");
	run_free(&r);

	r = RUN("search", "NEAR(", "\"", "AND");
	assert_true(r.status == 0 || r.status == 1);
	lacks(r.err, "fts5");
	lacks(r.err, "syntax");
	run_free(&r);
}

static void test_compare(void **state)
{
	struct run r = RUN("compare", "401", "403");
	assert_int_equal(r.status, 0);
	has(r.out, "HTTP 401");
	has(r.out, "HTTP 403");
	has(r.out, "WWW-Authenticate"); /* the English note */
	has(r.out, "401 未授权与 403 禁止访问"); /* the Chinese title */
	run_free(&r);

	r = RUN("compare", "http:530", "ftp:530");
	assert_int_equal(r.status, 0);
	has(r.out, "FTP 530");
	run_free(&r);

	r = RUN("compare", "401");
	assert_int_equal(r.status, 2);
	run_free(&r);
}

static void test_sources(void **state)
{
	struct run r = RUN("sources");
	assert_int_equal(r.status, 0);
	has(r.out, "000_d87227d84e8c0740.txt");
	has(r.out, "004_f9b0e1bd8f1dfd87.txt");
	has(r.out, "misread_label: \"60W\" is not a status code");
	has(r.out, "hidden_row");
	/* every curated input, the search's too, with its provenance */
	has(r.out, "glossary.tsv  curated, tsv, en+zh\n  statuscodes curated data / statuscodes project\n");
	has(r.out, "search-synonyms.tsv  curated, tsv, en+zh\n");
	/* the search prior names the measurement it is derived from (docs/SEARCH.md) */
	has(r.out, "search-prior.tsv  curated, tsv, en+zh\n  Wessels, Web Caching (O'Reilly 2001), Appendix A.12, "
	           "Table A-14 Reply Status Code Breakdown / derived by the statuscodes project\n");
	has(r.out, "protocols.tsv  curated");
	run_free(&r);

	/* --lang zh: the findings in Chinese (issue 12) */
	r = RUN("sources", "--lang", "zh");
	assert_int_equal(r.status, 0);
	has(r.out, "第 24 行，duplicate_block：第 24-45 行（101 到 510）完整重复了第 2-23 行。");
	has(r.out, "第 53 行，misread_label：“60W”不是状态码；它位于 301 和 303 之间");
	has(r.out, "语“Found”属于 302。处理：按 302 读取。");
	run_free(&r);
	r = RUN("--lang", "zh", "ftp", "221");
	assert_int_equal(r.status, 0);
	has(r.out, "contradicts_rfc：RFC 959 原文");
	run_free(&r);

	r = RUN("sources", "--coverage");
	assert_int_equal(r.status, 0);
	has(r.out, "coverage: 100%");
	/* the standard codes have details, summaries and what to check in both
	 * languages (issue 12) */
	has(r.out, "detail_en detail_zh check_en check_zh");
	has(r.out, "\nstandard ");
	has(r.out, "      100%      100%       100%       100%      100%      100%     100%     100%\n");
	run_free(&r);
}

static void test_json(void **state)
{
	struct run r = RUN("--json", "404");
	assert_int_equal(r.status, 0);
	assert_true(str_starts_with(r.out, "[{\"protocol\":\"http\",\"code\":\"404\""));
	has(r.out, "\"phrase_zh\":\"未找到\"");
	run_free(&r);
	r = RUN("search", "--json", "proxy");
	assert_int_equal(r.status, 0);
	assert_true(str_starts_with(r.out, "[{"));
	run_free(&r);
	/* a hit carries its summaries (search hits are read brief) */
	r = RUN("search", "--json", "preconnect");
	assert_int_equal(r.status, 0);
	assert_true(str_starts_with(r.out, "[{\"protocol\":\"http\",\"code\":\"103\""));
	has(r.out, "\"summary_en\":\"An interim response that sends some headers");
	run_free(&r);
}

static void test_usage_errors(void **state)
{
	static const char *const cases[][4] = {
		{ "--bogus", NULL }, { "--lang", "fr", "404", NULL }, { "frobnicate", NULL },
		{ "list", "http", "abc", NULL }, { "show", "teapot", NULL }, { "--limit", "0", "search", NULL },
		{ "--color=sometimes", "404", NULL }, { "--lang", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct run r = run_argv(cases[i]);
		if (r.status != 2)
			fail_msg("case %zu: status %d:\n%s", i, r.status, r.err);
		has(r.err, "statuscodes: ");
		assert_string_equal(r.out, "");
		run_free(&r);
	}
	struct run r = RUN("--version");
	assert_int_equal(r.status, 0);
	has(r.out, "statuscodes " PACKAGE_VERSION);
	run_free(&r);
}

/* Options are read by getopt_long from the one table: long options
 * abbreviate the GNU way, --color takes its word as the next argument
 * too, and a bad argument anywhere stops before anything is printed
 * (issue 15 item 13). */
static void test_option_parsing(void **state)
{
	struct run r = RUN("--vers");
	assert_int_equal(r.status, 0);
	has(r.out, "statuscodes " PACKAGE_VERSION);
	run_free(&r);

	r = RUN("--color", "never", "404");
	assert_int_equal(r.status, 0);
	has(r.out, "HTTP 404 Not Found");
	lacks(r.out, "\033[");
	run_free(&r);
	r = RUN("--color", "always", "404");
	assert_int_equal(r.status, 0);
	has(r.out, "\033[");
	run_free(&r);
	r = RUN("--col=always", "--la", "en", "404");  /* abbreviated, with = and without */
	assert_int_equal(r.status, 0);
	has(r.out, "\033[");
	lacks(r.out, "未找到");
	run_free(&r);

	r = RUN("404", "--", "--lang");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	has(r.err, "'--lang' is not a status code");
	run_free(&r);
	r = RUN("404", "teapot");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	run_free(&r);

	r = RUN("--co", "404");   /* --color or --coverage */
	assert_int_equal(r.status, 2);
	has(r.err, "ambiguous");
	run_free(&r);
	r = RUN("--json=yes", "404");
	assert_int_equal(r.status, 2);
	has(r.err, "takes no value");
	run_free(&r);

	r = RUN("--help-troff");
	assert_int_equal(r.status, 0);
	has(r.out, ".SH COMMANDS");
	has(r.out, ".SH KEYS");
	has(r.out, "quit");
	run_free(&r);
}

/* Sets or (value NULL) unsets an environment variable for the runs. */
static void env(const char *name, const char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
}

/* The language of a run: what 404 shows and what an error says. */
static void expect_lang(const char *want, const char *flag)
{
	struct run r = flag ? RUN("--lang", flag, "404") : RUN("404");
	struct run e = flag ? RUN("--lang", flag, "--bogus") : RUN("--bogus");
	assert_int_equal(r.status, 0);
	assert_int_equal(e.status, 2);
	if (strcmp(want, "zh") == 0) {
		has(r.out, "未找到");
		lacks(r.out, "Not Found");
		has(e.err, "未知的选项");
	} else {
		has(r.out, "Not Found");
		if (strcmp(want, "en") == 0)
			lacks(r.out, "未找到");
		else
			has(r.out, "未找到");
		has(e.err, "unknown option");
	}
	run_free(&r);
	run_free(&e);
}

/* The default language, step by step: --lang, else STATUSCODES_LANG, else
 * the browser's saved choice, else the locale, else both. Reading the
 * saved choice creates no user database. */
static char *old_xdg, *old_lang, *old_all;

static int save_env(void **state)
{
	old_xdg = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	old_lang = getenv("LANG") ? xstrdup(getenv("LANG")) : NULL;
	old_all = getenv("LC_ALL") ? xstrdup(getenv("LC_ALL")) : NULL;
	return 0;
}

/* Puts the environment back, also after a failed check. */
static int restore_env(void **state)
{
	env("STATUSCODES_LANG", NULL);
	env("XDG_DATA_HOME", old_xdg);
	env("LANG", old_lang);
	env("LC_ALL", old_all);
	free(old_xdg);
	free(old_lang);
	free(old_all);
	return 0;
}

static void test_lang_default(void **state)
{
	char *xdg = tu_tmp("xdg-lang"), *dir = xasprintf("%s/statuscodes", xdg);
	char *file = xasprintf("%s/user.db", dir);
	struct stat sb;

	mkdir(xdg, 0700);
	env("XDG_DATA_HOME", xdg);
	env("STATUSCODES_LANG", NULL);
	env("LC_MESSAGES", NULL);
	env("LC_ALL", NULL);
	env("LANG", "C.UTF-8");
	expect_lang("both", NULL);                      /* nothing says: both */
	env("LANG", "zh_CN.UTF-8");
	expect_lang("zh", NULL);                        /* the locale */
	env("LANG", "en_US.UTF-8");
	env("LC_ALL", "zh_TW.UTF-8");                   /* LC_ALL before LANG */
	expect_lang("zh", NULL);
	assert_int_not_equal(stat(file, &sb), 0);       /* nothing created to read the choice */

	struct userdata *u = userdata_open(dir);
	assert_non_null(u);
	assert_int_equal(userdata_set(u, "lang", "en"), 0);
	userdata_close(u);
	expect_lang("en", NULL);                        /* the saved choice beats the locale */
	env("STATUSCODES_LANG", "zh");
	expect_lang("zh", NULL);                        /* the variable beats the saved choice */
	expect_lang("both", "both");                    /* --lang beats the variable */
	env("STATUSCODES_LANG", "");                    /* empty: not set */
	expect_lang("en", NULL);

	env("STATUSCODES_LANG", "klingon");
	struct run r = RUN("404");
	assert_int_equal(r.status, 2);
	has(r.err, "STATUSCODES_LANG");
	assert_string_equal(r.out, "");
	run_free(&r);
	expect_lang("zh", "zh");                        /* a good --lang needs no good variable */
	r = RUN("--lang", "zh", "--help");
	has(r.out, "用法：statuscodes");
	has(r.out, "报告错误：");
	has(r.out, "退出状态：");
	run_free(&r);
	r = RUN("--lang", "zh", "sources");             /* reports in the program's voice */
	has(r.out, "条陈述；发现");
	lacks(r.out, "rows taken");
	run_free(&r);
	r = RUN("--lang", "zh", "search", "cahce");
	has(r.err, "你是不是要找“cause”");
	run_free(&r);
	r = RUN("--lang", "zh", "sources", "--coverage");
	has(r.out, "覆盖：");
	run_free(&r);
	r = RUN("--bogus", "--la", "zh");               /* errors before --lang are in its language */
	has(r.err, "未知的选项“--bogus”");
	has(r.err, "请试试");
	run_free(&r);

	free(xdg);
	free(dir);
	free(file);
}

static void test_bad_database(void **state)
{
	struct run r = RUN("--db", "/nonexistent/statuscodes.db", "404");
	assert_int_equal(r.status, 3);
	has(r.err, "/nonexistent/statuscodes.db");
	assert_int_equal(lines(r.err), 1);
	run_free(&r);

	char *junk = tu_tmp("junk.db");
	tu_write(junk, "SQLite format 3\0garbage garbage garbage", 40);
	r = RUN("--db", junk, "search", "x");
	assert_int_equal(r.status, 3);
	has(r.err, junk);
	lacks(r.err, "SQLITE");
	run_free(&r);
	free(junk);
}

static char *copy_db(const char *name)
{
	size_t len;
	char *src = xasprintf("%s/db/statuscodes.db", tu_builddir());
	char *data = tu_read(getenv("STATUSCODES_DB") ? getenv("STATUSCODES_DB") : src, &len);
	char *dst = tu_tmp(name);
	assert_non_null(data);
	tu_write(dst, data, len);
	free(data);
	free(src);
	return dst;
}

static void test_import(void **state)
{
	char *db = copy_db("import.db"), *doc = tu_tmp("mine.md"), *bin = tu_tmp("bin.dat");
	size_t before_len, after_len;
	const char *text = "| Code | Reason | Meaning |\n|---|---|---|\n"
	                   "| 299 | Mine | 我自己的状态码。 |\n| 404 | Not Found | 我的说明。 |\n"
	                   "| 50x | short |\n";
	tu_write(doc, text, strlen(text));
	char *before = tu_read(db, &before_len);

	/* a dry run changes nothing */
	struct run r = RUN("--db", db, "import", "--dry-run", doc);
	assert_int_equal(r.status, 0);
	has(r.out, "dry run");
	has(r.out, "rejected 1 lines");
	run_free(&r);
	char *after = tu_read(db, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	free(after);

	/* an unusable document: exit 4, the database byte for byte the same */
	tu_write(bin, "\0\1\2\3", 4);
	r = RUN("--db", db, "import", bin);
	assert_int_equal(r.status, 4);
	has(r.err, "bin.dat");
	run_free(&r);
	after = tu_read(db, &after_len);
	assert_memory_equal(before, after, before_len);
	free(after);

	/* a real import */
	r = RUN("--db", db, "import", doc);
	assert_int_equal(r.status, 0);
	has(r.out, "taken 2 rows (1 new entries)");
	run_free(&r);
	r = RUN("--db", db, "299");
	assert_int_equal(r.status, 0);
	has(r.out, "我自己的状态码。");
	has(r.out, "unverified");
	run_free(&r);

	/* the reference database is opened read-only and never written */
	chmod(db, 0444);
	r = RUN("--db", db, "import", doc);
	assert_int_equal(r.status, 3);
	has(r.err, "read-only");
	run_free(&r);
	free(before);
	free(db);
	free(doc);
	free(bin);
}

/* A database another process holds locked: one line, status 3, and the
 * file as it was. */
static void test_locked_database(void **state)
{
	char *db = copy_db("locked.db");
	sqlite3 *h;
	size_t n1, n2;

	/* read it first: closing any descriptor of the file would drop the
	 * POSIX locks SQLite holds on it */
	char *before = tu_read(db, &n1);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN EXCLUSIVE; UPDATE meta SET value = value;", NULL, NULL, NULL),
	                 SQLITE_OK);
	struct run r = RUN("--db", db, "404");
	assert_int_equal(r.status, 3);
	has(r.err, "locked");
	has(r.err, db);
	assert_int_equal(lines(r.err), 1);
	run_free(&r);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	char *after = tu_read(db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	free(db);
}

/* Documents too large, or with a line too long, are refused with a line
 * naming the file (and the line), before anything is written. */
static void test_huge_documents(void **state)
{
	char *db = copy_db("huge.db"), *big = tu_tmp("big.md"), *wide = tu_tmp("wide.md");
	size_t n1, n2;
	char *before = tu_read(db, &n1);

	/* 100 MB (sparse: its size is what is refused, before any reading) */
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 100L << 20), 0);
	close(fd);
	struct run r = RUN("--db", db, "import", big);
	assert_int_equal(r.status, 4);
	has(r.err, "big.md");
	has(r.err, "larger than");
	run_free(&r);

	/* a 1 MB line on line 3 */
	size_t n = 1 << 20;
	char *text = xmalloc(n + 64);
	strcpy(text, "| Code | Meaning |\n|---|---|\n| 404 | ");
	size_t at = strlen(text);
	memset(text + at, 'x', n);
	strcpy(text + at + n, " |\n");
	tu_write(wide, text, strlen(text));
	free(text);
	r = RUN("--db", db, "import", wide);
	assert_int_equal(r.status, 4);
	has(r.err, "wide.md:3: line longer than");
	run_free(&r);

	char *after = tu_read(db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	free(db);
	free(big);
	free(wide);
}

/* Does the man page text hold s as troff writes it (- as \-)? */
static void has_troff(const char *man, const char *s)
{
	struct buf want = {0};
	for (const char *p = s; *p; p++)
		buf_adds(&want, *p == '-' ? "\\-" : (char[]){ *p, 0 });
	has(man, buf_str(&want));
	buf_free(&want);
}

/* --help, the man page and README.md name every command and option. */
static void test_one_table(void **state)
{
	struct run r = RUN("--help");
	char *readme_path = xasprintf("%s/README.md", tu_srcdir());
	char *man_path = xasprintf("%s/docs/statuscodes.1", tu_builddir());
	char *readme = tu_read(readme_path, NULL), *man = tu_read(man_path, NULL);

	assert_int_equal(r.status, 0);
	assert_non_null(readme);
	assert_non_null(man);
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		char *word = xasprintf("%s ", c->name);
		has(r.out, word);
		char *cmd = xasprintf("statuscodes %s", c->name);
		has(readme, cmd);
		char *troff = xasprintf(".B %s", c->name);
		has(man, troff);
		free(word);
		free(cmd);
		free(troff);
	}
	for (const struct cli_option *o = cli_options; o->name; o++) {
		char *opt = xasprintf("--%s", o->name);
		has(r.out, opt);
		has(readme, opt);
		free(opt);
	}
	/* the Chinese man page: the same tables, in their Chinese */
	char *zh_path = xasprintf("%s/docs/statuscodes.zh.1", tu_builddir());
	char *zh = tu_read(zh_path, NULL);
	assert_non_null(zh);
	has(zh, ".SH 命令\n");
	has(zh, ".SH 选项\n");
	has(zh, ".SH 按键\n");
	has(zh, ".SH \"退出状态\"\n");
	lacks(zh, "@GENERATED@");
	lacks(zh, "@VERSION@");
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		char *troff = xasprintf(".B %s", c->name);
		has(zh, troff);
		free(troff);
	}
	for (const struct cli_option *o = cli_options; o->name; o++)
		has_troff(zh, o->help_zh);
	for (size_t i = 0; i < keymap_help_count; i++)
		has(zh, keymap_help[i].help_zh);
	lacks(zh, keymap_help[0].help);
	/* the notes under the keys (panes, colours, the S/V/O row marks): the
	 * browser's help says them from keymap_note, and so do both man pages */
	for (size_t i = 0; i < KEYMAP_NOTE_COUNT; i++) {
		ui_set_lang(LANG_ZH);
		has_troff(zh, keymap_note(i));
		lacks(man, keymap_note(i));
		ui_set_lang(LANG_EN);
		has_troff(man, keymap_note(i));
	}
	has(man, "S standard, V a vendor's, O obsolete");
	free(zh);
	free(zh_path);
	/* the default language's order, in --help (from the option table) and README */
	static const char *const order[] = { "$STATUSCODES_LANG", "browser", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		has(readme, order[i]);
		has(cli_options[0].help, order[i]);
	}
	run_free(&r);
	free(readme);
	free(man);
	free(readme_path);
	free(man_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_not_found),
		cmocka_unit_test(test_list_and_search),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_sources),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_usage_errors),
		cmocka_unit_test(test_option_parsing),
		cmocka_unit_test_setup_teardown(test_lang_default, save_env, restore_env),
		cmocka_unit_test(test_bad_database),
		cmocka_unit_test(test_import),
		cmocka_unit_test(test_locked_database),
		cmocka_unit_test(test_huge_documents),
		cmocka_unit_test(test_one_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
