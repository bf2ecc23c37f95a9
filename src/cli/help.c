/* help.c: --help and the man page's generated sections, both made from
 * the command and option tables (cli.c, args.c) and the exit statuses
 * (exitcode.h), so that they never disagree. */
#include "config.h"
#include "cli.h"

#include <stdlib.h>

#include "buf.h"
#include "exitcode.h"
#include "keymap.h"
#include "text.h"
#include "xmalloc.h"

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
	fprintf(f, "Usage: statuscodes [OPTION]... [COMMAND] [ARG]...\n\n"
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
	fprintf(f, "\nReport bugs to: %s\n", PACKAGE_BUGREPORT);
}

/* --version, as the GNU coding standards lay it out. */
void cli_version(FILE *f)
{
	fprintf(f, "statuscodes %s\n"
	           "Copyright (C) 2026 The statuscodes authors.\n"
	           "License MIT: <https://opensource.org/license/mit>.\n"
	           "This is free software: you are free to change and redistribute it.\n"
	           "There is NO WARRANTY, to the extent permitted by law.\n", PACKAGE_VERSION);
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
	for (size_t i = 0; i < keymap_help_count; i++) {
		fputs(".TP\n.B ", f);
		troff_text(f, keymap_help[i].keys);
		fputc('\n', f);
		troff_text(f, keymap_help[i].help);
		fputc('\n', f);
	}
	fputs(".SH \"EXIT STATUS\"\n", f);
#define SC_EXIT_TROFF(name, value, text) fprintf(f, ".TP\n.B %d\n", value); troff_text(f, text); fputc('\n', f);
	SC_EXIT_CODES(SC_EXIT_TROFF)
#undef SC_EXIT_TROFF
}
