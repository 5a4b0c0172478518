/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel headers whose API is exposed to C++ ("C++ for Linux").
 *
 * This file is parsed as C by gen_cxx_bindings.py (with the kernel's own
 * compiler flags) and included by bindings_check.c.  It must never be
 * included from C++ code: C++ code includes <generated/cxx/bindings.h> instead.
 */
#ifndef CXX_BINDINGS_HELPER_H
#define CXX_BINDINGS_HELPER_H

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/completion.h>
#include <linux/refcount.h>
#include <linux/list.h>
#include <linux/rbtree.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/ktime.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/of.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <kunit/test.h>

#endif /* CXX_BINDINGS_HELPER_H */
