/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: BoxList<T, &T::member>
 *
 * The owning list next to the intrusive List (cxx/list.h): an element
 * comes in as a Box<T> and belongs to the list until it leaves as a Box<T>
 * again (pop_front(), take()) or the list frees it (clear(), remove_if(),
 * the destructor). The links are the same embedded `struct list_head`
 * through the kernel's list functions, so nothing is allocated per link and
 * CONFIG_DEBUG_LIST checks it; only the ownership differs:
 *
 *	struct Quantum {
 *		cxx::BoxSlice<char> data;
 *		struct list_head link;
 *	};
 *	cxx::BoxList<Quantum, &Quantum::link> qset;
 *	qset.push_back(TRY(cxx::Box<Quantum>::try_new(cxx::GFP_KERNEL)));
 *	...
 *	qset.clear();	// destroys and kfree()s every element
 *
 * Never copied nor moved (the elements point to the head). Not
 * thread-safe: guard a shared one with a lock. As with List, do not take
 * out the element a range-for loop stands on; use remove_if().
 */
#ifndef _CXX_BOX_LIST_H
#define _CXX_BOX_LIST_H

#include <cxx/box.h>
#include <cxx/error.h>
#include <cxx/list.h>
#include <cxx/utility.h>

namespace cxx {

/**
 * class BoxList - a list that owns its elements, each a heap T from a Box.
 *
 * Invariant: every linked element was allocated as a Box<T> and is owned
 * by this list alone; it is freed exactly once, by the list or by the Box
 * it leaves in.
 */
template <typename T, struct list_head T::*Link> class BoxList {
public:
	BoxList() = default;
	BoxList(const BoxList &) = delete;
	BoxList &operator=(const BoxList &) = delete;
	/** ~BoxList() - destroy and free every element left (clear()). */
	~BoxList() { clear(); }

	/** push_back() / push_front() - take ownership of @item and link it. */
	void push_back(Box<T> item) { list_.push_back(*item.release()); }
	void push_front(Box<T> item) { list_.push_front(*item.release()); }

	/**
	 * pop_front() - unlink the first element and hand it back.
	 * Return: its Box, or ENOENT if the list is empty.
	 */
	Result<Box<T>> pop_front()
	{
		T *first = list_.front();
		if (!first)
			return code::ENOENT;
		List<T, Link>::remove(*first);
		return Box<T>::from_raw(first);
	}

	/** take() - unlink @item, which must be in this list, and hand it back. */
	Box<T> take(T &item)
	{
		List<T, Link>::remove(item);
		return Box<T>::from_raw(&item);
	}

	/**
	 * remove_if() - unlink, destroy and free every element @pred(T &)
	 * accepts. Return: how many were freed.
	 */
	template <typename Pred> size_t remove_if(Pred pred)
	{
		return list_.remove_if(pred, [](T &item) { Box<T>::from_raw(&item); });
	}

	/** clear() - destroy and free every element, first to last. */
	void clear()
	{
		while (T *first = list_.front()) {
			List<T, Link>::remove(*first);
			Box<T>::from_raw(first);
		}
	}

	/** empty() - no element. */
	[[nodiscard]] bool empty() const { return list_.empty(); }
	/** len() - count the elements (walks the list). */
	[[nodiscard]] size_t len() const { return list_.len(); }
	/** front() - the first element, still owned here, or nullptr. */
	T *front() { return list_.front(); }

	/** begin(), end() - the elements as T &, for range-for. */
	typename List<T, Link>::Iterator begin() { return list_.begin(); }
	typename List<T, Link>::Iterator end() { return list_.end(); }

private:
	List<T, Link> list_;
};

} /* namespace cxx */

#endif /* _CXX_BOX_LIST_H */
