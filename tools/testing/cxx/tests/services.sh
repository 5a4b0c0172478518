# SPDX-License-Identifier: GPL-2.0
#
# services.sh - the kernel services: cxx::Atomic<T> against C's atomics
# (code and results), the debugfs and timers samples in the Debian-kernel
# boot (guest_tests.sh, steps debugfs, debugfs_busy, timers, timers_cycles,
# atomics).
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# atomic_code FILE.o SYMBOL - SYMBOL's instructions in FILE.o: mnemonics
# and operands, without addresses, encodings, jump targets, the padding
# after the function or its name; a relocation as the symbol it names.
atomic_code() {
	objdump -d --no-show-raw-insn --no-addresses -r "$1" |
		awk -v f="<$2>:" '$0 ~ f { on = 1; next } on && /^$/ { exit }
			on && /R_X86_64/ { sub(/[-+]0x[0-9a-f]+$/, "", $NF); print " reloc " $NF; next }
			on { sub(/<[^>]*>/, "<>"); sub(/#.*/, ""); gsub(/[ \t]+/, " "); print }' |
		sed -e '/^ \(nop\|xchg %ax,%ax\|data16\|cs nop\)/d'
}

# Every Atomic<T> operation of modules/atomics.cpp, built in DIR (default:
# against the distribution kernel), compiles to the instructions its C twin
# (atomics_twin.c) compiles to, KASAN's checks included where the kernel
# has KASAN, and calls no C helper.
test_atomic_code() {
	local d=${1:-$tmods} f n=0 bad=0
	local o=$d/atomics.o c=$d/atomics_twin.o
	for f in atomic_read atomic_set atomic_add atomic_inc atomic_dec atomic_fetch_add \
		atomic_add_return atomic_dec_and_test atomic_xchg atomic_cmpxchg \
		atomic_try_cmpxchg atomic64_read atomic64_add atomic64_inc \
		atomic64_fetch_add atomic64_dec_and_test atomic64_cmpxchg; do
		atomic_code "$o" "cxx_$f" >"$out/atomic-cxx-$f.txt"
		atomic_code "$c" "c_$f" >"$out/atomic-c-$f.txt"
		if [ ! -s "$out/atomic-cxx-$f.txt" ] || grep -q ' reloc cxx_helper_' "$out/atomic-cxx-$f.txt" ||
			! diff -u "$out/atomic-c-$f.txt" "$out/atomic-cxx-$f.txt"; then
			echo "$f: differs from C, or calls a helper"
			cat "$out/atomic-cxx-$f.txt"
			bad=1
		fi
		n=$((n + 1))
	done
	echo "$n operations compared"
	cat "$out/atomic-cxx-atomic_dec_and_test.txt"
	return $bad
}

test_atomics_in_guest() {
	local s
	s=$(step atomics)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] &&
		has "cxx_atomics: 17 atomic results agree with C" "$s"
}

# cxx_debugfs from the guest's shell: the u32 reads 100 and, written, lets
# a larger number through; the file adds (7 + 5 = 12), refuses 101 above
# the limit (the shell's echo fails), resets; the atomic counted the three
# reads of the file; unloading removes the directory.
test_debugfs() {
	local s
	s=$(step debugfs)
	cat "$s"
	[ "$(grep '^@@@ rc ' "$s" | tr '\n' ' ')" = \
		"@@@ rc 0 @@@ rc 0 @@@ rc 0 @@@ rc 1 @@@ rc 0 @@@ rc 0 @@@ rc 0 @@@ rc 0 " ] &&
		has "files=limit reads total " "$s" &&
		has "limit=100" "$s" &&
		[ "$(grep '^total=' "$s" | tr '\n' ' ')" = "total=12 total=113 total=0 " ] &&
		has "Invalid argument" "$s" &&
		has "reads=3" "$s" &&
		has "cxx_debugfs: created /sys/kernel/debug/cxx_debugfs" "$s" &&
		has "cxx_debugfs: removed; total 0, read 3 times" "$s" &&
		has "dir=absent" "$s"
}

# An open debugfs file pins the module; closed, it unloads.
test_debugfs_busy() {
	local s
	s=$(step debugfs_busy)
	cat "$s"
	[ "$(grep '^@@@ rc ' "$s" | tr '\n' ' ')" = "@@@ rc 0 @@@ rc 1 @@@ rc 0 " ] &&
		has "can't unload module 'cxx_debugfs': Resource temporarily unavailable" "$s" &&
		has "loaded=0" "$s"
}

# cxx_timers: the chain counted 5 of each; after a second of free running
# the unload cancelled the Timer still armed (5 runs), the HrTimer and
# the DelayedWork (more than 5), and no callback ran after; ten loads and
# unloads back to back do the same.
test_timers() {
	local s h d
	s=$(step timers)
	cat "$s"
	[ "$(grep -c '^@@@ rc 0$' "$s")" = 2 ] &&
		has "cxx_timers: counted timer 5, work 5, hrtimer 5, delayed work 5" "$s" || return 1
	h=$(sed -n 's/.*cancelled at timer 5, work 5, hrtimer \([0-9]*\), delayed work \([0-9]*\); no callback after$/\1 \2/p' "$s")
	[ -n "$h" ] || { echo "no cancellation line"; return 1; }
	read -r h d <<<"$h"
	[ "$h" -gt 5 ] && [ "$d" -gt 5 ] || { echo "hrtimer $h, delayed work $d: not free-running"; return 1; }
	s=$(step timers_cycles)
	cat "$s"
	has "timers cycles failures=0 loaded=0" "$s" &&
		[ "$(grep -c 'cxx_timers: counted timer 5, work 5, hrtimer 5, delayed work 5$' "$s")" = 10 ] &&
		[ "$(grep -c 'cxx_timers: cancelled at .*; no callback after$' "$s")" = 10 ] &&
		hasnt "ran after its owner" "$s"
}

t atomic_same_instructions_as_c test_atomic_code
t qemu_atomics_agree_with_c test_atomics_in_guest
t qemu_debugfs_sample test_debugfs
t qemu_debugfs_open_file_pins_module test_debugfs_busy
t qemu_timers_sample test_timers
