/* fsrs.h: the FSRS-6 spaced-repetition scheduler (Free Spaced Repetition
 * Scheduler, the algorithm Anki uses), written for statuscodes from the
 * published formulas. The default parameters, learning steps and rounding
 * follow the reference implementation py-fsrs 6.3.1 (the same numbers as
 * ts-fsrs and fsrs-rs); docs/STUDY.md cites them. No fuzz: intervals are
 * exact, so a quiz is repeatable.
 *
 * Times are seconds since the epoch (UTC). A card is Learning until it
 * graduates through the learning steps, then Review; a lapse (Again on a
 * Review card) sends it to Relearning. */
#ifndef SC_FSRS_H
#define SC_FSRS_H

#include <stdbool.h>
#include <stdint.h>

enum fsrs_grade { FSRS_AGAIN = 1, FSRS_HARD = 2, FSRS_GOOD = 3, FSRS_EASY = 4 };
enum fsrs_state { FSRS_NEW = 0, FSRS_LEARNING = 1, FSRS_REVIEW = 2, FSRS_RELEARNING = 3 };

#define FSRS_NPARAMS 21
#define FSRS_MAX_STEPS 4

struct fsrs_params {
	double  w[FSRS_NPARAMS];
	double  retention;                     /* desired retention, 0.9 */
	int     learning[FSRS_MAX_STEPS];      /* learning steps, seconds */
	int     nlearning;
	int     relearning[FSRS_MAX_STEPS];    /* relearning steps, seconds */
	int     nrelearning;
	int     max_interval;                  /* days */
};

struct fsrs_card {
	enum fsrs_state state;
	int      step;                         /* index in the (re)learning steps */
	double   stability, difficulty;        /* 0 while new */
	int64_t  due, last;                    /* last: 0 while new */
	int      reps, lapses;
};

/* The published defaults: FSRS-6 weights, retention 0.9, learning steps
 * 1 and 10 minutes, relearning step 10 minutes, at most 36500 days. */
void fsrs_defaults(struct fsrs_params *p);

/* Reviews c with grade g at time now (>= c->last), updating it in place:
 * stability, difficulty, state, step and due. */
void fsrs_review(const struct fsrs_params *p, struct fsrs_card *c, enum fsrs_grade g, int64_t now);

/* The probability of recall of c at time now (0 for a new card). */
double fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *c, int64_t now);

/* The interval in days for stability s at the desired retention (rounded,
 * at least 1, at most max_interval). */
int fsrs_interval(const struct fsrs_params *p, double s);

#endif
