/* pager.c: output longer than the screen goes through a pager, the way git
 * does it: only when stdout is a terminal, with $STATUSCODES_PAGER, else
 * $PAGER, else "less -FRX" (an empty value or "cat" means none), and never
 * with --no-pager. The pager reads what is written to stdout (so that the
 * locale conversion of output.c still applies); quitting it early is no
 * error. */
#include "config.h"
#include "cli_int.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "str.h"

/* The screen's height in lines: the terminal's, else $LINES, else 24. */
static size_t screen_rows(void)
{
	struct winsize ws;
	const char *env = getenv("LINES");

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0)
		return ws.ws_row;
	if (env && atoi(env) > 0)
		return (size_t)atoi(env);
	return 24;
}

const char *cli_pager_command(void)
{
	const char *p = getenv("STATUSCODES_PAGER");

	if (p == NULL)
		p = getenv("PAGER");
	if (p == NULL)
		p = "less -FRX";
	return str_empty(p) || strcmp(p, "cat") == 0 ? NULL : p;
}

bool cli_want_pager(const struct cli_opts *o, const char *text)
{
	size_t lines = 0;

	if (o->no_pager || !cli_stdout_tty() || cli_pager_command() == NULL)
		return false;
	for (const char *s = text; *s; s++)
		lines += *s == '\n';
	return lines >= screen_rows();
}

/* Writes text to stdout through the pager; false when it cannot start. */
static bool paged(const char *text)
{
	FILE *p;
	int saved;
	void (*old)(int);

	fflush(stdout);
	if ((p = popen(cli_pager_command(), "w")) == NULL || (saved = dup(STDOUT_FILENO)) < 0) {
		if (p)
			pclose(p);
		return false;
	}
	old = signal(SIGPIPE, SIG_IGN);      /* the reader may quit before the end */
	dup2(fileno(p), STDOUT_FILENO);
	fputs(text, stdout);
	fflush(stdout);
	clearerr(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	pclose(p);
	signal(SIGPIPE, old);
	return true;
}

void cli_emit(struct out *out, const struct cli_opts *o)
{
	if (!cli_want_pager(o, buf_str(&out->b)) || !paged(buf_str(&out->b)))
		out_write(out, stdout);
	buf_reset(&out->b);
}
