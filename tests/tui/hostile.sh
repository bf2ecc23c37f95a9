#!/bin/sh
# hostile.sh: a reference database whose text holds control characters
# (a damaged or hostile file) in the browser. Every control character is
# drawn as text_clean() shows it, the same as the command line prints it:
# C0 controls and DEL in caret notation (ESC "^[", DEL "^?", BEL "^G"), C1
# controls as "<U+009B>"; none reaches the terminal raw (the screen is not
# cleared, the terminal's title not set). The browser's panes draw text
# through text_fit() and text_wrap(), which clean it as text_clean() does.
# Exits 77 without tmux or sqlite3.
#
# Environment: SC_SRCDIR, SC_BUILDDIR, STATUSCODES_DB (make check sets them).

here=$(dirname "$0")
. "$here/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 not found: skipping"; exit 77; }

db=$TMPD/hostile.db
cp "$STATUSCODES_DB" "$db"
chmod u+w "$db"
sqlite3 "$db" "UPDATE entry SET
    phrase_en = 'Not' || char(27) || '[2J' || char(127) || char(7) || 'Found' || char(155) || 'x',
    summary_en = 'Gone' || char(27) || ']0;pwned' || char(7) || ' for good.'
  WHERE protocol = 'http' AND code = '404'" || { echo "not ok - sqlite3"; exit 1; }
shown='Not^[[2J^?^GFound<U+009B>x'

# the command line's form, which the browser must match
LANG=C.UTF-8 LC_ALL=C.UTF-8 "$SC_BIN" --db "$db" --lang en --no-pager 404 >"$TMPD/cli.out" 2>&1
sc_check "the command line prints the escapes" "" grep -qF "$shown" "$TMPD/cli.out"

sc_start ho 120 30 STATUSCODES_DB="$db" -- --lang en
sc_check "the browser starts" ho sc_wait ho "statuscodes"
sc_type ho 404
sc_check "the phrase is drawn with its escapes, as the command line prints it" ho sc_wait ho "$shown"
sc_check "the summary's OSC sequence is drawn, not sent" ho sc_wait ho 'Gone^[]0;pwned^G for good.'
title_kept() { sc_screen ho | head -1 | grep -q '^statuscodes'; }
sc_check "ESC [2J did not clear the screen: the title bar is still there" ho title_kept
title_not_set() { [ "$($T display-message -p -t ho '#{pane_title}')" != pwned ]; }
sc_check "ESC ] 0;pwned BEL did not set the terminal's title" ho title_not_set
sc_keys ho q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" ho quits ho
sc_done
