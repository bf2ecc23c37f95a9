#!/bin/sh
# A reference database whose text is not valid UTF-8 and holds terminal
# escapes (a damaged or hostile file): every renderer prints it cleaned
# (U+FFFD, "^[" for ESC), never raw, never past the end of a buffer
# (issue 15 items 1 and 3; under ASan the old wrap_paragraph crashed here).
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
need sqlite3
db=$tmp/hostile.db
cp "$refdb" "$db"
long=$(printf 'FF%.0s' $(seq 1 120))
sqlite3 "$db" "UPDATE entry SET
    phrase_en = 'Not' || char(27) || ']0;pwned' || char(7) || ' Found',
    summary_en = 'sum ' || cast(x'C3' as text) || ' mary' || char(155) || '[31m',
    detail_en = 'x ' || cast(x'$long' as text) || ' tail ' || char(27) || '[2J end',
    phrase_zh = cast(x'E69CAAE689BE' as text)
  WHERE protocol = 'http' AND code IN ('404', '403')" || { echo "not ok - sqlite3"; exit 1; }
for args in "404" "--lang en 404" "compare 404 403" "list 4xx" "search found" "--json 404" \
            "--json search found" "--lang zh 404"; do
	# shellcheck disable=SC2086
	sc --db "$db" $args
	check "$args: exit 0 ($rc)" [ "$rc" -eq 0 ]
	check "$args: no raw ESC or BEL in the output" no_raw_controls "$tmp/out" "$tmp/err"
done
sc --db "$db" 404
check "ESC is shown as ^[" grep -q 'Not^\[\]0;pwned^G Found' "$tmp/out"
check "an invalid byte is shown as U+FFFD" grep -q "$(printf '\357\277\275\357\277\275')" "$tmp/out"
check "the text after the invalid run is kept" grep -q 'tail ^\[\[2J end' "$tmp/out"
rel_done
