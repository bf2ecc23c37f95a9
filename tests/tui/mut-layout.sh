#!/bin/sh
# mut-layout.sh: the cross-reference pane is as tall as its rows need, up to
# two fifths of the column: at 100x30, 400's five cross-references are all
# on screen under their title. Written against the mutation survivor
# src/tui/layout.c:49 (`>` to `<=`: the pane never more than 3 rows high,
# two of its five rows shown), and the footer under a short list
# (src/tui/pane.c:239), and the class description that stops above the
# status line (src/tui/pane_class.c:73, seed 47), each seen to kill its
# mutant. Exits 77 without tmux.
#
# Environment: SC_SRCDIR, SC_BUILDDIR, STATUSCODES_DB (make check sets them).

here=$(dirname "$0")
. "$here/lib.sh"

sc_start xr 100 30
sc_check "the browser starts" xr sc_wait xr "/ search"
sc_type xr "400"
sc_check "400: its cross-references, 1 of 5" xr sc_wait xr "(400)" "1/5"
sc_check "... the first and the last on screen" xr sc_wait xr "confused  422" "cited by  497"
sc_check "... and the three between" xr sc_wait xr "cited by  494" "cited by  495" "cited by  496"
# Below the rows of a list that does not fill its pane comes its footer:
# the selected class's description under the classes, the empty
# bookmark list's hint. Kills src/tui/pane.c:239 dropping
# `&& p->top + (size_t)i < n` (rows drawn past the end, no footer).
sc_keys xr M
sc_check "M with no bookmark: the hint" xr sc_wait xr "No bookmarks yet"
sc_keys xr Escape
sc_check "Esc closes the bookmark list" xr sc_wait_gone xr "No bookmarks yet"
sc_keys xr q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" xr quits xr
# At 120x16 (wide: every pane stays on screen while a code is typed) the
# class pane has room for three lines of 5xx's description: they end on
# the row above the status line, which stays the status line's alone
# (typing a digit, "go to: 5" and nothing after it). Kills
# src/tui/pane_class.c:73 `(int)i < h` to `<=` and dropping it (the
# fourth line of the description drawn on the status line, under its
# text: "go to: 5rently valid").
sc_start short 120 16 -- --lang en
sc_check "120x16: the browser starts" short sc_wait short "/ search"
sc_keys short BSpace
sc_check "120x16: Backspace, the classes" short sc_wait short "HTTP Class"
sc_keys short Down Down Down Down
sc_check "120x16: Down four times, 5xx" short sc_wait short "› 5xx"
sc_check "120x16: 5xx's description, cut to its room" short sc_wait short "The server, or a"
sc_keys short 5
sc_check "120x16: 5 typed, \"go to: 5\" alone on the status line" short sc_wait_line short 16 '^go to: 5 *$'
sc_keys short Escape q
sc_check "quits cleanly" short quits short
sc_start wide 120 40
sc_check "120x40: the class pane" wide sc_wait wide "/ search" "4xx"
sc_type wide "404"
sc_check "... 4xx's description under the classes" wide sc_wait wide "The request contains"
sc_keys wide q
sc_check "quits cleanly" wide quits wide
sc_done
