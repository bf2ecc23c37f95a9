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
		# a sanitizer build cannot start without /proc at all: not ours to test
		"$1" --version >/dev/null 2>&1 || { echo skip >"$2/noproc.rc"; exit 0; }
		env -u STATUSCODES_DB "$1" --no-pager 404 >/dev/null 2>"$2/noproc.err"; echo $? >"$2/noproc.rc"
		"$1" --db "$3" --no-pager --lang en 404 >"$2/noproc.out" 2>&1' sh "$bin" "$tmp" "$refdb"
	if [ "$(cat "$tmp/noproc.rc" 2>/dev/null)" = skip ]; then
		ok "without /proc # SKIP the program cannot start without /proc (a sanitizer build)"
	else
		check "without /proc: status 3 ($(cat "$tmp/noproc.rc" 2>/dev/null))" \
			[ "$(cat "$tmp/noproc.rc" 2>/dev/null)" = 3 ]
		check "without /proc: the database is not found, one line" \
			sh -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "database not found" "$1"' sh "$tmp/noproc.err"
		check "without /proc: --db works" grep -q '^HTTP 404 Not Found' "$tmp/noproc.out"
	fi
else
	ok "without /proc # SKIP no private mount namespace (unshare -m)"
fi
# An import whose file another import replaced while it waited for the
# lock: it refuses, and the replacement is not overwritten (a lost update).
# A sqlite3 shell holds the write lock (BEGIN IMMEDIATE) while the import
# starts (it has opened the file, so it knows the file it opened) and the
# file is replaced by another; then the lock is let go. Whether the import
# then finds the file replaced or gives up waiting for the lock, it must
# refuse and leave the replacement as it is. Kills src/store/store.c:316
# dropping `|| sb.st_ino != st->ino` (the import went on and renamed its
# copy over the replacement). Needs sqlite3 and mkfifo.
if command -v sqlite3 >/dev/null 2>&1 && mkfifo "$tmp/lockfifo" 2>/dev/null; then
	cp "$refdb" "$tmp/race.db"
	printf '| Code | Reason | Meaning |\n|---|---|---|\n| 650 | Mine | 我自己的状态码。 |\n' >"$tmp/mine.md"
	sqlite3 "$tmp/race.db" <"$tmp/lockfifo" >/dev/null 2>&1 &
	holder=$!
	exec 7>"$tmp/lockfifo"
	echo "BEGIN IMMEDIATE;" >&7
	sleep 0.2
	"$bin" --db "$tmp/race.db" import "$tmp/mine.md" >"$tmp/race.out" 2>"$tmp/race.err" &
	importer=$!
	n=0   # until the import has the file open (at most 5 s)
	while [ $n -lt 100 ] && ! ls -l "/proc/$importer/fd" 2>/dev/null | grep -q 'race\.db$'; do
		sleep 0.05
		n=$((n + 1))
	done
	cp "$refdb" "$tmp/other.db"
	sqlite3 "$tmp/other.db" "PRAGMA user_version = user_version" >/dev/null
	cp "$tmp/other.db" "$tmp/race.db.new" && mv "$tmp/race.db.new" "$tmp/race.db"
	echo "COMMIT;" >&7
	exec 7>&-
	wait "$importer"
	rc=$?
	wait "$holder" 2>/dev/null
	check "an import whose file was replaced meanwhile refuses ($rc)" [ "$rc" -ne 0 ]
	check "the replacement is not overwritten" cmp -s "$tmp/race.db" "$tmp/other.db"
	sed "s/^/# /" "$tmp/race.err"
	check "it says why, one line" sh -c '[ "$(wc -l <"$1")" = 1 ] && grep -Eq "replaced it just now|cannot lock it" "$1"' \
		sh "$tmp/race.err"
else
	ok "a file replaced during an import # SKIP no sqlite3 or mkfifo"
fi
tests_done
