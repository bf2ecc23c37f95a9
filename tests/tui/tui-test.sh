#!/bin/sh
# tui-test.sh: drives the real browser in tmux at 120x40, 80x24 and 40x12
# and checks what the screen shows. Exits 77 (skip) without tmux, 1 when a
# check fails. Each check (sc_check in lib.sh) prints "ok N - ..." or
# "not ok N - ..." followed by the screen; the last line counts them.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"


# exits_with SESSION STATUS: the browser exited with STATUS.
exits_with() {
	_rc=$(sc_wait_exit "$1")
	[ "$_rc" = "$2" ] || { echo "#   exit status: $_rc, expected $2"; return 1; }
}

# terminal_restored SESSION: after the exit the tty is back in cooked mode
# with echo, and the alternate screen is off.
terminal_restored() {
	grep -Eq '(^| )icanon( |$)' "$TMPD/$1.stty" && grep -Eq '(^| )echo( |$)' "$TMPD/$1.stty" &&
		[ "$($T display -p -t "$1" '#{alternate_on}')" = 0 ]
}

# no_text SESSION TEXT: TEXT is not on the screen (now).
no_text() {
	case $(sc_screen "$1") in *"$2"*) return 1 ;; esac
	return 0
}

# ---- 120x40: all panes side by side ----------------------------------------------------

sc_start wide 120 40
sc_check "starts at 120x40 with protocol, class, codes and detail side by side" wide \
	sc_wait wide "Protocol" "Class" "1xx" "100" "Continue" "HTTP 100  Continue"
sc_click wide 30 4
sc_check "a click on a row of the code list selects it" wide \
	sc_wait wide "HTTP 102  Processing"
sc_wheel wide 30 4 down
sc_check "the wheel moves the selection (to the last, 104)" wide \
	sc_wait wide "HTTP 104  "

sc_keys wide 4 0 4
sc_check "typing 404 shows it in English and Chinese" wide \
	sc_wait wide "HTTP 404  Not Found" "未找到" "Client Error" "RFC 9110"
sc_keys wide Enter G
sc_check "Enter, G: the end of the detail says which source said what" wide \
	sc_wait wide "003_500cdb8a3228bf43.txt" "153 phrase  Not Found" "100%"
sc_keys wide Enter
sc_check "Enter: on to the cross-references of 404" wide \
	sc_wait wide "Cross-references" "confused  410  Gone"
sc_keys wide Enter
sc_check "Enter follows the cross-reference from 404 to 410" wide \
	sc_wait wide "HTTP 410  Gone" "已永久删除"
sc_keys wide '['
sc_check "[ goes back in the history to 404" wide \
	sc_wait wide "HTTP 404  Not Found"
sc_keys wide ']'
sc_check "] goes forward again to 410" wide \
	sc_wait wide "HTTP 410  Gone"
sc_keys wide '['
sc_wait wide "HTTP 404  Not Found" >/dev/null
# the row of the first cross-reference, wherever the layout put it
y=$(sc_screen wide | grep -n "confused  410  Gone" | head -1 | cut -d: -f1)
sc_double_click wide 70 $(( ${y:-1} - 1 ))
sc_check "a double-click on a cross-reference follows it" wide sc_wait wide "HTTP 410  Gone"
sc_keys wide '['
sc_wait wide "HTTP 404  Not Found" >/dev/null

sc_keys wide L
sc_check "language cycles to English only" wide sc_wait wide "[EN]" "HTTP 404  Not Found"
sc_check "  ... and 未找到 is gone" wide sc_wait_gone wide "未找到"
sc_keys wide L
sc_check "language cycles to Chinese only" wide sc_wait wide "[中文]" "HTTP 404  未找到"
sc_check "  ... and Not Found is gone" wide sc_wait_gone wide "Not Found"
sc_keys wide L
sc_check "language cycles back to both" wide sc_wait wide "[EN+中文]" "Not Found" "未找到"

