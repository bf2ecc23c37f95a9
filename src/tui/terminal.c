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

/* Every signal whose default action ends the process is caught, so that
 * the terminal is never left in raw mode on the alternate screen with the
 * mouse tracked and the cursor hidden (issue 15). Two ways:
 *  - SIG_QUIT: the handler sets a flag; the loop, whose wait for a key the
 *    signal interrupts, leaves, screen_close() restores the terminal and
 *    the browser dies of the same signal (terminal_die).
 *  - SIG_CRASH: signals that cannot wait for the loop (a bug, abort()):
 *    the handler does only what is async-signal-safe: put back the terminal
 *    modes saved before curses started, write the xterm sequences that end
 *    mouse tracking, keypad mode and the alternate screen and show the
 *    cursor, then die of the signal. SEGV, BUS and FPE are left to
 *    AddressSanitizer in a sanitizer build: its report matters more.
 * A signal ignored by whoever started us (nohup) stays ignored. */
#if defined(__SANITIZE_ADDRESS__)
#define SC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SC_ASAN 1
#endif
#endif
#ifndef SC_ASAN
#define SC_ASAN 0
#endif

enum sig_kind { SIG_NONE, SIG_QUIT, SIG_STOP, SIG_CONT, SIG_CRASH };

/* Set by the handler, acted on in the loop; nothing is drawn in a handler. */
static volatile sig_atomic_t sig_quit, sig_tstp, sig_cont;

#ifndef NSIG
#define NSIG 65
#endif
static struct sigaction saved_actions[NSIG];
static bool installed[NSIG];

static struct termios crash_tio;
static volatile sig_atomic_t crash_tio_saved;

static enum sig_kind sig_kind(int sig)
{
	switch (sig) {
	case SIGTSTP:
		return SIG_STOP;
	case SIGCONT:
		return SIG_CONT;
	case SIGSEGV: case SIGBUS: case SIGFPE:
		return SC_ASAN ? SIG_NONE : SIG_CRASH;
	case SIGILL: case SIGABRT: case SIGTRAP: case SIGSYS:
		return SIG_CRASH;
	case SIGHUP: case SIGINT: case SIGQUIT: case SIGTERM: case SIGUSR1: case SIGUSR2:
	case SIGPIPE: case SIGALRM: case SIGVTALRM: case SIGPROF: case SIGXCPU: case SIGXFSZ:
#ifdef SIGSTKFLT
	case SIGSTKFLT:
#endif
#if defined(SIGIO)
	case SIGIO:
#elif defined(SIGPOLL)
	case SIGPOLL:
#endif
#if defined(SIGPWR) && (!defined(SIGLOST) || SIGLOST != SIGPWR)
	case SIGPWR:
#endif
		return SIG_QUIT;
	default:
		break;
	}
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		return SIG_QUIT;
#endif
	return SIG_NONE;
}

static void on_signal(int sig)
{
	if (sig == SIGTSTP)
		sig_tstp = 1;
	else if (sig == SIGCONT)
		sig_cont = 1;
	else
		sig_quit = sig;
}

static void on_crash(int sig)
{
	/* attributes off, no mouse tracking (X10, button, any, SGR, UTF-8,
	 * urxvt), cursor keys and keypad back to normal, the normal screen,
	 * the cursor shown */
	static const char reset[] = "\033[0m\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1005l"
	                            "\033[?1015l\033[?1l\033>\033[?1049l\033[?25h\r\n";

	if (crash_tio_saved)
		tcsetattr(STDIN_FILENO, TCSANOW, &crash_tio);
	if (write(STDOUT_FILENO, reset, sizeof reset - 1) < 0) {
		/* nothing more can be done */
	}
	raise(sig); /* SA_RESETHAND: now the default action */
}

static void signals_install(void)
{
	struct sigaction quit, crash;

	sig_quit = sig_tstp = sig_cont = 0;
	crash_tio_saved = tcgetattr(STDIN_FILENO, &crash_tio) == 0;
	memset(&quit, 0, sizeof quit);
	quit.sa_handler = on_signal;
	sigemptyset(&quit.sa_mask);
	quit.sa_flags = 0;  /* no SA_RESTART: a signal ends the wait for a key */
	memset(&crash, 0, sizeof crash);
	crash.sa_handler = on_crash;
	sigemptyset(&crash.sa_mask);
	crash.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (int sig = 1; sig < NSIG; sig++) {
		enum sig_kind k = sig_kind(sig);
		struct sigaction old;
		installed[sig] = false;
		if (k == SIG_NONE || sigaction(sig, NULL, &old) != 0)
			continue;
		if (old.sa_handler == SIG_IGN && k != SIG_CONT)
			continue;
		if (sigaction(sig, k == SIG_CRASH ? &crash : &quit, &saved_actions[sig]) == 0)
			installed[sig] = true;
	}
}

static void signals_restore(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (installed[sig]) {
			sigaction(sig, &saved_actions[sig], NULL);
			installed[sig] = false;
		}
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
	sc_set_fatal_hook(fatal_hook);
}

void terminal_stop(void)
{
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
