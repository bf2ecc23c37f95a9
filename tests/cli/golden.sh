#!/bin/sh
# Golden-output tests for the one-shot commands: each line of
# tests/golden/cases is "NAME ARGS..."; the program's stdout followed by a
# line "exit: N" must equal tests/golden/NAME.out. Output goes to a pipe, so
# it is the plain (not-a-terminal) form at 80 columns, without colour.
# SC_UPDATE_GOLDEN=1 rewrites the files (read every one before committing).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
dir=$src/tests/golden
while IFS= read -r line; do
	case $line in ''|'#'*) continue ;; esac
	name=${line%% *}
	args=${line#* }
	# shellcheck disable=SC2086
	# under make check-valgrind, SC_VALGRIND holds the valgrind command
	( set -f; LANG=C.UTF-8 NO_COLOR=1 ${SC_VALGRIND:-} "$bin" $args </dev/null >"$tmp/out" 2>/dev/null; echo "exit: $?" >>"$tmp/out" )
	if [ "${SC_UPDATE_GOLDEN:-0}" = 1 ]; then
		cp "$tmp/out" "$dir/$name.out"
	fi
	if cmp -s "$tmp/out" "$dir/$name.out"; then
		ok "$name"
	else
		not_ok "$name: statuscodes $args"
		diff -u "$dir/$name.out" "$tmp/out" | head -40
	fi
done <"$dir/cases"
# docs/DEFECTS.md embeds the output of `statuscodes sources`
sed -n '/<!-- sources-begin -->/,/<!-- sources-end -->/p' "$src/docs/DEFECTS.md" |
	sed '1,2d;$d' | sed '$d' >"$tmp/doc"
LANG=C.UTF-8 NO_COLOR=1 "$bin" sources </dev/null >"$tmp/out" 2>/dev/null
if cmp -s "$tmp/doc" "$tmp/out"; then
	ok "docs/DEFECTS.md lists what statuscodes sources prints"
else
	not_ok "docs/DEFECTS.md differs from statuscodes sources"
	diff -u "$tmp/doc" "$tmp/out" | head -40
fi

tests_done
