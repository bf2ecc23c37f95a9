/* main.c: statuscodes. Sets up the locale and hands over to the CLI; when
 * the CLI asks for the browser, starts it here, so that cli and tui never
 * include each other. (The man page's key list comes from the one key
 * table in src/view/keymap.h, which both read.) */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli.h"
#include "tui.h"

int main(int argc, char **argv)
{
	struct cli_handover h;
	int rc;

	setlocale(LC_ALL, "");
	rc = cli_main(argc, argv, &h);
	if (h.next == CLI_TROFF) {
		cli_troff(stdout);
	} else if (h.next == CLI_BROWSE) {
		struct tui_opts to = { .lang = h.lang, .lang_set = h.lang_set, .color = h.color };
		rc = tui_run(h.st, &to);
		store_close(h.st);
	}
	return rc;
}
