/* say.c: see say.h. */
#include "config.h"
#include "say.h"

#include <errno.h>
#include <string.h>

static say_fn lookup;
static bool zh;

void say_set(say_fn fn, bool chinese)
{
	lookup = fn;
	zh = chinese;
}

bool say_chinese(void) { return zh; }

const char *say_text(const char *en)
{
	return lookup && en ? lookup(en) : en;
}

const char *say_strerror(int err)
{
	return zh ? say_errno(err) : strerror(err);
}

const char *say_errno(int err)
{
	switch (err) {
	case EACCES:
	case EPERM:  return SAY("permission denied");
	case ENOENT: return SAY("no such file or directory");
	case ENOTDIR: return SAY("a part of the path is not a directory");
	case EROFS:  return SAY("the file system is read-only");
	case ENOSPC: return SAY("the disk is full");
	case EISDIR: return SAY("is a directory");
	default:     return strerror(err);
	}
}
