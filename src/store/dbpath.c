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

char *dbpath_find(const char *explicit_path)
{
	const char *env = getenv("STATUSCODES_DB");
	char exe[PATH_MAX];
	ssize_t n;

	if (explicit_path)
		return xstrdup(explicit_path);
	if (env && *env)
		return xstrdup(env);
#ifdef ABS_BUILDDIR
	/* run from the build tree: use the database built beside it */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *want = xasprintf("%s/src/statuscodes", ABS_BUILDDIR);
		int here = strcmp(exe, want) == 0;
		free(want);
		if (here)
			return xasprintf("%s/db/statuscodes.db", ABS_BUILDDIR);
	}
#else
	(void)exe;
	(void)n;
#endif
	return xstrdup(PKGDATADIR "/statuscodes.db");
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
