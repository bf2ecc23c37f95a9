#!/bin/sh
# Importing the same document again changes nothing (issue 9 item 4): the
# second import finds an earlier source with the same claims, says so,
# and rolls back, so the claim and source counts stay; a changed document
# is imported as before.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
need sqlite3
doc=$tmp/mine.md
{
	printf '| Code | Reason | Meaning |\n|---|---|---|\n'
	printf '| 651 | Mine one | 我的第一个状态码。 |\n| 652 | Mine two | 我的第二个状态码。 |\n'
} >"$doc"
cp "$refdb" "$tmp/a.db"
count() { sqlite3 "$tmp/a.db" "SELECT (SELECT count(*) FROM claim) || ' ' || (SELECT count(*) FROM source)"; }
before=$(count)

sc --db "$tmp/a.db" import "$doc"
check "first import: exit 0 ($rc)" [ "$rc" -eq 0 ]
first=$(count)
check "first import: claims and a source added ($before -> $first)" [ "$first" != "$before" ]

sc --db "$tmp/a.db" import "$doc"
check "same document again: exit 0 ($rc)" [ "$rc" -eq 0 ]
check "same document again: says it was imported before" grep -q 'imported before' "$tmp/out"
check "same document again: claims and sources unchanged ($first -> $(count))" [ "$(count)" = "$first" ]
sc --db "$tmp/a.db" --dry-run import "$doc"
check "same document, dry run: says it was imported before" grep -q 'imported before' "$tmp/out"

printf '| 653 | Mine three | 我的第三个状态码。 |\n' >>"$doc"
sc --db "$tmp/a.db" import "$doc"
check "changed document: exit 0 ($rc)" [ "$rc" -eq 0 ]
check "changed document: imported" lacks 'imported before' "$tmp/out"
changed=$(count)
check "changed document: claims and a source added ($first -> $changed)" [ "$changed" != "$first" ]
sc --db "$tmp/a.db" 653
check "changed document: its new code is there" grep -q 'Mine three' "$tmp/out"
rel_done
