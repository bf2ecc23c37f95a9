/* keymap.h: the browser's one key table (after tig's request.h). Every
 * key is listed once with its action and its help text. It lives in the
 * view layer, below both front ends, so that the browser's key handling
 * and help screen (src/tui/keys.c, ov_help.c) and the man page's KEYS
 * section (cli_troff in src/cli/help.c) read the same table without the
 * CLI seeing the browser.
 *
 * The key column is what the user reads and what the browser's keys_init()
 * parses: names separated by ", ": a printable character, Space, Tab,
 * S-Tab, Enter, Backspace, Esc, Up, Down, Left, Right, Home, End, PgUp,
 * PgDn, F1..F12, C-x (control), M-Left/M-Right (Alt with an arrow), 0-9
 * (any digit), and the mouse names Click, Double-click and Wheel, which the
 * mouse handler uses and no key produces. The action column names the
 * browser's enum tui_action (keys.h). */
#ifndef SC_KEYMAP_H
#define SC_KEYMAP_H

#include <stddef.h>

/*      action            keys                        help */
#define KEYMAP(X) \
	X(ACT_DOWN,         "j, Down",                  "move down one line") \
	X(ACT_UP,           "k, Up",                    "move up one line") \
	X(ACT_PAGE_DOWN,    "Space, PgDn, C-f",         "move down one page") \
	X(ACT_PAGE_UP,      "b, PgUp, C-b",             "move up one page") \
	X(ACT_HALF_DOWN,    "C-d",                      "move down half a page") \
	X(ACT_HALF_UP,      "C-u",                      "move up half a page") \
	X(ACT_TOP,          "g, Home",                  "go to the first line") \
	X(ACT_BOTTOM,       "G, End",                   "go to the last line") \
	X(ACT_NEXT_PANE,    "Tab",                      "next pane") \
	X(ACT_PREV_PANE,    "S-Tab",                    "previous pane") \
	X(ACT_ENTER,        "Enter, l, Right",          "open: go down a level (protocol, class, code, " \
	                                                "detail, cross-references); on a cross-reference, " \
	                                                "follow it") \
	X(ACT_BACK,         "Backspace, h, Left",       "back up a level") \
	X(ACT_HIST_BACK,    "[, M-Left",                "back in the history of visited codes") \
	X(ACT_HIST_FWD,     "], M-Right",               "forward in the history") \
	X(ACT_HISTORY,      "H",                        "the history list") \
	X(ACT_SEEN,         "s",                        "the codes seen in the file given to browse, with their " \
	                                                "counts (statuscodes browse FILE)") \
	X(ACT_SEARCH,       "/",                        "search in English or Chinese as you type; Enter keeps " \
	                                                "the results, Esc cancels") \
	X(ACT_NEXT_MATCH,   "n",                        "next search result") \
	X(ACT_PREV_MATCH,   "N",                        "previous search result") \
	X(ACT_JUMP,         "0-9",                      "type a code to jump to it (404, 403.14, 1006)") \
	X(ACT_COMPARE,      "c",                        "compare the code with its first confusable peer, " \
	                                                "side by side (again: the next peer)") \
	X(ACT_COMPARE_WITH, "C",                        "compare the code with a code you type") \
	X(ACT_LANG,         "L",                        "language: English, Chinese or both (remembered)") \
	X(ACT_MARK,         "m",                        "bookmark the code, or remove its bookmark") \
	X(ACT_MARKS,        "', M",                     "the bookmark list") \
	X(ACT_STUDY,        "S",                        "study: questions on the codes, scheduled with FSRS " \
	                                                "(type the choice's number or the code, Enter; o opens " \
	                                                "the entry); the code list marks studied and due codes") \
	X(ACT_HELP,         "?, F1",                    "this help") \
	X(ACT_REDRAW,       "C-l",                      "redraw the screen") \
	X(ACT_CANCEL,       "Esc",                      "close the prompt or overlay; leave the search results") \
	X(ACT_QUIT,         "q",                        "close the overlay; else quit") \
	X(ACT_QUIT_NOW,     "Q",                        "quit from anywhere") \
	X(ACT_CLICK,        "Click",                    "select the line under the mouse (and focus its pane)") \
	X(ACT_OPEN_CLICK,   "Double-click",             "open the line under the mouse, like Enter") \
	X(ACT_WHEEL,        "Wheel",                    "scroll the pane under the mouse")

/* The table as text: one row per action ("j, Down" / "move down one line"). */
struct keymap_help {
	const char *keys;
	const char *help;
};
extern const struct keymap_help keymap_help[];
extern const size_t keymap_help_count;

#endif
