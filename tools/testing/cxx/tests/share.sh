# SPDX-License-Identifier: GPL-2.0
#
# share.sh - Out of tree, the bindings, their proofs, the runtime and the
# list's helpers are built once per kernel, into $CXX_SHARE/<key>/, and
# shared by every directory of C++ modules (scripts/Makefile.cxx).
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# share_of DIR - the share a built directory uses.
share_of() {
	readlink "$1/.cxx/share"
}

# new_dir DIR - a fresh directory with one C++ module, cxx_minimal.cpp.
new_dir() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "$samples/cxx_minimal.cpp" "$1/"
	printf 'obj-m += cxx_minimal.o\ninclude %s/scripts/Makefile.cxx\n' "${2:-$top}" >"$1/Kbuild"
}

# nothing_shared_built LOG SHARE - the build in LOG made nothing in SHARE.
nothing_shared_built() {
	hasnt "BINDGEN" "$1" && hasnt "PROOF" "$1" && hasnt " $2/" "$1"
}

# A second new directory uses the share the first made or found: it
# generates, proves and compiles nothing of it, and no file of the share is
# written. Its second module (share/cxx_share_inline.cpp) calls static
# inline functions no list names: their wrappers come from the share's
# inline_helpers.c, compiled into that module; it has a static constructor
# and links the share's ctors.o, its runner. make clean of a directory
# leaves the share, and its next build uses it again.
test_share_two_dirs() {
	local a=$out/share-a b=$out/share-b s n f
	new_dir "$a"
	new_dir "$b"
	cp "$here/share/cxx_share_inline.cpp" "$b/"
	sed -i '1a obj-m += cxx_share_inline.o' "$b/Kbuild"
	kmake "$a" >"$out/share-a.txt" 2>&1 || { tail -n 20 "$out/share-a.txt"; return 1; }
	s=$(share_of "$a")
	case $s in "$CXX_SHARE"/?*) ;; *) echo "share of $a: '$s', not in $CXX_SHARE"; return 1 ;; esac
	for f in include/generated/cxx/bindings.h bindings.proved inline_helpers.c runtime.a; do
		[ -f "$s/$f" ] || { echo "no $s/$f"; return 1; }
	done
	n=$(find "$s" -type f | wc -l)
	touch "$out/share-stamp"
	sleep 1
	kmake "$b" >"$out/share-b.txt" 2>&1 || { tail -n 20 "$out/share-b.txt"; return 1; }
	cat "$out/share-b.txt"
	[ "$(share_of "$b")" = "$s" ] || { echo "$b uses $(share_of "$b"), not $s"; return 1; }
	nothing_shared_built "$out/share-b.txt" "$s" && has "CXX [M]  $b/cxx_minimal.cxx.o" "$out/share-b.txt" &&
		[ -e "$b/cxx_minimal.ko" ] || return 1
	[ -z "$(find "$s" -newer "$out/share-stamp")" ] ||
		{ echo "written in the share:"; find "$s" -newer "$out/share-stamp"; return 1; }
	echo "second directory: nothing of $s made or written"
	has "#include \"$s/inline_helpers.c\"" "$b/cxx_share_inline.cxx-helpers.c" || return 1
	for f in list_is_singular ms_to_ktime ktime_to_ms; do
		nm "$b/cxx_share_inline.ko" | grep -qE " T cxx_helper_$f$" ||
			{ echo "no wrapper of $f in cxx_share_inline.ko"; return 1; }
	done
	nm "$b/cxx_share_inline.ko" | grep -E ' T cxx_run_ctors$' ||
		{ echo "cxx_share_inline.ko lacks the constructor runner of $s/ctors.o"; return 1; }
	kmake "$a" clean >/dev/null || return 1
	[ ! -e "$a/.cxx" ] && [ "$(find "$s" -type f | wc -l)" = "$n" ] ||
		{ echo "make clean: $a/.cxx left, or the share changed"; return 1; }
	kmake "$a" >"$out/share-a2.txt" 2>&1 && nothing_shared_built "$out/share-a2.txt" "$s" &&
		[ -e "$a/cxx_minimal.ko" ] && [ -z "$(find "$s" -newer "$out/share-stamp")" ]
}

