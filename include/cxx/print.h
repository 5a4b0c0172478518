/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: printing to the kernel log
 *
 * pr_emerg() ... pr_debug() and pr_cont() behave as their C namesakes in
 * include/linux/printk.h: the format is the kernel's printk format (%d, %s,
 * %zu, %pe, ...), the log level and the pr_fmt() prefix are glued to it at
 * compile time, and the call is a single _printk(), exactly as in C.
 *
 * Arguments are checked against the format at compile time (g++'s printf
 * format checking; C++ for Linux builds with -Werror=format, so a mismatch
 * is an error, not a warning).
 *
 * The prefix is "<modname>: " unless the file defines pr_fmt() before the
 * first include, as in C.
 *
 * pr_debug() prints only when DEBUG is defined (ccflags/cxxflags -DDEBUG);
 * otherwise it compiles to nothing but its format is still checked. Dynamic
 * debug is not wired up yet.
 */
#ifndef _CXX_PRINT_H
#define _CXX_PRINT_H

#include <cxx/bindings.h>

/* The log-level prefixes of include/linux/kern_levels.h. */
#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"

#ifndef pr_fmt
/** pr_fmt() - the prefix of every pr_*() line: "<modname>: ". */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#endif

/** printk() - print @fmt at the level its KERN_* prefix names. */
#define printk(fmt, ...) ::cxx::bindings::_printk(fmt, ##__VA_ARGS__)

/** pr_emerg() - system is unusable. */
#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
/** pr_alert() - action must be taken immediately. */
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
/** pr_crit() - critical conditions. */
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
/** pr_err() - error conditions. */
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
/** pr_warn() - warning conditions. */
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
/** pr_notice() - normal but significant condition. */
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
/** pr_info() - informational. */
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/** pr_cont() - continue the previous line: no level, no prefix. */
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/** no_printk() - print nothing, but check the format and arguments. */
#define no_printk(fmt, ...)                                                   \
	({                                                                    \
		if (0)                                                        \
			printk(fmt, ##__VA_ARGS__);                           \
		0;                                                            \
	})

#ifdef DEBUG
/** pr_debug() - debug-level message; only with DEBUG defined. */
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

#endif /* _CXX_PRINT_H */