sc_keys wide m
sc_check "m bookmarks 404" wide sc_wait wide "bookmarked: HTTP 404"
sc_keys wide 2 0 0 M
sc_check "M lists the bookmarks" wide sc_wait wide "Bookmarks" "404" "Not Found"
sc_keys wide Enter
sc_check "Enter on a bookmark opens it" wide sc_wait wide "HTTP 404  Not Found"

sc_keys wide 4 0 1
sc_wait wide "HTTP 401  Unauthorized" >/dev/null
sc_keys wide c
sc_check "c compares 401 with 403, both languages, with the note" wide \
	sc_wait wide "Compare" "HTTP 401" "HTTP 403" "Unauthorized" "Forbidden" "未授权" "禁止访问" \
	"401 Unauthorized vs 403 Forbidden" "401 未授权与 403 禁止访问" "WWW-Authenticate"
sc_keys wide Escape
sc_check "Esc closes the comparison" wide sc_wait_gone wide "Compare · 比较"
sc_keys wide 4 0 4 C
sc_wait wide "with (a code" >/dev/null
sc_type wide 410
sc_keys wide Enter
sc_check "C compares with a code typed (404 and 410)" wide \
	sc_wait wide "404 Not Found vs 410 Gone" "HTTP 410"
sc_keys wide q
sc_check "q closes the overlay, not the program" wide sc_wait_gone wide "Compare · 比较"

sc_keys wide /
sc_type wide 缓存
sc_check "searching 缓存 finds 304 as you type" wide \
	sc_wait wide "Search · 搜索: 缓存" "304" "Not Modified" "/缓存"
sc_keys wide Enter
sc_check "Enter keeps the results and closes the prompt" wide sc_wait_gone wide "/缓存"
sc_check "  ... results still listed" wide sc_wait wide "Search · 搜索: 缓存"
sc_keys wide n
sc_check "n moves to the next result" wide sc_wait wide "result 2 of"
sc_keys wide N
sc_check "N moves back" wide sc_wait wide "result 1 of"
sc_keys wide Escape
sc_check "Esc leaves the results" wide sc_wait_gone wide "Search · 搜索: 缓存"

# typed in one go: every key but the last finds the next already waiting,
# so only the whole text is searched (issue 13), and a protocol's name narrows
sc_keys wide /
sc_type wide "websocket close abnormal"
sc_check "text typed ahead is searched whole; websocket narrows" wide \
	sc_wait wide 'search "websocket close abnormal"' "WS   1006" "Abnormal Closure"
sc_check "  ... the match line shows no mark characters" wide sc_wait_gone wide "^A"
sc_keys wide Escape
sc_check "  ... Esc closes that prompt" wide sc_wait_gone wide "/websocket close abnormal"

sc_keys wide '?'
sc_wait wide "Keys (" >/dev/null
helpscr=$(sc_screen wide)
sc_keys wide G
sleep 0.2
sc_wait wide "Wheel" >/dev/null
helpscr="$helpscr
$(sc_screen wide)"
"$SC_BIN" --help-troff | sed -n '/^\.SH KEYS/,/^\.SH /p' | sed -n '/^\.B /{s/^\.B //;s/\\-/-/g;s/\\e/\\/g;s/^\\&//;p;}' \
	> "$TMPD/keys.txt"
missing=
nkeys=0
while IFS= read -r key; do
	nkeys=$((nkeys + 1))
	case $helpscr in *"$key"*) ;; *) missing="$missing [$key]" ;; esac
done < "$TMPD/keys.txt"
sc_check "the help screen lists every key of the man page's table ($nkeys keys)" wide \
	test -z "$missing" -a "$nkeys" -gt 20
[ -n "$missing" ] && echo "#   missing:$missing"
sc_keys wide Escape
sc_check "Esc closes the help" wide sc_wait_gone wide "Keys ("

