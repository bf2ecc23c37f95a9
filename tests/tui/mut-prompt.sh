#!/bin/sh
# mut-prompt.sh: Backspace inside the browser's search prompt erases the
# last character typed (and only that), so what is searched for is what
# the prompt shows. Written against the mutation survivor
# src/tui/prompt.c:157 (`==` to `!=`: Backspace did nothing in a prompt
# with text), which it was seen to kill. Exits 77 without tmux.
#
# Environment: SC_SRCDIR, SC_BUILDDIR, STATUSCODES_DB (make check sets them).

here=$(dirname "$0")
. "$here/lib.sh"

sc_start bs 100 30
sc_check "the browser starts" bs sc_wait bs "/ search"
sc_keys bs /
sc_type bs "gonez"
sc_check "the prompt shows what was typed" bs sc_wait bs "gonez"
sc_keys bs BSpace
sc_check "Backspace erases the last character" bs sc_wait_gone bs "gonez"
sc_check "... and only that one" bs sc_wait bs "gone"
sc_keys bs Enter
sc_check "the search is for what the prompt showed: 410 Gone first" bs sc_wait bs "410" "Gone"
sc_keys bs Escape q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" bs quits bs
sc_done
