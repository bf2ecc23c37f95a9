/* keys.c: the bindings parsed from the one key table (src/view/keymap.h). */
#include "config.h"
#include "keys.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "xmalloc.h"

static const enum tui_action key_actions[] = {
#define TUI_KEY_ACTION(action, keys, help, help_zh) action,
	KEYMAP(TUI_KEY_ACTION)
#undef TUI_KEY_ACTION
};

struct binding {
	struct screen_key key;
	enum tui_action action;
};

static struct binding *bindings;
static size_t nbindings, capbindings;

/* Codes for Alt-arrows when the terminal description has none. */
#define KEY_ALT_LEFT  (KEY_MAX + 64)
#define KEY_ALT_RIGHT (KEY_MAX + 65)
static int alt_left = KEY_ALT_LEFT, alt_right = KEY_ALT_RIGHT;

static void bind(bool code, wint_t ch, enum tui_action a)
{
	bindings = xgrow(bindings, nbindings, &capbindings, sizeof *bindings);
	bindings[nbindings].key.code = code;
	bindings[nbindings].key.ch = ch;
	bindings[nbindings].action = a;
	nbindings++;
}

static const struct {
	const char *name;
	int code;          /* a KEY_* code, or -1 */
	int ch;            /* a character, or -1 */
} key_names[] = {
	{ "Space", -1, ' ' }, { "Tab", -1, '\t' }, { "S-Tab", KEY_BTAB, -1 },
	{ "Enter", KEY_ENTER, '\r' }, { "Enter", -1, '\n' },
	{ "Backspace", KEY_BACKSPACE, 127 }, { "Backspace", -1, 8 },
	{ "Esc", -1, 27 },
	{ "Up", KEY_UP, -1 }, { "Down", KEY_DOWN, -1 }, { "Left", KEY_LEFT, -1 }, { "Right", KEY_RIGHT, -1 },
	{ "Home", KEY_HOME, -1 }, { "End", KEY_END, -1 }, { "Home", KEY_A1, -1 }, { "End", KEY_C1, -1 },
	{ "PgUp", KEY_PPAGE, -1 }, { "PgDn", KEY_NPAGE, -1 },
	{ "PgUp", KEY_A3, -1 }, { "PgDn", KEY_C3, -1 },
};

/* Binds one name of the key column. */
static void bind_name(const char *name, enum tui_action a)
{
	bool known = false;

	if (name[0] && !name[1]) {
		bind(false, (unsigned char)name[0], a);
		return;
	}
	if (strcmp(name, "0-9") == 0) {
		for (int d = '0'; d <= '9'; d++)
			bind(false, (wint_t)d, a);
		return;
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
		bind(false, (wint_t)(name[2] & 0x1F), a);
		return;
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		bind(true, (wint_t)KEY_F(atoi(name + 1)), a);
		return;
	}
	if (strcmp(name, "M-Left") == 0 || strcmp(name, "M-Right") == 0) {
		bind(true, (wint_t)(name[2] == 'L' ? alt_left : alt_right), a);
		return;
	}
	if (strcmp(name, "Click") == 0 || strcmp(name, "Double-click") == 0 || strcmp(name, "Wheel") == 0)
		return;  /* the mouse handler's */
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcmp(key_names[i].name, name) != 0)
			continue;
		if (key_names[i].code >= 0)
			bind(true, (wint_t)key_names[i].code, a);
		if (key_names[i].ch >= 0)
			bind(false, (wint_t)key_names[i].ch, a);
		known = true;
	}
	if (!known)
		sc_fatal("key table: unknown key name '%s'", name);
}

/* The code curses gives for a terminfo key capability, or def. Where the
 * description lacks it, teach curses the xterm sequence instead. */
static int extended_key(const char *cap, const char *xterm_seq, int def)
{
	const char *s = tigetstr(cap);
	int code;

	if (s != NULL && s != (const char *)-1 && (code = key_defined(s)) > 0)
		return code;
	if ((code = key_defined(xterm_seq)) > 0)
		return code;
	define_key(xterm_seq, def);
	return def;
}

/* Arrows with Shift or Ctrl that the terminal description does not know
 * would otherwise arrive as Esc [ 1 ; 5 A ..., several stray keys: map
 * them to the plain keys. */
static void teach_modified_keys(void)
{
	static const struct { char c; int code; } arrows[] = {
		{ 'A', KEY_UP }, { 'B', KEY_DOWN }, { 'C', KEY_RIGHT }, { 'D', KEY_LEFT },
		{ 'H', KEY_HOME }, { 'F', KEY_END },
	};
	char seq[16];

	for (int mod = 2; mod <= 8; mod++) {
		if (mod == 3)
			continue;  /* Alt: see extended_key */
		for (size_t i = 0; i < sizeof arrows / sizeof arrows[0]; i++) {
			snprintf(seq, sizeof seq, "\033[1;%d%c", mod, arrows[i].c);
			if (key_defined(seq) == 0)
				define_key(seq, arrows[i].code);
		}
	}
}

void keys_init(void)
{
	nbindings = 0;
	if (screen_is_open()) {
		alt_left = extended_key("kLFT3", "\033[1;3D", KEY_ALT_LEFT);
		alt_right = extended_key("kRIT3", "\033[1;3C", KEY_ALT_RIGHT);
		if (key_defined("\033\033[D") == 0)
			define_key("\033\033[D", alt_left);
		if (key_defined("\033\033[C") == 0)
			define_key("\033\033[C", alt_right);
		teach_modified_keys();
	}
	for (size_t i = 0; i < keymap_help_count; i++) {
		char *copy = xstrdup(keymap_help[i].keys), *save = NULL;
		for (char *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
			while (*name == ' ')
				name++;
			bind_name(name, key_actions[i]);
		}
		free(copy);
	}
}

void keys_free(void)
{
	free(bindings);
	bindings = NULL;
	nbindings = capbindings = 0;
}

enum tui_action keys_action(const struct screen_key *k)
{
	for (size_t i = 0; i < nbindings; i++)
		if (bindings[i].key.code == k->code && bindings[i].key.ch == k->ch)
			return bindings[i].action;
	return ACT_NONE;
}

const char *keys_first(enum tui_action a, char *buf, size_t size)
{
	for (size_t i = 0; i < keymap_help_count; i++)
		if (key_actions[i] == a)
			return keymap_first((enum keymap_row)i, buf, size);
	snprintf(buf, size, "?");
	return buf;
}

bool keys_printable(const struct screen_key *k)
{
	if (k->code || k->ch < 0x20 || k->ch == 0x7F)
		return false;
	if (screen_ascii())
		return k->ch < 0x7F;
	return iswprint((wint_t)k->ch) != 0;
}

bool keys_is_erase(const struct screen_key *k)
{
	return (k->code && k->ch == KEY_BACKSPACE) || (!k->code && (k->ch == 127 || k->ch == 8));
}
