/* cli.c: argument parsing, the command and option tables, and the
 * one-shot commands. */
#include "config.h"
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbpath.h"
#include "exitcode.h"
#include "fmt.h"
#include "import.h"
#include "json.h"
#include "labels.h"
#include "render.h"
#include "search.h"
#include "store_write.h"
#include "str.h"
#include "text.h"
#include "tui.h"
#include "xmalloc.h"

static int cmd_show(struct store *, const struct cli_opts *, int, char **);
static int cmd_list(struct store *, const struct cli_opts *, int, char **);
static int cmd_search(struct store *, const struct cli_opts *, int, char **);
static int cmd_compare(struct store *, const struct cli_opts *, int, char **);
static int cmd_sources(struct store *, const struct cli_opts *, int, char **);
static int cmd_import(struct store *, const struct cli_opts *, int, char **);
static int cmd_browse(struct store *, const struct cli_opts *, int, char **);

const struct cli_command cli_commands[] = {
	{ "show", "[PROTOCOL] CODE...",
	  "Show entries in both languages: phrase, class, status, summary, details, sources, "
	  "cross-references. The word show may be left out: statuscodes 404, statuscodes ftp 530, "
	  "statuscodes 403.14, statuscodes ws 4001. A number used by several protocols shows each.",
	  cmd_show, STORE_READ },
	{ "list", "[PROTOCOL] [CLASS|PATTERN]",
	  "List entries, e.g. list http 4xx, list 40x, list ftp, list 403 (403 and its sub-status codes).",
	  cmd_list, STORE_READ },
	{ "search", "QUERY...",
	  "Ranked search in English and Chinese (search 缓存, search proxy auth, search Retry-After). "
	  "Close matches are offered when nothing matches.",
	  cmd_search, STORE_READ },
	{ "compare", "A B",
	  "Two entries side by side with the note on what tells them apart "
	  "(compare 401 403; compare http:530 ftp:530).",
	  cmd_compare, STORE_READ },
	{ "sources", "",
	  "Each source document, what was taken from it, and every defect found with its "
	  "resolution. With --coverage, how many entries have text in each language.",
	  cmd_sources, STORE_READ },
	{ "import", "FILE",
	  "Import your own document (a supported format) into the database named with --db (required): "
	  "the work is done on a copy that replaces the file only when complete; prints what was taken "
	  "and what was rejected. --dry-run works in memory and writes nothing.",
	  cmd_import, STORE_IMPORT },
	{ "browse", "",
	  "Open the terminal browser (the default when no command is given and a terminal is present).",
	  cmd_browse, STORE_READ },
	{ NULL, NULL, NULL, NULL, STORE_READ },
};

const struct cli_option cli_options[] = {
	{ "lang", 'l', "en|zh|both", "Languages to show (default both).", NULL },
	{ "json", 'j', NULL, "Print JSON instead of text.", NULL },
	{ "db", 0, "PATH", "The database to use (default: $STATUSCODES_DB, else the installed one).", NULL },
	{ "color", 0, "auto|always|never", "Colour the output (default auto; NO_COLOR also turns it off).", NULL },
	{ "protocol", 'p', "PROTOCOL", "Search only http, ftp or websocket.", "search" },
	{ "limit", 'n', "N", "Show at most N search results (default 20).", "search" },
	{ "coverage", 0, NULL, "Report how many entries have each language.", "sources" },
	{ "dry-run", 0, NULL, "Check a document and report, without changing the database.", "import" },
	{ "help", 'h', NULL, "Show this help.", NULL },
	{ "version", 'V', NULL, "Show the version.", NULL },
	{ NULL, 0, NULL, NULL, NULL },
};

/* "  HEAD  help..." with the help wrapped beside a 26-column head; a longer
 * head stands on its own line. */
static void usage_item(FILE *f, const char *head, const char *help)
{
	char **lines;
	size_t n = text_wrap_spaces(help, 50, &lines), i = 0;

	if (text_width(head) > 25) {
		fprintf(f, "  %s\n", head);
	} else {
		struct buf b = {0};
		text_fit(&b, head, 26, true, false);
		fprintf(f, "  %s %s\n", buf_str(&b), n ? lines[0] : "");
		buf_free(&b);
		i = 1;
	}
	for (; i < n; i++)
		fprintf(f, "  %26s %s\n", "", lines[i]);
	text_lines_free(lines, n);
}

