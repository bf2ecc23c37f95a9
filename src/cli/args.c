/* args.c: the option table and the command line read through getopt_long,
 * so that long options abbreviate the GNU way (--vers for --version) and
 * may come before or after the command. */
#include "config.h"
#include "cli_int.h"

#include <errno.h>
#include <stdio.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "dbpath.h"
#include "exitcode.h"
#include "userdata.h"
#include "xmalloc.h"

static int set_lang(struct cli_opts *o, const char *v)
{
	if (!lang_parse(v, &o->lang))
		return cli_usage_error(UI("--lang takes en, zh or both, not '%s'"), v);
	o->lang_set = true;
	ui_set_lang(o->lang);
	return -1;
}

static int set_json(struct cli_opts *o, const char *v) { o->json = true; return -1; }
static int set_format(struct cli_opts *o, const char *v)
{
	o->json = strcmp(v, "json") == 0;
	o->line = strcmp(v, "line") == 0;
	if (!o->json && !o->line && strcmp(v, "text") != 0)
		return cli_usage_error(UI("--format takes text, line or json, not '%s'"), v);
	return -1;
}

static int set_full(struct cli_opts *o, const char *v) { o->full = true; return -1; }
static int set_no_pager(struct cli_opts *o, const char *v) { o->no_pager = true; return -1; }

static int set_db(struct cli_opts *o, const char *v) { o->db = v; return -1; }

static int set_color(struct cli_opts *o, const char *v)
{
	if (v == NULL)
		o->color = COLOR_ALWAYS;
	else if (!palette_color_parse(v, &o->color))
		return cli_usage_error(UI("--color takes auto, always or never, not '%s'"), v);
	return -1;
}

static int set_protocol(struct cli_opts *o, const char *v)
{
	if ((o->protocol = store_protocol_id(v)) == NULL)
		return cli_usage_error(UI("unknown protocol '%s' (http, ftp or websocket)"), v);
	return -1;
}

/* A whole number from lo to hi for option name into *out. */
static int set_number(const char *name, const char *v, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end || n < lo || n > hi || errno)
		return cli_usage_error(UI("--%s takes a number from %ld to %ld, not '%s'"), name, lo, hi, v);
	*out = n;
	return -1;
}

static int set_limit(struct cli_opts *o, const char *v)
{
	long n;
	int rc = set_number("limit", v, 1, 10000, &n);
	o->limit = (int)n;
	return rc;
}

static int set_count(struct cli_opts *o, const char *v)
{
	long n;
	int rc = set_number("count", v, 1, 1000, &n);
	o->count = (int)n;
	return rc;
}

static int set_new(struct cli_opts *o, const char *v)
{
	long n;
	int rc = set_number("new", v, 0, 1000, &n);
	o->new_cards = (int)n;
	o->new_set = true;
	return rc;
}

static int set_seed(struct cli_opts *o, const char *v)
{
	long n;
	int rc = set_number("seed", v, 0, 2147483647L, &n);
	o->seed = (unsigned long long)n;
	o->seed_set = true;
	return rc;
}

static int set_class(struct cli_opts *o, const char *v)
{
	size_t n = strlen(v);
	if (n < 3 || n > 12 || strspn(v, "0123456789-xX") != n)
		return cli_usage_error(UI("--class takes a class such as 4xx, not '%s'"), v);
	o->class_id = v;
	return -1;
}

static int set_bookmarks(struct cli_opts *o, const char *v) { o->bookmarks = true; return -1; }
static int set_substatus(struct cli_opts *o, const char *v) { o->substatus = true; return -1; }
static int set_standard(struct cli_opts *o, const char *v) { o->standard = true; return -1; }
static int set_stats(struct cli_opts *o, const char *v) { o->stats = true; return -1; }
static int set_export(struct cli_opts *o, const char *v) { o->export_path = v; return -1; }

