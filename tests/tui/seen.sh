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

pass=0 fail=0 n=0
check() {
	_desc=$1 _sess=$2
	shift 2
	n=$((n + 1))
	if "$@"; then
		pass=$((pass + 1)); echo "ok $n - $_desc"
	else
		fail=$((fail + 1)); echo "not ok $n - $_desc"
		[ -n "$_sess" ] && sc_screen "$_sess" | sed 's/^/#   |/'
	fi
}

sc_start seen 100 30 -- browse "$log"
check "the browser opens on the Seen list" seen sc_wait seen "Seen" "HTTP 200" "HTTP 502"
check "most seen first, with counts" seen sc_wait_line seen 3 "^. +3  HTTP 200 "
check "then 404, seen twice" seen sc_wait_line seen 4 "^ +2  HTTP 404 "
sc_keys seen j Enter
check "Enter opens the code's detail" seen sc_wait seen "HTTP 404 Not Found"
check "the list is closed" seen sc_wait_gone seen "Seen"
sc_keys seen s
check "s shows the list again" seen sc_wait seen "Seen" "HTTP 429"
sc_keys seen Escape q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
check "quits cleanly" seen quits seen

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
check "piped into browse: the Seen list of the input" piped sc_wait piped "Seen" "Abnormal Closure"
sc_keys piped Enter
check "keys come from the terminal: Enter opens 1000" piped sc_wait piped "Normal Closure"
sc_keys piped Q
check "piped: quits cleanly" piped quits piped

printf 'nothing here\n' >"$TMPD/none.txt"
"$SC_BIN" browse "$TMPD/none.txt" </dev/null >/dev/null 2>"$TMPD/err"
rc=$?
check "a file with no status: exit 1 before the browser starts" "" sh -c "[ $rc -eq 1 ]"
"$SC_BIN" browse "$TMPD/missing.log" </dev/null >/dev/null 2>"$TMPD/err"
rc=$?
check "an unreadable file: exit 4" "" sh -c "[ $rc -eq 4 ]"
check "no sanitizer reports" "" sc_sanitizer_clean

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
