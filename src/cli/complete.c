/* complete.c: shell completion. `statuscodes --complete WORD... CURRENT`
 * prints what may stand in the place of CURRENT (the word under the
 * cursor, "" for a new one), one "candidate<TAB>description" per line,
 * from the command and option tables and, for codes, from the database; a
 * single line ":files" asks the shell for file names instead. The bash,
 * zsh and fish scripts (`statuscodes --completion-script SHELL`) do
 * nothing but call it, so what they offer cannot drift from --help and
 * the man page. Hidden: neither is in --help, both are for packagers. */
#include "config.h"
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dbpath.h"
#include "exitcode.h"
#include "labels.h"
#include "str.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

/* Codes offered at most: more than a screenful helps nobody. */
#define COMPLETE_MAX 200

/* Prints cand (when it starts with cur) and its description, cleaned and
 * on one line. */
static void offer(const char *cur, const char *cand, const char *desc)
{
	if (!str_starts_with(cand, cur))
		return;
	char *d = text_clean(desc ? desc : "", desc ? strlen(desc) : 0);
	for (char *p = d; *p; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	printf("%s\t%s\n", cand, d);
	free(d);
}

/* A description cut to fit beside the candidate in a completion menu. */
static char *short_help(const char *help)
{
	struct buf b = {0};

	text_fit(&b, help, 60, false, true);
	return buf_detach(&b);
}

/* The option that word names exactly (--lang, -l), or NULL. */
static const struct cli_option *option_named(const char *w)
{
	for (const struct cli_option *p = cli_options; p->name; p++)
		if ((w[0] == '-' && w[1] == '-' && strcmp(w + 2, p->name) == 0) ||
		    (p->shortname && w[0] == '-' && w[1] == p->shortname && w[2] == '\0'))
			return p;
	return NULL;
}

static const struct cli_command *command_named(const char *w)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, w) == 0)
			return c;
	return NULL;
}

/* Is w one of the words option p's argument name lists (never in
 * auto|always|never)? */
static bool is_listed_value(const struct cli_option *p, const char *w)
{
	size_t n = strlen(w);
	const char *a = p->arg;

	while (a && n) {
		if (strncmp(a, w, n) == 0 && (a[n] == '|' || a[n] == '\0'))
			return true;
		a = strchr(a, '|');
		a = a ? a + 1 : NULL;
	}
	return false;
}

/* The values of option p after lead ("" or "--color="): the words of its
 * argument name when it lists them (en|zh|both), protocols for
 * --protocol, else file names for --db and nothing for numbers. */
