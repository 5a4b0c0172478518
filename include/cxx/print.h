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
 *
 * dev_emerg() ... dev_info() and dev_dbg() print about a struct device, as
 * their C namesakes: "<driver> <device>: message".
 */
#ifndef _CXX_PRINT_H
#define _CXX_PRINT_H

#include <generated/cxx/bindings.h>
#include <cxx/str.h>

/*
 * The log-level prefixes of include/linux/kern_levels.h, as literals: C
 * pastes the level to the format at preprocessing time, which the kernel's
 * KERN_* (constant arrays in the bindings) cannot be. Each is checked
 * against the kernel's own below.
 */
#define CXX_KERN_SOH		"\001"
#define CXX_KERN_EMERG		CXX_KERN_SOH "0"
#define CXX_KERN_ALERT		CXX_KERN_SOH "1"
#define CXX_KERN_CRIT		CXX_KERN_SOH "2"
#define CXX_KERN_ERR		CXX_KERN_SOH "3"
#define CXX_KERN_WARNING	CXX_KERN_SOH "4"
#define CXX_KERN_NOTICE		CXX_KERN_SOH "5"
#define CXX_KERN_INFO		CXX_KERN_SOH "6"
#define CXX_KERN_DEBUG		CXX_KERN_SOH "7"
#define CXX_KERN_CONT		CXX_KERN_SOH "c"

#define CXX_CHECK_LEVEL(l)                                                    \
	static_assert(::cxx::str_eq(CXX_##l, ::l), #l " differs from the kernel's")
CXX_CHECK_LEVEL(KERN_EMERG);
CXX_CHECK_LEVEL(KERN_ALERT);
CXX_CHECK_LEVEL(KERN_CRIT);
CXX_CHECK_LEVEL(KERN_ERR);
CXX_CHECK_LEVEL(KERN_WARNING);
CXX_CHECK_LEVEL(KERN_NOTICE);
CXX_CHECK_LEVEL(KERN_INFO);
CXX_CHECK_LEVEL(KERN_DEBUG);
CXX_CHECK_LEVEL(KERN_CONT);
#undef CXX_CHECK_LEVEL

#ifndef pr_fmt
/** pr_fmt() - the prefix of every pr_*() line: "<modname>: ". */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#endif

/**
 * printk() - print @fmt at the level its CXX_KERN_* prefix names (C code
 * writes KERN_*; prefer pr_*(), which add the level and pr_fmt()).
 */
#define printk(fmt, ...) ::_printk(fmt, ##__VA_ARGS__)

/** pr_emerg() - system is unusable. */
#define pr_emerg(fmt, ...) printk(CXX_KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
/** pr_alert() - action must be taken immediately. */
#define pr_alert(fmt, ...) printk(CXX_KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
/** pr_crit() - critical conditions. */
#define pr_crit(fmt, ...) printk(CXX_KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
/** pr_err() - error conditions. */
#define pr_err(fmt, ...) printk(CXX_KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
/** pr_warn() - warning conditions. */
#define pr_warn(fmt, ...) printk(CXX_KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
/** pr_notice() - normal but significant condition. */
#define pr_notice(fmt, ...) printk(CXX_KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
/** pr_info() - informational. */
#define pr_info(fmt, ...) printk(CXX_KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/** pr_cont() - continue the previous line: no level, no prefix. */
#define pr_cont(fmt, ...) printk(CXX_KERN_CONT fmt, ##__VA_ARGS__)

/** no_printk() - print nothing, but check the format and arguments. */
#define no_printk(fmt, ...)                                                   \
	({                                                                    \
		if (0)                                                        \
			printk(fmt, ##__VA_ARGS__);                           \
		0;                                                            \
	})

#ifdef DEBUG
/** pr_debug() - debug-level message; only with DEBUG defined. */
#define pr_debug(fmt, ...) printk(CXX_KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...) no_printk(CXX_KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/*
 * dev_*() - print about a device, as include/linux/dev_printk.h: the line
 * starts with the driver and device names ("misc cxx_miscdev: ..."), the
 * format is checked like pr_*()'s. @dev is a const struct device *.
 */
#ifndef dev_fmt
/** dev_fmt() - a per-file prefix of dev_*() formats (none by default). */
#define dev_fmt(fmt) fmt
#endif
/** dev_emerg() - the device is unusable. */
#define dev_emerg(dev, fmt, ...) ::_dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_alert() - action must be taken immediately. */
#define dev_alert(dev, fmt, ...) ::_dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_crit() - critical conditions. */
#define dev_crit(dev, fmt, ...) ::_dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_err() - error conditions. */
#define dev_err(dev, fmt, ...) ::_dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_warn() - warning conditions. */
#define dev_warn(dev, fmt, ...) ::_dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_notice() - normal but significant condition. */
#define dev_notice(dev, fmt, ...) ::_dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
/** dev_info() - informational. */
#define dev_info(dev, fmt, ...) ::_dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)
#ifdef DEBUG
/** dev_dbg() - debug-level message; only with DEBUG defined. */
#define dev_dbg(dev, fmt, ...)                                                \
	::_dev_printk(CXX_KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)                                                \
	({                                                                    \
		if (0)                                                        \
			::_dev_printk(CXX_KERN_DEBUG, dev, dev_fmt(fmt),      \
				      ##__VA_ARGS__);                         \
		0;                                                            \
	})
#endif

#endif /* _CXX_PRINT_H */
