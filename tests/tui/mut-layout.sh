#!/bin/sh
# mut-layout.sh: the cross-reference pane is as tall as its rows need, up to
# two fifths of the column: at 100x30, 400's five cross-references are all
# on screen under their title. Written against the mutation survivor
# src/tui/layout.c:49 (`>` to `<=`: the pane never more than 3 rows high,
# two of its five rows shown), which it was seen to kill. Exits 77
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
sc_keys xr q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" xr quits xr
sc_done
