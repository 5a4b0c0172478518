/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: Box<T>
 *
 * An owning pointer to one T on the kernel heap, created only through
 * try_new(), which returns -ENOMEM instead of a null pointer:
 *
 *	auto b = TRY(cxx::Box<Device>::try_new(cxx::GFP_KERNEL, args...));
 *
 * The T is freed (destructor, then kfree()) when the Box goes out of
 * scope, unless release() handed it over. A Box moves but never copies;
 * a moved-from Box is empty. The T itself never moves, so a Box can hold
 * what must stay put (a registered device).
 */
#ifndef _CXX_BOX_H
#define _CXX_BOX_H

#include <cxx/error.h>
#include <cxx/new.h>
#include <cxx/utility.h>

namespace cxx {

/** class Box - owns a heap T. Invariant: non-null unless moved from or released. */
template <typename T> class Box {
public:
	/** try_new() - allocate with @gfp and construct T(args...) there. */
	template <typename... Args>
	static Result<Box> try_new(Gfp gfp, Args &&...args)
	{
		T *p = new (gfp) T(cxx::forward<Args>(args)...);
		if (!p)
			return code::ENOMEM;
		return Box(p);
	}

	/** from_raw() - take ownership of a T that release() gave away. */
	static Box from_raw(T *p) { return Box(p); }

	Box(Box &&other) : p_(other.p_) { other.p_ = nullptr; }
	Box &operator=(Box &&other)
	{
		if (this != &other) {
			cxx::kdelete(p_);
			p_ = other.p_;
			other.p_ = nullptr;
		}
		return *this;
	}
	Box(const Box &) = delete;
	Box &operator=(const Box &) = delete;
	~Box() { cxx::kdelete(p_); }

	T &operator*() const { return *p_; }
	T *operator->() const { return p_; }
	/** get() - the pointer, still owned by the Box. */
	T *get() const { return p_; }
	/** release() - give up ownership; the caller frees (from_raw()). */
	[[nodiscard]] T *release()
	{
		T *p = p_;
		p_ = nullptr;
		return p;
	}

private:
	explicit Box(T *p) : p_(p) {}
	T *p_;
};

} /* namespace cxx */

#endif /* _CXX_BOX_H */
