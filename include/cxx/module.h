/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: MODULE(), the entry point of a C++ module
 *
 *	struct CxxMinimal {
 *		cxx::Vec<int> numbers;
 *
 *		static cxx::Result<CxxMinimal> init(cxx::ThisModule &)
 *		{
 *			cxx::Vec<int> numbers;
 *			TRY(numbers.try_push(72));
 *			return cxx::Ok<CxxMinimal>(cxx::move(numbers));
 *		}
 *		~CxxMinimal();	// runs at rmmod, like Rust's Drop
 *	};
 *
 *	MODULE(CxxMinimal, name = "cxx_minimal", author = "Jane Doe",
 *	       description = "A minimal module", license = "GPL");
 *
 * MODULE(type, fields...) emits:
 *  - init_module(): constructs the module's static-storage objects, then
 *    calls type::init(). On error it destroys those objects again and
 *    returns the error to insmod: nothing is left behind. On success it keeps
 *    the returned object until cleanup_module(). The object is constructed
 *    in place by cxx::Ok<type>(...) and never moved, so its destructor runs
 *    exactly once.
 *  - cleanup_module(): destroys the object (~type), then the static-storage
 *    objects, newest first.
 *  - the .modinfo strings of the fields, byte for byte as C's MODULE_*().
 *
 * Fields: name (required; must equal the .ko's name), license (required;
 * GPL-compatible), description (at most once), author and alias (any number
 * of times). A missing, repeated, empty or misspelt field fails to compile.
 */
#ifndef _CXX_MODULE_H
#define _CXX_MODULE_H

#include <cxx/this_module.h> /* first: frees the name MODULE */
#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/modinfo.h>
#include <cxx/new.h>
#include <cxx/utility.h>

/*
 * The runtime's entry points are never weak undefined references: the
 * address of one that may be NULL is reached through the GOT, which the
 * arm64 module loader refuses. With CONFIG_CXX, vmlinux exports them. A
 * module that links its own runtime (no CONFIG_CXX) gets weak hidden
 * defaults from MODULE() (CXX_RUNTIME_DEFAULTS below), which the runtime's
 * real functions override when the link takes them.
 */
#ifdef CONFIG_CXX
#define CXX_RUNTIME_VISIBILITY
#else
#define CXX_RUNTIME_VISIBILITY [[gnu::visibility("hidden")]]
#endif

extern "C" {
/* cxx/ctors.c; out of tree linked only into a module that has static
 * constructors (scripts/Makefile.cxx). */
CXX_RUNTIME_VISIBILITY int cxx_run_ctors(void (*const *start)(void),
					 void (*const *end)(void), void *dso);
/* cxx/atexit.c; out of tree linked only into a module that registers a
 * destructor (the runtime is an archive). */
CXX_RUNTIME_VISIBILITY void cxx_run_dtors(void *dso);
/* Bounds of the module's .cxx_ctors, from scripts/cxx_module.lds. */
extern void (*const __cxx_ctors_start[])(void) __attribute__((visibility("hidden")));
extern void (*const __cxx_ctors_end[])(void) __attribute__((visibility("hidden")));
/* The DSO handle of this module (MODULE() defines it) or of vmlinux. */
extern void *__dso_handle __attribute__((visibility("hidden")));
}

namespace cxx {

/**
 * class ModuleSlot - where MODULE() keeps the module's object between
 * init_module() and cleanup_module().
 */
template <typename T> class ModuleSlot {
public:
	/** init() - run static constructors and T::init(); 0 or -errno. */
	int init()
	{
		static_assert(requires(ThisModule &m) {
			{ T::init(m) } -> same_as<Result<T>>;
		}, "MODULE(): the type must have "
		   "`static cxx::Result<T> init(cxx::ThisModule &)`");

		int ret = cxx_run_ctors(__cxx_ctors_start, __cxx_ctors_end,
					&__dso_handle);
		if (ret)
			return ret;
		ThisModule mod = ThisModule::current();
		/* Constructed in place: the module object is never moved. */
		Result<T> *r = new (storage_) Result<T>(T::init(mod));
		if (!r->is_ok()) {
			ret = r->error().to_errno();
			r->~Result<T>();
			run_dtors();
		}
		return ret;
	}

	/**
	 * init_builtin() - T::init() for C++ built into vmlinux, from an
	 * initcall; the kernel already ran the static constructors.
	 */
	int init_builtin()
	{
		ThisModule mod = ThisModule::current();
		Result<T> *r = new (storage_) Result<T>(T::init(mod));
		int ret = 0;

		if (!r->is_ok()) {
			ret = r->error().to_errno();
			r->~Result<T>();
		}
		return ret;
	}

	/** exit() - destroy the object, then the static-storage objects. */
	void exit()
	{
		/* SAFETY: init() succeeded, or the loader would not call exit. */
		reinterpret_cast<Result<T> *>(storage_)->~Result<T>();
		run_dtors();
	}

private:
	static void run_dtors()
	{
		cxx_run_dtors(&__dso_handle);
	}

	alignas(Result<T>) unsigned char storage_[sizeof(Result<T>)];
};

} /* namespace cxx */

