#!/bin/sh
# parity.sh: the browser shows what the CLI shows (issue 9): the detail
# pane draws the entry document, so 425's former meaning and 403's
# sub-status codes are there, at 80x24, 100x30 and 200x60; and small
# screens stay readable. Exits 77 (skip) without tmux, 1 when a check
# fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"

pass=0
fail=0
n=0
check() {
	_desc=$1 _sess=$2
	shift 2
	n=$((n + 1))
	if "$@"; then
		pass=$((pass + 1))
		echo "ok $n - $_desc"
	else
		fail=$((fail + 1))
		echo "not ok $n - $_desc"
		[ -n "$_sess" ] && sc_screen "$_sess" | sed 's/^/#   |/'
	fi
}

# scroll_to SESSION TEXT...: pages down the focused pane until every TEXT
# is on the screen (at most 12 pages).
scroll_to() {
	_s=$1
	shift
	_i=0
	while [ $_i -lt 12 ]; do
		SC_TIMEOUT=1 sc_wait "$_s" "$@" && return 0
		sc_keys "$_s" Space
		_i=$((_i + 1))
	done
	sc_wait "$_s" "$@"
}

# open SESSION CODE: types CODE and focuses the detail pane.
open_code() {
	sc_keys "$1" $(echo "$2" | sed 's/./& /g')
	sc_wait "$1" "HTTP $2  " >/dev/null
	sc_keys "$1" Enter
}

for size in 80x24 100x30 200x60; do
	w=${size%x*} h=${size#*x}
	s=f$w
	sc_start "$s" "$w" "$h"
	sc_wait "$s" "Continue" >/dev/null
	open_code "$s" 425
	check "$size: 425 shows its former meaning" "$s" \
		scroll_to "$s" "Former meaning" "Unordered Collection"
	sc_keys "$s" Escape BSpace
	open_code "$s" 403
	check "$size: 403 lists its sub-status codes" "$s" \
		scroll_to "$s" "Sub-status codes (IIS)" "403.1  Execute access forbidden"
	sc_keys "$s" q
done

check "no sanitizer or leak report from any session" "" sc_sanitizer_clean

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
