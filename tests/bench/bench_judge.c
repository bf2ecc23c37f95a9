/* bench_judge.c: relevance of the search over a judged query set
 * (tests/search/judged.tsv): mean reciprocal rank of the first hit graded 2
 * or more, and nDCG@5 with gains 2^grade - 1, as `statuscodes search` runs
 * them (20 hits, words typed whole). One line of key=value pairs; with
 * BENCH_VERBOSE, every query whose first right answer is not first. */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"

#define JUDGE_MAX 32
#define JUDGE_KINDS 8

struct judged {
	char key[JUDGE_MAX][48];
	int grade[JUDGE_MAX];
	size_t n;
};

static int grade_of(const struct judged *j, const struct sc_entry *e)
{
	char key[64];

	snprintf(key, sizeof key, "%s:%s", e->protocol, e->code);
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->key[i], key) == 0)
			return j->grade[i];
	return 0;
}

static int grade_cmp(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

static void parse_judgments(char *s, struct judged *j)
{
	j->n = 0;
	for (char *t = strtok(s, " \n"); t && j->n < JUDGE_MAX; t = strtok(NULL, " \n")) {
		char *eq = strrchr(t, '=');
		if (!eq || strlen(t) >= sizeof j->key[0])
			continue;
		*eq = '\0';
		snprintf(j->key[j->n], sizeof j->key[0], "%s", t);
		j->grade[j->n++] = atoi(eq + 1);
	}
}

struct kind_sum {
	char name[16];
	double rr, ndcg;
	size_t n;
};

static struct kind_sum *kind_of(struct kind_sum *k, size_t *nk, const char *name)
{
	for (size_t i = 0; i < *nk; i++)
		if (strcmp(k[i].name, name) == 0)
			return &k[i];
	if (*nk == JUDGE_KINDS)
		return &k[JUDGE_KINDS - 1];
	snprintf(k[*nk].name, sizeof k[*nk].name, "%.15s", name);
	return &k[(*nk)++];
}

int cmd_judge(int argc, char **argv)
{
	struct store *st;
	char *cause = NULL, line[4096];
	FILE *f;
	struct kind_sum kinds[JUDGE_KINDS] = {0};
	size_t nk = 0, nq = 0, zero = 0;
	double rr_sum = 0, ndcg_sum = 0;
	bool verbose = getenv("BENCH_VERBOSE") != NULL;

	if (argc < 4) {
		fputs("usage: bench_search judge DB FILE\n", stderr);
		return 2;
	}
	if (store_open(argv[2], STORE_READ, &st, &cause) != 0) {
		fprintf(stderr, "bench_search: %s\n", cause);
		return 3;
	}
	if ((f = fopen(argv[3], "r")) == NULL) {
		perror(argv[3]);
		store_close(st);
		return 4;
	}
	while (fgets(line, sizeof line, f)) {
		char *kind = line, *q, *jud;
		if (line[0] == '#' || (q = strchr(kind, '\t')) == NULL)
			continue;
		*q++ = '\0';
		if ((jud = strchr(q, '\t')) == NULL)
			continue;
		*jud++ = '\0';
		struct judged j;
		parse_judgments(jud, &j);
		struct sc_hits h = {0};
		if (store_search(st, q, NULL, 20, 0, &h, &cause) != 0) {
			fprintf(stderr, "bench_search: %s: %s\n", q, cause);
			return 3;
		}
		double rr = 0, dcg = 0, idcg = 0;
		for (size_t i = 0; i < h.n; i++) {
			int g = grade_of(&j, &h.v[i].e);
			if (g >= 2 && rr == 0)
				rr = 1.0 / (double)(i + 1);
			if (i < 5)
				dcg += (pow(2, g) - 1) / log2((double)i + 2);
		}
		int ideal[JUDGE_MAX];
		memcpy(ideal, j.grade, sizeof ideal);
		qsort(ideal, j.n, sizeof *ideal, grade_cmp);
		for (size_t i = 0; i < j.n && i < 5; i++)
			idcg += (pow(2, ideal[i]) - 1) / log2((double)i + 2);
		double ndcg = idcg > 0 ? dcg / idcg : 0;
		struct kind_sum *k = kind_of(kinds, &nk, kind);
		k->rr += rr;
		k->ndcg += ndcg;
		k->n++;
		rr_sum += rr;
		ndcg_sum += ndcg;
		nq++;
		zero += h.n == 0;
		if (verbose && rr < 1) {
			fprintf(stderr, "rr=%.2f ndcg=%.2f %-8s %s ->", rr, ndcg, kind, q);
			for (size_t i = 0; i < h.n && i < 5; i++)
				fprintf(stderr, " %s:%s(%d)", h.v[i].e.protocol, h.v[i].e.code, grade_of(&j, &h.v[i].e));
			fputc('\n', stderr);
		}
		sc_hits_free(&h);
	}
	fclose(f);
	store_close(st);
	if (nq == 0) {
		fputs("bench_search: no judged queries\n", stderr);
		return 4;
	}
	printf("queries=%zu mrr=%.3f ndcg5=%.3f no_hits=%zu", nq, rr_sum / (double)nq,
	       ndcg_sum / (double)nq, zero);
	for (size_t i = 0; i < nk; i++)
		printf(" mrr_%s=%.3f ndcg5_%s=%.3f n_%s=%zu", kinds[i].name, kinds[i].rr / (double)kinds[i].n,
		       kinds[i].name, kinds[i].ndcg / (double)kinds[i].n, kinds[i].name, kinds[i].n);
	putchar('\n');
	return 0;
}
