/* cli.c: the command table, the dispatch from the command line to a
 * command (or back to main.c for the browser), and the helpers every
 * command reports through. The commands are in cmd_entry.c and cmd_db.c,
 * the options in args.c, --help and the man page in help.c. */
#include "config.h"
#include "cli_int.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_explain.h"
#include "codearg.h"
#include "dbpath.h"
#include "doc.h"
#include "exitcode.h"
#include "labels.h"
#include "say.h"
#include "search.h"
#include "str.h"
#include "text.h"
#include "xmalloc.h"

const struct cli_command cli_commands[] = {
	{ "show", "[PROTOCOL] CODE...",
	  "Show entries in both languages. On a terminal the answer comes first: phrase, class, status, "
	  "summary, what to check, the codes it is confused with, and one line for the same number in "
	  "another protocol; --full (or output to a pipe) adds details, sub-status codes, the notes on "
	  "what tells codes apart, cross-references, what each source said and defects. The word show "
	  "may be left out: statuscodes 404, statuscodes ftp 530, statuscodes 403.14, statuscodes ws 4001.",
	  "显示条目的两种语言。在终端上先给出答案：短语、类别、状态、摘要、排查要点、"
	  "容易混淆的状态码，以及其他协议中同一编号各一行；--full（或输出到管道时）"
	  "还显示详细说明、子状态码、区分状态码的说明、交叉引用、各来源的原文和发现的问题。"
	  "show 一词可以省略：statuscodes 404、statuscodes ftp 530、statuscodes 403.14、"
	  "statuscodes ws 4001。",
	  cmd_show, STORE_READ },
	{ "list", "[PROTOCOL] [CLASS|PATTERN]",
	  "List entries, e.g. list http 4xx, list 40x, list ftp, list 403 (403 and its sub-status codes).",
	  "列出条目，例如 list http 4xx、list 40x、list ftp、list 403（403 及其子状态码）。",
	  cmd_list, STORE_READ },
	{ "search", "QUERY...",
	  "Ranked search in English and Chinese (search 缓存, search proxy auth, search "
	  "Retry-After). Close matches are offered when nothing matches.",
	  "用英文和中文排序搜索（search 缓存、search proxy auth、search Retry-After）。没有匹配时给出相近的结果。",
	  cmd_search, STORE_READ },
	{ "compare", "A B [C]...",
	  "Two or more entries side by side with the notes on what tells them apart "
	  "(compare 401 403 407; compare http:530 ftp:530).",
	  "并排显示两个或更多条目，附区分它们的说明（compare 401 403 407；compare http:530 ftp:530）。",
	  cmd_compare, STORE_READ },
	{ "sources", "",
	  "Each source document, what was taken from it, and every defect found with its "
	  "resolution. With --coverage, how many entries have text in each language.",
	  "列出每个来源文档、从中取用的内容，以及发现的每个问题及其处理。加 --coverage 时统计每种语言有文字的条目数。",
	  cmd_sources, STORE_READ },
	{ "import", "FILE",
	  "Import your own document (a supported format) into the database named with --db (required): "
	  "the work is done on a copy that replaces the file only when complete; prints what was taken "
	  "and what was rejected. --dry-run works in memory and writes nothing.",
	  "把你自己的文档（支持的格式）导入用 --db 指定的数据库（必须指定）：在副本上完成后才替换原文件；打印取用和拒绝的内容。--dry-run 只在内存中处理，什么也不写。",
	  cmd_import, STORE_IMPORT },
	{ "quiz", "[--count N] [--protocol P] [--class 4xx] [--bookmarks] [--seed N]",
	  "Study: questions made from the database, scheduled with FSRS; progress is kept in the user "
	  "database. On a terminal it is interactive; otherwise it reads one answer a line (a choice's "
	  "number or a code, optionally followed by again, hard, good or easy) and prints right or wrong "
	  "with the answer. --stats shows progress, --export FILE writes an Anki deck.",
	  "学习：用数据库生成问题，按 FSRS 安排复习；进度保存在用户数据库中。"
	  "在终端上是交互式的；否则每行读一个答案（选项编号或状态码，后面可跟 again、hard、"
	  "good 或 easy），并打印对错和答案。--stats 显示进度，--export 文件 写出 Anki 卡组。",
	  cmd_quiz, STORE_READ },
	{ "bookmarks", "",
	  "List the codes bookmarked in the browser.",
	  "列出在浏览器中加了书签的状态码。",
	  cmd_bookmarks, STORE_READ },
	{ "history", "",
	  "List the entries last visited in the browser, most recent last.",
	  "列出最近在浏览器中访问的条目，最近的在最后。",
	  cmd_history, STORE_READ },
	{ "browse", "[FILE]",
	  "Open the terminal browser (the default when no command is given and a terminal is present). "
	  "With a FILE (anything explain reads), or input piped into it, it opens on a Seen list of "
	  "the codes in it with their counts (keys then come from the terminal); Enter opens one, s "
	  "shows the list again.",
	  "打开终端浏览器（没有给出命令且有终端时的默认行为）。给出文件（explain "
	  "能读的任何内容）或向它输入管道数据时，先打开“输入中出现的状态码”列表，"
	  "附出现次数（之后从终端读按键）；Enter 打开其中一个，s 再次显示该列表。",
	  NULL, STORE_READ },
	{ "explain", "[FILE...]",
	  "Explain the status codes in what you paste or pipe, recognised by content: HTTP response "
	  "heads (curl -sI, -i, -v, wget -S, HTTPie), access logs (NCSA, IIS W3C, JSON lines), HAR "
	  "files, FTP transcripts, WebSocket close lines. With - or no FILE it reads standard input, "
	  "as does statuscodes with no command when input is piped (curl -sIL URL | statuscodes).",
	  "解释你粘贴或用管道输入的内容中的状态码，按内容识别：HTTP 响应头（curl -sI、-i、-v、"
	  "wget -S、HTTPie）、访问日志（NCSA、IIS W3C、JSON 行）、HAR 文件、FTP 会话记录、"
	  "WebSocket 关闭行。给出 - 或不给文件时读标准输入；不带命令且输入来自管道时，"
	  "statuscodes 也这样做（curl -sIL URL | statuscodes）。",
	  cmd_explain, STORE_READ },
	{ NULL, NULL, NULL, NULL, NULL, STORE_READ },
};

