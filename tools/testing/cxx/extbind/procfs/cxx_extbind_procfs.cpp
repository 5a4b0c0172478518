// SPDX-License-Identifier: GPL-2.0
/*
 * A /proc file through seq_file, which the layer does not bind: its Kbuild
 * file adds linux/seq_file.h and linux/proc_fs.h, and a helper for the
 * proc_create_single() macro.
 */
#include <cxx/prelude.h>

static int show(struct seq_file *m, void *)
{
	seq_printf(m, "hello from C++ through seq_file\n");
	return 0;
}

struct ExtbindProcfs {
	static cxx::Result<ExtbindProcfs> init(cxx::ThisModule &)
	{
		if (!proc_create_single("cxx_extbind", 0444, nullptr, show))
			return cxx::Error::from_errno(-ENOMEM);
		return cxx::Ok<ExtbindProcfs>();
	}

	~ExtbindProcfs() { remove_proc_entry("cxx_extbind", nullptr); }
};

MODULE(ExtbindProcfs, name = "cxx_extbind_procfs", author = "C++ for Linux Contributors",
       description = "Test: a directory binds linux/seq_file.h and linux/proc_fs.h",
       license = "GPL");