void cli_usage(FILE *f)
{
	fprintf(f, "usage: statuscodes [OPTION]... [COMMAND] [ARG]...\n\n"
	           "A bilingual (English/中文) reference for HTTP, FTP and WebSocket status codes.\n\n"
	           "Commands:\n");
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		char *head = xasprintf("%s %s", c->name, c->args);
		usage_item(f, head, c->help);
		free(head);
	}
	fprintf(f, "\nOptions:\n");
	for (const struct cli_option *o = cli_options; o->name; o++) {
		char *head = o->shortname
			? xasprintf("-%c, --%s%s%s", o->shortname, o->name, o->arg ? " " : "", o->arg ? o->arg : "")
			: xasprintf("    --%s%s%s", o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
		usage_item(f, head, o->help);
		free(head);
	}
	fprintf(f, "\nWith no command, statuscodes opens the browser; press ? there for its keys.\n"
	           "Exit status:\n");
#define SC_EXIT_HELP(name, value, text) fprintf(f, "  %-3d %s\n", value, text);
	SC_EXIT_CODES(SC_EXIT_HELP)
#undef SC_EXIT_HELP
}

/* troff-escapes s: backslashes and a leading dot or quote. */
static void troff_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

void cli_troff(FILE *f)
{
	fputs(".SH COMMANDS\n", f);
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		fprintf(f, ".TP\n.B %s", c->name);
		if (*c->args) {
			fputs(" \"", f);
			troff_text(f, c->args);
			fputc('"', f);
		}
		fputc('\n', f);
		troff_text(f, c->help);
		fputc('\n', f);
	}
	fputs(".SH OPTIONS\n", f);
	for (const struct cli_option *o = cli_options; o->name; o++) {
		fputs(".TP\n.B ", f);
		if (o->shortname)
			fprintf(f, "\\-%c, ", o->shortname);
		fputs("\\-\\-", f);
		troff_text(f, o->name);
		if (o->arg) {
			fputs(" \\fI", f);
			troff_text(f, o->arg);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		troff_text(f, o->help);
		fputc('\n', f);
	}
	fputs(".SH KEYS\nIn the browser (press ? there for the same list):\n", f);
	for (size_t i = 0; i < tui_key_help_count; i++) {
		fputs(".TP\n.B ", f);
		troff_text(f, tui_key_help[i].keys);
		fputc('\n', f);
		troff_text(f, tui_key_help[i].help);
		fputc('\n', f);
	}
	fputs(".SH \"EXIT STATUS\"\n", f);
#define SC_EXIT_TROFF(name, value, text) fprintf(f, ".TP\n.B %d\n", value); troff_text(f, text); fputc('\n', f);
	SC_EXIT_CODES(SC_EXIT_TROFF)
#undef SC_EXIT_TROFF
}

/* ---- helpers ---------------------------------------------------------------- */

static void print_json(struct json *j)
{
	buf_addc(&j->b, '\n');
	fputs(buf_str(&j->b), stdout);
	buf_free(&j->b);
}

static bool stdout_tty(void) { return isatty(STDOUT_FILENO) != 0; }

/* "ftp:530" -> protocol and code (the protocol NULL when not given). */
static void split_ref(const char *arg, const char **protocol, char **code)
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
}

/* Prints "no such code" with the closest entries to stderr. */
static int not_found(struct store *st, const char *protocol, const char *code)
{
	struct sc_entries near = {0};
	char *cause = NULL;
	struct buf b = {0};

	buf_addf(&b, "statuscodes: no %s%s%s", protocol ? label_protocol(protocol) : "", protocol ? " " : "",
	         isdigit((unsigned char)code[0]) ? "code " : "entry ");
	char *clean = text_ascii_fallback(code);
	text_fit(&b, clean, 40, false, true);
	free(clean);
	if (isdigit((unsigned char)code[0]) && store_nearest(st, protocol, code, 4, &near, &cause) == 0 && near.n) {
		buf_adds(&b, "; closest:");
		for (size_t i = 0; i < near.n; i++)
			buf_addf(&b, "%s %s%s%s", i ? "," : "", protocol ? "" : near.v[i].protocol,
			         protocol ? "" : " ", near.v[i].code);
	}
	fprintf(stderr, "%s\n", buf_str(&b));
	buf_free(&b);
	free(cause);
	sc_entries_free(&near);
	return SC_EXIT_NOTFOUND;
}