void cli_print_json(struct json *j)
{
	buf_addc(&j->b, '\n');
	fputs(buf_str(&j->b), stdout);
	buf_free(&j->b);
}

bool cli_stdout_tty(void) { return isatty(STDOUT_FILENO) != 0; }

void cli_split_ref(const char *arg, const char **protocol, char **code)
{
	const char *colon = strchr(arg, ':');
	*protocol = NULL;
	if (colon) {
		char *p = xstrndup(arg, (size_t)(colon - arg));
		*protocol = store_protocol_id(p);
		free(p);
		*code = xstrdup(colon + 1);
	} else {
		*code = xstrdup(arg);
	}
	/* a code as written: "HTTP/2 404", ５０２, "550-Multi line" (issue 10 item 1) */
	struct code_arg ca;
	if (!cli_looks_like_code(*code) && code_arg_parse(*code, strlen(*code), &ca)) {
		free(*code);
		*code = xstrdup(ca.code);
		if (!*protocol)
			*protocol = ca.protocol;
	}
}

/* statuscodes 429 Too Many Requests, statuscodes 'HTTP/1.1 429 Too Many
 * Requests', statuscodes ５０２: when the arguments (after a protocol) are
 * not all codes or patterns but read together as one code as written,
 * they become [PROTOCOL] CODE (issue 10 item 1). A code followed by words
 * that are not a status line or an FTP reply ("530 Login incorrect.")
 * keeps its words in *phrase, to be checked against the code's phrase
 * (phrase_matches) once the database is open: 429 Too Many Requests is a
 * lookup, 404 teapot is not. */
