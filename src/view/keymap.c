/* keymap.c: the browser's key table as text (see keymap.h). */
#include "config.h"
#include "keymap.h"

#include <stdio.h>
#include <string.h>

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