static int db_failed(char *cause)
{
	fprintf(stderr, "statuscodes: %s\n", cause ? cause : "the database cannot be used");
	free(cause);
	return SC_EXIT_DB;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "statuscodes: MESSAGE" and the --help hint; returns the usage
 * status. What the user typed is cleaned of control characters first. */
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg, *clean;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	clean = text_clean(msg, strlen(msg));
	fprintf(stderr, "statuscodes: %s\nTry 'statuscodes --help'.\n", clean);
	free(clean);
	free(msg);
	return SC_EXIT_USAGE;
}

/* Is s a code as a user would type it: 404, 403.14, 1000-2999? */
static bool looks_like_code(const char *s)
{
	int num, sub, hi;
	return code_parse(s, &num, &sub, &hi, NULL);
}

/* ---- commands ------------------------------------------------------------------ */

static int cmd_show(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	const char *protocol = NULL;
	int first = 0, status = SC_EXIT_OK, shown = 0;
	struct out out;
	struct json j = {0};
	char *cause = NULL;

	if (argc > 0 && store_protocol_id(argv[0])) {
		protocol = store_protocol_id(argv[0]);
		first = 1;
	}
	if (first >= argc)
		return usage_error("show needs a code");
	out_init(&out, o, stdout_tty());
	if (o->json)
		json_open(&j, NULL, '[');
	for (int i = first; i < argc; i++) {
		struct sc_entries found = {0};
		const char *p = protocol;
		char *code;
		split_ref(argv[i], &p, &code);
		if (!p)
			p = protocol;
		if (!looks_like_code(code)) {
			free(code);
			out_free(&out);
			buf_free(&j.b);
			return usage_error("'%s' is not a status code (search for words with: statuscodes search)", argv[i]);
		}
		if (store_lookup(st, p, code, &found, &cause) != 0) {
			free(code);
			out_free(&out);
			buf_free(&j.b);
			return db_failed(cause);
		}
		if (found.n == 0)
			status = not_found(st, p, code);
		for (size_t k = 0; k < found.n; k++) {
			struct view_entry v;
			if (view_entry_load(st, &found.v[k], o->json ? LANG_BOTH : o->lang, &v, &cause) != 0) {
				view_entry_free(&v);
				sc_entries_free(&found);
				free(code);
				out_free(&out);
				buf_free(&j.b);
				return db_failed(cause);
			}
			if (o->json) {
				render_entry_json(&j, &v);
			} else {
				if (shown++)
					buf_adds(&out.b, "\n");
				render_entry(&out, &v);
				out_write(&out, stdout);
			}
			view_entry_free(&v);
		}
		sc_entries_free(&found);
		free(code);
	}
	if (o->json) {
		json_close(&j, ']');
		print_json(&j);
	}
	out_free(&out);
	return status;
}

static int cmd_list(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	const char *protocol = NULL, *pattern = NULL;
	struct sc_entries all = {0};
	char *cause = NULL;
	int i = 0;

	if (i < argc && store_protocol_id(argv[i]))
		protocol = store_protocol_id(argv[i++]);
	if (i < argc)
		pattern = argv[i++];
	if (i < argc)
		return usage_error("list takes a protocol and a class or pattern; '%s' is one too many", argv[i]);
	if (pattern) {
		for (const char *p = pattern; *p; p++)
			if (!isdigit((unsigned char)*p) && *p != 'x' && *p != 'X' && *p != '.' && *p != '-')
				return usage_error("'%s' is not a class or pattern (like 4xx, 40x or 403)", pattern);
	}
	if (store_list(st, protocol, pattern, &all, &cause) != 0)
		return db_failed(cause);
	if (all.n == 0) {
		sc_entries_free(&all);
		return not_found(st, protocol, pattern ? pattern : "?");
	}
	if (o->json) {
		struct json j = {0};
		json_open(&j, NULL, '[');
		for (size_t k = 0; k < all.n; k++)
			render_row_json(&j, &all.v[k], NULL, false);
		json_close(&j, ']');
		print_json(&j);
	} else {
		struct out out;
		bool tty = stdout_tty();
		out_init(&out, o, tty);
		for (size_t k = 0; k < all.n; k++)
			render_row(&out, &all.v[k], NULL, false, tty);
		out_write(&out, stdout);
		out_free(&out);
	}
	sc_entries_free(&all);
	return SC_EXIT_OK;
}

