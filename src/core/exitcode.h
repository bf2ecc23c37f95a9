/* exitcode.h: the program's exit statuses with their meaning in English and
 * Chinese, one X-macro so that --help, the
 * man page and the code agree (generated from this list). */
#ifndef SC_EXITCODE_H
#define SC_EXITCODE_H

#define SC_EXIT_CODES(X) \
	X(SC_EXIT_OK,       0,  "found: the command did what was asked", \
	                        "找到：命令完成了所要求的事") \
	X(SC_EXIT_NOTFOUND, 1,  "not found: no entry matches (stderr names the closest ones)", \
	                        "未找到：没有匹配的条目（标准错误输出列出最接近的条目）") \
	X(SC_EXIT_USAGE,    2,  "usage error: unknown command, option or argument", \
	                        "用法错误：未知的命令、选项或参数") \
	X(SC_EXIT_DB,       3,  "the database is missing, unreadable, damaged, locked or of another version", \
	                        "数据库缺失、不可读、已损坏、被锁定或版本不符") \
	X(SC_EXIT_INPUT,    4,  "a file given to import or explain could not be read, or a document to import held nothing usable", \
	                        "无法读取交给 import 或 explain 的文件，或要导入的文档中没有可用的内容") \
	X(SC_EXIT_INTERNAL, 70, "internal error: output that could not be written (a full disk), out of memory, or a bug", \
	                        "内部错误：输出无法写入（磁盘已满）、内存不足，或程序缺陷")

enum sc_exit {
#define SC_EXIT_ENUM(name, value, text, zh) name = value,
	SC_EXIT_CODES(SC_EXIT_ENUM)
#undef SC_EXIT_ENUM
};

#endif
