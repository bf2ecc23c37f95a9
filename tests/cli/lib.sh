# lib.sh: the set-up the shell tests share. Sourced, not run, first thing:
#	. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
# make check sets SC_SRCDIR and SC_BUILDDIR (in a VPATH build the sources
# and the build are two trees); by hand, from the top of an in-tree build,
# both are the current directory.
#
# Sets src and build (both absolute), bin (the program), refdb (the
# reference database: STATUSCODES_DB, else the build's; absolute), tmp (a new
# directory, removed at exit even where a test made it read-only), pass=0
# fail=0, set -u, and exports LANG=C.UTF-8 and NO_COLOR=1. LC_ALL is each
# script's: C.UTF-8 for its tools too, or unset where it sets the locale
# through LANG.
#
# ok DESC, not_ok DESC: a TAP-like line, counted. not_ok also shows the
#   first fail_lines (20) lines of the file fail_show, when a script names one.
# check DESC CMD...: ok DESC when CMD succeeds, else not_ok DESC.
# run ARGS...: statuscodes ARGS (under valgrind with make check-valgrind),
#   stdin /dev/null, stdout to $tmp/out, stderr to $tmp/err; the status in rc.
# tests_done: the counts; true when nothing failed (the script's last command).
set -u
src=$(CDPATH='' cd -- "${SC_SRCDIR:-.}" && pwd) || exit 99
build=$(CDPATH='' cd -- "${SC_BUILDDIR:-.}" && pwd) || exit 99
bin=$build/src/statuscodes
refdb=${STATUSCODES_DB:-$build/db/statuscodes.db}
case $refdb in /*) ;; *) refdb=$PWD/$refdb ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-$(basename "$0" .sh)-XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0
fail_show='' fail_lines=20
export LANG=C.UTF-8 NO_COLOR=1

ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() {
	echo "not ok - $*"
	fail=$((fail + 1))
	if [ -n "$fail_show" ] && [ -f "$fail_show" ]; then head -"$fail_lines" "$fail_show" | sed 's/^/#   /'; fi
}
check() { _d=$1; shift; if "$@"; then ok "$_d"; else not_ok "$_d"; fi; }
run() {
	${SC_VALGRIND:-} "$bin" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
tests_done() {
	echo "# $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
