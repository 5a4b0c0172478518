# SPDX-License-Identifier: GPL-2.0
#
# debug.sh - On the debug kernel (KASAN, kmemleak, lockdep, UBSAN, failslab,
# KUnit): one boot (guest_debug.sh) and the detectors.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

test_build_debug_kernel() {
	"$here/kernel/build.sh" debug >"$out/debug-kernel.env"
}

# The test modules, built out of tree against the debug kernel: they use
# its C++ runtime (CONFIG_CXX=y) instead of a copy of their own.
test_build_tmods_for_debug() {
	local d=$out/tmods-debug
	rm -rf "$d"
	mkdir -p "$d"
	cp "$tmods"/*.cpp "$tmods"/*.c "$tmods"/*.h "$tmods"/Kbuild "$d/"
	(
		. "$out/debug-kernel.env"
		make -C "$KBUILD" M="$d" CXX_FOR_LINUX="$top" W=1 CC="$KCC"
	) || return 1
	if nm --defined-only "$d/cxx_runtime.ko" | grep -E ' [TtWw] (_Znwm|cxx_run_ctors)$'; then
		echo "the module carries its own runtime"
		return 1
	fi
}

# The one-call module loader the debug scenario uses (see finit.c).
test_build_finit() {
	gcc -static -O2 -Wall -Wextra -o "$out/finit" "$here/finit.c"
}

# The whole kernel log goes to the serial port (about 1 MB), and the debug
# kernel is SMP, preemptible and lock-checked: its boot reached the misc
# device step at guest time 1068 s on a 2-core host, so the timeout leaves
# room for the rest.
# The failslab sweep fails the slab allocation of the loader's vmalloc()
# of the module file, and vmalloc says so with a backtrace: expected.
failslab_vmalloc='finit: vmalloc error: size [0-9]+, vm_struct allocation failed'
test_boot_debug_kernel() {
	(
		. "$out/debug-kernel.env"
		"$here/qemu/boot.sh" --timeout 2700 --kernel "$KIMAGE" \
			--tree "$STAGING" --gen-init-cpio "$GEN_INIT_CPIO" \
			--allow-taint N --expect "$failslab_vmalloc" \
			--scenario "$here/guest_debug.sh" --log "$out/debug.log" \
			"$KBUILD"/samples/cxx/*.ko "$out"/tmods-debug/*.ko "$out/finit" \
			"$out/miscdev_test" "$out/devlife_test" "$out/api_test" \
			"$here/guest_services.sh"
	) || { first_report "$out/debug.log"; return 1; }
}

# first_report LOG - the first kernel report of LOG with the step it came
# in and its first lines (where it happened, the top of its backtrace):
# the last lines of a failed test's output, which is what a CI log keeps.
first_report() {
	awk '/^@@@ step / { step = $0 }
		!n && /(^|[] ])(BUG|WARNING|UBSAN|Oops|general protection)[: ]/ {
			print "first report, after \"" step "\":"; n = 1 }
		n && n++ <= 22' "$1"
}

dstep() { log=$out/debug.log step "$1"; }

# The misc device on the debug kernel: behaviour, 8 processes on its mutex
# (lockdep judges), random syscalls (KASAN judges), 300 cycles (kmemleak,
# in kmemleak_clean_after_last_rmmod, judges).
test_debug_miscdev() {
	local s
	s=$(dstep miscdev)
	cat "$s" | grep -v '^ok '
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 5 ] &&
		grep -E "hammer: 8 processes, 5 s, [1-9][0-9]* increments" "$s" &&
		has "miscdev_test: hammer: 0 failed" "$s" &&
		has "miscdev_test: fuzz: 0 failed" "$s" &&
		hellos_logged "$s" 1 &&
		has "miscdev cycles=300 failures=0 loaded=0" "$s" &&
		[ "$(grep -c 'cxx_miscdev: deregistering /dev/cxx_miscdev$' "$s")" = 301 ]
}

# cxx_forms on the debug kernel: its checks, and its locks, initialised at
# compile time with lockdep's names and no key, the same bytes as C's
# (DEBUG_SPINLOCK, DEBUG_MUTEXES, DEBUG_LOCK_ALLOC fields included); lockdep
# reports nothing (boot_debug_kernel_no_reports judges the whole log).
test_debug_forms() {
	forms_checks "$(dstep forms)"
}

test_debug_devlife() {
	local s
	s=$(dstep devlife)
	cat "$s"
	devlife_ok "$s"
}

# cxx_api on the debug kernel: every check passes with KASAN and UBSAN
# watching (boot.sh judges their reports); kmemleak_clean_after_last_rmmod
# then judges its frees.
test_debug_api() {
	local s
	s=$(dstep api)
	cat "$s"
	api_ok "$s" "@@@ rc 0|@@@ rc 0|@@@ rc 0|"
}

# The C++ KUnit suite ran at boot and passed, as the kernel's own KUnit
# tooling reads its TAP output.
test_kunit() {
	(
		. "$out/debug-kernel.env"
		/usr/bin/python3 "$KBUILD/source/tools/testing/kunit/kunit.py" parse \
			"$out/debug.log"
	) | tee "$out/kunit.txt" || return 1
	has "cxx_test_params" "$out/kunit.txt" && has "[PASSED] cxx" "$out/kunit.txt"
}

test_debug_modprobe_params() {
	local s
	s=$(dstep modprobe_params)
	[ "$(grep -c '@@@ rc 0' "$s")" = 2 ] && has "sysfs my_int=3" "$s" &&
		has "sysfs my_charp=probed" "$s" && has "cxx_params: my_int=3" "$s"
}

# Every sample (modprobe) and test module (insmod) loaded and unloaded 100
# times under the checkers, each time printing its init and exit lines.
test_debug_cycles() {
	local s
	s=$(dstep cycles)
	cycles_counted "$s" 100 && has "cycle failures=0" "$s" && hasnt "FAIL" "$s"
}

test_debug_init_error() {
	local s
	s=$(dstep lifetime_fail)
	has "finit: cxx_lifetime.ko: No such device" "$s" && has "loaded=0" "$s" &&
		diff <(klines "$s" cxx_lifetime) <(lifetime_fail_lines)
}

# Every slab allocation of loading cxx_minimal failed once (failslab; page
# allocations are not failed). A failure either is absorbed (the load
# succeeds, and the module works: at exit it prints its numbers) or fails
# the load with ENOMEM, leaving nothing loaded; some hit the module's own
# allocations (after its init began); the sweep ends when the load passes
# fewer allocations than N.
test_failslab() {
	local s
	s=$(dstep failslab)
	grep -E '^n=[0-9]+: ' "$s" >"$out/failslab.txt"
	[ -s "$out/failslab.txt" ] || { echo "no failure was injected"; return 1; }
	if grep -v -e ': rc=0 loaded=1 init=1 numbers=1: $' \
		-e ': rc=1 loaded=0 init=[01] numbers=0: finit: cxx_minimal.ko: Cannot allocate memory$' \
		"$out/failslab.txt"; then
		echo "a load ended otherwise (above)"
		return 1
	fi
	grep -q 'rc=1 loaded=0 init=1' "$out/failslab.txt" ||
		{ echo "no failure in cxx_minimal's init made the load fail"; return 1; }
	echo "$(wc -l <"$out/failslab.txt") allocations failed in turn:" \
		"$(grep -c 'rc=1' "$out/failslab.txt") failed the load," \
		"$(grep -c 'rc=1 loaded=0 init=1' "$out/failslab.txt") of them in the module's init;" \
		"$(grep -c 'rc=0' "$out/failslab.txt") absorbed, the module working after each"
	has "sweep done: " "$s" && has "rc=0 loaded=1" "$s"
}

# The hammer's positive control on the debug kernel (preemptible), in the
# boot of test_detectors, before its faults. That kernel has no ACPI, and
# the MP table QEMU's firmware gives it lists one CPU whatever -smp says:
# it runs on one CPU, where preemption alone loses increments without the
# lock (the 4-CPU control is qemu_hammer_loses_increments_without_lock, on
# Debian's kernel).
test_debug_hammer_lock() {
	hammer_lock "$(log=$out/detectors.log step hammer_lock)" 1
}

# kmemleak found nothing, and could look: both scans worked (kmemleak on)
# and it never turned itself off.
test_kmemleak_clean() {
	local s
	s=$(dstep kmemleak)
	sed -n '/^@@@ kmemleak begin/,/^@@@ kmemleak end/p' "$s" >"$out/kmemleak.txt"
	has "kmemleak scans rc=0 0" "$s" &&
		hasnt "kmemleak: Kernel memory leak detector disabled" "$out/debug.log" &&
		{ [ "$(wc -l <"$out/kmemleak.txt")" = 2 ] || { cat "$out/kmemleak.txt"; return 1; }; }
}

# The detectors' positive control: a boot of the debug kernel in which
# cxx_detectors commits a use after free, a leak, a shift out of bounds, an
# AB-BA lock order and a WARN (guest_detectors.sh). The bench must reject
# it, naming each of the five detectors' reports.
test_detectors() {
	local log=$out/detectors.log err=$out/detectors.err
	if (
		. "$out/debug-kernel.env"
		"$here/qemu/boot.sh" --smp 4 --timeout 600 --kernel "$KIMAGE" \
			--gen-init-cpio "$GEN_INIT_CPIO" --allow-taint N \
			--scenario "$here/guest_detectors.sh" --log "$log" \
			"$out/tmods-debug/cxx_detectors.ko" "$out"/tmods-debug/cxx_hammer*.ko \
			"$out/miscdev_test" "$here/guest_hammer.sh"
	) 2>"$err"; then
		cat "$err"
		echo "boot.sh saw nothing wrong"
		return 1
	fi
	cat "$err"
	[ "$(sed -n '/^@@@ bug /,$p' "$log" | grep -c '^@@@ rc 0$')" = 10 ] ||
		{ echo "a load or unload failed"; return 1; }
	has "kmemleak scans rc=0 0" "$log" &&
		has "kernel report in log: WARNING: possible circular locking dependency detected" "$err" &&
		has "cxx_detectors.b" "$log" &&
		grep -E "kernel report in log: WARNING: CPU: [0-9]+ PID: [0-9]+ at .*detectors_warn.c" "$err" &&
		has "kernel report in log: UBSAN: shift-out-of-bounds in " "$err" &&
		has "kernel report in log: unreferenced object 0x" "$err" &&
		has "kernel report in log: BUG: KASAN: use-after-free in " "$err"
}

# The kernel services under KASAN, lockdep and kmemleak (guest_services.sh):
# debugfs and timers samples cycled without a failure, each timers unload
# with no callback after it, the atomics agreeing with C.
test_debug_services() {
	local s
	s=$(dstep services_debugfs)
	has "debugfs cycles=20 failures=0 loaded=0" "$s" || return 1
	s=$(dstep services_timers)
	has "timers cycles=20 failures=0 loaded=0" "$s" &&
		[ "$(grep -c 'cxx_timers: cancelled at .*; no callback after$' "$s")" = 21 ] || return 1
	s=$(dstep services_atomics)
	has "cxx_atomics: 17 atomic results agree with C" "$s"
}

# Tests, in order.
t build_debug_kernel test_build_debug_kernel
t build_test_modules_against_debug_kernel test_build_tmods_for_debug
t build_finit_helper test_build_finit
t boot_debug_kernel_no_reports test_boot_debug_kernel
t kunit_cxx_suite test_kunit
t debug_modprobe_with_params test_debug_modprobe_params
t debug_load_unload_cycles test_debug_cycles
t debug_init_error_leaves_nothing test_debug_init_error
t failslab_every_allocation test_failslab
t debug_miscdev_lockdep_kasan_cycles test_debug_miscdev
t debug_forms_static_locks_lockdep test_debug_forms
t debug_devices_destroyed_with_open_files test_debug_devlife
t debug_api_buffer_list_seek test_debug_api
t debug_services_timers_debugfs_atomics test_debug_services
t debug_atomic_same_instructions_as_c test_atomic_code "$out/tmods-debug"
t kmemleak_clean_after_last_rmmod test_kmemleak_clean
t debug_detectors_fire test_detectors
# reads the log of the detectors' boot, just above
t debug_hammer_loses_increments_without_lock test_debug_hammer_lock