static int set_coverage(struct cli_opts *o, const char *v) { o->coverage = true; return -1; }
static int set_dry_run(struct cli_opts *o, const char *v) { o->dry_run = true; return -1; }
static int set_help(struct cli_opts *o, const char *v)
{
	cli_usage(stdout);
	return SC_EXIT_OK;
}

static int set_version(struct cli_opts *o, const char *v)
{
	cli_version(stdout);
	return SC_EXIT_OK;
}

/* Each option with its help in English and Chinese (--help, the man pages
 * and the completion scripts read this table). */
const struct cli_option cli_options[] = {
	{ "lang", 'l', "en|zh|both",
	  "Languages to show, and the language of the program's own messages (zh: Chinese). Default: "
	  "$STATUSCODES_LANG, else the language last chosen in the browser (key L), else zh when the "
	  "locale (LC_ALL, else LC_MESSAGES, else LANG) starts with zh, else both.",
	  "显示哪些语言，也是程序自身提示的语言（zh：中文）。默认：$STATUSCODES_LANG，否则用浏览器中上次"
	  "选择的语言（L 键），否则当区域设置（LC_ALL，其次 LC_MESSAGES，再次 LANG）以 zh 开头时用 zh，"
	  "否则 both。",
	  NULL, false, set_lang },
	{ "json", 'j', NULL, "Print JSON instead of text.", "输出 JSON 而不是文本。", NULL, false, set_json },
	{ "format", 0, "text|line|json", "Text (default); line: one line per entry (404  Not Found · 未找到) "
	  "for every command that lists; json: as --json.",
	  "text：文本（默认）；line：列出条目的命令每个条目一行（404  Not Found · 未找到）；json：同 --json。",
	  NULL, false, set_format },
	{ "full", 0, NULL, "Show everything about an entry: details, sub-status codes, notes on what tells "
	  "confusable codes apart, every cross-reference, what each source said, defects.",
	  "显示条目的全部内容：详细说明、子状态码、区分易混淆状态码的说明、所有交叉引用、各来源的原文、"
	  "发现的问题。", "show", false, set_full },
	{ "sources", 0, NULL, "The same as --full.", "同 --full。", "show", false, set_full },
	{ "no-pager", 0, NULL, "Never page the output. Otherwise, on a terminal, output longer than the "
	  "screen goes through $STATUSCODES_PAGER, else $PAGER, else less -FRX.",
	  "从不分页。否则在终端上，超过一屏的输出交给 $STATUSCODES_PAGER，其次 $PAGER，再次 less -FRX。",
	  NULL, false, set_no_pager },
	{ "db", 0, "PATH", "The database to use (default: $STATUSCODES_DB, else the installed one).",
	  "要使用的数据库（默认：$STATUSCODES_DB，否则用安装的数据库）。", NULL, false, set_db },
	{ "color", 0, "auto|always|never", "Colour the output (default auto; NO_COLOR also turns it off).",
	  "给输出着色（默认 auto；设置 NO_COLOR 也会关闭颜色）。", NULL, true, set_color },
	{ "protocol", 'p', "PROTOCOL", "Search or study only http, ftp or websocket.",
	  "只搜索或学习 http、ftp 或 websocket。", "search quiz", false, set_protocol },
	{ "standard", 0, NULL, "Only codes registered by the protocol's standards (IANA, RFCs): no vendor "
	  "(nginx, Cloudflare, IIS), unofficial or IIS sub-status codes.",
	  "只显示协议标准（IANA、RFC）注册的状态码：不含厂商（nginx、Cloudflare、IIS）、非官方或 IIS 子状态码。",
	  "list search quiz", false, set_standard },
	{ "limit", 'n', "N", "Show at most N search results (default 20) or history entries (default 50).",
	  "最多显示 N 个搜索结果（默认 20）或 N 条历史记录（默认 50）。", "search history", false, set_limit },
	{ "count", 0, "N", "Ask at most N questions (default 10).", "最多问 N 个问题（默认 10）。", "quiz", false,
	  set_count },
	{ "class", 0, "CLASS", "Study only one class of codes, such as 4xx.", "只学习一类状态码，例如 4xx。",
	  "quiz", false, set_class },
	{ "bookmarks", 0, NULL, "Study only the bookmarked codes.", "只学习加了书签的状态码。", "quiz", false,
	  set_bookmarks },
	{ "substatus", 0, NULL, "Study IIS sub-status codes (403.14) too.", "也学习 IIS 子状态码（403.14）。",
	  "quiz", false, set_substatus },
	{ "new", 0, "N", "Introduce at most N new cards a day (default 10).", "每天最多引入 N 张新卡片（默认 10）。",
	  "quiz", false, set_new },
	{ "seed", 0, "N", "Make the order of questions and choices repeatable.", "使问题和选项的顺序可以重现。",
	  "quiz", false, set_seed },
	{ "stats", 0, NULL, "Show study progress per protocol and class: cards, studied, due now, "
	  "reviews, retention.", "按协议和类别显示学习进度：卡片数、已学、当前到期、复习次数、记忆保持率。",
	  "quiz", false, set_stats },
	{ "export", 0, "FILE", "Write every card as a deck Anki can import (plain text, tab-separated).",
	  "把所有卡片写成 Anki 可以导入的卡组（纯文本，制表符分隔）。", "quiz", false, set_export },
	{ "coverage", 0, NULL, "Count the entries with names, summaries, details and what to check in each "
	  "language.", "统计每种语言中有名称、摘要、详细说明和排查要点的条目数。", "sources", false, set_coverage },
	{ "dry-run", 0, NULL, "Check a document and report, without changing the database.",
	  "检查文档并报告，不修改数据库。", "import", false, set_dry_run },
	{ "help", 'h', NULL, "Show this help.", "显示本帮助。", NULL, false, set_help },
	{ "version", 'V', NULL, "Show the version.", "显示版本。", NULL, false, set_version },
	{ NULL, 0, NULL, NULL, NULL, NULL, false, NULL },
};

