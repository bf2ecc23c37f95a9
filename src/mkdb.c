/* mkdb.c: sc-mkdb, the build step that makes the reference database from
 * db/curated and db/sources. Not installed.
 *
 *   sc-mkdb [-v] [-r REPORT] -c CURATED_DIR -o OUT.db DOCUMENT...
 *
 * The database is written to OUT.db.tmp and renamed into place only when
 * everything succeeded. -r writes one line per finding to REPORT. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exitcode.h"
#include "fmt.h"
#include "import.h"
#include "store_write.h"
#include "xmalloc.h"

static void usage(void)
{
	fputs("usage: sc-mkdb [-v] [-r REPORT] -c CURATED_DIR -o OUT.db DOCUMENT...\n", stderr);
	exit(SC_EXIT_USAGE);
}

/* The file's name without its directory, as shown to users. */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int main(int argc, char **argv)
{
	const char *out = NULL, *curated = NULL, *report = NULL;
	int opt, verbose = 0, rc = SC_EXIT_DB;
	struct store *st = NULL;
	char *cause = NULL, *tmp;
	FILE *log = NULL;

	while ((opt = getopt(argc, argv, "c:o:r:v")) != -1) {
		switch (opt) {
		case 'c': curated = optarg; break;
		case 'o': out = optarg; break;
		case 'r': report = optarg; break;
		case 'v': verbose = 1; break;
		default: usage();
		}
	}
	if (!out || !curated || optind >= argc)
		usage();
	if (report && (log = fopen(report, "w")) == NULL) {
		fprintf(stderr, "sc-mkdb: %s: cannot write\n", report);
		return SC_EXIT_USAGE;
	}
	tmp = xasprintf("%s.tmp", out);
	unlink(tmp);
	if (store_open(tmp, STORE_CREATE, &st, &cause) != 0 || store_begin(st, &cause) != 0)
		goto fail;
	if (import_curated(st, curated, &cause) != 0)
		goto fail;
	for (int i = optind; i < argc; i++) {
		struct doc d;
		struct import_summary sum;
		if (doc_load(argv[i], base_name(argv[i]), &d, &cause) != 0) {
			rc = SC_EXIT_INPUT;
			goto fail;
		}
		if (import_document(st, &d, "document", &sum, log, &cause) != 0) {
			doc_free(&d);
			goto fail;
		}
		if (verbose)
			fprintf(stderr, "sc-mkdb: %s (%s): %zu rows, %zu claims (%zu used), %zu findings, %zu lines rejected\n",
			        d.file, d.format, sum.rows, sum.claims, sum.used, sum.findings, sum.rejected);
		doc_free(&d);
	}
	if (import_finish(st, &cause) != 0 || store_commit(st, &cause) != 0)
		goto fail;
	if (store_compact(st, &cause) != 0)
		goto fail;
	store_close(st);
	st = NULL;
	if (rename(tmp, out) != 0) {
		cause = xasprintf("%s: cannot rename to %s", tmp, out);
		goto fail;
	}
	if (log)
		fclose(log);
	free(tmp);
	return SC_EXIT_OK;
fail:
	fprintf(stderr, "sc-mkdb: %s\n", cause ? cause : "failed");
	free(cause);
	if (st) {
		store_rollback(st);
		store_close(st);
	}
	unlink(tmp);
	free(tmp);
	if (log)
		fclose(log);
	return rc;
}
