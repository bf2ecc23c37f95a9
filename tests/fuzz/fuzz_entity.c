/* fuzz_entity.c: libFuzzer target for the importer's HTML entity decoder
 * (issue 15 item 3) and the check that follows it.
 *
 * The input, any bytes, is copied into a buffer of exactly its size (no
 * NUL after it: the decoder must stay inside the text it is given) and
 * decoded with entity_decode(); every reference is at least as long as what
 * it decodes to, so the output is never longer than the input. The same
 * bytes, as a markdown table cell, then go through the document parser,
 * which must reject every row holding a control character. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fmt.h"
#include "text.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool has_control(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	uint32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);
		if (len < 0)
			len = 1;
		else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return true;
		i += (size_t)len;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *out, *cause = NULL;
	struct buf table = {0};
	struct doc d;

	if (size > 1 << 14)
		return 0;
	in = xmalloc(size ? size : 1);
	memcpy(in, data, size);
	out = entity_decode(in, size);
	if (strlen(out) > size) {
		fprintf(stderr, "fuzz_entity: %zu bytes decoded to %zu\n", size, strlen(out));
		abort();
	}
	free(out);
	free(in);

	buf_adds(&table, "| Code | Reason | Meaning |\n|---|---|---|\n| 404 | ");
	for (size_t i = 0; i < size; i++)
		if (data[i] != '\n' && data[i] != '|' && data[i] != '\0')
			buf_addc(&table, (char)data[i]);
	buf_adds(&table, " | text |\n");
	if (doc_parse("fuzz.md", buf_str(&table), table.len, &d, &cause) == 0) {
		for (size_t i = 0; i < d.nrows; i++) {
			const struct row *r = &d.rows[i];
			if (has_control(r->phrase) || has_control(r->text) || has_control(r->label) ||
			    has_control(r->note) || has_control(r->gloss)) {
				fprintf(stderr, "fuzz_entity: a row with a control character was kept\n");
				abort();
			}
		}
		doc_free(&d);
	}
	free(cause);
	buf_free(&table);
	return 0;
}