/**
 * MODULE() - declare a C++ module: its type and its .modinfo fields.
 * @type: the module's type; see the DOC above.
 * @...: `key = "value"` fields.
 */
#define MODULE(type, ...)                                                     \
	namespace cxx_module_info {                                           \
	using namespace ::cxx::modinfo::fields;                               \
	inline constexpr auto info = ::cxx::modinfo::make(__VA_ARGS__);       \
	static_assert(info.count(::cxx::modinfo::Key::name) == 1,             \
		      "MODULE(): give the module's name exactly once: "       \
		      "name = \"<the .ko file's name>\"");                    \
	static_assert(info.count(::cxx::modinfo::Key::name) != 1 ||           \
			      ::cxx::str_eq(info.get(::cxx::modinfo::Key::name), \
					    KBUILD_MODNAME),                  \
		      "MODULE(): name must equal the module's file name "     \
		      "(KBUILD_MODNAME, from obj-m in Kbuild)");              \
	static_assert(info.count(::cxx::modinfo::Key::license) != 0,          \
		      "MODULE(): missing license; add license = \"GPL\" "     \
		      "(or another GPL-compatible license)");                 \
	static_assert(info.count(::cxx::modinfo::Key::license) <= 1,          \
		      "MODULE(): license given more than once");              \
	static_assert(info.count(::cxx::modinfo::Key::license) != 1 ||        \
			      ::cxx::modinfo::is_gpl_compatible(               \
				      info.get(::cxx::modinfo::Key::license)), \
		      "MODULE(): license must be GPL-compatible: \"GPL\", "   \
		      "\"GPL v2\", \"GPL and additional rights\", "           \
		      "\"Dual BSD/GPL\", \"Dual MIT/GPL\" or \"Dual MPL/GPL\""); \
	static_assert(info.count(::cxx::modinfo::Key::description) <= 1,      \
		      "MODULE(): description given more than once");          \
	static_assert(!info.has_empty_value(),                                \
		      "MODULE(): a field's value must not be empty");         \
	static_assert(info.size <= 32, "MODULE(): at most 32 fields");        \
	CXX_MODINFO_FIELDS8(0) CXX_MODINFO_FIELDS8(1)                         \
	CXX_MODINFO_FIELDS8(2) CXX_MODINFO_FIELDS8(3)                         \
	}                                                                     \
	CXX_MODULE_ENTRY_POINTS(type)

/*
 * Field a*8+b of MODULE(): its .modinfo string as an object of its own, as
 * C's __MODULE_INFO() makes one (none for `name` and past the last field).
 * A built-in module's license is preceded by "<modname>.file=<path>", as
 * C's MODULE_LICENSE() does with MODULE_FILE.
 */
#define CXX_MODINFO_FIELD(a, b)                                               \
	CXX_MODINFO_FILE(a, b)                                                \
	CXX_MODINFO_SECTION static constexpr auto field_##a##b =              \
		::cxx::modinfo::string<::cxx::modinfo::string_size(           \
			info, a * 8 + b, ::cxx::str_len(CXX_MODULE_PREFIX))>( \
			info, a * 8 + b, CXX_MODULE_PREFIX);
#define CXX_MODINFO_FIELDS8(a)                                                \
	CXX_MODINFO_FIELD(a, 0) CXX_MODINFO_FIELD(a, 1)                       \
	CXX_MODINFO_FIELD(a, 2) CXX_MODINFO_FIELD(a, 3)                       \
	CXX_MODINFO_FIELD(a, 4) CXX_MODINFO_FIELD(a, 5)                       \
	CXX_MODINFO_FIELD(a, 6) CXX_MODINFO_FIELD(a, 7)
#ifdef CXX_BUILT_AS_MODULE
#define CXX_MODINFO_FILE(a, b)
#else
#define CXX_MODINFO_FILE(a, b)                                                \
	CXX_MODINFO_SECTION static constexpr auto file_##a##b =               \
		::cxx::modinfo::text<info.key_at(a * 8 + b) ==                \
				     ::cxx::modinfo::Key::license>(            \
			KBUILD_MODNAME ".file=" KBUILD_MODFILE);
