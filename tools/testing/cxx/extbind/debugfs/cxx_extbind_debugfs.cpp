// SPDX-License-Identifier: GPL-2.0
/*
 * Calls debugfs, which the layer does not bind: its Kbuild file adds
 * linux/debugfs.h with cxx-bindings-headers-y. debugfs_remove_recursive
 * is an object-like macro naming debugfs_remove(): C++ calls it by that
 * name too.
 */
#include <cxx/prelude.h>

static u32 value = 42;

struct ExtbindDebugfs {
	struct dentry *dir = nullptr;

	static cxx::Result<ExtbindDebugfs> init(cxx::ThisModule &)
	{
		ExtbindDebugfs self;

		self.dir = debugfs_create_dir("cxx_extbind", nullptr);
		debugfs_create_u32("value", 0444, self.dir, &value);
		pr_info("debugfs directory %s\n", IS_ERR(self.dir) ? "not made" : "made");
		return cxx::Ok<ExtbindDebugfs>(cxx::move(self));
	}

	ExtbindDebugfs() = default;
	ExtbindDebugfs(ExtbindDebugfs &&o) : dir(o.dir) { o.dir = nullptr; }
	~ExtbindDebugfs() { debugfs_remove_recursive(dir); }
};

MODULE(ExtbindDebugfs, name = "cxx_extbind_debugfs", author = "C++ for Linux Contributors",
       description = "Test: a directory binds linux/debugfs.h", license = "GPL");
