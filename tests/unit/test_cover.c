/* test_cover.c: core text functions on the inputs no other test gives
 * them (found with make coverage): invalid UTF-8 where a string fits, the
 * ASCII fallback of invalid bytes, an empty needle or digit string. */
#include "config.h"
#include "testutil.h"

#include <errno.h>

#include "buf.h"
#include "say.h"
#include "str.h"
#include "text.h"

/* A string that fits is copied with each invalid byte as U+FFFD, one
 * column each; one that does not fit stops before the first column past
 * the width, never half a replacement. */
static void test_fit_invalid_bytes(void **state)
{
	(void)state;
	struct buf b = {0};
	assert_int_equal(text_fit(&b, "a\xff" "b", 10, false, false), 3);
	assert_string_equal(buf_str(&b), "a\xEF\xBF\xBD" "b");
	buf_free(&b);
	assert_int_equal(text_fit(&b, "a\xff\xfe" "b", 2, false, false), 2);
	assert_string_equal(buf_str(&b), "a\xEF\xBF\xBD");
	buf_free(&b);
	assert_int_equal(text_fit(&b, "\xff\xfe", 1, true, false), 1);
	assert_string_equal(buf_str(&b), "\xEF\xBF\xBD");
	buf_free(&b);
}

/* The ASCII fallback writes an invalid byte as one '?'. */
static void test_ascii_fallback_invalid(void **state)
{
	(void)state;
	char *s = text_ascii_fallback("a\xff" "b\xc3");
	assert_string_equal(s, "a?b?");
	free(s);
}

static void test_str_edges(void **state)
{
	(void)state;
	const char *hay = "Not Found";
	assert_ptr_equal(str_casestr(hay, ""), hay);    /* the empty needle is at the start */
	assert_ptr_equal(str_casestr(hay, "FOUND"), hay + 4);
	assert_null(str_casestr(hay, "gone"));
	assert_false(str_is_digits(""));
	assert_true(str_is_digits("404"));
	assert_false(str_is_digits("40x"));
}

/* The common system errors in words of their own (the catalogue has
 * their Chinese); the others as the C library says them. */
static void test_say_errno(void **state)
{
	(void)state;
	assert_string_equal(say_errno(EACCES), "permission denied");
	assert_string_equal(say_errno(EPERM), "permission denied");
	assert_string_equal(say_errno(ENOENT), "no such file or directory");
	assert_string_equal(say_errno(ENOTDIR), "a part of the path is not a directory");
	assert_string_equal(say_errno(EROFS), "the file system is read-only");
	assert_string_equal(say_errno(ENOSPC), "the disk is full");
	assert_string_equal(say_errno(EISDIR), "is a directory");
	assert_string_equal(say_errno(EFBIG), strerror(EFBIG));
}

static void fatal_hook(void)
{
	fputs("hook; ", stderr);
}

/* An allocation that cannot be made ends the program with status 70 and
 * one line, after the hook (the browser's: give the terminal back). */
static void expect_fatal(int which, const char *want)
{
	char *err = xasprintf("/tmp/sc-fatal-%d", (int)getpid());
	int st;
	pid_t pid;

	fflush(stderr);
	if ((pid = fork()) == 0) {
		size_t cap = 0;
		if (freopen(err, "w", stderr) == NULL)
			_exit(90);
		sc_set_fatal_hook(fatal_hook);
		switch (which) {
		case 0: free(xmalloc(SIZE_MAX)); break;
		case 1: free(xcalloc(SIZE_MAX / 2, 4)); break;
		case 2: free(xrealloc(NULL, SIZE_MAX)); break;
		case 3: free(xreallocarray(NULL, SIZE_MAX / 2, 4)); break;
		default: free(xgrow_to(NULL, SIZE_MAX, &cap, 1)); break;
		}
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 70);
	size_t n, wn = strlen(want);
	char *got = tu_read(err, &n);
	assert_non_null(got);
	assert_true(n >= wn);
	assert_string_equal(got + n - wn, want);
	free(got);
	unlink(err);
	free(err);
}

static void test_out_of_memory(void **state)
{
	(void)state;
	char *want;
#if !defined(__SANITIZE_ADDRESS__)   /* AddressSanitizer ends the program itself */
	/* valgrind counts a malloc of SIZE_MAX as an error of the program
	 * (make check-valgrind sets SC_VALGRIND): only the overflows below */
	if (getenv("SC_VALGRIND") == NULL || *getenv("SC_VALGRIND") == '\0') {
		want = xasprintf("hook; statuscodes: out of memory (%zu bytes)\n", SIZE_MAX);
		expect_fatal(0, want);
		expect_fatal(2, want);
		free(want);
		want = xasprintf("hook; statuscodes: out of memory (%zu x 4 bytes)\n", SIZE_MAX / 2);
		expect_fatal(1, want);
		free(want);
	}
#endif
	want = xasprintf("hook; statuscodes: allocation overflow (%zu x 4)\n", SIZE_MAX / 2);
	expect_fatal(3, want);
	free(want);
	want = xasprintf("hook; statuscodes: allocation overflow (%zu elements)\n", SIZE_MAX);
	expect_fatal(4, want);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_invalid_bytes),
		cmocka_unit_test(test_ascii_fallback_invalid),
		cmocka_unit_test(test_str_edges),
		cmocka_unit_test(test_say_errno),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
