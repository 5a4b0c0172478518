// SPDX-License-Identifier: GPL-2.0
/*
 * Static-storage objects around a module's life: constructed before init,
 * destroyed after exit (or after a failed init) in reverse order.
 * `insmod cxx_lifetime.ko fail=N` makes init return -N.
 */
#include <cxx/prelude.h>

MODULE_PARAM(fail, int, 0, 0444, "errno init returns (0: succeed)");

struct Tracer {
	const char *name;
	explicit Tracer(const char *n) : name(n) { pr_info("construct %s\n", name); }
	~Tracer() { pr_info("destroy %s\n", name); }
};

static Tracer first("global first");
static Tracer second("global second");

static Tracer &local_static()
{
	static Tracer t("function-local static");
	return t;
}

struct CxxLifetime {
	static cxx::Result<CxxLifetime> init(cxx::ThisModule &)
	{
		local_static();
		int err = fail.read(cxx::ParamLock(cxx::ThisModule::current()));
		pr_info("init (fail=%d)\n", err);
		if (err)
			return cxx::Error::from_errno(-err);
		return cxx::Ok<CxxLifetime>();
	}
	~CxxLifetime() { pr_info("exit\n"); }
};

MODULE(CxxLifetime, name = "cxx_lifetime", author = "C++ for Linux Contributors",
       author = "A Second Author", description = "Static object lifetime test",
       license = "GPL", alias = "cxx-lifetime-a", alias = "cxx-lifetime-b");
