// SPDX-License-Identifier: GPL-2.0
/*
 * Uses the generated bindings directly, as C code uses the kernel's
 * headers: kzalloc() and kfree(), a struct list_head list built with
 * list_add_tail() and walked by hand, a struct mutex, jiffies and msleep().
 * Then it checks, against C code compiled by gcc (bindings_peer.c), that
 * bitfields, an anonymous union and fields whose C name is a C++ keyword
 * mean the same bytes in both languages. Each check prints "ok <what>" or
 * "FAIL <what>"; run_tests.sh reads them.
 */
#include <cxx/prelude.h>

/* The C side (bindings_peer.c). */
extern "C" {
unsigned int bindings_peer_read(const struct device *dev, const struct kernel_param *kp,
				const struct page *pg);
void bindings_peer_write(struct device *dev, struct kernel_param *kp, struct page *pg);
}

namespace {

#include "check.h"

/* An element of the list: the link is a plain struct list_head. */
struct Item {
	int value;
	struct list_head link;
};

Item *item_of(struct list_head *l)
{
	return reinterpret_cast<Item *>(reinterpret_cast<char *>(l) -
					__builtin_offsetof(Item, link));
}

struct mutex lock;
int guarded;

void list_test()
{
	struct list_head head;
	int n = 0, sum = 0;
	bool alloc_ok = true;

	INIT_LIST_HEAD(&head);
	check(list_empty(&head), "list: empty after INIT_LIST_HEAD");
	for (int i = 1; i <= 10; i++) {
		auto *it = static_cast<Item *>(kzalloc(sizeof(Item), GFP_KERNEL));
		if (!it) {
			alloc_ok = false;
			break;
		}
		alloc_ok = alloc_ok && it->value == 0; /* kzalloc zeroes */
		it->value = i * i;
		list_add_tail(&it->link, &head);
	}
	check(alloc_ok, "kzalloc: 10 zeroed items");
	for (struct list_head *p = head.next; p != &head; p = p->next) {
		sum += item_of(p)->value;
		n++;
	}
	pr_info("list: %d items, sum of squares %d\n", n, sum);
	check(n == 10 && sum == 385, "list: walked in order");
	while (!list_empty(&head)) {
		struct list_head *p = head.next;
		list_del(p);
		kfree(item_of(p));
	}
	check(list_empty(&head), "list: emptied and freed");
}

void mutex_test()
{
	mutex_init(&lock);
	mutex_lock(&lock);
	check(mutex_is_locked(&lock), "mutex: locked");
	guarded++;
	mutex_unlock(&lock);
	check(!mutex_is_locked(&lock) && guarded == 1, "mutex: unlocked");
	check(mutex_trylock(&lock) == 1, "mutex: trylock");
	mutex_unlock(&lock);
}

void time_test()
{
	unsigned long before = jiffies;
	msleep(20);
	unsigned long after = jiffies;
	pr_info("jiffies advanced by %lu over msleep(20) (HZ=%d)\n",
		after - before, HZ);
	check(after != before, "jiffies: advanced");
	check(msecs_to_jiffies(1000) == HZ, "msecs_to_jiffies(1000) == HZ");
}

/* Both directions of a struct device (bitfields, "class"), a struct
 * kernel_param (anonymous union) and a struct page ("private"). */
void layout_test()
{
	auto *dev = static_cast<struct device *>(kzalloc(sizeof(struct device), GFP_KERNEL));
	auto *pg = static_cast<struct page *>(kzalloc(sizeof(struct page), GFP_KERNEL));
	struct kernel_param kp = {};
	static int target;

	if (!dev || !pg) {
		check(false, "layout: allocations");
		kfree(dev);
		kfree(pg);
		return;
	}
	dev->offline = true;
	dev->can_match = true;
	dev->class_ = reinterpret_cast<struct class_ *>(&target);
	kp.arg = &target;
	pg->private_ = 0x5a5a;
	unsigned int seen = bindings_peer_read(dev, &kp, pg);
	pr_info("C reads what C++ wrote: %#x\n", seen);
	check(seen == 0x1f, "layout: C reads C++'s bitfields, union, keyword fields");

	__builtin_memset(dev, 0, sizeof(*dev));
	__builtin_memset(pg, 0, sizeof(*pg));
	bindings_peer_write(dev, &kp, pg);
	check(dev->offline_disabled && dev->state_synced && !dev->offline &&
		      !dev->can_match, "layout: C++ reads C's bitfields");
	check(dev->class_ == reinterpret_cast<struct class_ *>(dev) &&
		      pg->private_ == 0xa5a5,
	      "layout: C++ reads C's class and private");
	check(kp.arr == reinterpret_cast<const struct kparam_array *>(pg),
	      "layout: C++ reads C's anonymous union member");
	kfree(dev);
	kfree(pg);
}

} /* namespace */

struct BindingsTest {
	~BindingsTest() { pr_info("bindings exit\n"); }

	static cxx::Result<BindingsTest> init(cxx::ThisModule &)
	{
		list_test();
		mutex_test();
		time_test();
		layout_test();
		pr_info("bindings tests done: %d failed\n", failures);
		return cxx::Ok<BindingsTest>();
	}
};

MODULE(BindingsTest, name = "cxx_bindings", author = "C++ for Linux Contributors",
       description = "Uses the generated kernel bindings directly", license = "GPL");