static void code_as_written(char **args, int *nargs, char *phrase, size_t phrase_size)
{
	static char code[16], protocol[16];
	int from = *nargs > 0 && store_protocol_id(args[0]) ? 1 : 0;
	bool all_codes = true;
	struct buf b = {0};
	struct code_arg ca;

	phrase[0] = '\0';
	for (int i = from; i < *nargs; i++) {
		all_codes = all_codes && (cli_looks_like_code(args[i]) || strchr(args[i], ':') ||
		                          strchr(args[i], 'x') || strchr(args[i], 'X'));
		if (i > from)
			buf_addc(&b, ' ');
		buf_adds(&b, args[i]);
	}
	if (*nargs > from && !all_codes && code_arg_parse(buf_str(&b), b.len, &ca)) {
		size_t k = strlen(ca.phrase);
		if (!ca.protocol && k && ca.phrase[k - 1] != '.')
			snprintf(phrase, phrase_size, "%s", ca.phrase);
		snprintf(code, sizeof code, "%s", ca.code);
		if (from == 0 && ca.protocol) {
			snprintf(protocol, sizeof protocol, "%s", ca.protocol);
			args[from++] = protocol;
		}
		args[from] = code;
		*nargs = from + 1;
	}
	buf_free(&b);
}

/* Is phrase (folded) part of the English or Chinese phrase of an entry
 * with this code? */
static bool phrase_matches(struct store *st, const char *protocol, const char *code, const char *phrase)
{
	struct sc_entries l = {0};
	char *cause = NULL, *want = str_fold(phrase);
	bool ok = false;

	if (store_lookup(st, protocol, code, &l, &cause) == 0)
		for (size_t i = 0; i < l.n && !ok; i++) {
			const char *ph[2] = { l.v[i].phrase_en, l.v[i].phrase_zh };
			for (int k = 0; k < 2 && !ok; k++) {
				char *have = ph[k] ? str_fold(ph[k]) : NULL;
				ok = have && *want && strstr(have, want) != NULL;
				free(have);
			}
		}
	free(cause);
	free(want);
	sc_entries_free(&l);
	return ok;
}

int cli_not_found(struct store *st, const char *protocol, const char *code)
{
	struct sc_entries near = {0};
	char *cause = NULL;
	struct buf b = {0};

	struct buf c = {0};
	text_fit(&c, code, 40, false, true); /* cleaned; CJK kept (issue 15 item 12) */
	bool num = isdigit((unsigned char)code[0]);
	buf_adds(&b, "statuscodes: ");
	if (protocol)
		buf_addf(&b, num ? UI("no %s code %s") : UI("no %s entry %s"), label_protocol(protocol), buf_str(&c));
	else
		buf_addf(&b, num ? UI("no code %s") : UI("no entry %s"), buf_str(&c));
	buf_free(&c);
	if (num && store_nearest(st, protocol, code, 4, &near, &cause) == 0 && near.n) {
		buf_adds(&b, UI("; closest: "));
		for (size_t i = 0; i < near.n; i++)
			buf_addf(&b, "%s%s%s%s", i ? UI(", ") : "", protocol ? "" : near.v[i].protocol,
			         protocol ? "" : " ", near.v[i].code);
	}
	fprintf(stderr, "%s\n", buf_str(&b));
	buf_free(&b);
	free(cause);
	sc_entries_free(&near);
	return SC_EXIT_NOTFOUND;
}

int cli_db_failed(char *cause)
{
	/* a cause names files, which may hold any bytes; exit 3 always says
	 * how to name another database */
	char *clean = cause ? text_clean(cause, strlen(cause)) : NULL;

	fputs("statuscodes: ", stderr);
	fprintf(stderr, UI("%s (another database: --db FILE or STATUSCODES_DB=FILE)"),
	        clean ? clean : UI("the database cannot be used"));
	fputc('\n', stderr);
	free(clean);
	free(cause);
	return SC_EXIT_DB;
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg, *clean;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	clean = text_clean(msg, strlen(msg));
	fprintf(stderr, "statuscodes: %s\n%s\n", clean, UI("Try 'statuscodes --help'."));
	free(clean);
	free(msg);
	return SC_EXIT_USAGE;
}

