#!/bin/sh
# hostile.sh: a reference database whose text holds control characters
# (a damaged or hostile file) in the browser. Every control character is
# drawn as text_clean() shows it, the same as the command line prints it:
# C0 controls and DEL in caret notation (ESC "^[", DEL "^?", BEL "^G"), C1
# controls as "<U+009B>"; none reaches the terminal raw (the screen is not
# cleared, the terminal's title not set). The browser's panes draw text
# through text_fit() and text_wrap(), which clean it as text_clean() does.
# Then two other bad databases: one from another tool whose entries may
# have no status, and one whose index on (protocol, code) is damaged.
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

# A database made by another tool, whose entry table lets status be NULL
# (ours says NOT NULL), with no status for 403 and 404: the list and the
# detail draw them, marked unverified, with no empty status. Kills
# src/tui/pane_list.c:61 dropping `e->status &&` (seed 53: a crash).
nodb=$TMPD/nostatus.db
cp "$STATUSCODES_DB" "$nodb"
chmod u+w "$nodb"
sqlite3 "$nodb" "PRAGMA writable_schema = ON;
  UPDATE sqlite_master SET sql = replace(sql, 'status   TEXT NOT NULL', 'status   TEXT') WHERE name = 'entry';" &&
sqlite3 "$nodb" "UPDATE entry SET status = NULL WHERE protocol = 'http' AND code IN ('403', '404')" ||
	{ echo "not ok - sqlite3"; exit 1; }
sc_start ns 120 30 STATUSCODES_DB="$nodb" -- --lang en
sc_check "no status: the browser starts" ns sc_wait ns "statuscodes"
sc_type ns 404
sc_check "no status: 404 in the list and in the detail" ns sc_wait ns "404  Not Found" "HTTP 404  Not Found"
sc_check "no status: 403 in the list, marked unverified" ns sc_wait ns "403  Forbidden          +26 unverified"
spec_alone() { sc_screen ns | grep -Eq '│ RFC 9110 §15\.5\.5 *$'; }
sc_check "no status: the specification alone on its line (no empty status before a ·)" ns spec_alone
sc_keys ns q
sc_check "no status: quits cleanly" ns quits ns

# A database whose index on (protocol, code) is damaged (its root page
# overwritten): a search that reads it fails, and the status line says the
# database is damaged, never "nothing matches" (which hid the error).
dmg=$TMPD/damaged.db
cp "$STATUSCODES_DB" "$dmg"
chmod u+w "$dmg"
root=$(sqlite3 "$dmg" "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entry' AND sql IS NULL")
psize=$(sqlite3 "$dmg" "PRAGMA page_size")
head -c "$psize" /dev/zero | tr '\0' 'Z' | dd of="$dmg" bs="$psize" seek=$((root - 1)) count=1 conv=notrunc 2>/dev/null
sc_start dm 120 30 STATUSCODES_DB="$dmg" -- --lang en
sc_check "damaged index: the browser starts" dm sc_wait dm "statuscodes"
sc_keys dm Escape   # the message of the start's lookup goes
sc_idle dm
sc_check "damaged index: the start's message is gone" dm sc_wait_gone dm "damaged"
sc_keys dm /
sc_type dm 403
sc_idle dm
sc_keys dm Enter
sc_idle dm
sc_check "damaged index: search 403 says the database is damaged" dm sc_wait dm "the database file is damaged"
sc_check "damaged index: and not that nothing matches" dm sc_wait_gone dm "nothing matches"
sc_keys dm q
sc_check "damaged index: quits cleanly" dm quits dm
sc_done
