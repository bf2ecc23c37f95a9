/* tui.c: placeholder until the browser lands; replaced by the real one. */
#include "config.h"
#include "tui.h"

#include <stdio.h>

#include "exitcode.h"

const struct tui_key_help tui_key_help[] = {
	{ "q", "quit" },
};
const size_t tui_key_help_count = sizeof tui_key_help / sizeof tui_key_help[0];

int tui_run(struct store *st, const struct cli_opts *o)
{
	(void)st;
	(void)o;
	fputs("statuscodes: the browser is not built yet; see statuscodes --help\n", stderr);
	return SC_EXIT_USAGE;
}
