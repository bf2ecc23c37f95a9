#!/bin/sh
# keys-walk.sh: presses every binding of the browser's key table (Ctrl keys,
# S-Tab, Esc in and out of every prompt and overlay, the mouse) at 100x30
# and asserts on the screen after each. A key in the table that no step
# here presses fails the test, so a new binding needs a check.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both).
here=$(dirname "$0")
. "$here/lib.sh"

SC_XDG=$TMPD/xdg
export SC_XDG
pass=0 fail=0 n=0
walked=" "
S=kw

# check DESCRIPTION COMMAND...: on failure shows the screen.
check() {
	_desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		pass=$((pass + 1))
		echo "ok $n - $_desc"
	else
		fail=$((fail + 1))
		echo "not ok $n - $_desc"
		sc_screen "$S" | sed 's/^/#   |/'
		[ -s "$TMPD/$S.err" ] && sed 's/^/#   stderr: /' "$TMPD/$S.err"
	fi
}

# press TABLE-NAME TMUX-KEY...: sends the keys, notes the table's name of
# the binding as walked, waits until the browser has read them.
press() {
	walked="$walked$1 "
	shift
	sc_keys "$S" "$@"
	sc_idle "$S"
}

# counter: the position "N/M" of the code list (the first pane title).
counter() {
	sc_screen "$S" | sed -n '2p' | grep -oE '[0-9]+/[0-9]+' | head -1
}
# at N: the code list's position is N (polls).
at() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while [ "$(counter | cut -d/ -f1)" != "$1" ]; do
		[ "$(date +%s)" -ge "$_end" ] && { echo "#   position $(counter), expected $1"; return 1; }
		sleep 0.05
	done
}
# moved_from OLD: until the code list's position is no longer OLD; prints
# the new one (its N).
moved_from() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while [ "$(counter)" = "$1" ] && [ "$(date +%s)" -lt "$_end" ]; do sleep 0.05; done
	counter | cut -d/ -f1
}
# focused TEXT: the text drawn in reverse video (the focused pane's title)
# holds TEXT.
focused() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		$T capture-pane -e -p -t "$S" |
			perl -ne 'my $r = 0; while (/\e\[([0-9;]*)m([^\e]*)/g) {
				my ($a, $t) = ($1, $2);
				for my $p (split /;/, $a eq "" ? "0" : $a) { $r = 0 if $p == 0 || $p == 27; $r = 1 if $p == 7 }
				print "$t\n" if $r && $t =~ /\S/ }' |
			grep -qF -- "$1" && return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}
detail_pct() {
	sc_screen "$S" | sed -n '2p' | grep -oE '[0-9]+%' | tail -1
}
# status LINE: the last screen line (the prompt or message line) holds it.
status() {
	sc_wait_line "$S" 30 "$1"
}
no_text() {
	case $(sc_screen "$S") in *"$1"*) return 1 ;; esac
	return 0
}

sc_start "$S" 100 30
check "starts on HTTP 100" sc_wait "$S" "HTTP 100  Continue"

# ---- moving in the code list ------------------------------------------------------------
press j j;            check "j: down one line" sc_wait "$S" "HTTP 101  Switching Protocols"
press Down Down;      check "Down: down one line" sc_wait "$S" "HTTP 102  Processing"
press k k;            check "k: up one line" sc_wait "$S" "HTTP 101  Switching Protocols"
press Up Up;          check "Up: up one line" sc_wait "$S" "HTTP 100  Continue"
press 0-9 4 0 0;      check "digits jump to a code: 400" sc_wait "$S" "HTTP 400  Bad Request"
check "the list is at its first row" at 1
c0=$(counter)
press C-d C-d
half=$(moved_from "$c0")
check "Ctrl-D: down half a page" test "${half:-1}" -gt 2
press C-u C-u;        check "Ctrl-U: back up half a page" at 1
c0=$(counter)
press C-f C-f
full=$(moved_from "$c0")
check "Ctrl-F: down a whole page, more than half" test "${full:-1}" -gt "${half:-1}"
press C-b C-b;        check "Ctrl-B: up a page" at 1
press Space Space;    check "Space: down a page" at "$full"
press b b;            check "b: up a page" at 1
press PgDn NPage;     check "PgDn: down a page" at "$full"
press PgUp PPage;     check "PgUp: up a page" at 1
c0=$(counter)
press G G
moved_from "$c0" >/dev/null
last=$(counter | cut -d/ -f2)
check "G: the last line" at "$last"
press g g;            check "g: the first line" at 1
press End End;        check "End: the last line" at "$last"
press Home Home;      check "Home: the first line" at 1