static int cmd_search(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct buf q = {0};
	struct sc_hits hits = {0};
	char *cause = NULL;
	bool tty = stdout_tty();

	for (int i = 0; i < argc; i++) {
		if (i)
			buf_addc(&q, ' ');
		buf_adds(&q, argv[i]);
	}
	if (str_empty(buf_str(&q))) {
		buf_free(&q);
		return usage_error("search needs words to look for");
	}
	if (store_search(st, buf_str(&q), o->protocol, o->limit > 0 ? (size_t)o->limit : 20, false,
	                 &hits, &cause) != 0) {
		buf_free(&q);
		return db_failed(cause);
	}
	if (o->json) {
		struct json j = {0};
		json_open(&j, NULL, '[');
		for (size_t k = 0; k < hits.n; k++)
			render_row_json(&j, &hits.v[k].e, hits.v[k].snippet, hits.v[k].fuzzy);
		json_close(&j, ']');
		print_json(&j);
	} else {
		struct out out;
		out_init(&out, o, tty);
		if (tty && hits.n && hits.v[0].fuzzy)
			buf_adds(&out.b, o->lang == LANG_ZH ? "没有匹配项；相近的有：\n" : "No match; close matches:\n");
		for (size_t k = 0; k < hits.n; k++)
			render_row(&out, &hits.v[k].e, tty ? hits.v[k].snippet : NULL, hits.v[k].fuzzy, tty);
		out_write(&out, stdout);
		out_free(&out);
	}
	int status = hits.n ? SC_EXIT_OK : SC_EXIT_NOTFOUND;
	if (hits.n == 0) {
		char *clean = text_ascii_fallback(buf_str(&q));
		struct buf m = {0};
		text_fit(&m, clean, 60, false, true);
		fprintf(stderr, "statuscodes: nothing matches \"%s\"\n", buf_str(&m));
		buf_free(&m);
		free(clean);
	}
	sc_hits_free(&hits);
	buf_free(&q);
	return status;
}

/* The entry a compare argument names; 0 found, 1 not found, 3 db error. */
static int compare_arg(struct store *st, const char *arg, enum lang lang, struct view_entry *v, char **cause)
{
	const char *protocol;
	char *code;
	struct sc_entries found = {0};
	int rc = SC_EXIT_OK;

	split_ref(arg, &protocol, &code);
	if (store_lookup(st, protocol, code, &found, cause) != 0)
		rc = SC_EXIT_DB;
	else if (found.n == 0)
		rc = not_found(st, protocol, code);
	else if (view_entry_load(st, &found.v[0], lang, v, cause) != 0)
		rc = SC_EXIT_DB;
	sc_entries_free(&found);
	free(code);
	return rc;
}

static int cmd_compare(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct view_entry a = {0}, b = {0};
	enum lang lang = o->json ? LANG_BOTH : o->lang;
	char *cause = NULL;
	int rc;

	if (argc != 2)
		return usage_error("compare needs two codes, like: statuscodes compare 401 403");
	for (int i = 0; i < 2; i++) {
		const char *protocol;
		char *code;
		split_ref(argv[i], &protocol, &code);
		bool ok = looks_like_code(code);
		free(code);
		if (!ok)
			return usage_error("'%s' is not a status code", argv[i]);
	}
	if ((rc = compare_arg(st, argv[0], lang, &a, &cause)) != SC_EXIT_OK ||
	    (rc = compare_arg(st, argv[1], lang, &b, &cause)) != SC_EXIT_OK) {
		view_entry_free(&a);
		view_entry_free(&b);
		return rc == SC_EXIT_DB ? db_failed(cause) : rc;
	}
	if (o->json) {
		struct json j = {0};
		render_compare_json(&j, &a, &b);
		print_json(&j);
	} else {
		struct out out;
		out_init(&out, o, stdout_tty());
		render_compare(&out, &a, &b);
		out_write(&out, stdout);
		out_free(&out);
	}
	view_entry_free(&a);
	view_entry_free(&b);
	return SC_EXIT_OK;
}

