/* fuzz_parse.c: libFuzzer target for the document parsers and the import.
 *
 * The input is a document (any bytes; not NUL-terminated, as doc_parse
 * allows). It goes through
 *   - doc_parse, as `statuscodes import` reads a file;
 *   - the parse of every format whose probe would accept it (score >= 20,
 *     as doc_parse requires), so that each parser sees inputs that another
 *     format would have won; like doc_parse, it gives them a NUL-terminated
 *     copy (the parsers may read the text as a C string);
 *   - when doc_parse succeeded, import_document as a user import into a
 *     database built once from db/curated and db/sources, inside
 *     store_begin/store_rollback so that the database stays the same;
 *     one input in eight (by length) also runs import_finish (derived
 *     text, links and the search index: 30 ms, so not every time) before
 *     the rollback.
 *
 * The sources: $SC_SRCDIR, else the abs_top_srcdir of the build tree's
 * Makefile, else the build tree. The database is a temporary file, removed
 * at exit. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "fmt.h"
#include "import.h"
#include "store.h"
#include "store_write.h"
#include "text.h"
#include "xmalloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static char *tmpdir, *dbfile;

/* The source tree: $SC_SRCDIR, else what the build tree's Makefile says. */
static char *src_dir(void)
{
	const char *env = getenv("SC_SRCDIR");
	char line[4096];

	if (env && *env)
		return xstrdup(env);
#ifdef ABS_BUILDDIR
	FILE *f = fopen(ABS_BUILDDIR "/Makefile", "r");
	if (f) {
		while (fgets(line, sizeof line, f))
			if (strncmp(line, "abs_top_srcdir = ", 17) == 0) {
				line[strcspn(line, "\n")] = '\0';
				fclose(f);
				return xstrdup(line + 17);
			}
		fclose(f);
	}
	return xstrdup(ABS_BUILDDIR);
#else
	(void)line;
	return xstrdup(".");
#endif
}

static void fail(const char *what, char *cause)
{
	fprintf(stderr, "fuzz_parse: %s: %s\n", what, cause ? cause : "failed");
	exit(2);
}

static void cleanup(void)
{
	if (st)
		store_close(st);
	st = NULL;
	if (dbfile) {
		unlink(dbfile);
		char *j = xasprintf("%s-journal", dbfile);
		unlink(j);
		free(j);
	}
	if (tmpdir)
		rmdir(tmpdir);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *src = src_dir(), *cause = NULL, *dir;
	char tmpl[] = "/tmp/fuzz_parse.XXXXXX";
	struct dirent **names;
	int n;

	(void)argc;
	(void)argv;
	if ((tmpdir = mkdtemp(tmpl)) == NULL)
		fail("mkdtemp", NULL);
	tmpdir = xstrdup(tmpdir);
	dbfile = xasprintf("%s/ref.db", tmpdir);
	atexit(cleanup);
	if (store_open(dbfile, STORE_CREATE, &st, &cause) != 0 || store_begin(st, &cause) != 0)
		fail(dbfile, cause);
	dir = xasprintf("%s/db/curated", src);
	if (import_curated(st, dir, &cause) != 0)
		fail(dir, cause);
	free(dir);
	/* the bundled documents, so that user rows meet claims of every kind */
	dir = xasprintf("%s/db/sources", src);
	n = scandir(dir, &names, NULL, by_name);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);
		if (len > 4 && strcmp(names[i]->d_name + len - 4, ".txt") == 0) {
			char *path = xasprintf("%s/%s", dir, names[i]->d_name);
			struct doc d;
			struct import_summary sum;
			if (doc_load(path, names[i]->d_name, &d, &cause) != 0 ||
			    import_document(st, &d, "document", &sum, NULL, &cause) != 0)
				fail(path, cause);
			doc_free(&d);
			free(path);
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	free(dir);
	if (import_finish(st, &cause) != 0 || store_commit(st, &cause) != 0)
		fail(dbfile, cause);
	free(src);
	return 0;
}

/* Every parser whose probe accepts the text, on its own. */
static void parse_each(const char *data, size_t len)
{
	struct lines l;
	char *text;

	if (len == 0 || len > DOC_MAX_BYTES || memchr(data, '\0', len) || !utf8_valid(data, len))
		return;       /* doc_parse refuses these before any parser runs */
	text = xmalloc(len + 1);
	memcpy(text, data, len);
	text[len] = '\0';
	lines_split(text, len, &l);
	for (size_t i = 0; i < l.n; i++)
		if (strlen(l.v[i]) > DOC_MAX_LINE) {
			lines_free(&l);
			free(text);
			return;
		}
	struct doc scratch;
	memset(&scratch, 0, sizeof scratch);
	size_t body = doc_front_matter(&scratch, &l);
	doc_free(&scratch);
	for (size_t f = 0; f < nformats; f++) {
		if (formats[f]->probe(&l, body, text, len) < 20)
			continue;
		struct doc d;
		memset(&d, 0, sizeof d);
		d.file = xstrdup("fuzz");
		d.format = formats[f]->name;
		d.bytes = len;
		d.lines = l.n;
		(void)doc_front_matter(&d, &l);
		formats[f]->parse(&l, body, text, len, &d);
		for (size_t r = 0; r < d.nrows; r++)
			if (d.rows[r].line < 1 || (size_t)d.rows[r].line > l.n) {
				fprintf(stderr, "fuzz_parse: %s: row %zu has line %d of %zu\n",
				        formats[f]->name, r, d.rows[r].line, l.n);
				abort();
			}
		doc_free(&d);
	}
	lines_free(&l);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct doc d;
	struct import_summary sum;
	char *cause = NULL;

	parse_each(text, size);
	if (doc_parse("fuzz.txt", text, size, &d, &cause) != 0) {
		if (cause == NULL || *cause == '\0') {
			fputs("fuzz_parse: doc_parse failed without a cause\n", stderr);
			abort();
		}
		free(cause);
		return 0;
	}
	if (store_begin(st, &cause) != 0)
		fail("store_begin", cause);
	if (import_document(st, &d, "user", &sum, NULL, &cause) == 0 && size % 8 == 1)
		(void)import_finish(st, &cause);
	free(cause);
	store_rollback(st);
	doc_free(&d);
	return 0;
}
