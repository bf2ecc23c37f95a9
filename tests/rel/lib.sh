# lib.sh: shared by the tests/rel scripts (reliability: hostile databases,
# documents, signals, limits). Sourced, not run. Each test prints TAP-like
# "ok"/"not ok" lines and calls rel_done at the end.
set -u
src=${SC_SRCDIR:-.}
bin=${SC_BUILDDIR:-.}/src/statuscodes
refdb=${STATUSCODES_DB:-${SC_BUILDDIR:-.}/db/statuscodes.db}
tmp=$(mktemp -d /tmp/sc-rel-XXXXXX)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
export LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL

ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
# check DESCRIPTION COMMAND...: ok when the command succeeds
check() { d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }
# sc ARGS...: runs statuscodes (under valgrind with make check-valgrind),
# stdin /dev/null, stdout to $tmp/out, stderr to $tmp/err; sets $rc.
sc() {
	# shellcheck disable=SC2086
	${SC_VALGRIND:-} "$bin" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
# Is there no ESC (nor BEL) byte in the files named?
no_raw_controls() { ! grep -q "$(printf '[\033\007]')" "$@"; }
# lacks PATTERN FILE...: ok when no line matches
lacks() { ! grep -q -- "$@"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "ok - # SKIP $1 is not installed"; exit 77; }; }
rel_done() {
	echo "# $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
