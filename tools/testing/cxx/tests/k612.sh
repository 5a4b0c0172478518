# SPDX-License-Identifier: GPL-2.0
#
# k612.sh - Debian's 6.12 kernel (IBT, BTF), out of tree: built and booted once;
# objtool warnings on 6.1 and 6.12.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# The 6.12 kernel, named by its version in qemu/kernel.sh (not "the newest").
eval "$("$here/qemu/kernel.sh" 6.12 | sed 's/^/K612_/')" || exit 1
k612=$out/k612

# no_objtool_warnings LOG... - objtool said nothing about any object: with
# CONFIG_X86_KERNEL_IBT a warning such as "init_module(): not an indirect
# call target" means a sealed ENDBR, a fault on an IBT CPU, which QEMU's
# TCG does not have: the build is the only place to catch it.
test_no_objtool_warnings() {
	local f
	for f in "$@"; do
		[ -s "$f" ] || { echo "no build log $f"; return 1; }
	done
	! grep -E 'objtool: .*(warning|error)|warning: objtool' "$@"
}

# The samples and the test modules, built with the plain command against
# 6.12's headers, from copies (an M= build writes its objects beside the
# sources; the 6.1 products stay). Each .ko kept the BTF of its C parts.
test_k612_build() {
	local d ko n=0
	rm -rf "$k612"
	mkdir -p "$k612/samples" "$k612/tmods"
	cp "$samples"/*.cpp "$samples/Kbuild" "$k612/samples/"
	cp "$tmods"/*.cpp "$tmods"/*.c "$tmods"/*.h "$tmods/Kbuild" "$k612/tmods/"
	for d in samples tmods; do
		make -C "$K612_KDIR" M="$k612/$d" CXX_FOR_LINUX="$top" \
			>"$k612/build-$d.txt" 2>&1 || { cat "$k612/build-$d.txt"; return 1; }
	done
	for ko in "$k612"/samples/*.ko "$k612"/tmods/*.ko; do
		readelf -SW "$ko" | grep -qF ' .BTF ' || { echo "${ko##*/}: no .BTF"; return 1; }
		n=$((n + 1))
	done
	echo "$n modules for $K612_KVER, each with .BTF"
	[ "$n" = $(($(ls "$samples"/*.cpp | wc -l) + $(grep -c "^obj-m" "$tmods/Kbuild"))) ]
}

test_k612_boot() {
	"$here/qemu/boot.sh" --timeout 600 --kernel "$K612_VMLINUZ" \
		--scenario "$here/guest_612.sh" --log "$out/k612.log" \
		"$k612"/samples/*.ko "$k612"/tmods/*.ko
}

# Every module loaded, said what it says on 6.1, and unloaded.
test_k612_messages() {
	local m s
	for m in cxx_minimal cxx_print cxx_params cxx_miscdev cxx_sync cxx_chrdev \
		cxx_lifetime cxx_runtime cxx_mixed cxx_bindings; do
		s=$(log=$out/k612.log step "$m")
		[ "$(grep -c '^@@@ rc 0$' "$s")" -ge 2 ] && ! grep -E '^@@@ rc [1-9]' "$s" &&
			has "loaded=0" "$s" || { echo "$m: load or unload failed"; cat "$s"; return 1; }
	done
	s=$out/k612.log
	has "cxx_minimal: My numbers are [72, 108, 200]" "$s" &&
		has "cxx_print: C++ printing macros sample (exit)" "$s" &&
		has "cxx_params: my_int=42" "$s" &&
		has "misc cxx_miscdev: registered /dev/cxx_miscdev" "$s" &&
		grep -A1 -x '@@@ step cxx_miscdev' "$s" | grep -qx '@@@ rc 0' &&
		grep -A2 -x '@@@ step cxx_miscdev' "$s" | grep -qx 42 &&
		has "cxx_miscdev: deregistering /dev/cxx_miscdev" "$s" &&
		has "cxx_sync: worker processed 10 items, sum 110" "$s" &&
		grep -E "cxx_chrdev: registered major [0-9]+, minors 0\.\.1" "$s" &&
		[ "$(klines "$(log=$s step cxx_lifetime)" cxx_lifetime | tr '\n' '|')" = \
			"$(lifetime_fail_lines | sed 's/^init (fail=19)$/init (fail=0)\nexit/' |
			tr '\n' '|')" ] &&
		has "cxx_runtime: runtime tests done: 0 failed" "$s" &&
		has "cxx_mixed: C says 2 + 3 = 5" "$s" &&
		has "cxx_bindings: bindings tests done: 0 failed" "$s" &&
		[ "$(grep -c '^@@@ rc 0$' "$(log=$s step exports)")" = 6 ] &&
		has "c_export_user: C calls C++: 2 + 3 = 5 (call 1)" "$s" &&
		has "cxx_export_user: C++ calls C++: 40 + 2 = 42 (call 2)" "$s" &&
		has "cxx_export: exit after 2 calls" "$s" &&
		has "cxx modules loaded=0" "$(log=$s step final)"
}

# Tests, in order.
t objtool_no_warnings_6_1 test_no_objtool_warnings "$out/build-samples.txt" "$out/build-tmods.txt"
t k612_build_out_of_tree test_k612_build
t k612_objtool_no_warnings test_no_objtool_warnings "$k612/build-samples.txt" "$k612/build-tmods.txt"
t k612_boot_clean test_k612_boot
t k612_samples_load_unload test_k612_messages
