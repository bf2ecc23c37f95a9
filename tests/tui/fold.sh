#!/bin/sh
# fold.sh: the code list at 80x24 (issue 14 item 5, browser half): IIS
# sub-status codes fold under their parent, which shows how many ("+26");
# Enter and Right open a fold (and, as for any code, focus its detail),
# Left in the list closes it; j from 400
# reaches 404 in four presses; the key r shows registered codes only and
# shows everything again; every row carries its mark (standard, a vendor's
# name, obsolete); the same in Chinese, with the toggle's message and its
# help line in Chinese. Exits 77 without tmux, 1 when a check fails.
#
# Every wait below is one of lib.sh's, each bounded by SC_TUI_TIMEOUT
# (here 10 seconds unless set), and the sessions are killed at exit: a
# screen that never comes fails a check, it cannot hang the suite.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both).

SC_TUI_TIMEOUT=${SC_TUI_TIMEOUT:-10}
here=$(dirname "$0")
. "$here/lib.sh"

# What the fold of 403 holds, from the database itself (not from the
# browser): how many sub-status codes, and the last one in code order.
if command -v sqlite3 >/dev/null 2>&1; then
	n403=$(sqlite3 "$STATUSCODES_DB" "SELECT count(*) FROM entry WHERE parent =
		(SELECT id FROM entry WHERE protocol = 'http' AND code = '403')")
	last403=$(sqlite3 "$STATUSCODES_DB" "SELECT code FROM entry WHERE parent =
		(SELECT id FROM entry WHERE protocol = 'http' AND code = '403') ORDER BY sort_key DESC LIMIT 1")
	# the class pane counts 4xx's top-level codes, and how many they fold
	top4=$(sqlite3 "$STATUSCODES_DB" "SELECT count(*) FROM entry WHERE protocol = 'http' AND class = '4xx'
		AND parent IS NULL")
	sub4=$(sqlite3 "$STATUSCODES_DB" "SELECT count(*) FROM entry WHERE protocol = 'http' AND class = '4xx'
		AND parent IS NOT NULL")
	# and under r, the registered ones among them (what the list keeps)
	reg4=$(sqlite3 "$STATUSCODES_DB" "SELECT count(*) FROM entry WHERE protocol = 'http' AND class = '4xx'
		AND parent IS NULL AND status IN ('standard', 'reserved', 'unused', 'obsolete')")
else
	n403= last403= top4='[0-9]+' sub4='[0-9]+' reg4='[0-9]+'
fi

# wait_re SESSION REGEX: until a screen line matches the grep -E REGEX.
wait_re() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		sc_screen "$1" | grep -E -q -- "$2" && return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# wait_no_re SESSION REGEX: until no screen line matches REGEX.
wait_no_re() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		sc_screen "$1" | grep -E -q -- "$2" || return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# at SESSION CODE: the title bar names CODE as the selected code.
at() {
	sc_wait_line "$1" 1 "› $2 "
}

# keys SESSION KEY...: one key at a time, each read before the next.
keys() {
	_s=$1
	shift
	for _k in "$@"; do
		sc_keys "$_s" "$_k"
		sc_idle "$_s" || return 1
	done
}

# help_find SESSION REGEX: the open help shows REGEX on one of its first
# four pages (Space turns a page).
help_find() {
	_keep=$SC_TIMEOUT
	SC_TIMEOUT=1
	for _p in 1 2 3 4; do
		wait_re "$1" "$2" && break
		keys "$1" Space
	done
	SC_TIMEOUT=$_keep
	[ "$_p" != 4 ] || wait_re "$1" "$2"
}

# The marks a row may end with: the words (standard, obsolete, ..., a
# vendor's name from the database) or the one-column S, V, O, ?.
if command -v sqlite3 >/dev/null 2>&1; then
	vendors=$(sqlite3 "$STATUSCODES_DB" "SELECT DISTINCT vendor FROM entry WHERE vendor <> ''" | tr '\n' '|')
else
	vendors=
fi
marks="${vendors}standard|reserved|obsolete|unused|unofficial|unverified|S|V|O|\\?"

# all_marked SESSION: every code row of the list (left of the first │,
# below its title) ends with a mark, and there are rows.
all_marked() {
	sc_screen "$1" | sed -n '3,$p' | sed 's/│.*//' | grep -E '^.{0,3} *[0-9]{3}[.0-9]* ' >"$TMPD/rows"
	[ -s "$TMPD/rows" ] && ! grep -E -v " ($marks)(…)? *\$" "$TMPD/rows"
}

exits_ok() {
	sc_keys "$1" q
	[ "$(sc_wait_exit "$1")" = 0 ]
}

# ---- English ------------------------------------------------------------------
sc_start en 80 24 -- --lang en
sc_check "starts at 80x24 on HTTP 1xx" en sc_wait en "HTTP 1xx Informational"
sc_check "marks: a standard code says standard" en wait_re en '100 +Continue +standard'
sc_check "marks: an obsolete code says obsolete" en wait_re en '102 +Processing +obsolete'

keys en BSpace Down Down Down
sc_check "80x24: the class pane counts 4xx's top-level codes ($top4), not its sub-status codes" en \
	wait_re en "^› 4xx +Client Error +$top4 +│"
keys en Enter
sc_check "4xx opens on 400" en at en 400
if [ -n "$n403" ]; then
	sc_check "403 shows the $n403 codes it folds" en wait_re en "403 +Forbidden +\\+$n403 +standard"
else
	sc_skip "403 shows how many codes it folds (no sqlite3 to count them)"
fi
sc_check "404 shows a count too" en wait_re en '404 +Not Found +\+[0-9]+ +standard'
sc_check "no sub-status code in the list while folded" en wait_no_re en '403\.1 '
keys en j j j
sc_check "three presses of j: 403" en at en 403
keys en j
sc_check "the fourth: 404 (400 to 404 in four presses)" en at en 404
keys en k
sc_check "k: back on 403" en at en 403

keys en Enter
sc_check "Enter opens the fold: 403.1 under 403" en wait_re en '403\.1 +Execute access.* IIS'
sc_check "the open parent shows no count" en wait_no_re en '403 +Forbidden.*\+[0-9]'
sc_check "and stays selected" en at en 403
keys en Left
sc_check "Left from the detail: back in the list, the fold still open" en wait_re en '403\.1 +Execute'
keys en Left
sc_check "Left on the open parent closes it" en wait_no_re en '403\.1 '
sc_check "the count is back" en wait_re en '403 +Forbidden +\+[0-9]+ +standard'
keys en Right Left
sc_check "Right opens it" en wait_re en '403\.1 +Execute'
keys en j
sc_check "j goes into the fold: 403.1" en at en '403\.1'
sc_check "a sub-status code is marked with its vendor, IIS" en wait_re en '› 403\.1 .* IIS'
if [ -n "$last403" ]; then
	i=1
	while [ "$i" -lt "$n403" ]; do keys en j; i=$((i + 1)); done
	sc_check "$n403 rows in the fold: its last, $last403, is $n403 rows below 403" en at en "$last403"
	keys en j
	sc_check "and the row after it is 404" en at en 404
else
	sc_skip "the fold holds as many rows as its count (no sqlite3)"
	sc_skip "and the row after it is 404"
fi
keys en G
sc_check "a vendor's code is marked with its name (499 nginx)" en wait_re en '499 +Client Closed Request.* nginx'
# (403's fold is open: the code column is wider, and 431's phrase is cut)
sc_check "80x24: 451's phrase stays whole, its mark in one column (S)" en \
	wait_re en '451 +Unavailable For Legal Reasons +S +│'
sc_check "80x24: 431's too" en wait_re en '431 +Request Header Fields .*S +│'
sc_check "80x24: every row of the list is marked" en all_marked en
keys en g j j j
sc_check "g j j j: 403 again" en at en 403
keys en j j
sc_check "j j: 403.2" en at en '403\.2'
keys en Left
sc_check "Left on a sub-status code closes the fold" en wait_no_re en '403\.1 '
sc_check "and selects its parent" en at en 403
keys en l Left
sc_check "l opens the fold as Right does" en wait_re en '403\.1 +Execute'
keys en Left
sc_check "Left on the open parent closes it, again" en wait_no_re en '403\.1 '
sc_check "the selection stays on 403" en at en 403
keys en j
sc_check "after closing, j from 403 is 404" en at en 404

# the toggle: registered codes only, and back
keys en k Enter Left j
sc_check "inside the fold again: 403.1" en at en '403\.1'
keys en r
sc_check "r: the message says registered codes only" en sc_wait en "registered codes only: vendors' and sub-status codes hidden"
sc_check "r: the sub-status codes are gone" en wait_no_re en '403\.[0-9]'
sc_check "r: the selection goes to their parent" en at en 403
sc_check "r: no count is shown" en wait_no_re en '\+[0-9]+ +standard'
keys en G
sc_check "r: the vendors' codes are gone (no 499, no nginx)" en wait_no_re en '499 |nginx|Esri|AWS'
sc_check "r: the last registered code is last (451)" en at en 451
keys en r
sc_check "r again: all codes" en sc_wait en "all codes: vendor and sub-status codes shown"
keys en G
sc_check "r again: 499 and its vendor are back" en wait_re en '499 +Client Closed Request.* nginx'
keys en g j j j
sc_check "r again: the count on 403 is back" en wait_re en '403 +Forbidden +\+[0-9]+ +standard'

# a jump to a sub-status code opens its fold; one the view hides ends it
keys en 4 0 3 . 1 4 Enter
sc_check "typing 403.14 opens the fold at 403.14" en at en '403\.14'
keys en Left r
sc_check "registered only again" en wait_no_re en '403\.[0-9]'
keys en 4 0 3 . 1 4 Enter
sc_check "typing 403.14 there shows all codes again" en at en '403\.14'
sc_check "and says so" en sc_wait en "all codes: vendor and sub-status codes shown"
# the detail names the parent by its phrase in the language shown (kills
# src/view/entry.c:58 swapping the parent's English and Chinese phrase)
sc_check "403.14's detail: sub-status of 403 Forbidden" en wait_re en 'sub-status of 403 Forbidden'

# r filters search results too, and shows them all again
keys en /
sc_type en forbidden
keys en Enter
sc_check "search forbidden: IIS sub-status codes among the results" en wait_re en 'HTTP 403\.[0-9]+ .* IIS'
keys en r
sc_check "r on search results: registered codes only" en sc_wait en "registered codes only: vendors' and sub-status codes hidden"
sc_check "r on search results: no sub-status code, no IIS" en wait_no_re en '403\.[0-9]|IIS'
sc_check "r on search results: 403 stays, selected" en wait_re en '^› HTTP 403 +Forbidden'
sc_check "r on search results: still the search" en sc_wait en "Search: forbidden"
keys en r
sc_check "r again on search results: the IIS codes are back" en wait_re en 'HTTP 403\.[0-9]+ .* IIS'
keys en Escape
sc_check "q quits cleanly" en exits_ok en

# ---- wide: room for the folded count -------------------------------------------
SC_XDG=$TMPD/xdg-wide
sc_start wide 150 30 -- --lang en
sc_check "150x30: starts" wide sc_wait wide "HTTP 1xx Informational"
keys wide BSpace Down Down Down
sc_check "150x30: 4xx counts its top-level codes and how many they fold" wide \
	wait_re wide "4xx +Client Error +$top4 \\+$sub4 +│"
sc_check "150x30: 1xx folds nothing: one number" wide wait_re wide "  1xx +Informational +[0-9]+ +│"
keys wide r
sc_check "150x30: under r, the registered codes ($reg4), one number (the folds are hidden)" wide \
	wait_re wide "4xx +Client Error +$reg4 +│"
keys wide Enter G
sc_check "150x30: and the list under r ends on row $reg4 of $reg4" wide sc_wait wide "$reg4/$reg4"
sc_check "150x30: q quits cleanly" wide exits_ok wide

# ---- Chinese ------------------------------------------------------------------
# its own user data: the English session's last code is not restored here
SC_XDG=$TMPD/xdg-zh
sc_start zh 80 24 -- --lang zh
sc_check "zh: starts in Chinese" zh sc_wait zh "[中文]"
sc_check "zh: marks in Chinese (标准, 已废弃)" zh wait_re zh '100 +继续 +标准'
sc_check "zh: obsolete is 已废弃" zh wait_re zh '102 .*已废弃'
keys zh '?'
sc_check "zh: the help lists r with its Chinese line" zh help_find zh '^ *r +只显示已注册的状态码'
keys zh Escape '?'
sc_check "zh: and Enter's line about folds" zh help_find zh '同时在列表中展开它们'
keys zh Escape BSpace Down Down Down Enter
sc_check "zh: 4xx" zh at zh 400
sc_check "zh: 403 shows its count" zh wait_re zh '403 +禁止访问 +\+[0-9]+ +标准'
keys zh j j j Enter
sc_check "zh: Enter opens the fold" zh wait_re zh '403\.1 .*IIS'
keys zh r
sc_check "zh: r's message is Chinese" zh sc_wait zh "只显示已注册的状态码：已隐藏厂商的状态码和子状态码"
sc_check "zh: the sub-status codes are gone" zh wait_no_re zh '403\.[0-9]'
keys zh r
sc_check "zh: r again, in Chinese" zh sc_wait zh "全部状态码：已显示厂商的状态码和子状态码"
sc_check "zh: q quits cleanly" zh exits_ok zh

sc_check "no sanitizer reports" "" sc_sanitizer_clean
sc_done
