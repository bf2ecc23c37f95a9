#!/bin/sh
# keys-walk.sh: presses every binding of the browser's key table (Ctrl keys,
# S-Tab, Esc in and out of every prompt and overlay, the mouse) at 100x30
# and asserts on the screen after each. A key in the table that no step
# here presses fails the test, so a new binding needs a check.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both).
here=$(dirname "$0")
. "$here/lib.sh"

walked=" "
S=kw

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
# changed_from OLD: the code list's position becomes other than OLD (polls:
# the program can be idle before tmux has handed it the key).
changed_from() {
	[ -n "$1" ] && [ "$(moved_from "$1")/" != "${1%%/*}/" ]
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
sc_check "starts on HTTP 100" "$S" sc_wait "$S" "HTTP 100  Continue"

# ---- moving in the code list ------------------------------------------------------------
press j j;            sc_check "j: down one line" "$S" sc_wait "$S" "HTTP 101  Switching Protocols"
press Down Down;      sc_check "Down: down one line" "$S" sc_wait "$S" "HTTP 102  Processing"
press k k;            sc_check "k: up one line" "$S" sc_wait "$S" "HTTP 101  Switching Protocols"
press Up Up;          sc_check "Up: up one line" "$S" sc_wait "$S" "HTTP 100  Continue"
press 0-9 4 0 0;      sc_check "digits jump to a code: 400" "$S" sc_wait "$S" "HTTP 400  Bad Request"
sc_check "the list is at its first row" "$S" at 1
c0=$(counter)
press C-d C-d
half=$(moved_from "$c0")
sc_check "Ctrl-D: down half a page" "$S" test "${half:-1}" -gt 2
press C-u C-u;        sc_check "Ctrl-U: back up half a page" "$S" at 1
c0=$(counter)
press C-f C-f
full=$(moved_from "$c0")
sc_check "Ctrl-F: down a whole page, more than half" "$S" test "${full:-1}" -gt "${half:-1}"
press C-b C-b;        sc_check "Ctrl-B: up a page" "$S" at 1
press Space Space;    sc_check "Space: down a page" "$S" at "$full"
press b b;            sc_check "b: up a page" "$S" at 1
press PgDn NPage;     sc_check "PgDn: down a page" "$S" at "$full"
press PgUp PPage;     sc_check "PgUp: up a page" "$S" at 1
c0=$(counter)
press G G
moved_from "$c0" >/dev/null
last=$(counter | cut -d/ -f2)
sc_check "G: the last line" "$S" at "$last"
press g g;            sc_check "g: the first line" "$S" at 1
press End End;        sc_check "End: the last line" "$S" at "$last"
press Home Home;      sc_check "Home: the first line" "$S" at 1

# ---- panes -------------------------------------------------------------------------------
sc_check "the code list has the focus" "$S" focused "HTTP 4xx"
press Tab Tab;        sc_check "Tab: the detail pane has the focus" "$S" focused "HTTP 400 Bad Request"
p0=$(detail_pct)
press j j j j
sc_check "j in the detail scrolls it, not the list" "$S" test "$(detail_pct)" != "$p0"
sc_check "... and the list stays on 400" "$S" sc_wait "$S" "› 400  Bad Request"
press S-Tab BTab;     sc_check "S-Tab: back to the code list" "$S" focused "HTTP 4xx"
press Left Left;      sc_check "Left: back up a level, to the classes" "$S" focused "Class"
press Right Right;    sc_check "Right: open the class again" "$S" focused "HTTP 4xx"
press h h;            sc_check "h: back up a level" "$S" focused "Class"
press l l;            sc_check "l: open" "$S" focused "HTTP 4xx"
press Backspace BSpace; sc_check "Backspace: back up a level" "$S" focused "Class"
press Enter Enter;    sc_check "Enter: open" "$S" focused "HTTP 4xx"

# ---- history -----------------------------------------------------------------------------
press 0-9 4 0 4;      sc_check "jump to 404" "$S" sc_wait "$S" "HTTP 404  Not Found"
press [ "[";          sc_check "[: back in the history to 400" "$S" sc_wait "$S" "HTTP 400  Bad Request"
press ] "]";          sc_check "]: forward to 404" "$S" sc_wait "$S" "HTTP 404  Not Found"
press M-Left M-Left;  sc_check "M-Left: back in the history" "$S" sc_wait "$S" "HTTP 400  Bad Request"
press M-Right M-Right; sc_check "M-Right: forward" "$S" sc_wait "$S" "HTTP 404  Not Found"
press H H;            sc_check "H: the history list" "$S" sc_wait "$S" "History"
press Esc Escape;     sc_check "Esc closes the history list" "$S" sc_wait_gone "$S" "History"

# ---- search prompt: Esc cancels, Enter keeps ---------------------------------------------
press / /
sc_type "$S" cache
sc_check "/: the search prompt searches as you type" "$S" sc_wait "$S" "Search" "HTTP 304"
sc_check "the prompt line shows the query" "$S" status "^/cache"
press Esc Escape
sc_check "Esc in the search prompt cancels the search" "$S" sc_wait_gone "$S" "Search"
sc_check "... back on 404" "$S" sc_wait "$S" "HTTP 404  Not Found"
sc_check "... no prompt on the last line" "$S" status "help"
press / /
sc_type "$S" cache
sc_keys "$S" Enter
sc_idle "$S"
sc_check "Enter in the search prompt keeps the results" "$S" sc_wait "$S" "Search" "HTTP 304"
r1=$(counter)
press n n;            sc_check "n: the next search result" "$S" changed_from "$r1"
press N N;            sc_check "N: the previous search result" "$S" at "${r1%%/*}"
press Esc Escape;     sc_check "Esc leaves the search results" "$S" sc_wait_gone "$S" "Search"
sc_check "... on the result that was selected, 304" "$S" sc_wait "$S" "HTTP 304  Not Modified"

# ---- compare: overlay and prompt -----------------------------------------------------------
press c c;            sc_check "c: compare with a confusable peer" "$S" sc_wait "$S" "Compare" "HTTP 304 ↔ HTTP 412"
press Esc Escape;     sc_check "Esc closes the comparison" "$S" sc_wait_gone "$S" "Compare"
press C C;            sc_check "C: a prompt for the code to compare with" "$S" status "compare HTTP 304 with"
press Esc Escape;     sc_check "Esc in the compare prompt cancels it" "$S" status "help"
sc_check "... and opens no comparison" "$S" no_text "Compare"
sc_keys "$S" C; sc_type "$S" 410; sc_keys "$S" Enter; sc_idle "$S"
sc_check "C 410 Enter compares 304 with 410" "$S" sc_wait "$S" "Compare" "HTTP 304 ↔ HTTP 410"
press q q;            sc_check "q closes the overlay, the browser stays" "$S" sc_wait_gone "$S" "Compare"

# ---- language, bookmarks, help, redraw -----------------------------------------------------
press L L;            sc_check "L: English only" "$S" sc_wait "$S" "[EN]"
sc_check "... no Chinese phrase in the detail" "$S" no_text "未修改"
press L L;            sc_check "L: Chinese only" "$S" sc_wait "$S" "[中文]" "未修改"
sc_check "... no English phrase" "$S" no_text "Not Modified"
press L L;            sc_check "L: both again" "$S" sc_wait "$S" "[EN+中文]"
press r r;            sc_check "r: registered codes only" "$S" sc_wait "$S" "registered codes only"
press r r;            sc_check "r again: all codes" "$S" sc_wait "$S" "all codes: vendor and sub-status codes shown"
press m m;            sc_check "m: bookmark the code" "$S" status "bookmarked"
press M M;            sc_check "M: the bookmark list" "$S" sc_wait "$S" "Bookmarks" "HTTP 304"
press Esc Escape;     sc_check "Esc closes the bookmark list" "$S" sc_wait_gone "$S" "Bookmarks"
press "'" "'";        sc_check "': the bookmark list" "$S" sc_wait "$S" "Bookmarks"
press q q;            sc_check "q closes it" "$S" sc_wait_gone "$S" "Bookmarks"
press ? "?";          sc_check "?: the key help" "$S" sc_wait "$S" "Keys ("
press Esc Escape;     sc_check "Esc closes the help" "$S" sc_wait_gone "$S" "Keys ("
press F1 F1;          sc_check "F1: the key help" "$S" sc_wait "$S" "Keys ("
press q q;            sc_check "q closes the help" "$S" sc_wait_gone "$S" "Keys ("
press s s;            sc_check "s without a file: says there is none" "$S" status "No codes seen"
press S S;            sc_check "S: the study screen asks a question" "$S" sc_wait "$S" "Study" "[1/10]" "> _"
press Esc Escape;     sc_check "Esc closes the study screen" "$S" sc_wait_gone "$S" "> _"
press C-l C-l;        sc_check "Ctrl-L: the screen is drawn again, the same" "$S" sc_wait "$S" "HTTP 304  Not Modified" "[EN+中文]"

# ---- the mouse -----------------------------------------------------------------------------
press 0-9 1 0 0
walked="$walked Click Double-click Wheel "
sc_click "$S" 10 4; sc_idle "$S"
sc_check "Click: a click on a row selects it" "$S" sc_wait "$S" "HTTP 102  Processing"
c0=$(counter)
sc_wheel "$S" 10 4 down; sc_idle "$S"
sc_check "Wheel: the wheel moves the selection down" "$S" test "$(moved_from "$c0")" -gt 3
c0=$(counter)
sc_wheel "$S" 10 4 up; sc_idle "$S"
sc_check "Wheel: and up" "$S" test "$(moved_from "$c0")" -lt "${c0%/*}"
sc_double_click "$S" 10 3; sc_idle "$S"
sc_check "Double-click: opens the row, the detail has the focus" "$S" focused "HTTP 101"

# ---- quitting ------------------------------------------------------------------------------
press q q
rc=$(sc_wait_exit "$S")
sc_check "q: the browser exited with status 0" "$S" test "$rc" = 0
S=kq
sc_start "$S" 100 30
sc_wait "$S" "HTTP 100  Continue"
press ? "?"
sc_wait "$S" "Keys ("
press Q Q
rc=$(sc_wait_exit "$S")
sc_check "Q quits from an overlay with status 0" "$S" test "$rc" = 0

# ---- the codes seen in a file: s -------------------------------------------------------------
S=ks
printf '%s\n' '127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 404 2326' \
	'127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] "GET /a HTTP/1.1" 404 2326' \
	'127.0.0.1 - - [10/Oct/2000:13:55:38 -0700] "GET /b HTTP/1.1" 503 1' >"$TMPD/access.log"
sc_start "$S" 100 30 -- browse "$TMPD/access.log"
sc_check "browse FILE opens on the codes seen in it, most first" "$S" sc_wait "$S" "Seen" "2  HTTP 404"
press Esc Escape;     sc_check "Esc closes the seen list" "$S" sc_wait_gone "$S" "Seen"
press s s;            sc_check "s: the seen list again" "$S" sc_wait "$S" "Seen" "1  HTTP 503"
press Enter Enter;    sc_check "Enter opens the code" "$S" sc_wait "$S" "HTTP 404  Not Found"
press Q Q
sc_check "Q: status 0" "$S" test "$(sc_wait_exit "$S")" = 0

# ---- every binding of the table was pressed -----------------------------------------------
table=$(sed -n 's/^.*X(ACT_[A-Z_]*, *"\([^"]*\)".*$/\1/p' \
	"$SC_SRCDIR/src/tui/keys.h" "$SC_SRCDIR/src/view/keymap.h" 2>/dev/null | tr ',' '\n' | sed 's/^ *//')
missing=
for k in $table; do
	case $walked in *" $k "*) ;; *) missing="$missing $k" ;; esac
done
sc_check "every key of the table was pressed (missing:${missing:- none})" "$S" test -z "$missing"
[ -n "$table" ] || { echo "not ok - the key table was not found"; sc_fail=$((sc_fail + 1)); }
sc_check "no sanitizer report" "$S" sc_sanitizer_clean

sc_done
