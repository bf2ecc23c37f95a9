/* keymap.h: the browser's one key table (after tig's request.h). Every
 * key is listed once with its action and its help text. It lives in the
 * view layer, below both front ends, so that the browser's key handling
 * and help screen (src/tui/keys.c, ov_help.c) and the man page's KEYS
 * section (cli_troff in src/cli/help.c) read the same table, and the same
 * notes under it (keymap_note), without the CLI seeing the browser.
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

/*      action            keys                        help, and its Chinese */
#define KEYMAP(X) \
	X(ACT_DOWN,         "j, Down",                  "move down one line", \
	                                                "下移一行") \
	X(ACT_UP,           "k, Up",                    "move up one line", \
	                                                "上移一行") \
	X(ACT_PAGE_DOWN,    "Space, PgDn, C-f",         "move down one page", \
	                                                "下翻一页") \
	X(ACT_PAGE_UP,      "b, PgUp, C-b",             "move up one page", \
	                                                "上翻一页") \
	X(ACT_HALF_DOWN,    "C-d",                      "move down half a page", \
	                                                "下翻半页") \
	X(ACT_HALF_UP,      "C-u",                      "move up half a page", \
	                                                "上翻半页") \
	X(ACT_TOP,          "g, Home",                  "go to the first line", \
	                                                "到第一行") \
	X(ACT_BOTTOM,       "G, End",                   "go to the last line", \
	                                                "到最后一行") \
	X(ACT_NEXT_PANE,    "Tab",                      "next pane", \
	                                                "下一个窗格") \
	X(ACT_PREV_PANE,    "S-Tab",                    "previous pane", \
	                                                "上一个窗格") \
	X(ACT_ENTER,        "Enter, l, Right",          "open: go down a level (protocol, class, code, " \
	                                                "detail, cross-references); on a cross-reference, " \
	                                                "follow it; on a code that folds sub-status codes " \
	                                                "(403 +26), also open them in the code list", \
	                                                "打开：进入下一级（协议、类别、状态码、详情、" \
	                                                "交叉引用）；在交叉引用上则跳转过去；在折叠了子状态码的" \
	                                                "状态码上（403 +26），同时在列表中展开它们") \
	X(ACT_BACK,         "Backspace, h, Left",       "back up a level; in the code list, on an open " \
	                                                "fold or one of its sub-status codes, close it", \
	                                                "返回上一级；在状态码列表中展开的状态码或其子状态码上则收起") \
	X(ACT_HIST_BACK,    "[, M-Left",                "back in the history of visited codes", \
	                                                "在访问过的状态码历史中后退") \
	X(ACT_HIST_FWD,     "], M-Right",               "forward in the history", \
	                                                "在历史中前进") \
	X(ACT_HISTORY,      "H",                        "the history list", \
	                                                "历史列表") \
	X(ACT_SEEN,         "s",                        "the codes seen in the file given to browse, with their " \
	                                                "counts (statuscodes browse FILE)", \
	                                                "交给浏览器的文件中出现的状态码及其次数（statuscodes browse 文件）") \
	X(ACT_SEARCH,       "/",                        "search in English or Chinese as you type; Enter keeps " \
	                                                "the results, Esc cancels", \
	                                                "边输入边用英文或中文搜索；Enter 保留结果，" \
	                                                "Esc 取消") \
	X(ACT_NEXT_MATCH,   "n",                        "next search result", \
	                                                "下一个搜索结果") \
	X(ACT_PREV_MATCH,   "N",                        "previous search result", \
	                                                "上一个搜索结果") \
	X(ACT_JUMP,         "0-9",                      "type a code to jump to it (404, 403.14, 1006)", \
	                                                "输入状态码直接跳转（404、403.14、1006）") \
	X(ACT_STANDARD,     "r",                        "registered codes only: vendors' and " \
	                                                "sub-status codes hidden (again: all codes)", \
	                                                "只显示已注册的状态码：隐藏厂商的" \
	                                                "状态码和子状态码（再按：全部显示）") \
	X(ACT_COMPARE,      "c",                        "compare the code with its first confusable peer, " \
	                                                "side by side (again: the next peer)", \
	                                                "把状态码与第一个容易混淆的状态码并排比较（再按：下一个）") \
	X(ACT_COMPARE_WITH, "C",                        "compare the code with a code you type", \
	                                                "把状态码与你输入的状态码比较") \
	X(ACT_LANG,         "L",                        "language: English, Chinese or both (remembered)", \
	                                                "语言：英文、中文或两者（会被记住）") \
	X(ACT_MARK,         "m",                        "bookmark the code, or remove its bookmark", \
	                                                "给状态码加书签，或删除它的书签") \
	X(ACT_MARKS,        "', M",                     "the bookmark list", \
	                                                "书签列表") \
	X(ACT_STUDY,        "S",                        "study: questions on the codes, scheduled with FSRS " \
	                                                "(type the choice's number or the code, Enter; o opens " \
	                                                "the entry); the code list marks studied and due codes", \
	                                                "学习：关于状态码的问题，按 FSRS 安排（输入选项编号或状态码，" \
	                                                "再按 Enter；o 打开条目）；状态码列表标出已学和到期的状态码") \
	X(ACT_HELP,         "?, F1",                    "this help", \
	                                                "本帮助") \
	X(ACT_REDRAW,       "C-l",                      "redraw the screen", \
	                                                "重绘屏幕") \
	X(ACT_CANCEL,       "Esc",                      "close the prompt or overlay; leave the search results", \
	                                                "关闭提示行或浮层；离开搜索结果") \
	X(ACT_QUIT,         "q",                        "close the overlay; else quit", \
	                                                "关闭浮层；否则退出") \
	X(ACT_QUIT_NOW,     "Q",                        "quit from anywhere", \
	                                                "在任何地方直接退出") \
	X(ACT_CLICK,        "Click",                    "select the line under the mouse (and focus its pane)", \
	                                                "选中鼠标下的行（并聚焦其窗格）") \
	X(ACT_OPEN_CLICK,   "Double-click",             "open the line under the mouse, like Enter", \
	                                                "打开鼠标下的行，同 Enter") \
	X(ACT_WHEEL,        "Wheel",                    "scroll the pane under the mouse", \
	                                                "滚动鼠标下的窗格")

/* The rows of the table, by action (KEYMAP_ROW_ACT_MARK), for a front end
 * that names a key without binding it (the command line's hints). */
enum keymap_row {
#define KEYMAP_ROW_ENUM(action, keys, help, help_zh) KEYMAP_ROW_##action,
	KEYMAP(KEYMAP_ROW_ENUM)
#undef KEYMAP_ROW_ENUM
	KEYMAP_ROW_COUNT
};

/* The table as text: one row per action ("j, Down" / "move down one line"). */
struct keymap_help {
	const char *keys;
	const char *help, *help_zh;
};
extern const struct keymap_help keymap_help[];
extern const size_t keymap_help_count;
/* The first key name of a row ("m" for bookmarking), in buf. */
const char *keymap_first(enum keymap_row row, char *buf, size_t size);

/* The notes that follow the keys, in the browser's help and in the man
 * page's KEYS section: the panes, the colours and the row marks (S, V, O),
 * in the interface language. keymap_note(i) for i < KEYMAP_NOTE_COUNT. */
#define KEYMAP_NOTE_COUNT 3
const char *keymap_note(size_t i);

#endif
