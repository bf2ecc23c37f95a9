/* main.c: statuscodes. Sets up the locale and hands over to the CLI; when
 * the CLI asks for the browser, starts it here, so that cli and tui never
 * include each other. (The man page's key list comes from the one key
 * table in src/view/keymap.h, which both read.) */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "cli.h"
#include "exitcode.h"
#include "output.h"
#include "tui.h"
#include "xmalloc.h"

int main(int argc, char **argv)
{
	struct cli_handover h;
	int rc;

	setlocale(LC_ALL, "");
	output_setup();
	rc = cli_main(argc, argv, &h);
	if (h.next == CLI_TROFF) {
		cli_troff(stdout);
	} else if (h.next == CLI_BROWSE) {
		struct tui_seen *seen = xcalloc(h.nseen ? h.nseen : 1, sizeof *seen);
		for (size_t i = 0; i < h.nseen; i++)
			seen[i] = (struct tui_seen){ h.seen[i].protocol, h.seen[i].code, h.seen[i].n };
		struct tui_opts to = { .lang = h.lang, .lang_set = h.lang_set, .color = h.color,
		                       .seen = seen, .nseen = h.nseen };
		output_restore(); /* curses writes to the terminal itself */
		rc = tui_run(h.st, &to);
		store_close(h.st);
		free(seen);
		free(h.seen);
	}
	/* output that could not be written is an error, never a silent 0 */
	if (output_finish() != 0)
		rc = SC_EXIT_INTERNAL;
	return rc;
}
