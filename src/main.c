/* main.c: statuscodes. Sets up the locale and hands over to the CLI; when
 * the CLI asks for the browser (or for the man page, which lists the
 * browser's keys), starts it here, so that cli and tui never include each
 * other. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli.h"
#include "tui.h"
#include "xmalloc.h"

/* The man page's generated sections, the browser's keys among them. */
static void troff(void)
{
	struct cli_key_help *keys = xcalloc(tui_key_help_count + 1, sizeof *keys);

	for (size_t i = 0; i < tui_key_help_count; i++)
		keys[i] = (struct cli_key_help){ tui_key_help[i].keys, tui_key_help[i].help };
	cli_troff(stdout, keys, tui_key_help_count);
	free(keys);
}

int main(int argc, char **argv)
{
	struct cli_handover h;
	int rc;

	setlocale(LC_ALL, "");
	rc = cli_main(argc, argv, &h);
	if (h.next == CLI_TROFF) {
		troff();
	} else if (h.next == CLI_BROWSE) {
		struct tui_opts to = { .lang = h.lang, .lang_set = h.lang_set, .color = h.color };
		rc = tui_run(h.st, &to);
		store_close(h.st);
	}
	return rc;
}
