#!/bin/sh
# seen.sh: statuscodes browse FILE (issue 10 item 4): the browser opens on a
# "Seen" list of the codes the file holds, with their counts, in the order
# of the explain report (most first); Enter opens a code's detail as usual;
# s shows the list again; input piped into browse makes the list while the
# keys come from the terminal. A file with no status and an unreadable file are
# refused before the browser starts (exit 1 and 4). Exits 77 without tmux.
#
# Environment: SC_SRCDIR, SC_BUILDDIR, STATUSCODES_DB (make check sets them).

here=$(dirname "$0")
. "$here/lib.sh"
src=${SC_SRCDIR:-.}
log=$(cd "$src/tests/explain" && pwd)/combined.log

sc_start seen 100 30 -- browse "$log"
sc_check "the browser opens on the Seen list" seen sc_wait seen "Seen" "HTTP 200" "HTTP 502"
sc_check "most seen first, with counts" seen sc_wait_line seen 3 "^. +3  HTTP 200 "
sc_check "then 404, seen twice" seen sc_wait_line seen 4 "^ +2  HTTP 404 "
sc_keys seen j Enter
sc_check "Enter opens the code's detail" seen sc_wait seen "HTTP 404 Not Found"
sc_check "the list is closed" seen sc_wait_gone seen "Seen"
sc_keys seen s
sc_check "s shows the list again" seen sc_wait seen "Seen" "HTTP 429"
sc_keys seen Escape q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "quits cleanly" seen quits seen

# piped into browse: the input makes the list, the keys come from the terminal
cat >"$TMPD/piped.sh" <<EOS
#!/bin/sh
cat $(q "$src/tests/explain/ws-close.txt") | $(q "$SC_BIN") "\$@"
EOS
chmod +x "$TMPD/piped.sh"
real=$SC_BIN
SC_BIN=$TMPD/piped.sh
sc_start piped 100 30 -- browse
SC_BIN=$real
sc_check "piped into browse: the Seen list of the input" piped sc_wait piped "Seen" "Abnormal Closure"
sc_keys piped Enter
sc_check "keys come from the terminal: Enter opens 1000" piped sc_wait piped "Normal Closure"
sc_keys piped Q
sc_check "piped: quits cleanly" piped quits piped

printf 'nothing here\n' >"$TMPD/none.txt"
"$SC_BIN" browse "$TMPD/none.txt" </dev/null >/dev/null 2>"$TMPD/err"
rc=$?
sc_check "a file with no status: exit 1 before the browser starts" "" sh -c "[ $rc -eq 1 ]"
"$SC_BIN" browse "$TMPD/missing.log" </dev/null >/dev/null 2>"$TMPD/err"
rc=$?
sc_check "an unreadable file: exit 4" "" sh -c "[ $rc -eq 4 ]"
sc_check "no sanitizer reports" "" sc_sanitizer_clean

sc_done
