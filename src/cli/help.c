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
#include "ui.h"
#include "xmalloc.h"

/* "  HEAD  help..." with the help wrapped beside a 26-column head; a longer
 * head stands on its own line. */
static void usage_item(FILE *f, const char *head, const char *help)
{
	char **lines;
	size_t n = ui_zh() ? text_wrap(help, 50, &lines) : text_wrap_spaces(help, 50, &lines), i = 0;

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
	fprintf(f, "%s\n\n%s\n\n%s\n", UI("Usage: statuscodes [OPTION]... [COMMAND] [ARG]..."),
	        UI("A bilingual (English/中文) reference for HTTP, FTP and WebSocket status codes."), UI("Commands:"));
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		char *head = xasprintf("%s %s", c->name, c->args);
		usage_item(f, head, ui_pick(c->help, c->help_zh));
		free(head);
	}
	fprintf(f, "\n%s\n", UI("Options:"));
	for (const struct cli_option *o = cli_options; o->name; o++) {
		char *head = o->shortname
			? xasprintf("-%c, --%s%s%s", o->shortname, o->name, o->arg ? " " : "", o->arg ? o->arg : "")
			: xasprintf("    --%s%s%s", o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
		usage_item(f, head, ui_pick(o->help, o->help_zh));
		free(head);
	}
	fprintf(f, "\n%s\n%s\n", UI("With no command, statuscodes opens the browser; press ? there for its keys."),
	        UI("Exit status:"));
#define SC_EXIT_HELP(name, value, text, zh) fprintf(f, "  %-3d %s\n", value, ui_pick(text, zh));
	SC_EXIT_CODES(SC_EXIT_HELP)
#undef SC_EXIT_HELP
	fputc('\n', f);
	fprintf(f, UI("Report bugs to: %s"), PACKAGE_BUGREPORT);
	fputc('\n', f);
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
	fprintf(f, ".SH %s\n", UI("COMMANDS"));
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		fprintf(f, ".TP\n.B %s", c->name);
		if (*c->args) {
			fputs(" \"", f);
			troff_text(f, c->args);
			fputc('"', f);
		}
		fputc('\n', f);
		troff_text(f, ui_pick(c->help, c->help_zh));
		fputc('\n', f);
	}
	fprintf(f, ".SH %s\n", UI("OPTIONS"));
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
		troff_text(f, ui_pick(o->help, o->help_zh));
		fputc('\n', f);
	}
	fprintf(f, ".SH %s\n%s\n", UI("KEYS"), UI("In the browser (press ? there for the same list):"));
	for (size_t i = 0; i < keymap_help_count; i++) {
		fputs(".TP\n.B ", f);
		troff_text(f, keymap_help[i].keys);
		fputc('\n', f);
		troff_text(f, ui_pick(keymap_help[i].help, keymap_help[i].help_zh));
		fputc('\n', f);
	}
	for (size_t i = 0; i < KEYMAP_NOTE_COUNT; i++) {
		fputs(".PP\n", f);
		troff_text(f, keymap_note(i));
		fputc('\n', f);
	}
	fprintf(f, ".SH \"%s\"\n", UI("EXIT STATUS"));
#define SC_EXIT_TROFF(name, value, text, zh) \
	fprintf(f, ".TP\n.B %d\n", value); troff_text(f, ui_pick(text, zh)); fputc('\n', f);
	SC_EXIT_CODES(SC_EXIT_TROFF)
#undef SC_EXIT_TROFF
}
