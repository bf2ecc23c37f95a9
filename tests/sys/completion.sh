#!/bin/sh
# completion.sh: shell completion (issue 14 item 3). The hidden --complete
# entry point answers from the option and command tables and the database;
# each shell's installed script, run by that shell, offers what it answers.
# A shell that is not installed is skipped (.ci/install-deps installs all
# three).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export XDG_DATA_HOME=$tmp/xdg   # no saved language choice
unset LC_ALL LC_MESSAGES STATUSCODES_LANG
tab=$(printf '\t')

# has DESCRIPTION PATTERN WORD...: --complete WORD... prints a line matching PATTERN
has() {
	d=$1 pat=$2; shift 2
	"$bin" --complete "$@" >"$tmp/out" 2>"$tmp/err"
	if grep -q -- "$pat" "$tmp/out"; then ok "$d"; else not_ok "$d: $(head -5 "$tmp/out" | tr '\t\n' '> ')"; fi
}
lacks() {
	d=$1 pat=$2; shift 2
	"$bin" --complete "$@" >"$tmp/out" 2>"$tmp/err"
	if grep -q -- "$pat" "$tmp/out"; then not_ok "$d"; else ok "$d"; fi
}

has "40 offers 404 with its phrases" "^404${tab}HTTP Not Found · 未找到\$" 40
has "40 offers 400" "^400${tab}" 40
has "40 offers 408" "^408${tab}HTTP Request Timeout" 40
lacks "40 offers no sub-status code" "^403\.14" 40
lacks "40 offers nothing outside 40*" "^5" 40
has "403.1 offers 403.14" "^403\.14${tab}" 403.1
has "ftp 53 offers FTP 530 without the protocol again" "^530${tab}Not logged in" ftp 53
has "--lang zh: descriptions in Chinese only" "^404${tab}HTTP 未找到\$" --lang zh 40
has "--la completes to --lang" "^--lang${tab}" --la
# the descriptions follow the language order: --lang on the line, else
# STATUSCODES_LANG, else the saved choice, else the locale, else both
has "--lang zh: options described in Chinese" "^--limit${tab}最多显示" --lang zh --li
has "--lang zh: commands described in Chinese" "^list${tab}列出条目" --lang zh lis
has "--lang zh: classes named in Chinese" "^4xx${tab}客户端错误" --lang zh list http 4
has "no --lang: options in English" "^--limit${tab}Show at most" --li
STATUSCODES_LANG=zh has "STATUSCODES_LANG=zh: codes in Chinese" "^404${tab}HTTP 未找到\$" 40
STATUSCODES_LANG=zh has "STATUSCODES_LANG=zh: options in Chinese" "^--limit${tab}最多显示" --li
STATUSCODES_LANG=zh has "--lang en on the line beats STATUSCODES_LANG" "^404${tab}HTTP Not Found\$" --lang en 40
unset STATUSCODES_LANG
LANG=zh_CN.UTF-8 has "a zh_* locale: codes in Chinese" "^404${tab}HTTP 未找到\$" 40
STATUSCODES_LANG=en LANG=zh_CN.UTF-8 has "STATUSCODES_LANG beats the locale" "^404${tab}HTTP Not Found\$" 40
STATUSCODES_LANG=xx has "a bad STATUSCODES_LANG: both, and still an answer" "^404${tab}HTTP Not Found · 未找到\$" 40
unset STATUSCODES_LANG; export LANG=C.UTF-8   # (sh may keep a function's assignments)
lacks "--la offers nothing else" "^--[^l]" --la
has "--lang takes en" "^en${tab}" --lang ""
has "--lang takes both" "^both${tab}" --lang ""
has "--color=n completes to --color=never" "^--color=never${tab}" --color=n
has "bash's split --color = n completes to never" "^never${tab}" --color = n
has "--protocol offers websocket" "^websocket${tab}" search --protocol ""
has "a new word offers the commands" "^search${tab}Ranked search" ""
has "list offers classes once" "^4xx${tab}Client Error\$" list ""
[ "$(grep -c "^4xx$tab" "$tmp/out")" -eq 1 ] && ok "4xx listed once" || not_ok "4xx listed $(grep -c "^4xx$tab" "$tmp/out") times"
has "--db asks for file names" "^:files\$" --db ""
has "import asks for file names" "^:files\$" --db x.db import ""
has "explain asks for file names" "^:files\$" explain ""
lacks "search words complete to nothing" "." search ""
lacks "letters never complete to codes" "^4" show abc
# every option of the table, and nothing that is not in --help
"$bin" --complete -- "--" | cut -f1 | sort >"$tmp/opts"
"$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/help"
if [ -s "$tmp/opts" ] && [ -z "$(comm -23 "$tmp/opts" "$tmp/help")" ]; then ok "every option offered is in --help"; else not_ok "options offered but not in --help: $(comm -23 "$tmp/opts" "$tmp/help" | tr '\n' ' ')"; fi

