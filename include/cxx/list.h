/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: List<T, &T::member>
 *
 * A typed, intrusive doubly linked list over the kernel's `struct
 * list_head`: an element embeds the link, so adding and removing never
 * allocate, and the list never owns its elements (the caller keeps them
 * alive while they are linked and unlinks them before freeing them). The
 * links go through the kernel's own list_add_tail()/list_del() (C helpers),
 * so CONFIG_DEBUG_LIST checks C++ lists as it checks C's.
 *
 *	struct Item {
 *		int value;
 *		struct list_head link;
 *	};
 *	cxx::List<Item, &Item::link> items;
 *	items.push_back(a);
 *	for (Item &it : items)
 *		sum += it.value;
 *
 * Do not unlink the element a range-for loop stands on; use remove_if().
 * The list head does not move (elements point to it): neither copied nor
 * moved.
 */
#ifndef _CXX_LIST_H
#define _CXX_LIST_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

namespace cxx {

/** class List - a list of T linked through T::*Link. Invariant: a valid head. */
template <typename T, struct list_head T::*Link> class List {
public:
	List() { ::INIT_LIST_HEAD(&head_); }
	List(const List &) = delete;
	List &operator=(const List &) = delete;

	/** The element a link belongs to. */
	static T *owner(struct list_head *l)
	{
		/* The offset of the member, from a non-null, aligned stand-in. */
		const size_t off = reinterpret_cast<size_t>(
			&(reinterpret_cast<T *>(4096)->*Link)) - 4096;
		return reinterpret_cast<T *>(reinterpret_cast<char *>(l) - off);
	}

	/** class Iterator - walks the elements in order. */
	class Iterator {
	public:
		explicit Iterator(struct list_head *pos) : pos_(pos) {}
		T &operator*() const { return *owner(pos_); }
		T *operator->() const { return owner(pos_); }
		Iterator &operator++()
		{
			pos_ = pos_->next;
			return *this;
		}
		bool operator==(const Iterator &o) const { return pos_ == o.pos_; }

	private:
		struct list_head *pos_;
	};

	Iterator begin() { return Iterator(head_.next); }
	Iterator end() { return Iterator(&head_); }

	/** empty() - no element linked. */
	[[nodiscard]] bool empty() const { return ::list_empty(&head_); }
	/** len() - count the elements (walks the list). */
	[[nodiscard]] size_t len() const
	{
		size_t n = 0;
		for (const struct list_head *p = head_.next; p != &head_; p = p->next)
			n++;
		return n;
	}
	/** front() - the first element, or nullptr. */
	T *front() { return empty() ? nullptr : owner(head_.next); }

	/** push_back() / push_front() - link @item; it must not be linked. */
	void push_back(T &item) { ::list_add_tail(&(item.*Link), &head_); }
	void push_front(T &item) { ::list_add(&(item.*Link), &head_); }

	/** remove() - unlink @item (it must be in this list). */
	static void remove(T &item) { ::list_del_init(&(item.*Link)); }

	/**
	 * remove_if() - unlink every element @pred(T &) accepts, calling
	 * @done(T &) on each after it is unlinked (to free it, say).
	 * Return: how many were removed.
	 */
	template <typename Pred, typename Done> size_t remove_if(Pred pred, Done done)
	{
		size_t n = 0;
		struct list_head *p = head_.next;
		while (p != &head_) {
			struct list_head *next = p->next;
			T *item = owner(p);
			if (pred(*item)) {
				::list_del_init(p);
				done(*item);
				n++;
			}
			p = next;
		}
		return n;
	}

private:
	struct list_head head_;
};

} /* namespace cxx */

#endif /* _CXX_LIST_H */