/* The value getopt_long returns for option i: its letter, else 256 + i. */
static int opt_val(size_t i)
{
	return cli_options[i].shortname ? cli_options[i].shortname : 256 + (int)i;
}

/* getopt_long's tables, made from cli_options. Caller frees *longs. */
static void opt_tables(struct option **longs, char *shorts, size_t shorts_size)
{
	size_t n = 0, k = 0;

	while (cli_options[n].name)
		n++;
	*longs = xcalloc(n + 1, sizeof **longs);
	shorts[k++] = '-';      /* other arguments come back in order, as value 1 */
	shorts[k++] = ':';      /* a missing value comes back as ':' */
	for (size_t i = 0; i < n; i++) {
		const struct cli_option *p = &cli_options[i];
		(*longs)[i].name = p->name;
		(*longs)[i].has_arg = !p->arg ? no_argument : p->optional ? optional_argument : required_argument;
		(*longs)[i].val = opt_val(i);
		if (p->shortname && k + 3 < shorts_size) {
			shorts[k++] = p->shortname;
			if (p->arg)
				shorts[k++] = ':';
			if (p->arg && p->optional)
				shorts[k++] = ':';
		}
	}
	shorts[k] = '\0';
}

/* The one-line message for what getopt_long refused in arg. */
static int refused(const char *arg, int optopt_, bool missing)
{
	if (missing)
		return cli_usage_error(UI("option '%s' needs a value"), arg);
	if (strncmp(arg, "--", 2) != 0) {
		if (optopt_ > 0 && optopt_ < 256)
			return cli_usage_error(UI("unknown option '-%c'"), optopt_);
		return cli_usage_error(UI("unknown option '%s'"), arg);
	}
	size_t len = strcspn(arg + 2, "=");
	int matches = 0, exact = 0;
	for (const struct cli_option *p = cli_options; p->name; p++)
		if (strncmp(p->name, arg + 2, len) == 0) {
			matches++;
			exact |= p->name[len] == '\0';
		}
	if (matches > 1 && !exact)
		return cli_usage_error(UI("option '%.*s' is ambiguous"), (int)len + 2, arg);
	if (matches && arg[2 + len] == '=')
		return cli_usage_error(UI("option '%.*s' takes no value"), (int)len + 2, arg);
	return cli_usage_error(UI("unknown option '%s'"), arg);
}

