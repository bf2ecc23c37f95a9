#!/bin/sh
# mut-cli4.sh: command-line tests written against survivors of the seed-43
# mutation sample (docs/TESTING.md, make check-mutants), each seen failing
# on its mutant and passing without it.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export LC_ALL=C.UTF-8
mkdb=$build/src/sc-mkdb

# Arguments that all look like codes are a list of codes, never one code
# and its phrase: "403.5 128" shows 403.5 and says there is no code 128
# (status 1), although 403.5's phrase is "SSL 128 required". Kills
# src/cli/cli.c:156 dropping `cli_looks_like_code(args[i]) ||` (the two
# read as 403.5 with its phrase: status 0, no word of 128).
run --db "$refdb" --lang en 403.5 128
check "403.5 128: status 1 ($rc)" [ "$rc" = 1 ]
check "403.5 128: 403.5 is shown" grep -q '^HTTP 403.5 SSL 128 required' "$tmp/out"
check "403.5 128: no code 128" grep -q 'no code 128' "$tmp/err"

# sc-mkdb without -o OUT is a usage error that writes nothing (not a file
# named "(null).tmp"). Kills src/mkdb.c:51 dropping `!out ||`.
mkdir "$tmp/w"
printf '# HTTP\n\n| Code | Reason |\n|---|---|\n| 404 | Not Found |\n' >"$tmp/doc.md"
(cd "$tmp/w" && "$mkdb" -c "$src/tests/data/curated" "$tmp/doc.md" </dev/null >/dev/null 2>"$tmp/out")
rc=$?
check "sc-mkdb without -o: status 2 ($rc)" [ "$rc" = 2 ]
check "sc-mkdb without -o: the usage" grep -q -- "-o" "$tmp/out"
check "sc-mkdb without -o: nothing written" [ -z "$(ls -A "$tmp/w")" ]
# Without /proc (a container or chroot that does not mount it) the program
# cannot learn where it runs from: it says the database was not found,
# status 3 (STATUSCODES_DB unset), and --db still works; never a crash. Kills src/store/dbpath.c:51
# dropping `exe &&` (strcmp on the missing path). Needs a private mount
# namespace (unshare -m, as root); skipped where there is none.
if unshare -m --propagation private true 2>/dev/null; then
	# shellcheck disable=SC2016
	unshare -m --propagation private sh -c 'mount -t tmpfs none /proc || exit 9
		env -u STATUSCODES_DB "$1" --no-pager 404 >/dev/null 2>"$2/noproc.err"; echo $? >"$2/noproc.rc"
		"$1" --db "$3" --no-pager --lang en 404 >"$2/noproc.out" 2>&1' sh "$bin" "$tmp" "$refdb"
	check "without /proc: status 3 ($(cat "$tmp/noproc.rc" 2>/dev/null))" [ "$(cat "$tmp/noproc.rc" 2>/dev/null)" = 3 ]
	check "without /proc: the database is not found, one line" \
		sh -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "database not found" "$1"' sh "$tmp/noproc.err"
	check "without /proc: --db works" grep -q '^HTTP 404 Not Found' "$tmp/noproc.out"
else
	ok "without /proc # SKIP no private mount namespace (unshare -m)"
fi
tests_done
