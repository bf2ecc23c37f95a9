/* bench.h: what the files of bench_search share. */
#ifndef SC_BENCH_H
#define SC_BENCH_H

/* bench_search judge DB FILE: relevance over a judged query set. */
int cmd_judge(int argc, char **argv);

#include <stdbool.h>
#include <stddef.h>

/* bench_zipf.c: text from a Zipf-distributed vocabulary built from texts. */
struct zipf;
struct buf;
struct zipf *zipf_new(const char *const *texts, size_t ntexts);
/* n words (English) or n characters (Chinese), ending in a full stop. */
void zipf_text(struct zipf *z, bool zh, size_t n, struct buf *out);
/* A number in [lo, hi]. */
size_t zipf_range(struct zipf *z, size_t lo, size_t hi);
void zipf_free(struct zipf *z);


#endif
