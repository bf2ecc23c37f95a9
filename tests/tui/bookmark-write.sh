#!/bin/sh
# bookmark-write.sh: the browser says so when a bookmark was not stored
# (issue 15, item 4): with a read-only, locked, newer-version or
# wrong-schema user database, m must not claim a saved bookmark; the status
# line says it holds for this session only and why. A writable database
# stores it. The same for a visit (history) and the language (L), with the
# reason the user database cannot be written. Exits 77 (skip) without tmux
# or sqlite3, 1 when a check fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "sqlite3 not found: skipping"
	exit 77
fi

# fresh NAME: a user-data home with a new user database made by the
# browser itself (start, quit); prints the home.
fresh() {
	_home=$TMPD/home-$1
	mkdir -p "$_home"
	sc_start "mk$1" 80 24 XDG_DATA_HOME="$_home"
	sc_wait "mk$1" "Continue" >/dev/null
	sc_keys "mk$1" q
	sc_wait_exit "mk$1" >/dev/null
	echo "$_home"
}

# bookmarks HOME: the bookmarks stored in HOME's user database.
bookmarks() {
	sqlite3 "$1/statuscodes/user.db" "SELECT protocol || ' ' || code FROM bookmark" 2>/dev/null
}

# mark SESSION HOME: opens 404 and presses m.
mark() {
	sc_start "$1" 80 24 XDG_DATA_HOME="$2"
	sc_wait "$1" "Continue" >/dev/null
	sc_keys "$1" 4 0 4
	sc_wait "$1" "HTTP 404  Not Found" >/dev/null
	sc_keys "$1" m
}

# not_saved SESSION: the status line says the bookmark holds for this
# session only and why, and the star shows it.
not_saved() {
	sc_wait "$1" "bookmarked: HTTP 404, this session only (not saved: $2)" "★404"
}

ok=$(fresh ok)
mark ok "$ok"
no_text_not_saved() { case $(sc_screen "$1") in *"not saved"*) return 1 ;; esac; return 0; }
sc_check "writable user database: bookmarked" ok sc_wait ok "bookmarked: HTTP 404" "★404"
sc_check "  ... without a word of it not being saved" ok no_text_not_saved ok
sc_keys ok q
sc_wait_exit ok >/dev/null
sc_check "  ... and the database holds it" "" test "$(bookmarks "$ok")" = "http 404"

newer=$(fresh newer)
sqlite3 "$newer/statuscodes/user.db" "PRAGMA user_version = 99"
mark newer "$newer"
sc_check "newer-version user database: not saved, says so" newer not_saved newer "user data is read-only"

schema=$(fresh schema)
sqlite3 "$schema/statuscodes/user.db" "DROP TABLE bookmark"
mark schema "$schema"
sc_check "wrong-schema user database: not saved, says so" schema not_saved schema "user data cannot be written"

locked=$(fresh locked)
# another program holds the write lock for as long as the test needs
mkfifo "$TMPD/lockfifo"
sqlite3 "$locked/statuscodes/user.db" < "$TMPD/lockfifo" >/dev/null 2>&1 &
lockpid=$!
exec 8>"$TMPD/lockfifo"
echo "BEGIN EXCLUSIVE; INSERT INTO setting(key, value) VALUES('lock', 'held');" >&8
sleep 0.3
mark locked "$locked"
sc_check "locked user database: not saved, says so" locked not_saved locked "user data cannot be written"
exec 8>&-
wait "$lockpid" 2>/dev/null
sc_check "  ... and nothing was stored" "" test -z "$(bookmarks "$locked")"

ro=$(fresh ro)
chmod 0444 "$ro/statuscodes/user.db"
chmod 0555 "$ro/statuscodes"
if [ -w "$ro/statuscodes/user.db" ]; then
	sc_skip "read-only user database: skipped, running as root"
else
	mark ro "$ro"
	sc_check "read-only user database: not saved, says so" ro not_saved ro "user data is read-only"
fi
chmod 0755 "$ro/statuscodes"
chmod 0644 "$ro/statuscodes/user.db"

# History and language: a visit or a language choice that cannot be stored
# is said on the status line with why (the visit once a session), at 200
# columns so that the reason with its path fits.
# unsaved SESSION HOME WHY: opens 404 (a visit), then L (the language)
unsaved() {
	sc_start "$1" 200 30 XDG_DATA_HOME="$2"
	sc_wait "$1" "Continue" >/dev/null
	sc_keys "$1" 4 0 4
	sc_check "$1: a visit not stored is said once, with why" "$1" \
		sc_wait "$1" "history is kept for this session only (not saved: $3)"
	sc_keys "$1" L
	sc_check "$1: a language not stored is said, with why" "$1" \
		sc_wait "$1" "language: English, this session only (not saved: $3)"
	sc_keys "$1" 4 1 0
	sc_wait "$1" "HTTP 410  Gone" >/dev/null
	sc_check "$1: ... the visit's message only once a session" "$1" no_text "$1" "history is kept"
	sc_keys "$1" q
	sc_wait_exit "$1" >/dev/null
}
no_text() { case $(sc_screen "$1") in *"$2"*) return 1 ;; esac; return 0; }
unsaved hnewer "$newer" "$newer/statuscodes/user.db was made by a newer statuscodes"
touch "$TMPD/afile"
unsaved hnone "$TMPD/afile/below" "no user data directory"
chmod 0444 "$ro/statuscodes/user.db"
chmod 0555 "$ro/statuscodes"
if [ -w "$ro/statuscodes" ]; then
	sc_skip "read-only user data folder: skipped, running as root"
else
	unsaved hro "$ro" "the folder $ro/statuscodes cannot be written"
fi
chmod 0755 "$ro/statuscodes"
chmod 0644 "$ro/statuscodes/user.db"
ok2=$(fresh ok2)
sc_start hok 200 30 XDG_DATA_HOME="$ok2"
sc_wait hok "Continue" >/dev/null
sc_keys hok 4 0 4
sc_wait hok "HTTP 404  Not Found" >/dev/null
sc_keys hok L
sc_check "writable: the language is said without \"not saved\"" hok sc_wait hok "language: English"
sc_check "  ... and the visit too" hok no_text hok "not saved"
sc_keys hok q
sc_wait_exit hok >/dev/null
sc_check "  ... both stored" "" test "$(sqlite3 "$ok2/statuscodes/user.db" \
	"SELECT (SELECT value FROM setting WHERE key = 'lang') || ' ' || (SELECT count(*) FROM visit WHERE code = '404')")" = "en 1"

sc_check "no sanitizer or leak report from any session" "" sc_sanitizer_clean

sc_done
