# SPDX-License-Identifier: GPL-2.0
#
# guest.sh - Debian's kernel in QEMU: the out-of-tree template, exports, then one
# boot (guest_tests.sh) and what every sample and test module did there.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# In QEMU

# The whole scenario ran, and the kernel reported nothing and is tainted by
# at most O and E. On 4 CPUs, so that a missing lock can lose an increment
# (miscdev_hammer, hammer_lock).
# slub_debug=Z red-zones the kmalloc caches whose objects are no power of
# two, where only kmalloc()'s minimum alignment holds (test_aligned).
slub_redzone="slub_debug=Z,kmalloc-96,kmalloc-192"
test_qemu_boot() {
	"$here/qemu/boot.sh" --smp 4 --timeout 600 --scenario "$here/guest_tests.sh" \
		--append "$slub_redzone" \
		--log "$out/guest.log" "$samples"/*.ko "$tmods"/*.ko "$out/miscdev_test" \
		"$here/guest_hammer.sh" "$out/miscdev_test32" "$out/devlife_test" \
		"$out/api_test" "$out/cxx_out_of_tree.ko" "$out/cxx_export_v2.ko"
}

# Out of tree, a kernel or toolchain the layer cannot serve is named before
# anything is compiled, and nothing is built: a clang-built kernel and a
# non-x86_64 one (their configuration given on the command line, as
# auto.conf would have it), a missing g++ and one too old for C++20 (a
# wrapper that reports version 10).
test_out_of_tree_unsupported() {
	local d=$out/unsupported rc=0 args expect
	rm -rf "$d"
	mkdir -p "$d/bin"
	cp "$samples/cxx_minimal.cpp" "$d/"
	printf 'obj-m += cxx_minimal.o\ninclude %s/scripts/Makefile.cxx\n' "$top" >"$d/Kbuild"
	printf '#!/bin/sh\n[ "$1" = -dumpversion ] && { echo 10.2.0; exit 0; }\nexec g++ "$@"\n' \
		>"$d/bin/g++"
	chmod +x "$d/bin/g++"
	while IFS='|' read -r args expect; do
		# shellcheck disable=SC2086
		if kmake "$d" $args >"$d/out.txt" 2>&1; then
			echo "built with $args"
			rc=1
		fi
		grep -F -- "$expect" "$d/out.txt" || { echo "$args: no '$expect'"; cat "$d/out.txt"; rc=1; }
		if ls "$d"/*.ko 2>/dev/null; then
			echo "$args: a module was built"
			rc=1
		fi
	done <<-EOF
	CONFIG_CC_IS_CLANG=y|C++ for Linux: kernel $KVER was built with clang
	CONFIG_X86_64= CONFIG_64BIT=|C++ for Linux: kernel $KVER is for x86, 32-bit; only x86_64 and arm64 are supported
	CXX=$d/bin/none|*** C++ compiler '$d/bin/none' could not be found.
	CXX=$d/bin/g++|*** C++ compiler '$d/bin/g++' is too old.
	EOF
	return $rc
}

# A C++ module's exports are versioned as C's under CONFIG_MODVERSIONS
# (Debian's kernel has it): cxx_export (modules/export_main.cpp, exported
# by export_syms.c) rebuilt with another signature (CXX_EXPORT_V2) exports
# the same name under another version; qemu_exports_versioned loads it
# under the callers built against the first.
test_export_versions() {
	local d=$out/export_v2 v1 v2
	rm -rf "$d"
	mkdir -p "$d"
	cp "$tmods"/export_main.cpp "$tmods"/export_syms.c "$tmods"/cxx_export.h "$d"/
	cat >"$d/Kbuild" <<-EOF
	obj-m += cxx_export.o
	cxx_export-y := export_main.o export_syms.o
	ccflags-y += -DCXX_EXPORT_V2
	include $top/scripts/Makefile.cxx
	EOF
	kmake "$d" >"$out/build-export-v2.txt" 2>&1 ||
		{ cat "$out/build-export-v2.txt"; return 1; }
	cp "$d/cxx_export.ko" "$out/cxx_export_v2.ko"
	v1=$(awk '$2 == "cxx_export_add" { print $1 }' "$tmods/Module.symvers")
	v2=$(awk '$2 == "cxx_export_add" { print $1 }' "$d/Module.symvers")
	echo "cxx_export_add: version $v1; with the new signature, $v2"
	[ -n "$v1" ] && [ -n "$v2" ] && [ "$v1" != "$v2" ] && [ "$v1" != 0x00000000 ]
}

# C and C++ modules call the C++ export; against the exporter with another
# signature they fail to load (EINVAL, the kernel's version message) and
# leave nothing loaded, rather than call it.
test_exports_in_guest() {
	local s
	s=$(step exports)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 8 ] && [ "$(grep -c '^@@@ rc 22$' "$s")" = 2 ] &&
		has "c_export_user: C calls C++: 2 + 3 = 5 (call 1)" "$s" &&
		has "cxx_export_user: C++ calls C++: 40 + 2 = 42 (call 2)" "$s" &&
		has "cxx_export: exit after 2 calls" "$s" &&
		has "c_export_user: disagrees about version of symbol cxx_export_add" "$s" &&
		has "cxx_export_user: disagrees about version of symbol cxx_export_add" "$s" &&
		has "can't insert 'c_export_user.ko': Invalid argument" "$s" &&
		has "users loaded=0" "$s" &&
		has "cxx_export: exit after 0 calls" "$s"
}

# samples/cxx/cxx_out_of_tree is a template: copied anywhere, it builds
# with its own Makefile given where C++ for Linux is, and says so if not.
test_out_of_tree_template() {
	local tmp d rc=0
	tmp=$(mktemp -d)
	d=$tmp/my_module
	cp -r "$samples/cxx_out_of_tree" "$d"
	rm -f "$out/cxx_out_of_tree.ko"
	if make -C "$d" KDIR="$KDIR" >"$out/oot-nopath.txt" 2>&1; then
		echo "built without CXX_FOR_LINUX"
		rc=1
	elif has "pass CXX_FOR_LINUX=<the C++ for Linux tree>" "$out/oot-nopath.txt" &&
		make -C "$d" KDIR="$KDIR" CXX_FOR_LINUX="$top" &&
		[ "$(modinfo -F name "$d/cxx_out_of_tree.ko")" = cxx_out_of_tree ] &&
		has "greeting_count:How many times to greet (int)" <(modinfo "$d/cxx_out_of_tree.ko"); then
		cp "$d/cxx_out_of_tree.ko" "$out/"
	else
		rc=1
	fi
	rm -rf "$tmp"
	return $rc
}

# The user-space half of the device tests: static C programs, and
# miscdev_test once more as a 32-bit program (compat ioctl).
test_build_user_tests() {
	gcc -static -O2 -Wall -Wextra -Werror -o "$out/miscdev_test" "$here/user/miscdev_test.c" &&
		gcc -m32 -static -O2 -Wall -Wextra -Werror -o "$out/miscdev_test32" \
			"$here/user/miscdev_test.c" &&
		gcc -static -O2 -Wall -Wextra -Werror -o "$out/devlife_test" "$here/user/devlife_test.c" &&
		gcc -static -O2 -Wall -Wextra -Werror -o "$out/api_test" "$here/user/api_test.c" &&
		gcc -static -O2 -Wall -Wextra -Werror -o "$out/edu_test" "$here/user/edu_test.c"
}

test_minimal() {
	local s
	s=$(step minimal_load)
	has "@@@ rc 0" "$s" &&
		has "cxx_minimal: C++ minimal sample (init)" "$s" &&
		has "cxx_minimal: Am I built-in? false" "$s" || return 1
	s=$(step minimal_unload)
	has "@@@ rc 0" "$s" &&
		has "cxx_minimal: My numbers are [72, 108, 200]" "$s" &&
		has "cxx_minimal: C++ minimal sample (exit)" "$s" || return 1
	# Order: numbers before (exit).
	grep -A1 'My numbers are' "$s" | grep -qF '(exit)'
}

test_params_invalid() {
	local s
	s=$(step params_bad_int)
	has "Invalid argument" "$s" && hasnt "@@@ rc 0" "$s" &&
		has "loaded=0" "$s" && has "sysfs=absent" "$s" &&
		has "invalid for parameter \`my_int'" "$s"
}

test_params_values() {
	local s
	s=$(step params_values)
	has "@@@ rc 0" "$s" &&
		has "sysfs my_int=-7" "$s" && has "sysfs my_charp=hello" "$s" &&
		has "sysfs my_array=1,2,3" "$s" && has "sysfs my_bool=Y" "$s" &&
		has "sysfs my_hexint=0x0000ff" "$s" &&
		has "cxx_params: my_int=-7" "$s" &&
		has "cxx_params: my_charp=hello" "$s" &&
		has "cxx_params: my_array=[1,2,3]" "$s" &&
		has "cxx_params: my_ullong=128" "$s"
}

test_params_sysfs_write() {
	local s
	s=$(step params_sysfs_write)
	[ "$(grep -c '@@@ rc 0' "$s")" = 3 ] || { echo "a write or rmmod failed"; return 1; }
	has "Parameters (exit):" "$s" &&
		grep -A20 'Parameters (exit):' "$s" | grep -qF "cxx_params: my_int=99" &&
		grep -A20 'Parameters (exit):' "$s" | grep -qF "cxx_params: my_charp=world" &&
		has "loaded=0" "$s"
}

test_params_too_many() {
	local s
	s=$(step params_too_many)
	has "Invalid argument" "$s" && hasnt "@@@ rc 0" "$s" && has "loaded=0" "$s" &&
		has "can only take 4 arguments" "$s"
}

test_params_defaults() {
	local s
	s=$(step params_defaults)
	has "cxx_params: my_int=42" "$s" && has "cxx_params: my_charp=default" "$s" &&
		has "cxx_params: my_array=[1,2]" "$s" &&
		has "cxx_params: my_bool=1 my_invbool=0" "$s" &&
		has "cxx_params: my_short=-16 my_ushort=16" "$s" &&
		has "cxx_params: my_long=-64 my_ulong=64" "$s"
}

test_lifetime_order() {
	local s
	s=$(step lifetime_ok)
	diff <(klines "$s" cxx_lifetime) - <<-'EOF'
	construct global first
	construct global second
	construct function-local static
	init (fail=0)
	exit
	destroy function-local static
	destroy global second
	destroy global first
	EOF
}

# busybox insmod tries finit_module(), then init_module(): each attempt must
# construct, fail and destroy everything, so the log holds the block 1 or 2
# times.
# What cxx_lifetime prints when its init fails with -ENODEV.
lifetime_fail_lines() {
	printf '%s\n' "construct global first" "construct global second" \
		"construct function-local static" "init (fail=19)" \
		"destroy function-local static" "destroy global second" \
		"destroy global first"
}

test_lifetime_init_error() {
	local s
	s=$(step lifetime_fail)
	has "No such device" "$s" && has "loaded=0" "$s" || return 1
	klines "$s" cxx_lifetime | awk '!seen[$0]++' >"$out/lifetime-fail.txt"
	[ $(($(klines "$s" cxx_lifetime | wc -l) % 7)) = 0 ] || return 1
	diff "$out/lifetime-fail.txt" <(lifetime_fail_lines)
}

test_print() {
	local s lvl
	s=$(step print)
	for lvl in "Emergency message (level 0)" "Alert message (level 1)" \
		"Critical message (level 2)" "Error message (level 3)" \
		"Warning message (level 4)" "Notice message (level 5)" \
		"Info message (level 6)"; do
		has "cxx_print: $lvl without args" "$s" &&
			has "cxx_print: $lvl with args" "$s" || return 1
	done
	has "cxx_print: A line that is continued without args" "$s" &&
		has "cxx_print: A line that is continued with args" "$s" &&
		has "cxx_print: s8=-8 u8=8 s16=-16 u16=16" "$s" &&
		has "cxx_print: s32=-32 u32=32 s64=-64 u64=64" "$s" &&
		has "cxx_print: long=-1 ulong=1 size=1 hex=0xc0ffee" "$s" &&
		has "cxx_print: error -EINVAL" "$s" &&
		has "cxx_print: C++ printing macros sample (exit)" "$s" &&
		grep -E "cxx_print: hashed pointer [0-9a-f]{16}, symbol _ZN8CxxPrint4init" "$s"
}

test_runtime() {
	local s
	s=$(step runtime)
	has "@@@ rc 0" "$s" && has "cxx_runtime: runtime tests done: 0 failed" "$s" &&
		[ "$(grep -c 'cxx_runtime: ok ' "$s")" -ge 44 ] && hasnt "FAIL" "$s"
}

test_mixed_in_guest() {
	local s
	s=$(step mixed)
	has "cxx_mixed: C helper called from C++" "$s" &&
		has "cxx_mixed: C says 2 + 3 = 5" "$s" && has "cxx_mixed: mixed exit" "$s"
}

# A module that uses the generated bindings directly: kzalloc, a list_head
# list, a mutex, jiffies; and C (gcc) and C++ agree on bitfields, an
# anonymous union and fields named with C++ keywords, both ways.
test_bindings_in_guest() {
	local s
	s=$(step bindings)
	has "@@@ rc 0" "$s" && has "cxx_bindings: bindings tests done: 0 failed" "$s" &&
		has "cxx_bindings: list: 10 items, sum of squares 385" "$s" &&
		has "cxx_bindings: C reads what C++ wrote: 0x1f" "$s" &&
		grep -E "cxx_bindings: jiffies advanced by [1-9][0-9]* over msleep" "$s" &&
		[ "$(grep -c 'cxx_bindings: ok ' "$s")" -ge 13 ] && hasnt "FAIL" "$s"
}

# A kernel thread fed through Mutex + CondVar, with RwSemaphore, SpinLock
# and Arc: all ten items processed (sum of 2 * (1..10)), two references
# while the thread runs, one after it stopped; no thread left behind.
test_sync() {
	local s
	s=$(step sync)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] &&
		has "cxx_sync: worker processed 10 items, sum 110, 2 references" "$s" &&
		has "cxx_sync: worker exits" "$s" &&
		has "cxx_sync: worker stopped; 1 reference left" "$s" &&
		[ "$(grep '^threads=' "$s" | tr '\n' ' ')" = "threads=1 threads=0 " ]
}

# CondVar::wait_interruptible() (cxx_condvar.cpp): a signal to the waiter
# notify_one() chose does not lose the notify (that waiter takes the event);
# a waiter woken by a signal before the notify is passed over (the next
# takes it).
test_condvar_signal() {
	local s
	s=$(step condvar_signal)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] || return 1
	klines "$s" cxx_condvar | grep '^round ' | diff - <(printf '%s\n' \
		"round notify-then-signal: consumed by A, A interrupted=0, B woke=0" \
		"round signal-then-notify: consumed by B, A interrupted=1, B woke=1")
}

# container_of, read_once/write_once, the wait_event family and the locks
# defined at namespace scope (forms.cpp): each check, and each wait_event
# return value C gives (time left, 0, 1, -ERESTARTSYS); the C++ locks hold
# the bytes of their C twins' initialisers (forms_twin.c).
forms_checks() {
	local s=$1 c
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] && hasnt "FAIL" "$s" &&
		has "cxx_forms: forms tests done: 0 failed" "$s" || return 1
	for c in "container_of: ok (7)" "read_once/write_once: ok (255)" \
		"static mutex bytes: ok (0)" "static spinlock bytes: ok (0)" \
		"static wait queue bytes: ok (0)" "static locks used: ok (42)" \
		"wait_event woken: ok (1)" "interruptible woken: ok (0)" \
		"timeout: ok (0)" "interruptible_timeout timeout: ok (0)" \
		"true at timeout: ok (1)" "true at once: ok (7)" \
		"true at once, no time: ok (1)" "signal: ok (-512)" \
		"signal, condition true: ok (0)" "exclusive: one woken: ok (2)" \
		"exclusive: the other next: ok (0)"; do
		has "cxx_forms: $c" "$s" || return 1
	done
	grep -E "cxx_forms: interruptible_timeout woken: ok \([1-9][0-9]*\)" "$s"
}
test_forms() {
	forms_checks "$(step forms)"
}

# Types aligned to 16, 32 and 64 from Box, Arc, Vec, new and new[]: every
# address aligned, in red-zoned kmalloc caches (checked: else any address
# could pass), and no allocation failed.
test_aligned() {
	local s
	s=$(step aligned)
	cat "$s"
	has "kmalloc-96 red_zone=1" "$s" && has "kmalloc-192 red_zone=1" "$s" &&
		[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] && hasnt "FAIL" "$s" || return 1
	for path in Box Arc Vec new 'new\[\]'; do
		[ "$(grep -cE "cxx_aligned: $path alignof=(16|32|64) sizeof=[0-9]+: [1-9][0-9]* allocations, 0 misaligned$" "$s")" = 6 ] ||
			{ echo "$path: not 6 types without misaligned allocations"; return 1; }
	done
	grep -E "cxx_aligned: aligned: [1-9][0-9]* allocations, 0 misaligned$" "$s"
}

# The API a scull-class driver needs (cxx_api.cpp): its 28 checks at init
# (BoxSlice, Vec::try_resize, BoxList ownership, capable(), param
# set_str()/write()/set()) pass and free every counted object; lseek()
# through seek_fixed_size(), seek_default() and seek_none(), and
# SET_QUANTUM refused to an unprivileged process, from user space
# (api_test); the value SET_QUANTUM set shows in sysfs, a sysfs write of
# text that is no int fails and leaves it. /dev/cxx_api_shared's open
# files hold one reference each to the device's state (Arc file objects):
# 2, 3, 4 references for three opens, 2 again after closing them, and the
# device's alone at exit.
# api_ok STEP RCS - the step's exit codes were RCS ("@@@ rc 0|..."), every
# check of cxx_api and api_test passed, and cxx_api unloaded with the
# quantum api_test set and no counted object alive.
api_ok() {
	[ "$(grep '^@@@ rc' "$1" | tr '\n' '|')" = "$2" ] ||
		{ echo "unexpected exit codes"; return 1; }
	has "cxx_api: api tests done: 0 failed" "$1" && hasnt "FAIL" "$1" &&
		[ "$(grep -c 'cxx_api: ok ' "$1")" = 28 ] &&
		has "api_test: 0 failed" "$1" && [ "$(grep -c '^ok ' "$1")" = 27 ] &&
		has "cxx_api: quantum=123 at exit, 0 counted objects alive, 1 shared references" "$1" &&
		has "loaded=0" "$1"
}
test_api() {
	local s
	s=$(step api)
	cat "$s"
	api_ok "$s" "@@@ rc 0|@@@ rc 0|@@@ rc 1|@@@ rc 0|" &&
		[ "$(grep '^quantum=' "$s" | tr '\n' ' ')" = "quantum=4000 quantum=123 quantum=123 " ]
}

# Two minors of one character device: each open is counted per minor,
# writing (no write()) fails, and unloading releases the region.
test_chrdev() {
	local s major
	s=$(step chrdev)
	cat "$s"
	major=$(sed -n 's/^major=\([0-9][0-9]*\)$/\1/p' "$s")
	[ -n "$major" ] &&
		has "cxx_chrdev: registered major $major, minors 0..1" "$s" &&
		[ "$(grep '^minor ' "$s" | tr '\n' '|')" = "minor 0, open 1|minor 0, open 2|minor 1, open 1|" ] &&
		has "Invalid argument" "$s" &&
		[ "$(grep '^@@@ rc' "$s" | tr '\n' '|')" = "@@@ rc 0|@@@ rc 1|@@@ rc 0|" ] &&
		has "region=0" "$s"
}

# A Chrdev and a MiscDevice destroyed while files are open on them: the
# files still read their Shared state, which goes only at the last close
# (after "devices destroyed"), and the module unloads. On the debug kernel
# KASAN judges too (debug_devices_destroyed_with_open_files).
devlife_ok() {
	local s=$1
	has "devlife_test: 0 failed" "$s" && ! grep '^FAIL ' "$s" &&
		[ "$(grep '^@@@ rc' "$s" | tr '\n' '|')" = "@@@ rc 0|@@@ rc 0|@@@ rc 0|" ] &&
		has "ok the region is gone from /proc/devices" "$s" && has "loaded=0" "$s" &&
		! grep -E 'BUG: KASAN|WARNING:|refcount_t:' "$s" &&
		[ "$(grep -o 'cxx_devlife: .*\(destroyed\|freed\)$' "$s" | tr '\n' '|')" = \
			"cxx_devlife: devices destroyed|cxx_devlife: cxx_devlife_chr: shared state freed|cxx_devlife: cxx_devlife_misc: shared state freed|" ]
}
test_devlife() {
	local s
	s=$(step devlife)
	cat "$s"
	devlife_ok "$s"
}

# The out-of-tree template loads, takes its parameter, frees at unload.
# The module of inline_helpers_on_demand, loaded and unloaded on Debian's
# kernel in a boot of its own: every on-demand helper computes what C does,
# its debugfs file reads back, and the log is clean.
test_inline_helpers_in_guest() {
	local scenario=$out/inline_helpers.sh log=$out/inline-helpers-guest.log
	printf '%s\n' 'insmod cxx_inline.ko; echo "@@@ rc $?"' \
		'mount -t debugfs none /sys/kernel/debug 2>/dev/null' \
		'echo "@@@ xul $(cat /sys/kernel/debug/cxx_inline/xul)"' \
		'rmmod cxx_inline; echo "@@@ rc $?"' 'dmesg' >"$scenario"
	"$here/qemu/boot.sh" --timeout 300 --scenario "$scenario" --log "$log" \
		"$here/extbind/inline/cxx_inline.ko" || return 1
	has "cxx_inline: inline helpers: 0 checks failed" "$log" &&
		[ "$(sed -n '/CXX-BENCH: dmesg begin/,$p' "$log" | grep -c 'cxx_inline: unloaded')" = 1 ] &&
		has "@@@ xul 0x000000000000001f" "$log" &&
		[ "$(grep -c '@@@ rc 0' "$log")" = 2 ] && hasnt "FAIL" "$log"
}

test_out_of_tree_in_guest() {
	local s
	s=$(step out_of_tree)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] &&
		has "cxx_out_of_tree: Hello from an out-of-tree C++ module (2/2)" "$s" &&
		has "cxx_out_of_tree: Goodbye: 3 numbers freed" "$s"
}

# What each module prints once per load (init) and once per unload (exit),
# as extended regular expressions: module, init line, exit line (tabs).
cycle_lines() {
	cat <<-'EOF'
	cxx_minimal	C\+\+ minimal sample \(init\)	C\+\+ minimal sample \(exit\)
	cxx_print	C\+\+ printing macros sample \(init\)	C\+\+ printing macros sample \(exit\)
	cxx_params	C\+\+ module parameters sample \(init\)	C\+\+ module parameters sample \(exit\)
	cxx_sync	worker processed 10 items, sum 110, 2 references	worker stopped; 1 reference left
	cxx_chrdev	registered major [0-9]+, minors 0\.\.1	unregistering major [0-9]+
	cxx_lifetime	init \(fail=0\)	exit
	cxx_runtime	runtime tests done: 0 failed	runtime exit
	cxx_mixed	C says 2 \+ 3 = 5	mixed exit
	cxx_bindings	bindings tests done: 0 failed	bindings exit
	EOF
}

# cycles_counted STEPFILE N - the step announced N load/unload cycles per
# module, and the kernel log holds each module's init line and exit line
# exactly N times.
cycles_counted() {
	local s=$1 n=$2 m init exit i e bad=0 pre='^\[[^]]*\] (\[ *[CT][0-9]+\] )?'
	has "cycles=$n" "$s" || return 1
	while IFS=$'\t' read -r m init exit; do
		i=$(grep -cE "$pre$m: $init\$" "$s")
		e=$(grep -cE "$pre$m: $exit\$" "$s")
		echo "$m: $n cycles, $i init lines, $e exit lines"
		[ "$i" = "$n" ] && [ "$e" = "$n" ] || bad=1
	done < <(cycle_lines)
	return $bad
}

# Every sample and test module loaded and unloaded 20 times, each time
# printing its init and exit lines; nothing left loaded at the end.
test_cycles() {
	local s
	s=$(step cycles)
	cycles_counted "$s" 20 && has "cycle failures=0" "$s" &&
		has "cxx modules loaded=0" "$(step final)"
}

# Tests, in order.
t out_of_tree_template test_out_of_tree_template
t out_of_tree_names_unsupported test_out_of_tree_unsupported
t build_user_tests test_build_user_tests
t export_versioned_like_c test_export_versions
t qemu_boot_clean test_qemu_boot
t qemu_minimal_messages test_minimal
t qemu_params_invalid_int test_params_invalid
t qemu_params_values test_params_values
t qemu_params_sysfs_write test_params_sysfs_write
t qemu_params_too_many_elements test_params_too_many
t qemu_params_defaults test_params_defaults
t qemu_static_objects_order test_lifetime_order
t qemu_init_error_leaves_nothing test_lifetime_init_error
t qemu_print test_print
t qemu_runtime test_runtime
t qemu_mixed_module test_mixed_in_guest
t qemu_generated_bindings_module test_bindings_in_guest
t qemu_inline_helpers_module test_inline_helpers_in_guest
t qemu_load_unload_cycles test_cycles
t qemu_sync_kthread test_sync
t qemu_condvar_signal_keeps_notify test_condvar_signal
t qemu_forms_wait_event_static_locks test_forms
t qemu_over_aligned_allocations test_aligned
t qemu_chrdev_two_minors test_chrdev
t qemu_devices_destroyed_with_open_files test_devlife
t qemu_api_buffer_list_seek_capable_param test_api
t qemu_out_of_tree_template test_out_of_tree_in_guest
t qemu_exports_versioned test_exports_in_guest
