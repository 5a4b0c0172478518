// SPDX-License-Identifier: GPL-2.0
/*
 * Calls static inline functions of the kernel that no helper list names
 * (list, ktime, jiffies, debugfs): scripts/Makefile.cxx makes their C
 * wrappers for this module alone, from the symbols its object leaves
 * undefined.
 */
#include <cxx/prelude.h>

struct Node {
	struct list_head link;
	int value;
};

static unsigned long xul = 0x1f;

static int failed;

static void check(bool ok, const char *what)
{
	if (!ok) {
		failed++;
		pr_err("FAIL: %s\n", what);
	}
}

struct CxxInline {
	struct dentry *dir = nullptr;

	static cxx::Result<CxxInline> init(cxx::ThisModule &)
	{
		static Node a, b;
		struct list_head head, other;
		CxxInline self;

		INIT_LIST_HEAD(&head);
		INIT_LIST_HEAD(&other);

		a.value = 1;
		b.value = 2;
		list_add_tail(&a.link, &head);
		list_add_tail(&b.link, &head);
		check(!list_is_singular(&head), "two entries are not singular");
		list_move(&b.link, &other);
		check(list_is_singular(&head) && list_is_singular(&other), "list_move");
		check(list_is_last(&a.link, &head), "list_is_last");
		list_splice_init(&other, &head);
		check(list_empty(&other) && !list_is_singular(&head), "list_splice_init");

		ktime_t t = ms_to_ktime(1500);
		check(ktime_to_ms(t) == 1500, "ms_to_ktime / ktime_to_ms");
		check(ktime_after(ktime_add_ms(t, 1), t), "ktime_add_ms / ktime_after");
		check(ktime_ms_delta(ktime_add_ms(t, 250), t) == 250, "ktime_ms_delta");
		check(jiffies_to_nsecs(HZ) == NSEC_PER_SEC, "jiffies_to_nsecs");
		check(get_jiffies_64() >= INITIAL_JIFFIES, "get_jiffies_64");

		self.dir = debugfs_create_dir("cxx_inline", nullptr);
		debugfs_create_xul("xul", 0444, self.dir, &xul);

		pr_info("inline helpers: %d checks failed\n", failed);
		if (failed)
			return cxx::Error::from_errno(-EINVAL);
		return cxx::Ok<CxxInline>(cxx::move(self));
	}

	CxxInline() = default;
	CxxInline(CxxInline &&o) : dir(o.dir) { o.dir = nullptr; }
	~CxxInline()
	{
		if (dir) {	// not the moved-from one
			debugfs_remove(dir);
			pr_info("unloaded\n");
		}
	}
};

MODULE(CxxInline, name = "cxx_inline", author = "C++ for Linux Contributors",
       description = "Test: static inline functions through on-demand helpers",
       license = "GPL");