static void offer_values(const struct cli_option *p, const char *lead, const char *cur)
{
	if (strchr(p->arg, '|')) {
		char *words = xstrdup(p->arg), *save = NULL;
		for (char *w = strtok_r(words, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
			char *cand = xasprintf("%s%s", lead, w);
			offer(cur, cand, ui_pick(p->help, p->help_zh));
			free(cand);
		}
		free(words);
	} else if (strcmp(p->name, "protocol") == 0) {
		static const char *const ids[] = { "http", "ftp", "websocket" };
		for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
			offer(cur, ids[i], label_protocol(ids[i]));
	} else if (strcmp(p->arg, "PATH") == 0 || strcmp(p->arg, "FILE") == 0) {
		puts(":files");
	}
}

static void offer_options(const char *cur, const struct cli_command *cmd)
{
	for (const struct cli_option *p = cli_options; p->name; p++) {
		if (cmd && p->commands && !strstr(p->commands, cmd->name))
			continue;
		char *cand = xasprintf("--%s", p->name), *d = short_help(ui_pick(p->help, p->help_zh));
		offer(cur, cand, d);
		free(cand);
		free(d);
	}
}

/* Codes of protocol (NULL: all) starting with cur, with their phrases. */
static void offer_codes(struct store *st, const char *protocol, const char *cur, enum lang lang)
{
	struct sc_entries l = {0};
	char *cause = NULL;

	if (st == NULL || strspn(cur, "0123456789.-") != strlen(cur))
		return;                  /* only numbers complete to codes */
	if (store_complete(st, protocol, cur, strchr(cur, '.') != NULL, COMPLETE_MAX, &l, &cause) == 0)
		for (size_t i = 0; i < l.n; i++) {
			char *d = lang_bi(lang, l.v[i].phrase_en, l.v[i].phrase_zh);
			char *full = protocol ? xstrdup(d) : xasprintf("%s %s", label_protocol(l.v[i].protocol), d);
			offer(cur, l.v[i].code, full);
			free(full);
			free(d);
		}
	free(cause);
	sc_entries_free(&l);
}

static void offer_list_args(struct store *st, const char *protocol, const char *cur, bool protocols)
{
	static const char *const ids[] = { "http", "ftp", "websocket" };
	struct sc_classes cl = {0};
	char *cause = NULL;

	for (size_t i = 0; protocols && i < sizeof ids / sizeof ids[0]; i++)
		offer(cur, ids[i], label_protocol(ids[i]));
	struct strv seen = {0};
	if (st && store_classes(st, protocol, &cl, &cause) == 0)
		for (size_t i = 0; i < cl.n; i++)
			if (!strv_contains(&seen, cl.v[i].id)) {   /* 4xx: HTTP's and FTP's once */
				strv_push(&seen, cl.v[i].id);
				offer(cur, cl.v[i].id, ui_pick(cl.v[i].name_en, cl.v[i].name_zh));
			}
	strv_free(&seen);
	free(cause);
	sc_classes_free(&cl);
}

/* What follows the positional words pos[0..npos) of the command line. */
static void offer_positional(struct store *st, char **pos, int npos, const char *cur, enum lang lang)
{
	const struct cli_command *cmd = npos ? command_named(pos[0]) : NULL;
	const char *proto = npos ? store_protocol_id(pos[npos - 1]) : NULL;

	if (npos == 0) {
		for (const struct cli_command *c = cli_commands; c->name; c++) {
			char *d = short_help(ui_pick(c->help, c->help_zh));
			offer(cur, c->name, d);
			free(d);
		}
		offer_list_args(st, NULL, cur, true);
		offer_codes(st, NULL, cur, lang);
	} else if (cmd && strcmp(cmd->name, "list") == 0) {
		offer_list_args(st, npos == 2 ? proto : NULL, cur, npos == 1);
	} else if (cmd && strstr(cmd->args, "FILE")) {          /* import, explain */
		puts(":files");
	} else if (!cmd || strcmp(cmd->name, "show") == 0 || strcmp(cmd->name, "compare") == 0) {
		offer_codes(st, proto, cur, lang);
	}
}

int cli_complete(int argc, char **argv)
{
	const char *cur = argc ? argv[argc - 1] : "";
	const char *db = NULL;
	enum lang lang = LANG_BOTH;
	bool lang_given = false;
	char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
	int npos = 0;

	/* the words before the cursor: options (with their values) and the rest */
	for (int i = 0; i + 1 < argc; i++) {
		const struct cli_option *p = option_named(argv[i]);
		if (p && p->arg && i + 2 < argc && (!p->optional || is_listed_value(p, argv[i + 1]))) {
			if (strcmp(p->name, "db") == 0)
				db = argv[i + 1];
			if (strcmp(p->name, "lang") == 0)
				lang_given = lang_parse(argv[i + 1], &lang);
			i++;
		} else if (argv[i][0] != '-') {
			pos[npos++] = argv[i];
		}
	}
	/* the descriptions' language: --lang on the line being completed, else
	 * as the program would choose (STATUSCODES_LANG, the saved choice, the
	 * locale); options and commands in English for both, codes bilingual */
	if (lang_given) {
		ui_set_lang(lang);
	} else {
		struct cli_opts o = { .lang = LANG_BOTH };
		char *none[] = { NULL };
		FILE *quiet = freopen("/dev/null", "w", stderr);   /* a bad STATUSCODES_LANG: both */
		(void)quiet;
		if (cli_choose_lang(0, none, &o) < 0)
			lang = o.lang;
		ui_set_lang(lang);
	}
	const struct cli_option *prev = argc >= 2 ? option_named(argv[argc - 2]) : NULL;
	if (argc >= 3 && strcmp(argv[argc - 2], "=") == 0)  /* bash splits --lang=zh at '=' */
		prev = option_named(argv[argc - 3]);
	const char *eq = strchr(cur, '=');

	if (cur[0] == '-' && eq) {
		char *name = xstrndup(cur, (size_t)(eq - cur)), *lead = xstrndup(cur, (size_t)(eq - cur + 1));
		const struct cli_option *p = option_named(name);
		if (p && p->arg)
			offer_values(p, lead, cur);
		free(name);
		free(lead);
	} else if (prev && prev->arg) {
		offer_values(prev, "", cur);
	} else if (cur[0] == '-') {
		offer_options(cur, npos ? command_named(pos[0]) : NULL);
	} else {
		char *path = dbpath_find(db), *cause = NULL;
		struct store *st = NULL;
		if (store_open(path, STORE_READ, &st, &cause) != 0)
			st = NULL;          /* no codes, but commands and options still complete */
		offer_positional(st, pos, npos, cur, lang);
		if (st)
			store_close(st);
		free(cause);
		free(path);
	}
	free(pos);
	return fflush(stdout) == 0 && !ferror(stdout) ? SC_EXIT_OK : SC_EXIT_INTERNAL;
}

/* The scripts: each hands the words of the line to --complete. */
static const char bash_script[] =
	"# bash completion for statuscodes (made by: statuscodes --completion-script bash)\n"
	"_statuscodes()\n"
	"{\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\\n' out line\n"
	"\tout=$(\"${COMP_WORDS[0]}\" --complete \"${COMP_WORDS[@]:1:COMP_CWORD}\" 2>/dev/null) || return\n"
	"\tCOMPREPLY=()\n"
	"\tif [[ $out == :files ]]; then\n"
	"\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tfor line in $out; do COMPREPLY+=(\"${line%%$'\\t'*}\"); done\n"
	"}\n"
	"complete -F _statuscodes statuscodes\n";

static const char zsh_script[] =
	"#compdef statuscodes\n"
	"# zsh completion for statuscodes (made by: statuscodes --completion-script zsh)\n"
	"local -a lines cands\n"
	"local line\n"
	"lines=(\"${(@f)$(${words[1]} --complete \"${(@)words[2,CURRENT]}\" 2>/dev/null)}\")\n"
	"if [[ ${lines[1]} == :files ]]; then\n"
	"\t_files\n"
	"\treturn\n"
	"fi\n"
	"for line in $lines; do\n"
	"\t[[ -n $line ]] && cands+=(\"${${line%%$'\\t'*}//:/\\\\:}:${line#*$'\\t'}\")\n"
	"done\n"
	"_describe -t statuscodes statuscodes cands\n";

static const char fish_script[] =
	"# fish completion for statuscodes (made by: statuscodes --completion-script fish)\n"
	"function __statuscodes_complete\n"
	"\tset -l words (commandline -opc)\n"
	"\tset -l cur (commandline -ct)\n"
	"\tset -a words \"$cur\"\n"
	"\tset -l out ($words[1] --complete $words[2..-1] 2>/dev/null)\n"
	"\tif test \"$out[1]\" = :files\n"
	"\t\t__fish_complete_path \"$cur\"\n"
	"\t\treturn\n"
	"\tend\n"
	"\tprintf '%s\\n' $out\n"
	"end\n"
	"complete -c statuscodes -f -a '(__statuscodes_complete)'\n";

int cli_completion_script(const char *shell)
{
	static const struct { const char *name, *text; } scripts[] = {
		{ "bash", bash_script }, { "zsh", zsh_script }, { "fish", fish_script },
	};

	for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++)
		if (strcmp(shell, scripts[i].name) == 0) {
			fputs(scripts[i].text, stdout);
			return fflush(stdout) == 0 && !ferror(stdout) ? SC_EXIT_OK : SC_EXIT_INTERNAL;
		}
	return cli_usage_error(UI("--completion-script takes bash, zsh or fish, not '%s'"), shell);
}
