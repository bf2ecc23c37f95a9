/* fuzz_args.c: libFuzzer target for the command line.
 *
 * The input is split on NUL bytes into arguments (argv[0] is
 * "statuscodes"; at most 64 arguments) and handed to cli_main with
 * STATUSCODES_DB set to the built reference database. Its stdout goes to
 * /dev/null (fd 1, redirected once) and so does its stderr (the stderr
 * stream is pointed at /dev/null around each call, so that libFuzzer's and
 * the sanitizers' reports, which use fd 2, still show).
 *
 * Skipped, so that a run never writes a file: inputs naming the import
 * command or giving --db (any file could be opened: a FIFO would hang).
 * The browser is never started: cli_main hands it back to its caller. The exit status must be one that
 * exitcode.h lists, and 70 (internal error) is a finding. */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "exitcode.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 64

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *env = getenv("STATUSCODES_DB");
	const char *build = getenv("SC_BUILDDIR");
	char *db;
	int fd;

	(void)argc;
	(void)argv;
	if (env && *env)
		db = xstrdup(env);
	else if (build && *build)
		db = xasprintf("%s/db/statuscodes.db", build);
	else
#ifdef ABS_BUILDDIR
		db = xstrdup(ABS_BUILDDIR "/db/statuscodes.db");
#else
		db = xstrdup("db/statuscodes.db");
#endif
	if (access(db, R_OK) != 0) {
		fprintf(stderr, "fuzz_args: %s: no database (build it first, or set STATUSCODES_DB)\n", db);
		exit(2);
	}
	setenv("STATUSCODES_DB", db, 1);
	free(db);
	/* the user's own data, should a command reach it, goes nowhere lasting */
	setenv("XDG_DATA_HOME", "/nonexistent/statuscodes-fuzz", 1);
	unsetenv("NO_COLOR");
	setlocale(LC_ALL, "C.UTF-8");
	if ((fd = open("/dev/null", O_RDWR)) < 0 || (devnull = fdopen(fd, "w")) == NULL) {
		perror("fuzz_args: /dev/null");
		exit(2);
	}
	fflush(stdout);
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	return 0;
}

/* Would cli_main import, or open a database named on the command line
 * (--db, or any abbreviation of it)? Errs on the side of yes. The browser
 * is no danger: cli_main only hands it back (CLI_BROWSE), and this closes
 * the store it opened for it. */
static bool unsafe(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "import") == 0 || strncmp(argv[i], "--d", 3) == 0)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1);
	static char prog[] = "statuscodes";
	char *argv[MAX_ARGS + 2];
	int argc = 0, rc;

	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = prog;
	for (size_t i = 0; i <= size && argc <= MAX_ARGS;) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	/* a trailing NUL ends the last argument rather than starting one */
	if (size > 0 && data[size - 1] == '\0')
		argc--;
	argv[argc] = NULL;
	if (unsafe(argc, argv)) {
		free(buf);
		return -1;         /* not added to the corpus */
	}

	FILE *saved = stderr;
	stderr = devnull;
	struct cli_handover h;
	rc = cli_main(argc, argv, &h);
	if (h.next == CLI_BROWSE)
		store_close(h.st);
	fflush(stdout);
	fflush(devnull);
	stderr = saved;
	free(buf);

	switch (rc) {
#define SC_EXIT_CASE(name, value, text, zh) case value:
	SC_EXIT_CODES(SC_EXIT_CASE)
#undef SC_EXIT_CASE
		break;
	default:
		fprintf(stderr, "fuzz_args: cli_main returned %d, which exitcode.h does not list\n", rc);
		abort();
	}
	if (rc == SC_EXIT_INTERNAL) {
		fputs("fuzz_args: cli_main returned 70 (internal error)\n", stderr);
		abort();
	}
	return 0;
}
