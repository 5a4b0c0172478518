/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Arc<T>
 *
 * A reference-counted pointer to a T shared between owners that come and
 * go on their own (a module and its kernel thread, say), on the kernel's
 * refcount_t (saturating: an overflow or a use after the last put WARNs
 * instead of corrupting memory). Copying an Arc takes a reference; the
 * last Arc to go destroys and frees the T.
 *
 *	auto shared = TRY(cxx::Arc<Shared>::try_new(cxx::GFP_KERNEL, args...));
 *	cxx::Arc<Shared> other = shared;	// two references
 *
 * into_raw() and from_raw() pass one reference through C (a thread's
 * void * argument). The T is shared, so it is reached as const unless it
 * guards its own mutable state (Mutex, SpinLock, atomic types).
 */
#ifndef _CXX_ARC_H
#define _CXX_ARC_H

#include <generated/cxx/bindings.h>
#include <cxx/error.h>
#include <cxx/new.h>
#include <cxx/utility.h>

namespace cxx {

/** class Arc - one reference to a shared T. Empty only when moved from. */
template <typename T> class Arc {
	struct Inner {
		template <typename... Args>
		explicit Inner(Args &&...args) : value(cxx::forward<Args>(args)...)
		{
			::refcount_set(&ref, 1);
		}
		refcount_t ref;
		T value;
	};

public:
	/** try_new() - a new T(args...) with one reference, or -ENOMEM. */
	template <typename... Args>
	static Result<Arc> try_new(Gfp gfp, Args &&...args)
	{
		Inner *p = new (gfp) Inner(cxx::forward<Args>(args)...);
		if (!p)
			return code::ENOMEM;
		return Arc(p);
	}

	Arc(const Arc &other) : p_(other.p_) { ::refcount_inc(&p_->ref); }
	Arc(Arc &&other) : p_(other.p_) { other.p_ = nullptr; }
	Arc &operator=(const Arc &) = delete;
	Arc &operator=(Arc &&) = delete;
	~Arc()
	{
		if (p_ && ::refcount_dec_and_test(&p_->ref))
			destroy(p_);
	}

	const T &operator*() const { return p_->value; }
	const T *operator->() const { return &p_->value; }
	/** get() - the shared T, mutable: only for types that guard themselves. */
	T &get() const { return p_->value; }

	/** into_raw() - give this reference away as a pointer (see from_raw()). */
	[[nodiscard]] void *into_raw()
	{
		Inner *p = p_;
		p_ = nullptr;
		return p;
	}
	/** from_raw() - take back a reference into_raw() gave away. */
	static Arc from_raw(void *raw) { return Arc(static_cast<Inner *>(raw)); }
	/**
	 * borrow_raw() - the T behind a pointer into_raw() gave away, which
	 * keeps its reference: valid as long as that reference is not taken back.
	 */
	static T &borrow_raw(void *raw) { return static_cast<Inner *>(raw)->value; }

	/** count() - the number of references now (for tests and debugging). */
	unsigned int count() const { return ::refcount_read(&p_->ref); }

private:
	explicit Arc(Inner *p) : p_(p) {}
	/* The last reference went: out of line, one copy however many Arcs go. */
	[[gnu::noinline]] static void destroy(Inner *p) { cxx::kdelete(p); }
	Inner *p_;
};

} /* namespace cxx */

#endif /* _CXX_ARC_H */