/* Runs the setter of option i with its value; a --color without '=' also
 * takes the next argument when that is one of its words (--color never). */
static int apply(size_t i, int argc, char **argv, struct cli_opts *o)
{
	const struct cli_option *p = &cli_options[i];
	const char *val = optarg;
	enum color unused;

	if (p->optional && val == NULL && optind < argc && palette_color_parse(argv[optind], &unused))
		val = argv[optind++];
	return p->set(o, val);
}

/* The value of the last --lang (-l, --la...) in argv, or NULL: a quiet
 * first pass of getopt_long that reports nothing. */
static const char *lang_flag(int argc, char **argv)
{
	struct option *longs;
	char shorts[64];
	const char *v = NULL;
	int c, idx, lang_val = -1;

	for (size_t i = 0; cli_options[i].name; i++)
		if (strcmp(cli_options[i].name, "lang") == 0)
			lang_val = opt_val(i);
	opt_tables(&longs, shorts, sizeof shorts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, shorts, longs, &idx)) != -1)
		if (c == lang_val && optarg)
			v = optarg;
	optind = 0;
	free(longs);
	return v;
}

int cli_choose_lang(int argc, char **argv, struct cli_opts *o)
{
	const char *flag = lang_flag(argc, argv);
	struct ui_lang_inputs in = { NULL, getenv("STATUSCODES_LANG"), NULL, getenv("LC_ALL"),
	                             getenv("LC_MESSAGES"), getenv("LANG") };
	enum ui_lang_from from;
	char *saved = NULL;

	if (flag && lang_parse(flag, &o->lang)) {
		o->lang_set = true;
		ui_set_lang(o->lang);
		return -1;
	}
	/* an invalid --lang is reported by cli_parse_args; the saved choice
	 * is read only when it can decide (no file is created for it) */
	if (!(in.env && *in.env)) {
		char *dir = dbpath_user_dir();
		in.saved = saved = userdata_peek(dir, "lang");
		free(dir);
	}
	bool ok = ui_lang_choose(&in, &o->lang, &from);
	free(saved);
	o->lang_set = ok && from != UI_FROM_DEFAULT;
	ui_set_lang(o->lang);
	if (!ok && !flag)
		return cli_usage_error(UI("STATUSCODES_LANG takes en, zh or both, not '%s'"), in.env);
	return -1;
}

int cli_parse_args(int argc, char **argv, struct cli_opts *o, char ***args, int *nargs)
{
	struct option *longs;
	char shorts[64];
	int c, rc = -1, idx;

	opt_tables(&longs, shorts, sizeof shorts);
	*args = xcalloc((size_t)argc + 1, sizeof **args);
	*nargs = 0;
	opterr = 0;
	optind = 0;             /* glibc: start afresh (cli_main may run more than once) */
	while (rc < 0 && (c = getopt_long(argc, argv, shorts, longs, &idx)) != -1) {
		if (c == 1) {
			(*args)[(*nargs)++] = optarg;
			continue;
		}
		if (c == '?' || c == ':') {
			rc = refused(argv[optind - 1], optopt, c == ':');
			break;
		}
		for (size_t i = 0; cli_options[i].name; i++)
			if (opt_val(i) == c) {
				rc = apply(i, argc, argv, o);
				break;
			}
	}
	while (rc < 0 && optind < argc)      /* after "--" */
		(*args)[(*nargs)++] = argv[optind++];
	free(longs);
	return rc;
}