bool cli_looks_like_code(const char *s)
{
	int num, sub, hi;
	return code_parse(s, &num, &sub, &hi, NULL);
}

static const struct cli_command *find_command(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* The command the arguments name; *implicit when it is implied by a code
 * or protocol (statuscodes 404, statuscodes ftp 530, statuscodes 4xx), so
 * that the first argument is not the command's name. NULL (after a usage
 * message) when there is none; *help when the word is "help". */
static const struct cli_command *pick_command(char **args, int nargs, bool *implicit, bool *help)
{
	*implicit = *help = false;
	if (nargs == 0) {
		/* piped input is explained; a terminal gets the browser */
		if (isatty(STDIN_FILENO))
			return find_command("browse");
		*implicit = true;   /* no command word to skip */
		return find_command("explain");
	}
	const struct cli_command *cmd = find_command(args[0]);
	if (cmd)
		return cmd;
	if (strcmp(args[0], "help") == 0) {
		*help = true;
		return NULL;
	}
	*implicit = true;
	const char *last = args[nargs - 1];
	if (store_protocol_id(args[0]) || cli_looks_like_code(args[0]) || strchr(args[0], ':')) {
		if ((strchr(last, 'x') || strchr(last, 'X')) && !strchr(last, ':'))
			return find_command("list");
		if (nargs == 1 && store_protocol_id(args[0]))
			return find_command("list");
		return find_command("show");
	}
	if (isdigit((unsigned char)args[0][0]) && search_is_code(args[0]))
		return find_command("list");
	cli_usage_error(UI("unknown command '%s'; to look for words: statuscodes search ..."), args[0]);
	return NULL;
}

/* Is standard input a pipe or a file (data to read), not a terminal or a
 * device such as /dev/null? */
static bool stdin_is_data(void)
{
	struct stat sb;
	return fstat(STDIN_FILENO, &sb) == 0 && (S_ISFIFO(sb.st_mode) || S_ISREG(sb.st_mode));
}

/* After reading piped input, the browser reads its keys from the
 * terminal: standard input becomes /dev/tty. 0, or the usage status. */
static int stdin_from_terminal(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return cli_usage_error(UI("the browser needs a terminal for its keys (/dev/tty: %s)"), say_strerror(errno));
	int rc = dup2(fd, STDIN_FILENO) < 0 ? -1 : 0;
	close(fd);
	return rc == 0 ? 0 : cli_usage_error(UI("cannot read keys from the terminal: %s"), say_strerror(errno));
}

/* Opens the database cmd needs; 0, or an exit status (printed). */
static int open_store(const struct cli_command *cmd, const struct cli_opts *o, struct store **st)
{
	char *cause = NULL;

	/* the reference database is written only when named (issue 15 item 6) */
	if (cmd->mode == STORE_IMPORT && o->db == NULL)
		return cli_usage_error(UI("import writes only into a database named with --db: "
		                          "statuscodes --db FILE import DOCUMENT"));
	char *path = dbpath_find(o->db);
	enum store_mode mode = cmd->mode == STORE_IMPORT && o->dry_run ? STORE_DRYRUN : cmd->mode;
	int rc = store_open(path, mode, st, &cause);
	free(path);
	return rc == 0 ? 0 : cli_db_failed(cause);
}

/* The entry points no user types: the man pages' generated sections
 * (--help-troff [en|zh]) and the shells' completion scripts (--complete,
 * --completion-script). An exit status, or -1 when argv is none of them. */
static int hidden_entry(int argc, char **argv, struct cli_handover *h)
{
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "--help-troff") == 0) {
		enum lang l = LANG_EN;
		if (argc == 3 && !lang_parse(argv[2], &l))
			return cli_usage_error(UI("--lang takes en, zh or both, not '%s'"), argv[2]);
		ui_set_lang(l);
		h->next = CLI_TROFF;
		return SC_EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "--complete") == 0)
		return cli_complete(argc - 2, argv + 2);
	if (argc == 3 && strcmp(argv[1], "--completion-script") == 0)
		return cli_completion_script(argv[2]);
	return -1;
}

