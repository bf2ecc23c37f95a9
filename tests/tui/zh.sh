#!/bin/sh
# zh.sh: the browser's own voice in Chinese at 80x24 (issue 14 item 4): the
# help overlay (from the key table's Chinese column), the status line's key
# hints with how to quit, a prompt and messages, every line within 80
# columns as wcwidth counts them and every Chinese string whole; the saved
# choice (key L) and STATUSCODES_LANG choose the language when --lang is
# not given; English mode stays English. Exits 77 without tmux, 1 when a
# check fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"


# fits SESSION: no screen line is wider than 80 columns (wc -L counts a
# wide character as two under a UTF-8 locale) and none holds a
# replacement character, which a cut or mangled character would leave.
fits() {
	_scr=$(sc_screen "$1")
	_w=$(printf '%s\n' "$_scr" | LC_ALL=C.UTF-8 wc -L)
	[ "$_w" -le 80 ] || { echo "#   widest line: $_w columns"; return 1; }
	case $_scr in *"�"*) echo "#   a replacement character"; return 1 ;; esac
}

# last_line SESSION PATTERN: the status line (line 24) matches PATTERN.
last_line() {
	sc_screen "$1" | sed -n '24p' | grep -E -q -- "$2"
}

# status_lacks SESSION TEXT...: no TEXT is on the status line now.
status_lacks() {
	_line=$(sc_screen "$1" | sed -n '24p')
	shift
	for _t in "$@"; do
		case $_line in *"$_t"*) return 1 ;; esac
	done
}

# exits_ok SESSION: the browser exited with status 0.
exits_ok() {
	[ "$(sc_wait_exit "$1")" = 0 ]
}

sc_start zh 80 24 -- --lang zh
sc_check "starts in Chinese at 80x24" zh sc_wait zh "statuscodes ›" "[中文]"
sc_check "the status line names its keys in Chinese, ending with q 退出" zh \
	last_line zh '^\? 帮助  / 搜索 .*q 退出 *$'
sc_check "no English hint is left on it" zh status_lacks zh quit help search
sc_check "every line fits 80 columns" zh fits zh

sc_keys zh '?'
sc_check "? opens the help in Chinese" zh sc_wait zh "按键（Esc 或 q 关闭；man statuscodes 中有同样的列表）" \
	"下移一行" "上翻一页" "返回上一级"
sc_check "the help fits 80 columns" zh fits zh
sc_keys zh Space Space
sc_check "its last page: quitting and the notes, in Chinese" zh sc_wait zh "关闭浮层；否则退出" "颜色：1xx 蓝"
sc_check "a wrapped help line is whole" zh sc_wait zh "在任何地方直接退出"
sc_check "still within 80 columns" zh fits zh
sc_keys zh Escape
sc_wait_gone zh "按键（" >/dev/null

sc_keys zh n                       # no search yet: a message
sc_check "a message in Chinese" zh sc_wait zh "没有搜索结果：按 / 搜索"
sc_keys zh 4 0 4
sc_check "typing a code: the jump line in Chinese" zh sc_wait zh "跳转：404"
sc_keys zh Enter
sc_check "404 opens" zh sc_wait_line zh 1 "› 404 "
sc_keys zh C
sc_check "C asks in Chinese, the prompt whole" zh sc_wait zh "将 HTTP 404 与哪个比较（状态码，或 ftp 530）："
sc_check "the prompt line fits" zh fits zh
sc_type zh "999999"
sc_keys zh Enter
sc_check "an unknown code: the message in Chinese" zh sc_wait zh "没有可比较的状态码“999999”"
sc_keys zh m
sc_check "m: bookmarked, in Chinese" zh sc_wait zh "已加书签：HTTP 404"
sc_keys zh q
sc_check "q quits" zh exits_ok zh

# the saved choice: L in an English session chooses Chinese for the next one
sc_start en 80 24 -- --lang en
sc_check "English mode: English hints, q quit" en sc_wait en "? help" "q quit"
sc_check "nothing Chinese in the status line" en status_lacks en 退出 帮助
sc_keys en L
sc_check "L switches to Chinese at once" en sc_wait en "语言：中文"
sc_keys en Escape
sc_check "and the hints follow" en sc_wait en "q 退出"
sc_keys en q
sc_wait_exit en >/dev/null
sc_start saved 80 24
sc_check "without --lang the saved choice (zh) is used" saved sc_wait saved "[中文]" "q 退出"
sc_keys saved q
sc_wait_exit saved >/dev/null
sc_start env 80 24 STATUSCODES_LANG=en
sc_check "STATUSCODES_LANG=en beats the saved choice" env sc_wait env "[EN]" "q quit"
sc_keys env q
sc_wait_exit env >/dev/null

sc_check "no sanitizer reports" "" sc_sanitizer_clean
echo "$sc_pass passed, $sc_fail failed"
[ "$sc_fail" -eq 0 ]