# A changed kernel configuration or a changed layer gives a new share:
# against a writable copy of the kernel's build directory and of the layer,
# appending to include/config/auto.conf, then to a file of the layer
# (cxx/bindings_helpers.txt, a comment), regenerates and proves in a new
# share; undoing both (the files put back with their time stamps: make
# goes by time) takes the first share again, unchanged.
test_share_invalidation() {
	local k=$out/share-kdir l=$out/share-layer d=$out/share-inv s0 s1 s2 f
	rm -rf "$k" "$l"
	mkdir -p "$k" "$l"
	cp -a "$(readlink -f "$KDIR")/." "$k/" || return 1
	for f in scripts tools; do ln -sfn "$(readlink -f "$KDIR/$f")" "$k/$f"; done
	cp -a "$top/cxx" "$top/include" "$top/scripts" "$l/" || return 1
	new_dir "$d" "$l"
	inv_build() { make -C "$k" M="$d" >"$out/share-inv-$1.txt" 2>&1 ||
		{ tail -n 20 "$out/share-inv-$1.txt"; return 1; }; }
	inv_build 0 && s0=$(share_of "$d") || return 1
	cp -p "$k/include/config/auto.conf" "$out/share-auto.conf"
	echo 'CONFIG_CXX_SHARE_TEST=y' >>"$k/include/config/auto.conf"
	inv_build config && s1=$(share_of "$d") || return 1
	[ "$s1" != "$s0" ] && has "BINDGEN $s1/" "$out/share-inv-config.txt" &&
		has "PROOF   $s1/" "$out/share-inv-config.txt" &&
		has "CXX [M]  $d/cxx_minimal.cxx.o" "$out/share-inv-config.txt" ||
		{ echo "a changed auto.conf did not give a new share"; return 1; }
	echo "config changed: $s0 -> $s1, regenerated and proved"
	cp -p "$out/share-auto.conf" "$k/include/config/auto.conf"
	echo '# a change of the layer' >>"$l/cxx/bindings_helpers.txt"
	inv_build layer && s2=$(share_of "$d") || return 1
	[ "$s2" != "$s0" ] && [ "$s2" != "$s1" ] && has "BINDGEN $s2/" "$out/share-inv-layer.txt" ||
		{ echo "a changed layer file did not give a new share"; return 1; }
	echo "layer changed: $s0 -> $s2, regenerated"
	cp -p "$top/cxx/bindings_helpers.txt" "$l/cxx/"
	touch "$out/share-stamp"
	sleep 1
	inv_build back && [ "$(share_of "$d")" = "$s0" ] &&
		nothing_shared_built "$out/share-inv-back.txt" "$s0" &&
		[ -z "$(find "$s0" -newer "$out/share-stamp")" ] || return 1
	echo "both undone: $s0 again, unchanged"
}

# Two directories built at the same time against the same kernel, from an
# empty share: both build, the share is made once (one BINDGEN), and both
# use it.
test_share_concurrent() {
	local p=$out/share-par d pids=() n
	rm -rf "$p"
	for d in 1 2; do
		new_dir "$out/share-par$d"
		CXX_SHARE=$p kmake "$out/share-par$d" >"$out/share-par$d.txt" 2>&1 &
		pids+=($!)
	done
	wait "${pids[0]}" && wait "${pids[1]}" || { tail -n 20 "$out"/share-par?.txt; return 1; }
	n=$(cat "$out"/share-par?.txt | grep -c "BINDGEN $p/")
	[ "$n" = 1 ] || { echo "BINDGEN $n times"; return 1; }
	[ "$(share_of "$out/share-par1")" = "$(share_of "$out/share-par2")" ] &&
		[ -e "$out/share-par1/cxx_minimal.ko" ] && [ -e "$out/share-par2/cxx_minimal.ko" ]
}

# Tests, in order.
t share_two_directories_one_build test_share_two_dirs
t share_invalidated_by_config_and_layer test_share_invalidation
t share_concurrent_from_empty test_share_concurrent
