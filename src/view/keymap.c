/* keymap.c: the browser's key table as text (see keymap.h). */
#include "config.h"
#include "keymap.h"

const struct keymap_help keymap_help[] = {
#define KEYMAP_HELP(action, keys, help, help_zh) { keys, help, help_zh },
	KEYMAP(KEYMAP_HELP)
#undef KEYMAP_HELP
};
const size_t keymap_help_count = sizeof keymap_help / sizeof keymap_help[0];
