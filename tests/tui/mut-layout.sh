#!/bin/sh
# mut-layout.sh: the cross-reference pane is as tall as its rows need, up to
# two fifths of the column: at 100x30, 400's five cross-references are all
# on screen under their title. Written against the mutation survivor
# src/tui/layout.c:49 (`>` to `<=`: the pane never more than 3 rows high,
# two of its five rows shown), and the footer under a short list
# (src/tui/pane.c:239), each seen to kill its mutant. Exits 77
# without tmux.
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
sc_start wide 120 40
sc_check "120x40: the class pane" wide sc_wait wide "/ search" "4xx"
sc_type wide "404"
sc_check "... 4xx's description under the classes" wide sc_wait wide "The request contains"
sc_keys wide q
sc_check "quits cleanly" wide quits wide
sc_done
