/* SPDX-License-Identifier: GPL-2.0 */
/**
 * DOC: RbTree<T, &T::node, &T::key>
 *
 * A typed, intrusive red-black tree over the kernel's `struct rb_root`,
 * ordered by a key member of T compared with `<`: an element embeds its
 * `struct rb_node`, so inserting and removing never allocate, and the tree
 * never owns its elements. Balancing is the kernel's own (rb_insert_color(),
 * rb_erase()).
 *
 *	struct Item {
 *		int key;
 *		struct rb_node node;
 *	};
 *	cxx::RbTree<Item, &Item::node, &Item::key> tree;
 *	tree.insert(a);			// false if the key is already there
 *	Item *it = tree.find(42);
 *	for (Item &i : tree)		// in key order
 *		...
 *
 * Do not remove the element a range-for loop stands on. The root does not
 * move (nodes do not point to it, but the caller's elements are linked into
 * it): neither copied nor moved.
 */
#ifndef _CXX_RBTREE_H
#define _CXX_RBTREE_H

#include <generated/cxx/bindings.h>
#include <cxx/utility.h>

namespace cxx {

namespace rbtree {
/* The type of the member a member pointer names. */
template <typename C, typename M> M member_type(M C::*);
} /* namespace rbtree */

/** class RbTree - elements of type T keyed by T::*Key, linked through T::*Node. */
template <typename T, struct rb_node T::*Node, auto Key> class RbTree {
public:
	using KeyType = decltype(rbtree::member_type(Key));

	RbTree() = default;
	RbTree(const RbTree &) = delete;
	RbTree &operator=(const RbTree &) = delete;

	/** The element a node belongs to. */
	static T *owner(const struct rb_node *n)
	{
		const size_t off = reinterpret_cast<size_t>(
			&(reinterpret_cast<T *>(4096)->*Node)) - 4096;
		return reinterpret_cast<T *>(reinterpret_cast<char *>(
			const_cast<struct rb_node *>(n)) - off);
	}

	/** class Iterator - walks the elements in key order. */
	class Iterator {
	public:
		explicit Iterator(struct rb_node *n) : n_(n) {}
		T &operator*() const { return *owner(n_); }
		T *operator->() const { return owner(n_); }
		Iterator &operator++()
		{
			n_ = ::rb_next(n_);
			return *this;
		}
		bool operator==(const Iterator &o) const { return n_ == o.n_; }

	private:
		struct rb_node *n_;
	};

	Iterator begin() const { return Iterator(::rb_first(&root_)); }
	Iterator end() const { return Iterator(nullptr); }

	/** empty() - no element. */
	[[nodiscard]] bool empty() const { return root_.rb_node == nullptr; }
	/** len() - count the elements (walks the tree). */
	[[nodiscard]] size_t len() const
	{
		size_t n = 0;
		for (struct rb_node *p = ::rb_first(&root_); p; p = ::rb_next(p))
			n++;
		return n;
	}

	/**
	 * insert() - link @item at the place of its key.
	 * Return: true, or false (and nothing linked) if an element with an
	 * equal key is in the tree.
	 */
	[[nodiscard]] bool insert(T &item)
	{
		struct rb_node **link = &root_.rb_node, *parent = nullptr;
		const KeyType &k = item.*Key;

		while (*link) {
			parent = *link;
			const KeyType &pk = owner(parent)->*Key;
			if (k < pk)
				link = &parent->rb_left;
			else if (pk < k)
				link = &parent->rb_right;
			else
				return false;
		}
		::rb_link_node(&(item.*Node), parent, link);
		::rb_insert_color(&(item.*Node), &root_);
		return true;
	}

	/** find() - the element whose key equals @k, or nullptr. */
	T *find(const KeyType &k) const
	{
		struct rb_node *n = root_.rb_node;

		while (n) {
			const KeyType &nk = owner(n)->*Key;
			if (k < nk)
				n = n->rb_left;
			else if (nk < k)
				n = n->rb_right;
			else
				return owner(n);
		}
		return nullptr;
	}

	/** remove() - unlink @item, which must be in this tree. */
	void remove(T &item)
	{
		struct rb_node *n = &(item.*Node);

		::rb_erase(n, &root_);
		/* RB_CLEAR_NODE(): the node is now linked nowhere. */
		n->__rb_parent_color = reinterpret_cast<unsigned long>(n);
	}

private:
	struct rb_root root_ = {};
};

} /* namespace cxx */

#endif /* _CXX_RBTREE_H */
