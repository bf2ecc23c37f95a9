#!/bin/sh
# parity.sh: the browser shows what the CLI shows, and small screens stay
# readable (issue 9), at 80x24, 100x30 and 200x60: the detail pane draws
# the entry document (425's former meaning, 403's sub-status codes); the
# code list shows the whole English phrase of standard HTTP codes; the
# cross-references to one entry are one row; an entry without
# cross-references gives their pane no room; no pane title ends in a
# stray "·"; the footer always says how to quit; the compare overlay shows
# the pair's note on its first screen; English mode shows no Chinese.
# Exits 77 (skip) without tmux, 1 when a check fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"

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

# no_text SESSION TEXT: TEXT is not on the screen (now, once it is idle).
no_text() {
	sc_idle "$1"
	case $(sc_screen "$1") in *"$2"*) return 1 ;; esac
	return 0
}

# no_stray_dot SESSION: no "·" right before a pane's end, its position
# ("57/119") or another pane.
no_stray_dot() {
	sc_idle "$1"
	! sc_screen "$1" | grep -Eq '·( *$| +[0-9]+(/[0-9]+|%)| *│)'
}

# one_row SESSION CODE: the cross-reference pane has one row for CODE
# (rows start with a relation: confused, same no., mentions, cited by).
one_row() {
	sc_idle "$1"
	[ "$(sc_screen "$1" | grep -c -E -- "(confused|same no\.|mentions|cited by) +$2  ")" -eq 1 ]
}

# no_han SESSION: no Chinese character on the screen.
no_han() {
	sc_idle "$1"
	sc_screen "$1" | perl -CS -ne 'if (/\p{Han}/) { print "#   han: $_"; $f = 1 } END { exit($f ? 1 : 0) }'
}

for size in 80x24 100x30 200x60; do
	w=${size%x*} h=${size#*x}
	s=f$w
	sc_start "$s" "$w" "$h"
	sc_wait "$s" "Continue" >/dev/null
	open_code "$s" 425
	sc_check "$size: 425 shows its former meaning" "$s" \
		scroll_to "$s" "Former meaning" "Unordered Collection"
	sc_keys "$s" Escape BSpace
	open_code "$s" 403
	sc_check "$size: 403 lists its sub-status codes" "$s" \
		scroll_to "$s" "Sub-status codes (IIS)" "403.1  Execute access forbidden"

	# the code list: whole English phrases of the longest standard codes
	sc_keys "$s" Escape Escape BSpace BSpace
	sc_keys "$s" 4 3 1
	sc_check "$size: the code list shows 431's whole English phrase" "$s" \
		sc_wait "$s" "431  Request Header Fields Too Large "
	sc_keys "$s" 5 1 1
	sc_check "$size: ... and 511's" "$s" sc_wait "$s" "511  Network Authentication Required "
	sc_check "$size: no pane title ends in a stray \"·\"" "$s" no_stray_dot "$s"
	sc_check "$size: the footer says how to quit" "$s" sc_wait_line "$s" "$h" "q quit"

	# cross-references: one row per entry, with all its relations
	sc_keys "$s" 4 0 4
	sc_wait "$s" "HTTP 404  Not Found" >/dev/null
	sc_check "$size: 404's cross-references to 410 are one row" "$s" one_row "$s" 410
	[ "$w" -ge 100 ] && sc_check "$size: ... naming all its relations" "$s" \
		sc_wait "$s" "confused  410  Gone" "+mentions, cited by"

	# no cross-references: no pane for them
	sc_keys "$s" 2 0 6
	sc_wait "$s" "HTTP 206  " >/dev/null
	sc_check "$size: 206 has no cross-references and no pane for them" "$s" no_text "$s" "Cross-references"

	# compare: the pair's note on the first screen, before the summaries
	sc_keys "$s" 4 0 1
	sc_wait "$s" "HTTP 401  Unauthorized" >/dev/null
	sc_keys "$s" c
	sc_check "$size: compare 401 with 403 shows their note at once" "$s" \
		sc_wait "$s" "Compare" "401 Unauthorized vs 403 Forbidden" "401 means the request lacks valid"
	sc_check "$size: ... and no stray \"·\" there either" "$s" no_stray_dot "$s"
	sc_keys "$s" Escape
	sc_keys "$s" 4 0 4
	sc_wait "$s" "HTTP 404  Not Found" >/dev/null

	# English only: nothing in Chinese
	sc_keys "$s" L
	sc_wait "$s" "[EN]" >/dev/null
	sc_check "$size: English mode shows no Chinese" "$s" no_han "$s"
	sc_keys "$s" L L
	sc_keys "$s" q
done

sc_check "no sanitizer or leak report from any session" "" sc_sanitizer_clean

sc_done
