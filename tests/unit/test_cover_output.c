/* test_cover_output.c: the converting stdout and stderr of output.c
 * without a GB18030 locale on the machine. output_setup() asks
 * nl_langinfo(CODESET) for the locale's character set; this program
 * answers it (the definition below takes the place of the C library's for
 * the code linked into it), so the shipped conversion runs as it would
 * under LC_ALL=zh_CN.GB18030, through iconv. Each case runs in a child
 * whose stdout and stderr are files (or /dev/full, or a pipe nobody
 * reads); the parent compares their bytes. */
#include "config.h"
#include "testutil.h"

#include <errno.h>
#include <langinfo.h>

#include "output.h"

static char codeset[32] = "UTF-8", none[1];

char *nl_langinfo(nl_item item)
{
	return item == CODESET ? codeset : none;
}

struct run {
	char *out, *err;     /* what the child wrote */
	size_t nout, nerr;
	int status;          /* its exit status */
};

/* Runs body in a child with stdout to out_path (a new file when NULL)
 * and stderr to a new file; fills r. */
static void run_child(const char *cs, const char *out_path, int (*body)(void), struct run *r)
{
	char *out = tu_tmp("out"), *err = tu_tmp("err");
	int st;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		int o = open(out_path ? out_path : out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (o < 0 || e < 0 || dup2(o, STDOUT_FILENO) < 0 || dup2(e, STDERR_FILENO) < 0)
			_exit(90);
		snprintf(codeset, sizeof codeset, "%s", cs);
		exit(body());   /* (exit, not _exit: make coverage counts what the child ran) */
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	r->status = WEXITSTATUS(st);
	r->out = out_path ? NULL : tu_read(out, &r->nout);
	r->err = tu_read(err, &r->nerr);
	free(out);
	free(err);
}

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

#define BYTES_EQUAL(got, n, want) do { \
	assert_int_equal((n), sizeof(want) - 1); \
	assert_memory_equal((got), (want), sizeof(want) - 1); \
} while (0)

/* Writes pieces of UTF-8 the way the program's layers do, in flushes
 * that cut characters: 中 (E4 B8 AD) as 1 + 2 bytes, U+1F600 as 2 + 1 + 1,
 * an invalid byte, a character cut at the end. */
static int body_gb18030(void)
{
	if (!output_setup())
		return 10;
	if (output_setup())              /* once only */
		return 11;
	fputs("中文 404\n", stdout);
	fputs("错误\n", stderr);
	fwrite("\xe4", 1, 1, stdout);
	fflush(stdout);
	fwrite("\xb8\xad", 1, 2, stdout);
	fflush(stdout);
	fwrite("\xf0\x9f", 1, 2, stdout);
	fflush(stdout);
	fwrite("\x98", 1, 1, stdout);
	fflush(stdout);
	fwrite("\x80|a\xff" "b|\xe4\xb8", 1, 8, stdout);
	return output_finish() == 0 ? 0 : 12;
}

static void test_gb18030(void **state)
{
	(void)state;
	struct run r;
	run_child("GB18030", NULL, body_gb18030, &r);
	assert_int_equal(r.status, 0);
	/* 中文 404, 中, U+1F600, a?b, and ? for the cut 中 */
	BYTES_EQUAL(r.out, r.nout, "\xd6\xd0\xce\xc4 404\n" "\xd6\xd0" "\x94\x39\xfc\x36" "|a?b|?");
	BYTES_EQUAL(r.err, r.nerr, "\xb4\xed\xce\xf3\n");
	run_free(&r);
}

/* A character set without the character: the nearest ASCII or '?'. */
static int body_latin1(void)
{
	if (!output_setup())
		return 10;
	fputs("caf\xc3\xa9 \xe4\xb8\xad\n", stdout);
	return output_finish() == 0 ? 0 : 12;
}

static void test_latin1(void **state)
{
	(void)state;
	struct run r;
	run_child("ISO-8859-1", NULL, body_latin1, &r);
	assert_int_equal(r.status, 0);
	BYTES_EQUAL(r.out, r.nout, "caf\xe9 ?\n");
	run_free(&r);
}

/* UTF-8, ASCII (the C locale: no locale chosen), no answer, and a
 * character set iconv does not know: the bytes go out as written. */
static int body_unconverted(void)
{
	if (output_setup())
		return 10;
	output_restore();                /* nothing to put back */
	fputs("中\n", stdout);
	return output_finish() == 0 ? 0 : 12;
}

static void test_unconverted(void **state)
{
	(void)state;
	static const char *const sets[] = { "UTF-8", "utf8", "ANSI_X3.4-1968", "ascii", "", "NO-SUCH-CHARSET-9" };
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
		struct run r;
		run_child(sets[i], NULL, body_unconverted, &r);
		assert_int_equal(r.status, 0);
		BYTES_EQUAL(r.out, r.nout, "中\n");
		assert_int_equal(r.nerr, 0);
		run_free(&r);
	}
}

/* A full disk under conversion: the one message, in the original stderr,
 * and -1; a reader that went away (SIGPIPE ignored): nothing said, 0. */
static int body_write_error(void)
{
	if (!output_setup())
		return 10;
	for (int i = 0; i < 2000; i++)
		fputs("中文 404 Not Found\n", stdout);
	return output_finish() == -1 ? 0 : 12;
}

static int body_epipe(void)
{
	int p[2];
	if (pipe(p) != 0 || dup2(p[1], STDOUT_FILENO) < 0)
		return 9;
	close(p[0]);
	close(p[1]);
	signal(SIGPIPE, SIG_IGN);
	if (!output_setup())
		return 10;
	fputs("中文\n", stdout);
	return output_finish() == 0 ? 0 : 12;
}

static void test_write_errors(void **state)
{
	(void)state;
	struct run r;
	char *want = xasprintf("statuscodes: cannot write the output: %s\n", strerror(ENOSPC));

	run_child("GB18030", "/dev/full", body_write_error, &r);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, want);
	run_free(&r);
	run_child("GB18030", NULL, body_epipe, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.nerr, 0);
	run_free(&r);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_latin1),
		cmocka_unit_test(test_unconverted),
		cmocka_unit_test(test_write_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