# the scripts, run by each shell
for sh in bash zsh fish; do
	"$bin" --completion-script $sh >"$tmp/script.$sh" || not_ok "--completion-script $sh"
done
"$bin" --completion-script tcsh >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && [ "$(wc -l <"$tmp/err")" -le 2 ] && ok "an unknown shell is a usage error" || not_ok "unknown shell"

if [ -x "${BASH_SHELL:-}" ]; then
	out=$("$BASH_SHELL" -c '. "$1"; COMP_WORDS=("$2" 40); COMP_CWORD=1; _statuscodes; printf "%s\n" "${COMPREPLY[@]}"' sh "$tmp/script.bash" "$bin")
	case "$out" in *404*) ok "bash: statuscodes 40<Tab> offers 404" ;; *) not_ok "bash offered: $out" ;; esac
	out=$("$BASH_SHELL" -c '. "$1"; COMP_WORDS=("$2" --lang ""); COMP_CWORD=2; _statuscodes; printf "%s " "${COMPREPLY[@]}"' sh "$tmp/script.bash" "$bin")
	[ "$out" = "en zh both " ] && ok "bash: --lang <Tab> offers en zh both" || not_ok "bash --lang offered: $out"
else
	echo "ok - # SKIP bash is not installed"
fi

if [ -x "${ZSH_SHELL:-}" ]; then
	mkdir -p "$tmp/fpath" && cp "$tmp/script.zsh" "$tmp/fpath/_statuscodes"
	# _describe and _files stand in for the completion system: they print what they are given
	out=$("$ZSH_SHELL" -f -c 'fpath=("$1" $fpath); autoload -Uz _statuscodes
		_describe() { print -rl -- "${(@P)4}"; }; _files() { print FILES; }
		words=("$2" 40); CURRENT=2; _statuscodes' sh "$tmp/fpath" "$bin")
	case "$out" in *"404:HTTP Not Found · 未找到"*) ok "zsh: 40<Tab> describes 404 with its phrases" ;; *) not_ok "zsh offered: $(echo "$out" | head -3)" ;; esac
	out=$("$ZSH_SHELL" -f -c 'fpath=("$1" $fpath); autoload -Uz _statuscodes
		_describe() { print -rl -- "${(@P)4}"; }; _files() { print FILES; }
		words=("$2" --db ""); CURRENT=3; _statuscodes' sh "$tmp/fpath" "$bin")
	[ "$out" = FILES ] && ok "zsh: --db <Tab> completes files" || not_ok "zsh --db offered: $out"
else
	echo "ok - # SKIP zsh is not installed"
fi

if [ -x "${FISH_SHELL:-}" ]; then
	out=$(HOME=$tmp XDG_CONFIG_HOME=$tmp "$FISH_SHELL" --no-config -c "set PATH $(dirname "$bin") \$PATH; source $tmp/script.fish; complete -C 'statuscodes 40'")
	case "$out" in *"404${tab}HTTP Not Found · 未找到"*) ok "fish: statuscodes 40<Tab> shows 404 with its phrases" ;; *) not_ok "fish offered: $(echo "$out" | head -3)" ;; esac
	out=$(HOME=$tmp XDG_CONFIG_HOME=$tmp "$FISH_SHELL" --no-config -c "set PATH $(dirname "$bin") \$PATH; source $tmp/script.fish; complete -C 'statuscodes --lang '")
	case "$out" in *"zh${tab}"*) ok "fish: --lang <Tab> offers zh" ;; *) not_ok "fish --lang offered: $out" ;; esac
else
	echo "ok - # SKIP fish is not installed"
fi

tests_done