# ---- panes -------------------------------------------------------------------------------
check "the code list has the focus" focused "HTTP 4xx"
press Tab Tab;        check "Tab: the detail pane has the focus" focused "HTTP 400 Bad Request"
p0=$(detail_pct)
press j j j j
check "j in the detail scrolls it, not the list" test "$(detail_pct)" != "$p0"
check "... and the list stays on 400" sc_wait "$S" "› 400     Bad Request"
press S-Tab BTab;     check "S-Tab: back to the code list" focused "HTTP 4xx"
press Left Left;      check "Left: back up a level, to the classes" focused "Class"
press Right Right;    check "Right: open the class again" focused "HTTP 4xx"
press h h;            check "h: back up a level" focused "Class"
press l l;            check "l: open" focused "HTTP 4xx"
press Backspace BSpace; check "Backspace: back up a level" focused "Class"
press Enter Enter;    check "Enter: open" focused "HTTP 4xx"

# ---- history -----------------------------------------------------------------------------
press 0-9 4 0 4;      check "jump to 404" sc_wait "$S" "HTTP 404  Not Found"
press [ "[";          check "[: back in the history to 400" sc_wait "$S" "HTTP 400  Bad Request"
press ] "]";          check "]: forward to 404" sc_wait "$S" "HTTP 404  Not Found"
press M-Left M-Left;  check "M-Left: back in the history" sc_wait "$S" "HTTP 400  Bad Request"
press M-Right M-Right; check "M-Right: forward" sc_wait "$S" "HTTP 404  Not Found"
press H H;            check "H: the history list" sc_wait "$S" "History"
press Esc Escape;     check "Esc closes the history list" sc_wait_gone "$S" "History"

# ---- search prompt: Esc cancels, Enter keeps ---------------------------------------------
press / /
sc_type "$S" cache
check "/: the search prompt searches as you type" sc_wait "$S" "Search" "HTTP 304"
check "the prompt line shows the query" status "^/cache"
press Esc Escape
check "Esc in the search prompt cancels the search" sc_wait_gone "$S" "Search"
check "... back on 404" sc_wait "$S" "HTTP 404  Not Found"
check "... no prompt on the last line" status "help"
press / /
sc_type "$S" cache
sc_keys "$S" Enter
sc_idle "$S"
check "Enter in the search prompt keeps the results" sc_wait "$S" "Search" "HTTP 304"
r1=$(counter)
press n n;            check "n: the next search result" test "$(counter)" != "$r1"
press N N;            check "N: the previous search result" test "$(counter)" = "$r1"
press Esc Escape;     check "Esc leaves the search results" sc_wait_gone "$S" "Search"
check "... on the result that was selected, 304" sc_wait "$S" "HTTP 304  Not Modified"

# ---- compare: overlay and prompt -----------------------------------------------------------
press c c;            check "c: compare with a confusable peer" sc_wait "$S" "Compare" "HTTP 304 ↔ HTTP 412"
press Esc Escape;     check "Esc closes the comparison" sc_wait_gone "$S" "Compare"
press C C;            check "C: a prompt for the code to compare with" status "compare HTTP 304 with"
press Esc Escape;     check "Esc in the compare prompt cancels it" status "help"
check "... and opens no comparison" no_text "Compare"
sc_keys "$S" C; sc_type "$S" 410; sc_keys "$S" Enter; sc_idle "$S"
check "C 410 Enter compares 304 with 410" sc_wait "$S" "Compare" "HTTP 304 ↔ HTTP 410"
press q q;            check "q closes the overlay, the browser stays" sc_wait_gone "$S" "Compare"

