#!/bin/sh
# A comparison group of any size (curated confusables tables): every member
# is compared with every other, never only the first sixteen (the loader
# once kept sixteen member ids and silently dropped the rest of the group).
# A table made for the case, built with sc-mkdb as the project's database is.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
mkdb=${SC_BUILDDIR:-.}/src/sc-mkdb
cp -r "$src/tests/data/curated" "$tmp/cur"
# eighteen HTTP codes of the test registry, the last two past sixteen
members="http:200 http:204 http:205 http:301 http:302 http:303 http:306 http:307 http:401 http:403"
members="$members http:404 http:410 http:413 http:421 http:422 http:423 http:500 http:530"
printf 'members\ttitle_en\ttitle_zh\tnote_en\tnote_zh\tsource\n%s\t%s\t%s\t%s\t%s\t%s\n' \
	"$members" 'Eighteen codes' '十八个状态码' 'A group of eighteen.' '十八个一组。' test \
	>"$tmp/cur/confusables-test.tsv"
printf '# HTTP\n\n| Code | Reason |\n|---|---|\n| 404 | Not Found |\n' >"$tmp/doc.md"
"$mkdb" -c "$tmp/cur" -o "$tmp/g.db" "$tmp/doc.md" >/dev/null 2>"$tmp/err"
check "sc-mkdb with a comparison of eighteen members" [ $? = 0 ]

# peers CODE: the codes show --full lists under "Easily confused with"
peers() {
	sc --db "$tmp/g.db" show "$1" --full --lang en
	sed -n '/^Easily confused with/,/^$/s/^  \([0-9][0-9.]*\)  .*/\1/p' "$tmp/out" | tr '\n' ' '
}
for code in 200 423 500 530; do
	want=$(echo "$members" | tr ' ' '\n' | sed 's/^http://' | grep -vx "$code" | tr '\n' ' ')
	got=$(peers "$code")
	if [ "$got" = "$want" ]; then ok "$code is compared with the seventeen others"
	else not_ok "$code is compared with: $got"; fi
done
# a member past sixteen that is not in the registry is reported, not skipped
printf 'members\ttitle_en\ttitle_zh\tnote_en\tnote_zh\tsource\n%s\tt\t题\tn\t注\ttest\n' \
	"$members http:499" >"$tmp/cur/confusables-test.tsv"
"$mkdb" -c "$tmp/cur" -o "$tmp/h.db" "$tmp/doc.md" >/dev/null 2>"$tmp/err"
check "the nineteenth member, not in the registry: sc-mkdb fails" [ $? != 0 ]
check "  ... naming it" grep -q 'confusables-test.tsv:2: comparison member http:499 is not in the registry' "$tmp/err"
check "  ... and writes no database" [ ! -e "$tmp/h.db" ]
rel_done
