#include "config.h"
#include "dbpath.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/statuscodes"
#endif

/* The path of the running program, or NULL (caller frees). */
static char *self_exe(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	return xstrdup(exe);
}

/* <dir of exe>/../share/statuscodes/statuscodes.db: where an installed
 * program finds its database wherever its prefix was moved (make install
 * prefix=X, DESTDIR staging, a copied tree). Caller frees. */
static char *beside_exe(const char *exe)
{
	const char *slash = strrchr(exe, '/');

	if (slash == NULL)
		return NULL;
	return xasprintf("%.*s/../share/" PACKAGE "/statuscodes.db", (int)(slash - exe), exe);
}

char *dbpath_find(const char *explicit_path)
{
	const char *env = getenv("STATUSCODES_DB");
	char *exe, *path = NULL;

	if (explicit_path)
		return xstrdup(explicit_path);
	if (env && *env)
		return xstrdup(env);
	exe = self_exe();
#ifdef ABS_BUILDDIR
	/* run from the build tree: use the database built beside it */
	if (exe && strcmp(exe, ABS_BUILDDIR "/src/statuscodes") == 0)
		path = xstrdup(ABS_BUILDDIR "/db/statuscodes.db");
#endif
	if (path == NULL && exe && (path = beside_exe(exe)) != NULL && access(path, F_OK) != 0) {
		free(path);
		path = NULL;
	}
	free(exe);
	return path ? path : xstrdup(PKGDATADIR "/statuscodes.db");
}

char *dbpath_user_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && *xdg == '/')
		return xasprintf("%s/statuscodes", xdg);
	if (home && *home == '/')
		return xasprintf("%s/.local/share/statuscodes", home);
	return NULL;
}
