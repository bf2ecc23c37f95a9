/* keymap.c: the browser's key table as text (see keymap.h). */
#include "config.h"
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "ui.h"

const struct keymap_help keymap_help[] = {
#define KEYMAP_HELP(action, keys, help, help_zh) { keys, help, help_zh },
	KEYMAP(KEYMAP_HELP)
#undef KEYMAP_HELP
};
const size_t keymap_help_count = sizeof keymap_help / sizeof keymap_help[0];

const char *keymap_first(enum keymap_row row, char *buf, size_t size)
{
	const char *keys = (size_t)row < keymap_help_count ? keymap_help[row].keys : "?";
	snprintf(buf, size, "%.*s", (int)strcspn(keys, ","), keys);
	return buf;
}

const char *keymap_note(size_t i)
{
	switch (i) {
	case 0:
		return UI("Panes: protocol, class (with its description), codes, detail (both "
		          "languages, sources and defects), cross-references. Wide terminals show them side by "
		          "side; narrow ones show fewer: Enter goes down a level, Backspace back up.");
	case 1:
		return UI("Colours: 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red "
		          "(off with NO_COLOR or --color=never).");
	case 2:
		return UI("Marks: standard, a vendor's name (nginx, IIS, ...), obsolete; where a row "
		          "has no room for the word, one letter: S standard, V a vendor's, O obsolete.");
	}
	return "";
}
