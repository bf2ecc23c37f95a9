/* fuzz_explain.c: libFuzzer targets for the explain layer.
 *
 * Built three ways (FUZZ_EXPLAIN_MODE):
 *   0  fuzz_explain: the recogniser: any bytes go through explain_feed in
 *      pieces whose sizes come from the input, so recognition, line
 *      assembly and whichever parser it picks all see every split;
 *   1  fuzz_explain_kinds: each parser on its own: the first byte picks
 *      the kind (heads, NCSA, IIS, JSON lines, HAR, FTP, WebSocket, codes)
 *      through explain_set_kind, the rest is the input;
 *   2  fuzz_codearg: code_arg_parse, the forgiving reading of a code.
 * Every report is checked for the invariants the view layer relies on:
 * items point at counts, every line is accounted for once. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codearg.h"
#include "explain.h"

#ifndef FUZZ_EXPLAIN_MODE
#define FUZZ_EXPLAIN_MODE 0
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#if FUZZ_EXPLAIN_MODE != 2
static void check(struct explain *ex)
{
	struct ex_report *r = explain_report(ex);

	explain_sort(r);
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].count < 0 || (size_t)r->items[i].count >= r->ncounts)
			abort();
	if (r->kind != EX_HAR && r->st.used + r->st.other + r->st.unreadable + r->st.overlong +
	    r->st.binary > r->st.lines + 1)
		abort();
	for (size_t i = 0; i < r->ncounts; i++) {
		char cls[16];
		explain_class_of(&r->counts[i], cls, sizeof cls);
		if (r->counts[i].n == 0 || strlen(r->counts[i].code) == 0)
			abort();
	}
}

#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
#if FUZZ_EXPLAIN_MODE == 2
	struct code_arg ca;
	if (code_arg_parse(s, size, &ca) && (ca.code[0] == '\0' || strlen(ca.code) > 9))
		abort();
#else
	struct explain *ex = explain_new();
	size_t i = 0;
#if FUZZ_EXPLAIN_MODE == 1
	if (size == 0) {
		explain_free(ex);
		return 0;
	}
	explain_set_kind(ex, (enum ex_kind)(1 + data[0] % (EX_KIND_COUNT - 1)));
	i = 1;
#endif
	/* pieces of 1 to 64 bytes, sizes taken from the input itself */
	while (i < size) {
		size_t k = 1 + data[i] % 64;
		if (k > size - i)
			k = size - i;
		explain_feed(ex, s + i, k);
		i += k;
	}
	explain_finish(ex);
	check(ex);
	explain_free(ex);
#endif
	return 0;
}