# has_sgr SESSION ERE: the screen with its attributes matches ERE.
has_sgr() { $T capture-pane -e -p -t "$1" | grep -E -q -- "$2"; }
sc_check "colour by class: 303 is cyan" wide has_sgr wide '\[36m(.\[[0-9;]*m)*303'
sc_keys wide q
sc_check "q quits with status 0" wide exits_with wide 0
sc_check "  ... and the terminal is restored" wide terminal_restored wide

# ---- 80x24: list and detail; resizing in the middle of a search ---------------------------

sc_start mid 80 24
sc_wait mid "Continue" >/dev/null
sc_keys mid 4 0 4
sc_check "80x24: 404 in both languages" mid sc_wait mid "HTTP 404  Not Found" "未找到"
sc_keys mid /
sc_type mid cach
sc_check "80x24: incremental search for cach" mid sc_wait mid "/cach" "304"
sc_resize mid 40 12
sc_check "resized to 40x12 during the search: the prompt stays" mid sc_wait mid "/cach" "304"
sc_type mid e
sc_check "  ... typing goes on after the resize" mid sc_wait mid "/cache" "Not Modified"
sc_resize mid 120 40
sc_check "  ... and after growing to 120x40" mid sc_wait mid "/cache" "Protocol" "Not Modified"
sc_keys mid Enter
sc_check "  ... Enter keeps the results" mid sc_wait mid "Search · 搜索: cache"
sc_resize mid 20 6
sc_check "below the minimum size: terminal too small" mid sc_wait mid "Terminal too small"
sc_resize mid 1 1
sc_resize mid 80 24
sc_check "back from 1x1 to 80x24 intact" mid sc_wait mid "Search · 搜索: cache" "Not Modified"
sc_keys mid q
sc_check "80x24: q quits with status 0" mid exits_with mid 0

# ---- 40x12: one pane at a time, drill down and back -----------------------------------------

sc_start narrow 40 12
sc_wait narrow "Continue" >/dev/null
sc_keys narrow 4 0 4
sc_check "40x12: the code list shows 404" narrow sc_wait narrow "› 404" "Not Found"
sc_keys narrow Enter
sc_check "40x12: Enter opens the detail, both languages" narrow \
	sc_wait narrow "HTTP 404  Not Found" "未找到"
sc_keys narrow BSpace BSpace
sc_check "40x12: Backspace goes back up to the classes" narrow sc_wait narrow "Client Error" "› 4xx"
sc_keys narrow q
sc_check "40x12: q quits with status 0" narrow exits_with narrow 0

# ---- locales, colour, user data -------------------------------------------------------------------

sc_start langc 80 24 LANG=C LC_ALL=C
sc_wait langc "Continue" >/dev/null
sc_keys langc 4 0 4
sc_check "LANG=C: switches to C.UTF-8 and shows Chinese" langc sc_wait langc "HTTP 404  Not Found" "未找到"
sc_keys langc q
sc_check "LANG=C: q quits with status 0" langc exits_with langc 0

sc_start ascii 80 24 STATUSCODES_ASCII=1
sc_wait ascii "Continue" >/dev/null
sc_keys ascii 4 0 4
sc_check "ASCII display (no UTF-8 locale): still usable" ascii \
	sc_wait ascii "HTTP 404  Not Found" "??????" "> 404"
sc_keys ascii q
sc_check "ASCII display: q quits with status 0" ascii exits_with ascii 0

sc_start nocolor 80 24 NO_COLOR=1
sc_wait nocolor "Continue" >/dev/null
sc_keys nocolor 4 0 4
sc_wait nocolor "HTTP 404  Not Found" >/dev/null
no_colour() { ! has_sgr "$1" '[[;]3[0-7][;m]'; }
sc_check "NO_COLOR: no colours on screen" nocolor no_colour nocolor
sc_keys nocolor q
exits_with nocolor 0 >/dev/null