/* browse: fills *h for main.c to start the browser with st (which *h then
 * owns). A FILE, or input piped into browse, is read for the Seen list;
 * then the keys come from the terminal. On failure st is closed, *h
 * zeroed and the exit status returned. */
static int hand_over_browse(struct store *st, const struct cli_opts *o, const char *file,
                            struct cli_handover *h)
{
	int rc = 0;

	*h = (struct cli_handover){ CLI_BROWSE, st, o->lang, o->lang_set,
	                            palette_color_on(o->color, STDOUT_FILENO), NULL, 0 };
	if (file == NULL && stdin_is_data())
		file = "-";
	if (file && (rc = cmd_explain_seen(st, file, &h->seen, &h->nseen)) == 0 && strcmp(file, "-") == 0)
		rc = stdin_from_terminal();
	if (rc != 0) {
		store_close(st);
		free(h->seen);
		memset(h, 0, sizeof *h);
	}
	return rc;
}

int cli_main(int argc, char **argv, struct cli_handover *h)
{
	struct cli_opts o = { .lang = LANG_BOTH, .color = COLOR_AUTO };
	char **args;
	int nargs, rc;
	bool implicit, help;

	memset(h, 0, sizeof *h);
	if ((rc = hidden_entry(argc, argv, h)) >= 0)
		return rc;
	if ((rc = cli_choose_lang(argc, argv, &o)) >= 0)
		return rc;
	if ((rc = cli_parse_args(argc, argv, &o, &args, &nargs)) >= 0) {
		free(args);
		return rc;
	}
	char phrase[128] = "";
	char **typed = xcalloc((size_t)nargs + 1, sizeof *typed);
	int ntyped = nargs;
	memcpy(typed, args, (size_t)nargs * sizeof *args);
	if (nargs > 0 && !find_command(args[0]) && strcmp(args[0], "help") != 0)
		code_as_written(args, &nargs, phrase, sizeof phrase);
	const struct cli_command *cmd = pick_command(args, nargs, &implicit, &help);
	if (help || cmd == NULL) {
		if (help)
			cli_usage(stdout);
		free(args);
		free(typed);
		return help ? SC_EXIT_OK : SC_EXIT_USAGE;
	}
	int skip = implicit ? 0 : 1;
	if (cmd->run == NULL && nargs > skip + 1) {
		rc = cli_usage_error(UI("%s takes no argument ('%s')"), cmd->name, args[skip]);
		free(args);
		free(typed);
		return rc;
	}
	struct store *st = NULL;
	if ((rc = open_store(cmd, &o, &st)) != 0) {
		free(args);
		free(typed);
		return rc;
	}
	if (phrase[0] && !phrase_matches(st, nargs > 1 ? store_protocol_id(args[0]) : NULL,
	                                 args[nargs - 1], phrase)) {
		/* not the code's phrase (404 teapot): the words as typed */
		memcpy(args, typed, (size_t)ntyped * sizeof *args);
		nargs = ntyped;
		cmd = pick_command(args, nargs, &implicit, &help);
		skip = implicit ? 0 : 1;
	}
	free(typed);
	if (cmd == NULL) {
		store_close(st);
		free(args);
		return SC_EXIT_USAGE;
	}
	if (cmd->run == NULL) {          /* browse: main.c starts the browser */
		rc = hand_over_browse(st, &o, nargs > skip ? args[skip] : NULL, h);
		free(args);
		return rc;
	}
	/* a reading command sees one version of the file, locked once */
	if (cmd->mode == STORE_READ)
		store_read_begin(st);
	rc = cmd->run(st, &o, nargs - skip, args + skip);
	if (cmd->mode == STORE_READ)
		store_read_end(st);
	store_close(st);
	free(args);
	return rc;
}
