#!/bin/sh
# mut-status.sh: the browser's status line at its edges, written against
# two mutation survivors (docs/TESTING.md) and seen to kill each:
# - a message wider than the screen is cut with an ellipsis, not silently
#   (src/tui/layout.c:210, text_fit's `false, true` swapped);
# - going back in the history onto a code no longer in the database says
#   so, drops it, and goes on from the one before (src/tui/history.c:56).
# Exits 77 without tmux or sqlite3.
#
# Environment: SC_SRCDIR, SC_BUILDDIR, STATUSCODES_DB (make check sets them).

here=$(dirname "$0")
. "$here/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 not found: skipping"; exit 77; }

# 1. a compare prompt answered with 150 letters: the message is cut at the
# screen's edge, its last column the ellipsis
SC_XDG=$TMPD/xdg1
sc_start st 100 30
sc_check "the browser starts on HTTP 100" st sc_wait st "HTTP 100  Continue"
sc_keys st C
sc_check "the compare prompt opens" st sc_wait st "compare HTTP 100 with"
long=$(printf 'q%.0s' $(seq 150))
sc_type st "$long"
sc_keys st Enter
sc_check "a message wider than the screen ends in an ellipsis" st sc_wait_line st 30 "no code 'q+…$"
sc_keys st q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" st quits st

# 2. a history (the browser starts on HTTP 100) of 401, a code the
# database does not have, 403 and 404: going back from 403 names the
# missing code and drops it, and the position stays on 403, so forward is
# 404 (the position not moved down after the drop: "at the newest entry")
SC_XDG=$TMPD/xdg2
mkdir -p "$SC_XDG/statuscodes"
cp "$SC_SRCDIR/tests/data/userdata-v1.db" "$SC_XDG/statuscodes/user.db"
chmod u+w "$SC_XDG/statuscodes/user.db"
sqlite3 "$SC_XDG/statuscodes/user.db" "DELETE FROM visit;
INSERT INTO visit(protocol, code, at) VALUES('http', '401', 1), ('http', '499.99', 2), ('http', '403', 3),
  ('http', '404', 4);"
sc_start hi 100 30 STATUSCODES_LANG=en
sc_check "the browser starts on HTTP 100" hi sc_wait hi "HTTP 100  Continue"
sc_keys hi "["
sc_check "back: the last visit, 404" hi sc_wait hi "HTTP 404 Not Found"
sc_keys hi "["
sc_check "back: 403" hi sc_wait hi "HTTP 403 Forbidden"
sc_keys hi "["
sc_check "back: the missing code is named" hi sc_wait hi "http 499.99 is no longer in the database"
sc_keys hi "]"
sc_check "forward from 403: 404" hi sc_wait hi "HTTP 404 Not Found"
sc_keys hi "[" "["
sc_check "back twice: 401, the missing code dropped" hi sc_wait hi "HTTP 401 Unauthorized"
sc_keys hi q
sc_check "quits cleanly" hi quits hi
sc_done