sc_start persist 80 24
sc_wait persist "Continue" >/dev/null
sc_check "the language chosen before is remembered (both)" persist sc_wait persist "[EN+中文]"
sc_keys persist L q
exits_with persist 0 >/dev/null
sc_start persist2 80 24
sc_check "the language chosen is remembered across runs (en)" persist2 sc_wait persist2 "[EN]"
sc_keys persist2 L L q
exits_with persist2 0 >/dev/null

sc_start nohome 80 24 XDG_DATA_HOME=/proc/statuscodes-none HOME=/proc/statuscodes-none
sc_wait nohome "Continue" >/dev/null
sc_keys nohome 4 0 4 m
sc_check "no usable home: browsing and bookmarks still work" nohome \
	sc_wait nohome "HTTP 404  Not Found" "bookmarked: HTTP 404"
sc_keys nohome q
quiet_exit() { exits_with "$1" 0 && test ! -s "$TMPD/$1.err"; }
sc_check "no usable home: q quits with status 0, nothing on stderr" nohome quiet_exit nohome

# ---- every other way out -----------------------------------------------------------------------

sc_start term 80 24
sc_wait term "Continue" >/dev/null
kill -TERM "$(cat "$TMPD/term.pid")"
sc_check "SIGTERM: exits by the signal (143)" term exits_with term 143
sc_check "  ... with the terminal restored" term terminal_restored term

# a crash (a bug) leaves the shell usable too; under ASan its own report
# comes first and the program does not catch the signal
if ldd "$SC_BIN" 2>/dev/null | grep -q libasan; then
	sc_skip "SIGSEGV: skipped on a sanitizer build"
else
	sc_start segv 80 24
	sc_wait segv "Continue" >/dev/null
	kill -SEGV "$(cat "$TMPD/segv.pid")"
	sc_check "SIGSEGV: dies of the signal (139)" segv exits_with segv 139
	sc_check "  ... with the terminal restored" segv terminal_restored segv
fi

sc_start hup 80 24
sc_wait hup "Continue" >/dev/null
kill -HUP "$(cat "$TMPD/hup.pid")"
sc_check "SIGHUP: exits by the signal (129)" hup exits_with hup 129

sc_start int 80 24
sc_wait int "Continue" >/dev/null
sc_keys int /
sc_type int abc
sc_keys int C-c
sc_check "Ctrl-C in a prompt: exits by SIGINT (130)" int exits_with int 130
sc_check "  ... with the terminal restored" int terminal_restored int

sc_start tstp 80 24
sc_wait tstp "Continue" >/dev/null
sc_keys tstp 4 0 4
sc_wait tstp "HTTP 404  Not Found" >/dev/null
kill -TSTP "$(cat "$TMPD/tstp.pid")"
kill -CONT "$(cat "$TMPD/tstp.pid")"
sc_check "SIGTSTP then SIGCONT: the screen comes back" tstp sc_wait tstp "HTTP 404  Not Found" "未找到"
sc_keys tstp q
sc_check "  ... and q still quits with status 0" tstp exits_with tstp 0

sc_start dumb 80 24 TERM=dumb
# refused SESSION: exit status 2 with one line on stderr.
refused() { exits_with "$1" 2 && test "$(wc -l < "$TMPD/$1.err")" -eq 1; }
sc_check "TERM=dumb: status 2 and one line on stderr" dumb refused dumb
sc_start unknown 80 24 TERM=no-such-terminal
sc_check "unknown TERM: status 2 and one line on stderr" unknown refused unknown

"$SC_BIN" browse </dev/null >/dev/null 2>"$TMPD/notty.err"
rc=$?
sc_check "stdin not a terminal: status 2 and one line on stderr" "" \
	test "$rc" -eq 2 -a "$(wc -l < "$TMPD/notty.err")" -eq 1

sc_check "no sanitizer or leak report from any session" "" sc_sanitizer_clean

sc_done