/* How many entries of each protocol have each language. */
static int coverage(struct store *st, const struct cli_opts *o)
{
	struct sc_entries all = {0};
	struct sc_protocols ps = {0};
	char *cause = NULL;
	struct json j = {0};

	if (store_list(st, NULL, NULL, &all, &cause) != 0 || store_protocols(st, &ps, &cause) != 0) {
		sc_entries_free(&all);
		sc_protocols_free(&ps);
		return db_failed(cause);
	}
	if (o->json)
		json_open(&j, NULL, '[');
	else
		printf("%-10s %8s %10s %10s %11s %11s\n", "protocol", "entries", "phrase_en", "phrase_zh",
		       "summary_en", "summary_zh");
	size_t missing_total = 0;
	for (size_t p = 0; p < ps.n; p++) {
		size_t n = 0, pe = 0, pz = 0, se = 0, sz = 0;
		for (size_t i = 0; i < all.n; i++) {
			const struct sc_entry *e = &all.v[i];
			if (strcmp(e->protocol, ps.v[p].id) != 0)
				continue;
			n++;
			pe += !str_empty(e->phrase_en);
			pz += !str_empty(e->phrase_zh);
			se += !str_empty(e->summary_en);
			sz += !str_empty(e->summary_zh);
		}
		missing_total += (n - pe) + (n - pz) + (n - se) + (n - sz);
		if (o->json) {
			json_open(&j, NULL, '{');
			json_str(&j, "protocol", ps.v[p].id);
			json_int(&j, "entries", (int64_t)n);
			json_int(&j, "phrase_en", (int64_t)pe);
			json_int(&j, "phrase_zh", (int64_t)pz);
			json_int(&j, "summary_en", (int64_t)se);
			json_int(&j, "summary_zh", (int64_t)sz);
			json_close(&j, '}');
		} else {
			printf("%-10s %8zu %10zu %10zu %11zu %11zu\n", ps.v[p].id, n, pe, pz, se, sz);
		}
	}
	if (o->json) {
		json_close(&j, ']');
		print_json(&j);
	} else {
		for (size_t i = 0; i < all.n; i++) {
			const struct sc_entry *e = &all.v[i];
			if (str_empty(e->phrase_en) || str_empty(e->phrase_zh) || str_empty(e->summary_en) ||
			    str_empty(e->summary_zh))
				printf("missing: %s %s%s%s%s%s\n", e->protocol, e->code,
				       str_empty(e->phrase_en) ? " phrase_en" : "", str_empty(e->phrase_zh) ? " phrase_zh" : "",
				       str_empty(e->summary_en) ? " summary_en" : "", str_empty(e->summary_zh) ? " summary_zh" : "");
		}
		printf("coverage: %s\n", missing_total ? "incomplete" : "100%");
	}
	sc_entries_free(&all);
	sc_protocols_free(&ps);
	return SC_EXIT_OK;
}

