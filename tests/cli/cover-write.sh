#!/bin/sh
# A write the database refuses in the middle of an import (a trigger that
# RAISEs stands for any refusal: a constraint, a damaged page, a full
# disk) ends with status 3 and one line on stderr naming the database, at
# each stage of the import (its claims, its findings, the entries worked
# out again), with --dry-run too; the file is byte for byte as it was and
# no copy is left beside it. Without the trigger the same import works.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
need sqlite3
w=$tmp/w
mkdir "$w"
doc=$tmp/mine.md
printf '| Code | Reason | Meaning |\n|---|---|---|\n| 601 | Mine | My own code. |\n| 404 | Not Found | Gone. |\n' >"$doc"

for stage in "INSERT ON claim" "INSERT ON finding" "UPDATE ON entry" "INSERT ON source"; do
	for dry in "" --dry-run; do
		what="refused $stage${dry:+ ($dry)}"
		cp "$refdb" "$w/a.db"
		sqlite3 "$w/a.db" "CREATE TRIGGER refuse BEFORE $stage BEGIN SELECT RAISE(ABORT, 'refused'); END;"
		cp "$w/a.db" "$tmp/old.db"
		sc --db "$w/a.db" import $dry "$doc"
		check "$what: status 3 ($rc)" [ "$rc" -eq 3 ]
		check "$what: one line on stderr" [ "$(wc -l <"$tmp/err")" -eq 1 ]
		check "$what: names the database" grep -q "^statuscodes: $w/a.db: cannot write: " "$tmp/err"
		check "$what: the file as it was" cmp -s "$w/a.db" "$tmp/old.db"
		check "$what: no copy left" [ "$(ls -A "$w")" = a.db ]
	done
done
sqlite3 "$w/a.db" "DROP TRIGGER refuse;"
sc --db "$w/a.db" import "$doc"
check "without the trigger: status 0 ($rc)" [ "$rc" -eq 0 ]
sc --db "$w/a.db" 601
check "without the trigger: 601 is there" grep -q 'Mine' "$tmp/out"
rel_done
