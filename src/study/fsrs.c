/* fsrs.c: the FSRS-6 scheduler (see fsrs.h). The formulas are those of
 * FSRS-6 as published by open-spaced-repetition (py-fsrs 6.3.1, ts-fsrs,
 * fsrs-rs); this is our own code. w[0..3] initial stability per grade,
 * w[4..7] difficulty, w[8..10] recall stability, w[11..14] forget
 * stability, w[15..16] hard penalty and easy bonus, w[17..19] same-day
 * (short-term) stability, w[20] the decay of the forgetting curve. */
#include "config.h"
#include "fsrs.h"

#include <math.h>
#include <string.h>

#define STABILITY_MIN 0.001
#define DAY 86400

static const double default_w[FSRS_NPARAMS] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
	1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

void fsrs_defaults(struct fsrs_params *p)
{
	memset(p, 0, sizeof *p);
	memcpy(p->w, default_w, sizeof p->w);
	p->retention = 0.9;
	p->learning[0] = 60;
	p->learning[1] = 600;
	p->nlearning = 2;
	p->relearning[0] = 600;
	p->nrelearning = 1;
	p->max_interval = 36500;
}

static double decay(const struct fsrs_params *p)
{
	return -p->w[20];
}

/* Chosen so that retrievability is 0.9 when elapsed days equal stability. */
static double factor(const struct fsrs_params *p)
{
	return pow(0.9, 1.0 / decay(p)) - 1.0;
}

static double clamp_d(double d)
{
	return d < 1.0 ? 1.0 : d > 10.0 ? 10.0 : d;
}

static double clamp_s(double s)
{
	return s < STABILITY_MIN ? STABILITY_MIN : s;
}

static double init_s(const struct fsrs_params *p, int g)
{
	return clamp_s(p->w[g - 1]);
}

static double init_d(const struct fsrs_params *p, int g)
{
	return p->w[4] - exp(p->w[5] * (g - 1)) + 1.0;
}

/* Difficulty after grade g: a linearly damped step, then mean reversion
 * toward the initial difficulty of Easy. */
static double next_d(const struct fsrs_params *p, double d, int g)
{
	double delta = -p->w[6] * (g - 3);
	double damped = d + (10.0 - d) * delta / 9.0;
	return clamp_d(p->w[7] * init_d(p, FSRS_EASY) + (1.0 - p->w[7]) * damped);
}

/* Stability after a review on the same day as the last one. */
static double short_term_s(const struct fsrs_params *p, double s, int g)
{
	double inc = exp(p->w[17] * (g - 3 + p->w[18])) * pow(s, -p->w[19]);
	if (g >= FSRS_GOOD && inc < 1.0)
		inc = 1.0;
	return clamp_s(s * inc);
}

static double forget_s(const struct fsrs_params *p, double d, double s, double r)
{
	double longterm = p->w[11] * pow(d, -p->w[12]) * (pow(s + 1.0, p->w[13]) - 1.0) *
	                  exp((1.0 - r) * p->w[14]);
	double shortterm = s / exp(p->w[17] * p->w[18]);
	return longterm < shortterm ? longterm : shortterm;
}

static double recall_s(const struct fsrs_params *p, double d, double s, double r, int g)
{
	double hard = g == FSRS_HARD ? p->w[15] : 1.0;
	double easy = g == FSRS_EASY ? p->w[16] : 1.0;
	return s * (1.0 + exp(p->w[8]) * (11.0 - d) * pow(s, -p->w[9]) *
	            (exp((1.0 - r) * p->w[10]) - 1.0) * hard * easy);
}

/* Whole days between last and now, as the reference counts them. */
static int64_t elapsed_days(const struct fsrs_card *c, int64_t now)
{
	int64_t d = (now - c->last) / DAY;
	return d < 0 ? 0 : d;
}

double fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *c, int64_t now)
{
	if (c->state == FSRS_NEW || c->stability <= 0)
		return 0.0;
	return pow(1.0 + factor(p) * (double)elapsed_days(c, now) / c->stability, decay(p));
}

int fsrs_interval(const struct fsrs_params *p, double s)
{
	/* rint: ties to even, as the reference's round() */
	double ivl = rint(s / factor(p) * (pow(p->retention, 1.0 / decay(p)) - 1.0));
	if (ivl < 1)
		ivl = 1;
	if (ivl > p->max_interval)
		ivl = p->max_interval;
	return (int)ivl;
}

/* New stability and difficulty of c after grade g at now. */
static void update_memory(const struct fsrs_params *p, struct fsrs_card *c, int g, int64_t now)
{
	if (c->state == FSRS_NEW) {
		c->stability = init_s(p, g);
		c->difficulty = clamp_d(init_d(p, g));
		return;
	}
	if (elapsed_days(c, now) < 1) {
		c->stability = short_term_s(p, c->stability, g);
	} else {
		double r = fsrs_retrievability(p, c, now);
		c->stability = clamp_s(g == FSRS_AGAIN ? forget_s(p, c->difficulty, c->stability, r)
		                                       : recall_s(p, c->difficulty, c->stability, r, g));
	}
	c->difficulty = next_d(p, c->difficulty, g);
}

/* Moves a learning or relearning card through its steps; returns the
 * interval in seconds. */
static int64_t step_card(const struct fsrs_params *p, struct fsrs_card *c, int g,
                         const int *steps, int n)
{
	if (n == 0 || (c->step >= n && g != FSRS_AGAIN))
		g = FSRS_EASY;  /* no steps left: graduate */
	switch (g) {
	case FSRS_AGAIN:
		c->step = 0;
		return steps[0];
	case FSRS_HARD:
		if (c->step == 0)
			return n == 1 ? steps[0] * 3 / 2 : (steps[0] + steps[1]) / 2;
		return steps[c->step];
	case FSRS_GOOD:
		if (c->step + 1 < n)
			return steps[++c->step];
		break;
	default:
		break;
	}
	c->state = FSRS_REVIEW;
	c->step = 0;
	return (int64_t)fsrs_interval(p, c->stability) * DAY;
}

void fsrs_review(const struct fsrs_params *p, struct fsrs_card *c, enum fsrs_grade g, int64_t now)
{
	int64_t ivl;

	if (g < FSRS_AGAIN || g > FSRS_EASY)
		g = FSRS_AGAIN;
	update_memory(p, c, (int)g, now);
	switch (c->state) {
	case FSRS_NEW:
	case FSRS_LEARNING:
		c->state = FSRS_LEARNING;
		ivl = step_card(p, c, (int)g, p->learning, p->nlearning);
		break;
	case FSRS_RELEARNING:
		ivl = step_card(p, c, (int)g, p->relearning, p->nrelearning);
		break;
	default:  /* review */
		if (g == FSRS_AGAIN) {
			c->lapses++;
			if (p->nrelearning > 0) {
				c->state = FSRS_RELEARNING;
				c->step = 0;
				ivl = p->relearning[0];
				break;
			}
		}
		ivl = (int64_t)fsrs_interval(p, c->stability) * DAY;
		break;
	}
	c->reps++;
	c->last = now;
	c->due = now + ivl;
}