static int cmd_sources(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct sc_sources ss = {0};
	char *cause = NULL;

	if (argc > 0)
		return usage_error("sources takes no argument ('%s')", argv[0]);
	if (o->coverage)
		return coverage(st, o);
	if (store_sources(st, &ss, &cause) != 0)
		return db_failed(cause);
	struct json j = {0};
	struct out out;
	out_init(&out, o, stdout_tty());
	if (o->json)
		json_open(&j, NULL, '[');
	for (size_t i = 0; i < ss.n; i++) {
		const struct sc_source *s = &ss.v[i];
		struct sc_findings fs = {0};
		if (store_findings(st, s->id, 0, &fs, &cause) != 0) {
			sc_sources_free(&ss);
			out_free(&out);
			buf_free(&j.b);
			return db_failed(cause);
		}
		if (o->json) {
			json_open(&j, NULL, '{');
			json_str(&j, "file", s->file);
			json_str(&j, "kind", s->kind);
			json_str(&j, "format", s->format);
			json_str(&j, "title", s->title);
			json_str(&j, "author", s->author);
			json_str(&j, "date", s->date);
			json_str(&j, "language", s->language);
			json_int(&j, "bytes", s->bytes);
			json_int(&j, "lines", s->lines);
			json_int(&j, "rows", s->rows);
			json_int(&j, "claims", s->claims);
			json_open(&j, "findings", '[');
			for (size_t k = 0; k < fs.n; k++) {
				json_open(&j, NULL, '{');
				json_int(&j, "line", fs.v[k].line);
				json_str(&j, "kind", fs.v[k].kind);
				json_str(&j, "label", fs.v[k].label);
				json_str(&j, "code", fs.v[k].code);
				json_str(&j, "message", fs.v[k].message);
				json_str(&j, "resolution", fs.v[k].resolution);
				json_close(&j, '}');
			}
			json_close(&j, ']');
			json_close(&j, '}');
		} else {
			if (i)
				buf_addc(&out.b, '\n');
			out_colored(&out, PAL_HEADING, s->file);
			buf_addf(&out.b, "  %s, %s, %s\n", s->kind, s->format, s->language ? s->language : "?");
			if (s->title || s->author || s->date)
				buf_addf(&out.b, "  %s%s%s%s%s\n", s->title ? s->title : "",
				         s->author ? " / " : "", s->author ? s->author : "",
				         s->date ? " / " : "", s->date ? s->date : "");
			buf_addf(&out.b, "  %lld lines; %lld rows taken; %lld claims; %zu defect%s found\n",
			         (long long)s->lines, (long long)s->rows, (long long)s->claims, fs.n,
			         fs.n == 1 ? "" : "s");
			for (size_t k = 0; k < fs.n; k++) {
				const struct sc_finding *f = &fs.v[k];
				char *where = f->line ? xasprintf("line %d", f->line) : xstrdup("whole document");
				char *line = xasprintf("%s, %s: %s. Resolved: %s.", where, f->kind, f->message,
				                       f->resolution);
				free(where);
				out_wrapped(&out, 4, line);
				free(line);
			}
			out_write(&out, stdout);
		}
		sc_findings_free(&fs);
	}
	if (o->json) {
		json_close(&j, ']');
		print_json(&j);
	}
	out_free(&out);
	sc_sources_free(&ss);
	return SC_EXIT_OK;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

static int cmd_import(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct doc d;
	struct import_summary sum;
	char *cause = NULL;

	if (argc != 1)
		return usage_error("import needs one file");
	if (doc_load(argv[0], base_name(argv[0]), &d, &cause) != 0) {
		fprintf(stderr, "statuscodes: %s\n", cause);
		free(cause);
		return SC_EXIT_INPUT;
	}
	printf("%s: read as %s: %zu rows\n", d.file, d.format, d.nrows);
	if (store_begin(st, &cause) != 0) {
		doc_free(&d);
		return db_failed(cause);
	}
	if (import_document(st, &d, "user", &sum, stdout, &cause) != 0 || import_finish(st, &cause) != 0 ||
	    (!o->dry_run && (store_commit(st, &cause) != 0 || store_publish(st, &cause) != 0))) {
		store_rollback(st);
		doc_free(&d);
		return db_failed(cause);
	}
	if (o->dry_run)
		store_rollback(st);
	printf("%s: taken %zu rows (%zu new entries), %zu claims (%zu used); rejected %zu lines; %zu findings%s\n",
	       d.file, sum.rows, sum.entries_new, sum.claims, sum.used, sum.rejected, sum.findings,
	       o->dry_run ? "; dry run: nothing written" : "");
	doc_free(&d);
	return SC_EXIT_OK;
}

static int cmd_browse(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	if (argc > 0)
		return usage_error("browse takes no argument ('%s')", argv[0]);
	struct tui_opts to = { .lang = o->lang, .lang_set = o->lang_set,
	                       .color = palette_color_on(o->color, STDOUT_FILENO) };
	return tui_run(st, &to);
}

/* ---- argument parsing ------------------------------------------------------------ */

static const struct cli_command *find_command(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Parses one option at argv[*i]; returns -1 to continue, or an exit status. */
static int parse_option(int argc, char **argv, int *i, struct cli_opts *o)
{
	const char *a = argv[*i], *val = NULL;
	const struct cli_option *opt = NULL;
	char *name;

	if (a[1] == '-') {
		const char *eq = strchr(a + 2, '=');
		name = eq ? xstrndup(a + 2, (size_t)(eq - a - 2)) : xstrdup(a + 2);
		val = eq ? eq + 1 : NULL;
		if (strcmp(name, "help-troff") == 0) {
			free(name);
			cli_troff(stdout);
			return SC_EXIT_OK;
		}
		for (const struct cli_option *p = cli_options; p->name; p++)
			if (strcmp(p->name, name) == 0)
				opt = p;
	} else {
		name = xstrndup(a + 1, 1);
		for (const struct cli_option *p = cli_options; p->name; p++)
			if (p->shortname && p->shortname == a[1])
				opt = p;
		if (opt && a[2])
			val = a + 2;
	}
	free(name);
	if (opt == NULL)
		return usage_error("unknown option '%s'", a);
	bool optional = strcmp(opt->name, "color") == 0;
	if (opt->arg && val == NULL && !optional) {
		if (*i + 1 >= argc)
			return usage_error("option '%s' needs a value", a);
		val = argv[++*i];
	}
	if (!opt->arg && val)
		return usage_error("option '%s' takes no value", a);

	if (strcmp(opt->name, "lang") == 0) {
		if (!lang_parse(val, &o->lang))
			return usage_error("--lang takes en, zh or both, not '%s'", val);
		o->lang_set = true;
	} else if (strcmp(opt->name, "json") == 0) {
		o->json = true;
	} else if (strcmp(opt->name, "db") == 0) {
		o->db = val;
	} else if (strcmp(opt->name, "color") == 0) {
		if (val == NULL)
			o->color = COLOR_ALWAYS;
		else if (!palette_color_parse(val, &o->color))
			return usage_error("--color takes auto, always or never, not '%s'", val);
	} else if (strcmp(opt->name, "protocol") == 0) {
		if ((o->protocol = store_protocol_id(val)) == NULL)
			return usage_error("unknown protocol '%s' (http, ftp or websocket)", val);
	} else if (strcmp(opt->name, "limit") == 0) {
		char *end;
		errno = 0;
		long n = strtol(val, &end, 10);
		if (*end || n < 1 || n > 10000 || errno)
			return usage_error("--limit takes a number from 1 to 10000, not '%s'", val);
		o->limit = (int)n;
	} else if (strcmp(opt->name, "coverage") == 0) {
		o->coverage = true;
	} else if (strcmp(opt->name, "dry-run") == 0) {
		o->dry_run = true;
	} else if (strcmp(opt->name, "help") == 0) {
		cli_usage(stdout);
		return SC_EXIT_OK;
	} else if (strcmp(opt->name, "version") == 0) {
		printf("statuscodes %s\n", PACKAGE_VERSION);
		return SC_EXIT_OK;
	}
	return -1;
}

int cli_main(int argc, char **argv)
{
	struct cli_opts o = { .lang = LANG_BOTH, .color = COLOR_AUTO };
	char **args = xcalloc((size_t)argc + 1, sizeof *args);
	int nargs = 0, rc;
	const struct cli_command *cmd = NULL;
	bool implicit_show = false;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				args[nargs++] = argv[i];
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0' && !isdigit((unsigned char)argv[i][1])) {
			if ((rc = parse_option(argc, argv, &i, &o)) >= 0) {
				free(args);
				return rc;
			}
			continue;
		}
		args[nargs++] = argv[i];
	}

	if (nargs == 0) {
		cmd = find_command("browse");
	} else if ((cmd = find_command(args[0])) != NULL) {
		;
	} else if (strcmp(args[0], "help") == 0) {
		cli_usage(stdout);
		free(args);
		return SC_EXIT_OK;
	} else if (store_protocol_id(args[0]) || looks_like_code(args[0]) || strchr(args[0], ':')) {
		/* statuscodes 404, statuscodes ftp 530, statuscodes 4xx */
		if (nargs >= 1 && (strchr(args[nargs - 1], 'x') || strchr(args[nargs - 1], 'X')) &&
		    !strchr(args[nargs - 1], ':'))
			cmd = find_command("list");
		else if (nargs == 1 && store_protocol_id(args[0]))
			cmd = find_command("list");
		else
			cmd = find_command("show");
		implicit_show = true;
	} else if (isdigit((unsigned char)args[0][0]) && search_is_code(args[0])) {
		cmd = find_command("list");
		implicit_show = true;
	} else {
		rc = usage_error("unknown command '%s'; to look for words: statuscodes search ...", args[0]);
		free(args);
		return rc;
	}

	/* the reference database is written only when named (issue 15 item 6) */
	if (cmd->mode == STORE_IMPORT && o.db == NULL) {
		free(args);
		return usage_error("import writes only into a database named with --db: "
		                   "statuscodes --db FILE import DOCUMENT");
	}
	/* commands that need no database check their arguments first */
	char *path = dbpath_find(o.db);
	struct store *st = NULL;
	char *cause = NULL;
	enum store_mode mode = cmd->mode == STORE_IMPORT && o.dry_run ? STORE_DRYRUN : cmd->mode;
	if (store_open(path, mode, &st, &cause) != 0) {
		free(path);
		free(args);
		return db_failed(cause);
	}
	free(path);
	rc = cmd->run(st, &o, nargs - (implicit_show ? 0 : 1), args + (implicit_show ? 0 : 1));
	store_close(st);
	free(args);
	return rc;
}