# ---- language, bookmarks, help, redraw -----------------------------------------------------
press L L;            check "L: English only" sc_wait "$S" "[EN]"
check "... no Chinese phrase in the detail" no_text "未修改"
press L L;            check "L: Chinese only" sc_wait "$S" "[中文]" "未修改"
check "... no English phrase" no_text "Not Modified"
press L L;            check "L: both again" sc_wait "$S" "[EN+中文]"
press m m;            check "m: bookmark the code" status "bookmarked"
press M M;            check "M: the bookmark list" sc_wait "$S" "Bookmarks" "HTTP 304"
press Esc Escape;     check "Esc closes the bookmark list" sc_wait_gone "$S" "Bookmarks"
press "'" "'";        check "': the bookmark list" sc_wait "$S" "Bookmarks"
press q q;            check "q closes it" sc_wait_gone "$S" "Bookmarks"
press ? "?";          check "?: the key help" sc_wait "$S" "Keys ("
press Esc Escape;     check "Esc closes the help" sc_wait_gone "$S" "Keys ("
press F1 F1;          check "F1: the key help" sc_wait "$S" "Keys ("
press q q;            check "q closes the help" sc_wait_gone "$S" "Keys ("
press s s;            check "s without a file: says there is none" status "No codes seen"
press S S;            check "S: the study screen asks a question" sc_wait "$S" "Study" "[1/10]" "> _"
press Esc Escape;     check "Esc closes the study screen" sc_wait_gone "$S" "> _"
press C-l C-l;        check "Ctrl-L: the screen is drawn again, the same" sc_wait "$S" "HTTP 304  Not Modified" "[EN+中文]"

# ---- the mouse -----------------------------------------------------------------------------
press 0-9 1 0 0
walked="$walked Click Double-click Wheel "
sc_click "$S" 10 4; sc_idle "$S"
check "Click: a click on a row selects it" sc_wait "$S" "HTTP 102  Processing"
c0=$(counter)
sc_wheel "$S" 10 4 down; sc_idle "$S"
check "Wheel: the wheel moves the selection down" test "$(moved_from "$c0")" -gt 3
c0=$(counter)
sc_wheel "$S" 10 4 up; sc_idle "$S"
check "Wheel: and up" test "$(moved_from "$c0")" -lt "${c0%/*}"
sc_double_click "$S" 10 3; sc_idle "$S"
check "Double-click: opens the row, the detail has the focus" focused "HTTP 101"

# ---- quitting ------------------------------------------------------------------------------
press q q
rc=$(sc_wait_exit "$S")
check "q: the browser exited with status 0" test "$rc" = 0
S=kq
sc_start "$S" 100 30
sc_wait "$S" "HTTP 100  Continue"
press ? "?"
sc_wait "$S" "Keys ("
press Q Q
rc=$(sc_wait_exit "$S")
check "Q quits from an overlay with status 0" test "$rc" = 0

# ---- the codes seen in a file: s -------------------------------------------------------------
S=ks
printf '%s\n' '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 404 2326' \
	'127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] "GET /a HTTP/1.1" 404 2326' \
	'127.0.0.1 - - [10/Oct/2000:13:55:38 -0700] "GET /b HTTP/1.1" 503 1' >"$TMPD/access.log"
sc_start "$S" 100 30 -- browse "$TMPD/access.log"
check "browse FILE opens on the codes seen in it, most first" sc_wait "$S" "Seen" "2  HTTP 404"
press Esc Escape;     check "Esc closes the seen list" sc_wait_gone "$S" "Seen"
press s s;            check "s: the seen list again" sc_wait "$S" "Seen" "1  HTTP 503"
press Enter Enter;    check "Enter opens the code" sc_wait "$S" "HTTP 404  Not Found"
press Q Q
check "Q: status 0" test "$(sc_wait_exit "$S")" = 0

# ---- every binding of the table was pressed -----------------------------------------------
table=$(sed -n 's/^.*X(ACT_[A-Z_]*, *"\([^"]*\)".*$/\1/p' \
	"$SC_SRCDIR/src/tui/keys.h" "$SC_SRCDIR/src/view/keymap.h" 2>/dev/null | tr ',' '\n' | sed 's/^ *//')
missing=
for k in $table; do
	case $walked in *" $k "*) ;; *) missing="$missing $k" ;; esac
done
check "every key of the table was pressed (missing:${missing:- none})" test -z "$missing"
[ -n "$table" ] || { echo "not ok - the key table was not found"; fail=$((fail + 1)); }
check "no sanitizer report" sc_sanitizer_clean

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
