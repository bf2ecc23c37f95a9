#!/bin/sh
# gnu.sh: --help and --version as the GNU coding standards lay them out, and
# long options abbreviated the GNU way (issue 14 item 2).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
unset LC_ALL

"$bin" --help </dev/null >"$tmp/help" 2>&1; rc=$?
check "--help exits 0" [ "$rc" -eq 0 ]
check "--help starts with a Usage: line" [ "$(head -1 "$tmp/help")" = "Usage: statuscodes [OPTION]... [COMMAND] [ARG]..." ]
check "--help ends with where to report bugs" grep -q '^Report bugs to: ..*' "$tmp/help"
check "the bug-report line is the last line" sh -c "tail -1 '$tmp/help' | grep -q '^Report bugs to: '"

# configure's AC_INIT bug-report argument, quoted the same way everywhere
bug=$(sed -n 's/^Report bugs to: //p' "$tmp/help")
check "the bug-report place is configure's" grep -qF "#define PACKAGE_BUGREPORT \"$bug\"" "$build/config.h"
check "README quotes the same place" sh -c "tr '\n' ' ' <'$src/README.md' | tr -s ' ' | grep -qF 'Report bugs to: $bug'"
check "the man page's REPORTING BUGS names it" grep -qF "Report bugs to: $bug" "$build/docs/statuscodes.1"
"$bin" --lang zh --help </dev/null >"$tmp/help-zh" 2>&1; rc=$?
check "--lang zh --help exits 0" [ "$rc" -eq 0 ]
check "--lang zh --help starts with its Usage line in Chinese" [ "$(head -1 "$tmp/help-zh")" = "用法：statuscodes [选项]... [命令] [参数]..." ]
check "and ends with the same place to report bugs" [ "$(tail -1 "$tmp/help-zh")" = "报告错误：$bug" ]
check "no English help line is left in it" sh -c "! grep -q -e 'Show this help' -e 'Exit status' -e 'Commands:' '$tmp/help-zh'"

"$bin" --version </dev/null >"$tmp/version" 2>&1; rc=$?
check "--version exits 0" [ "$rc" -eq 0 ]
check "--version's first line is the name and version" grep -qx 'statuscodes [0-9][0-9.]*' "$tmp/version" 
check "first line only" sh -c "head -1 '$tmp/version' | grep -qx 'statuscodes [0-9][0-9.]*'"
check "--version has a copyright line" grep -q '^Copyright (C) [0-9]\{4\} ' "$tmp/version"
check "--version names the licence" grep -q '^License MIT' "$tmp/version"
check "--version says there is no warranty" grep -q 'NO WARRANTY' "$tmp/version"

"$bin" --vers </dev/null >"$tmp/vers" 2>&1
check "--vers is --version" cmp -s "$tmp/vers" "$tmp/version"
"$bin" --he </dev/null >"$tmp/he" 2>&1
check "--he is --help" cmp -s "$tmp/he" "$tmp/help"
"$bin" 404 --la=en </dev/null >"$tmp/out" 2>&1; rc=$?
check "--la=en is --lang=en" sh -c "[ $rc -eq 0 ] && ! grep -q '未找到' '$tmp/out' && grep -q 'Not Found' '$tmp/out'"
"$bin" 404 --co </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
check "an ambiguous abbreviation is a usage error (exit 2)" [ "$rc" -eq 2 ]
check "and says it is ambiguous, in one line plus the hint" sh -c "grep -q ambiguous '$tmp/err' && [ \$(wc -l <'$tmp/err') -le 2 ]"

tests_done
