/* terminal.c: the terminal around curses (see terminal.h): the signals that end,
 * stop and continue the browser, the crash handler, and the locale. */
#include "config.h"
#include "terminal.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "screen.h"
#include "xmalloc.h"

/* Set by the signal handler, acted on in the loop; nothing is drawn in
 * a handler. */
static volatile sig_atomic_t sig_quit, sig_tstp, sig_cont;

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT };
#define NSIGNALS (sizeof handled_signals / sizeof handled_signals[0])
static struct sigaction saved_actions[NSIGNALS];
static bool installed[NSIGNALS];

static void on_signal(int sig)
{
	if (sig == SIGTSTP)
		sig_tstp = 1;
	else if (sig == SIGCONT)
		sig_cont = 1;
	else
		sig_quit = sig;
}

static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;  /* no SA_RESTART: a signal ends the wait for a key */
	sig_quit = sig_tstp = sig_cont = 0;
	for (size_t i = 0; i < NSIGNALS; i++) {
		struct sigaction old;
		installed[i] = false;
		if (sigaction(handled_signals[i], NULL, &old) != 0)
			continue;
		/* a signal ignored by whoever started us (nohup) stays ignored */
		if (old.sa_handler == SIG_IGN && handled_signals[i] != SIGCONT)
			continue;
		if (sigaction(handled_signals[i], &sa, &saved_actions[i]) == 0)
			installed[i] = true;
	}
}

static void signals_restore(void)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		if (installed[i])
			sigaction(handled_signals[i], &saved_actions[i], NULL);
}

/* A crash (a bug) must not leave the shell in raw mode on the alternate
 * screen. The handler only does what is async-signal-safe: put back the
 * terminal modes saved before curses started, leave the alternate screen
 * and show the cursor with write(2), then die of the same signal. Not
 * installed under AddressSanitizer, whose own report matters more. */
#if defined(__SANITIZE_ADDRESS__)
#define SC_CRASH_HANDLER 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SC_CRASH_HANDLER 0
#endif
#endif
#ifndef SC_CRASH_HANDLER
#define SC_CRASH_HANDLER 1
#endif

static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct termios crash_tio;
static volatile sig_atomic_t crash_tio_saved;

static void on_crash(int sig)
{
	static const char reset[] = "\033[0m\033[?1049l\033[?25h\r\n";

	if (crash_tio_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &crash_tio);
	if (write(STDOUT_FILENO, reset, sizeof reset - 1) < 0) {
		/* nothing more can be done */
	}
	raise(sig); /* SA_RESETHAND: now the default action */
}

static void crash_handler_install(void)
{
	struct sigaction sa;

	if (!SC_CRASH_HANDLER)
		return;
	crash_tio_saved = tcgetattr(STDIN_FILENO, &crash_tio) == 0;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_crash;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		sigaction(crash_signals[i], &sa, NULL);
}

static void crash_handler_remove(void)
{
	if (!SC_CRASH_HANDLER)
		return;
	for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
		signal(crash_signals[i], SIG_DFL);
}

static void fatal_hook(void)
{
	screen_close();
}

long long terminal_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 || strcmp(cs, "utf-8") == 0);
}

bool terminal_locale_utf8(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8" };

	if (codeset_is_utf8())
		return true;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (setlocale(LC_CTYPE, names[i]) && codeset_is_utf8())
			return true;
	setlocale(LC_CTYPE, "");
	return false;
}

void terminal_suspend(void)
{
	struct sigaction sa, ours;
	sigset_t set;

	sig_tstp = 0;
	screen_suspend();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, &ours);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);  /* stopped here until SIGCONT */
	sigaction(SIGTSTP, &ours, NULL);
	screen_resume();
}

void terminal_start(void)
{
	signals_install();
	crash_handler_install();
	sc_set_fatal_hook(fatal_hook);
}

void terminal_stop(void)
{
	crash_handler_remove();
	sc_set_fatal_hook(NULL);
	signals_restore();
}

int terminal_quit_signal(void)
{
	return sig_quit;
}

bool terminal_take_stop(void)
{
	bool stop = sig_tstp != 0;
	sig_tstp = 0;
	return stop;
}

bool terminal_take_cont(void)
{
	bool cont = sig_cont != 0;
	sig_cont = 0;
	return cont;
}

int terminal_die(int sig)
{
	signal(sig, SIG_DFL);
	raise(sig);
	return 128 + sig;
}