#endif

#ifdef CXX_BUILT_AS_MODULE
/*
 * A module: init_module() and cleanup_module(), which the loader calls
 * through pointers. As C's module_init() and module_exit() do
 * (___ADDRESSABLE(init_module, __initdata)), a pointer to each sits in
 * .init.data / .exit.data: objtool then sees them as indirect call targets
 * and, with CONFIG_X86_KERNEL_IBT, keeps their ENDBR instead of sealing it
 * (a CPU with IBT would fault at the call otherwise).
 */
#define CXX_MODULE_ENTRY_POINTS(type)                                         \
	extern "C" {                                                          \
	[[gnu::visibility("hidden")]] void *__dso_handle = &__dso_handle;     \
	CXX_RUNTIME_DEFAULTS                                                  \
	}                                                                     \
	static ::cxx::ModuleSlot<type> __cxx_module_slot;                     \
	extern "C" [[gnu::section(".init.text"), gnu::cold]] int              \
	init_module(void)                                                     \
	{                                                                     \
		return __cxx_module_slot.init();                              \
	}                                                                     \
	extern "C" [[gnu::section(".exit.text"), gnu::cold,                   \
		     gnu::no_instrument_function]] void                       \
	cleanup_module(void)                                                  \
	{                                                                     \
		__cxx_module_slot.exit();                                     \
	}                                                                     \
	[[gnu::section(".init.data"), gnu::used]] static int (                \
		*__cxx_addressable_init_module)(void) = init_module;          \
	[[gnu::section(".exit.data"), gnu::used]] static void (               \
		*__cxx_addressable_cleanup_module)(void) = cleanup_module;
#ifdef CONFIG_CXX
#define CXX_RUNTIME_DEFAULTS
#else
/*
 * A module linking its own runtime: what runs when the link took no
 * constructor runner (the module has no .init_array) or no destructor
 * list (it never called __cxa_atexit()). Weak definitions, not weak
 * references: calls to them need no GOT. A module with constructors but no
 * runner fails to load instead of skipping them.
 */
#define CXX_RUNTIME_DEFAULTS                                                  \
	[[gnu::weak, gnu::visibility("hidden")]] int cxx_run_ctors(           \
		void (*const *start)(void), void (*const *end)(void), void *) \
	{                                                                     \
		return start == end ? 0 : -::ENOEXEC;                         \
	}                                                                     \
	[[gnu::weak, gnu::visibility("hidden")]] void cxx_run_dtors(void *) {}
#endif
#else
/*
 * Built into vmlinux: a device initcall, as module_init() makes of a C
 * module's init. Like C's on x86-64 and arm64 (HAVE_ARCH_PREL32_RELOCATIONS),
 * the .initcall6.init entry is a 32-bit offset to the function. There is no
 * exit: vmlinux is never unloaded.
 */
#define CXX_MODULE_ENTRY_POINTS(type)                                         \
	static_assert(IS_ENABLED(CONFIG_CXX),                                 \
		      "MODULE(): built-in C++ code needs CONFIG_CXX=y");      \
	static_assert(IS_ENABLED(CONFIG_HAVE_ARCH_PREL32_RELOCATIONS),        \
		      "MODULE(): built-in C++ needs PREL32 initcalls");       \
	static ::cxx::ModuleSlot<type> __cxx_module_slot;                     \
	extern "C" [[gnu::section(".init.text"), gnu::cold, gnu::used]] int   \
	CXX_PASTE(__cxx_init_, __KBUILD_MODNAME)(void)                        \
	{                                                                     \
		return __cxx_module_slot.init_builtin();                      \
	}                                                                     \
	asm(".section \".initcall6.init\", \"a\"\n"                           \
	    CXX_STRINGIFY(CXX_PASTE(__cxx_initcall_, __KBUILD_MODNAME)) ":\n"  \
	    ".long " CXX_STRINGIFY(CXX_PASTE(__cxx_init_, __KBUILD_MODNAME))   \
	    " - .\n"                                                          \
	    ".previous\n")
#endif

#define CXX_PASTE_(a, b) a##b
#define CXX_PASTE(a, b) CXX_PASTE_(a, b)
#define CXX_STRINGIFY_(x) #x
#define CXX_STRINGIFY(x) CXX_STRINGIFY_(x)

#endif /* _CXX_MODULE_H */
