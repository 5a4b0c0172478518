// SPDX-License-Identifier: GPL-2.0
/*
 * Registers a reboot notifier (linux/reboot.h), which the layer does not
 * bind: its Kbuild file adds it with cxx-bindings-headers-y (and
 * linux/debugfs.h, which the layer binds too: naming it again is harmless).
 * Calls debugfs; debugfs_remove_recursive
 * is an object-like macro naming debugfs_remove(): C++ calls it by that
 * name too.
 */
#include <cxx/prelude.h>

static u32 value = 42;

int on_reboot(struct notifier_block *, unsigned long, void *)
{
	return NOTIFY_DONE;
}
struct notifier_block reboot_nb = { .notifier_call = on_reboot };

struct ExtbindDebugfs {
	struct dentry *dir = nullptr;

	static cxx::Result<ExtbindDebugfs> init(cxx::ThisModule &)
	{
		ExtbindDebugfs self;

		if (int err = register_reboot_notifier(&reboot_nb))
			return cxx::Error::from_errno(err);
		self.dir = debugfs_create_dir("cxx_extbind", nullptr);
		debugfs_create_u32("value", 0444, self.dir, &value);
		pr_info("debugfs directory %s\n", IS_ERR(self.dir) ? "not made" : "made");
		return cxx::Ok<ExtbindDebugfs>(cxx::move(self));
	}

	ExtbindDebugfs() = default;
	ExtbindDebugfs(ExtbindDebugfs &&o) : dir(o.dir) { o.dir = nullptr; }
	~ExtbindDebugfs()
	{
		if (dir) {
			debugfs_remove_recursive(dir);
			unregister_reboot_notifier(&reboot_nb);
		}
	}
};

MODULE(ExtbindDebugfs, name = "cxx_extbind_debugfs", author = "C++ for Linux Contributors",
       description = "Test: a directory binds linux/debugfs.h", license = "GPL");
