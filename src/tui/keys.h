/* keys.h: the browser's bindings, parsed from the one key table
 * (src/view/keymap.h, after tig's request.h): the key handling
 * (keys_action), the help screen (ov_help.c) and the man page's KEYS
 * section all come from it. */
#ifndef SC_KEYS_H
#define SC_KEYS_H

#include "keymap.h"
#include "screen.h"

enum tui_action {
	ACT_NONE,
#define TUI_KEY_ENUM(action, keys, help, help_zh) action,
	KEYMAP(TUI_KEY_ENUM)
#undef TUI_KEY_ENUM
	ACT_COUNT
};

/* Parses the key column of the table into bindings. Call once after
 * screen_open() (Alt-arrow codes come from the terminal description).
 * A name it does not know is a bug in the table: it aborts. */
void keys_init(void);
void keys_free(void);
/* The action bound to k, or ACT_NONE. */
enum tui_action keys_action(const struct screen_key *k);
/* The first key name of an action ("?" for ACT_HELP), for hints. */
const char *keys_first(enum tui_action a, char *buf, size_t size);
/* Is k a printable character (for prompts)? */
bool keys_printable(const struct screen_key *k);
/* Is k one of the keys that erase a character in a prompt? */
bool keys_is_erase(const struct screen_key *k);

#endif
