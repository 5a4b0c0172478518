// SPDX-License-Identifier: GPL-2.0
/*
 * What check_no_hand_decls.py must reject: each kind of hand-written kernel
 * declaration once or more. Never compiled.
 */
// expect: 7 findings
#include <cxx/prelude.h>

extern "C" void kfree(const void *p);
extern "C" {
int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern unsigned long volatile jiffies;
int not_a_kernel_function(void);	/* the project's own: allowed */
int init_module(void) { return 0; }	/* a definition: allowed */
}
struct list_head {
	struct list_head *next, *prev;
};
struct device;
#define EINVAL 22
namespace x {
constexpr unsigned long PAGE_SIZE = 4096;
constexpr unsigned long GFP_KERNEL = ::GFP_KERNEL;	/* derived: allowed */
}
static void uses_only(struct device *d);		/* a use: allowed */
