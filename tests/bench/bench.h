/* bench.h: what the files of bench_search share. */
#ifndef SC_BENCH_H
#define SC_BENCH_H

/* bench_search judge DB FILE: relevance over a judged query set. */
int cmd_judge(int argc, char **argv);


#endif
