/* main.c: statuscodes. Sets up the locale and hands over to the CLI, which
 * runs a one-shot command or opens the browser. */
#include "config.h"

#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
