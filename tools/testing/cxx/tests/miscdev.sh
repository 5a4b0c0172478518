# SPDX-License-Identifier: GPL-2.0
#
# miscdev.sh - /dev/cxx_miscdev from user space in that boot: round trips, compat
# ioctls, rmmod while open, fuzzing, the hammer, load cycles.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# /dev/cxx_miscdev from user space: write/read round trip, every ioctl,
# ENOTTY, FAIL's EPERM, EFAULT for NULL, unmapped and kernel pointers,
# zero-length and oversized writes, no seeking.
test_miscdev_basic() {
	local s
	s=$(step miscdev_basic)
	cat "$s"
	has "miscdev_test: basic: 0 failed" "$s" && ! grep '^FAIL ' "$s" &&
		[ "$(grep -c '^ok ' "$s")" -ge 30 ] &&
		grep -E '^crw-rw-rw- .* 10, +[0-9]+ .*/dev/cxx_miscdev$' "$s" &&
		has "cxx_miscdev: Hello from the C++ misc device" "$s"
}

# The same checks from a 32-bit process: the same results (its ioctls go
# through compat_ioctl, which the class does not define).
test_miscdev_compat() {
	local s
	s=$(step miscdev_compat)
	cat "$s"
	has "miscdev_test: basic: 0 failed" "$s" && ! grep '^FAIL ' "$s" &&
		[ "$(grep -c '^ok ' "$s")" -ge 30 ] && has "identical=yes" "$s"
}

# rmmod while the device is open: EAGAIN ("Resource temporarily
# unavailable"), still loaded; after close: gone.
test_miscdev_busy() {
	local s
	s=$(step miscdev_busy)
	cat "$s"
	has "held /dev/cxx_miscdev" "$s" && has "Resource temporarily unavailable" "$s" ||
		has "in use" "$s" || return 1
	awk '/^@@@ rc/ { print $3 }' "$s" | tr '\n' ' ' | grep -qE '^[1-9][0-9]* 0 $' &&
		grep -A0 -m1 '^loaded=' "$s" | grep -q 'loaded=1' &&
		[ "$(grep '^loaded=' "$s" | tail -1)" = "loaded=0" ] &&
		has "released /dev/cxx_miscdev" "$s"
}

# hellos_logged STEPFILE EXTRA - the kernel log of the step holds one
# greeting per HELLO the fuzz saw succeed, plus EXTRA (other HELLOs).
hellos_logged() {
	local n k
	n=$(sed -n 's/^fuzz: \([0-9]*\) HELLO calls succeeded.*/\1/p' "$1")
	k=$(grep -c 'cxx_miscdev: Hello from the C++ misc device$' "$1")
	echo "fuzz: $n HELLO calls succeeded (+$2 other), $k greetings in the kernel log"
	[ -n "$n" ] && [ "$k" = $((n + $2)) ]
}

# 10,000 random syscalls, each returning what the device defines for it
# (miscdev_test's model: value, positions, errno), one greeting logged per
# HELLO; the kernel log of the step is judged by qemu_boot_clean.
test_miscdev_fuzz() {
	local s
	s=$(step miscdev_fuzz)
	grep -v 'Hello from' "$s"
	has "fuzz: 10000 calls" "$s" && has "miscdev_test: fuzz: 0 failed" "$s" &&
		has "ok fuzz: every call returned what the device defines" "$s" &&
		hellos_logged "$s" 0
}

# 8 processes incrementing for 5 s: no increment lost, values only grow.
test_miscdev_hammer() {
	local s
	s=$(step miscdev_hammer)
	cat "$s"
	has "miscdev_test: hammer: 0 failed" "$s" && grep -E "hammer: 8 processes, 5 s, [1-9][0-9]* increments" "$s" &&
		[ "$(grep -c '@@@ rc 0' "$s")" = 2 ]
}

# hammer_lock FILE - the hammer's positive control, from the output of a
# guest step: on 4 CPUs the counter without its lock (cxx_hammer_broken)
# lost increments and miscdev_test failed; with its lock (cxx_hammer) none
# was lost and it passed.
# hammer_lock STEP [CPUS] - the hammer step: the locked counter lost
# nothing, the lockless one lost increments, on CPUS virtual CPUs (4).
hammer_lock() {
	local real broken
	cat "$1"
	real=$(awk '/^module /{ m = $2 } / lost$/ && m == "cxx_hammer" { print $(NF - 1) }' "$1")
	broken=$(awk '/^module /{ m = $2 } / lost$/ && m == "cxx_hammer_broken" { print $(NF - 1) }' "$1")
	echo "lost with the lock: ${real:-?}, without: ${broken:-?}"
	has "cpus=${2:-4}" "$1" && [ "$real" = 0 ] && [ "${broken:-0}" -gt 0 ] &&
		[ "$(grep '^@@@ rc ' "$1" | tr '\n' ' ')" = \
			"@@@ rc 0 @@@ rc 0 @@@ rc 0 @@@ rc 0 @@@ rc 1 @@@ rc 0 " ]
}

test_hammer_lock() {
	hammer_lock "$(step hammer_lock)"
}

# 1000 insmod/open/read/close/rmmod cycles, each registering and
# deregistering the device once (the kernel log says so).
test_miscdev_cycles() {
	local s
	s=$(step miscdev_cycles)
	grep -v 'registered /dev/cxx_miscdev\|deregistering /dev/cxx_miscdev$' "$s"
	has "miscdev cycles=1000 failures=0 loaded=0" "$s" &&
		[ "$(grep -c 'cxx_miscdev: registered /dev/cxx_miscdev, minor [0-9]*$' "$s")" = 1000 ] &&
		[ "$(grep -c 'cxx_miscdev: deregistering /dev/cxx_miscdev$' "$s")" = 1000 ]
}

# Tests, in order.
t qemu_miscdev_basic test_miscdev_basic
t qemu_miscdev_compat_ioctl test_miscdev_compat
t qemu_miscdev_rmmod_busy test_miscdev_busy
t qemu_miscdev_fuzz test_miscdev_fuzz
t qemu_miscdev_hammer test_miscdev_hammer
t qemu_hammer_loses_increments_without_lock test_hammer_lock
t qemu_miscdev_cycles test_miscdev_cycles
