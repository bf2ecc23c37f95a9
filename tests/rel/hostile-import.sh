#!/bin/sh
# Hostile documents to import (issue 15 items 3 and 10): HTML entities are
# decoded, in markdown tables too; a row holding a control character (raw or
# from &#27;) is rejected with a finding, and nothing the import prints
# echoes a raw ESC, from the document or from the file's name; a UTF-8
# byte-order mark is accepted.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
cp "$refdb" "$tmp/a.db"
esc=$(printf '\033')
cat >"$tmp/evil.html" <<EOT
<html><head><title>HTTP status codes</title></head><body>
<h2>HTTP 6xx</h2>
<table>
<tr><th>Code</th><th>Reason</th><th>Meaning</th></tr>
<tr><td>651</td><td>Evil&#27;]0;pwned&#7;</td><td>Sets the terminal title.</td></tr>
<tr><td>652</td><td>Fish &amp; Chips</td><td>A &lt;plain&gt; row &mdash; kept.</td></tr>
<tr><td>653</td><td>Bell</td><td>Rings &#x07; twice</td></tr>
<tr><td>654</td><td>Raw</td><td>Raw ${esc}[2J escape</td></tr>
</table></body></html>
EOT
sc --db "$tmp/a.db" import "$tmp/evil.html"
check "html: imported ($rc)" [ "$rc" -eq 0 ]
check "html: no raw ESC or BEL printed" no_raw_controls "$tmp/out" "$tmp/err"
check "html: the &#27; row is rejected, naming U+001B" grep -q '651.*U+001B\|U+001B.*651' "$tmp/out"
check "html: the &#x07; row is rejected, naming U+0007" grep -q 'U+0007' "$tmp/out"
check "html: the raw ESC row is rejected" grep -q '654.*U+001B\|U+001B.*654' "$tmp/out"
check "html: three rows rejected" grep -q 'rejected 3 lines' "$tmp/out"
sc --db "$tmp/a.db" --lang en 652
check "html: &amp; &lt; &gt; &mdash; decoded" grep -q 'Fish & Chips' "$tmp/out"
check "html: &lt;plain&gt; decoded" grep -q 'A <plain> row — kept' "$tmp/out"
sc --db "$tmp/a.db" 651
check "html: the rejected code is not an entry ($rc)" [ "$rc" -eq 1 ]
sc --db "$tmp/a.db" sources
check "sources: no raw ESC" no_raw_controls "$tmp/out"

printf '| Code | Reason | Meaning |\n|---|---|---|\n| 661 | Tab &amp; Co | &#27;[31mred&#27;[0m |\n| 662 | Fine | Fine &hellip; |\n' >"$tmp/evil.md"
sc --db "$tmp/a.db" import "$tmp/evil.md"
check "markdown: imported ($rc)" [ "$rc" -eq 0 ]
check "markdown: entities decoded, control rejected" grep -q 'rejected 1 lines' "$tmp/out"
check "markdown: nothing raw printed" no_raw_controls "$tmp/out" "$tmp/err"
sc --db "$tmp/a.db" --lang en 662
check "markdown: &hellip; decoded" grep -q 'Fine …' "$tmp/out"

# a byte-order mark
printf '\357\273\277| Code | Reason | Meaning |\n|---|---|---|\n| 671 | BOM | With a byte-order mark. |\n' >"$tmp/bom.md"
sc --db "$tmp/a.db" import "$tmp/bom.md"
check "BOM: accepted ($rc)" [ "$rc" -eq 0 ]
check "BOM: read as a markdown table" grep -q 'taken 1 rows' "$tmp/out"

# a file name with escapes, in an error message
sc --db "$tmp/a.db" import "$tmp/x${esc}]0;t$(printf '\007').md"
check "file name: status 4 ($rc)" [ "$rc" -eq 4 ]
check "file name: no raw ESC in the message" no_raw_controls "$tmp/err"
check "file name: shown as ^[" grep -q 'x^\[\]0;t^G.md' "$tmp/err"
rel_done
