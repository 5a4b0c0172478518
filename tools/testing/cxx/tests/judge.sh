# SPDX-License-Identifier: GPL-2.0
#
# judge.sh - The test bench judges logs right: expected WARNs and splats, lost
# logs, taint.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

# A pure virtual call WARNs with a backtrace and the kernel carries on: the
# module still loads and unloads. The boot passes only because it expects
# that WARN (boot.sh --expect); judged again without, or expecting another
# message, or with a second, unexpected WARN after it, it fails. The
# decoder demangles the C++ frame of the backtrace.
test_pure_virtual() {
	local scenario=$out/pure_virtual.sh log=$out/pure-virtual.log
	local boot=$here/qemu/boot.sh expect='^cxx: pure virtual function called$'
	printf '%s\n' 'insmod cxx_pure_virtual.ko; echo "@@@ rc $?"' \
		'rmmod cxx_pure_virtual; echo "@@@ rc $?"' 'dmesg' >"$scenario"
	"$boot" --timeout 300 --expect "$expect" --scenario "$scenario" \
		--log "$log" "$tmods/cxx_pure_virtual.ko" || return 1
	has "WARNING:" "$log" && has "cxx_pure_virtual: still alive" "$log" &&
		[ "$(grep -c '@@@ rc 0' "$log")" = 2 ] &&
		has "scenario exit status 0" "$log" || return 1
	judged_fails() {
		! "$boot" --judge "$@" 2>"$out/pure-virtual-judge.txt" &&
			cat "$out/pure-virtual-judge.txt" &&
			has "kernel report in log: WARNING: CPU: " "$out/pure-virtual-judge.txt"
	}
	# The splat twice, the second with another message.
	awk '/cut here/ { s = 1 } s { b = b $0 "\n" } { print }
		/end trace/ && s { s = 0; gsub(/pure virtual/, "deleted virtual", b)
			printf "%s", b }' "$log" >"$out/pure-virtual-twice.log"
	judged_fails "$log" && judged_fails "$log" --expect 'page allocation failure' &&
		has "expected kernel message not in log: page allocation failure" \
			"$out/pure-virtual-judge.txt" &&
		judged_fails "$out/pure-virtual-twice.log" --expect "$expect" || return 1
	"$top/scripts/cxx_decode_stacktrace.sh" <"$log" >"$out/pure-virtual-decoded.log" &&
		grep -E '(RIP: 0010:| )Base::call\(\)\+0x[0-9a-f]+/0x[0-9a-f]+ \[cxx_pure_virtual\]$' \
			"$out/pure-virtual-decoded.log" &&
		grep -q '_ZN4Base4callEv+0x' "$log"
}

# boot.sh --expect exempts a splat only from its own message on: a page
# allocation failure (with its call trace) passes when it is expected, and
# fails when only a message printed just before it is.
test_judge_expect_bounds() {
	local log=$out/expect-bounds.log m="=== CXX-BENCH:"
	cat >"$log" <<-EOF
	$m scenario start ===
	[    1.00] cxx_test: about to allocate
	[    1.01] insmod: page allocation failure: order:10, mode:0xcc0(GFP_KERNEL)
	[    1.01] CPU: 0 PID: 70 Comm: insmod Tainted: G           OE      6.1.0 #1
	[    1.01] Call Trace:
	[    1.01]  <TASK>
	[    1.01]  warn_alloc+0x137/0x160
	[    1.01]  </TASK>
	$m scenario exit status 0 ===
	$m dmesg begin ===
	$m dmesg end ===
	$m kmsg first seq 0 ===
	$m tainted 12288 ===
	EOF
	"$here/qemu/boot.sh" --judge "$log" --expect 'page allocation failure' || return 1
	! "$here/qemu/boot.sh" --judge "$log" --expect 'about to allocate' 2>"$out/expect-bounds.txt" &&
		cat "$out/expect-bounds.txt" &&
		has "kernel report in log: Call Trace:" "$out/expect-bounds.txt"
}

# boot.sh fails a boot whose kernel log wrapped (records lost before anyone
# read them: here 18 MB of them, more than log_buf_len=16M) and one whose
# taint it cannot read (the scenario unmounts /proc), even though the
# scenario exits 0 and the kernel reports nothing.
test_judge_lost_log() {
	local scenario=$out/lost_log.sh
	cat >"$scenario" <<-'EOF'
	yes "<6>$(printf %0890d 0)" | head -n 20000 >/tmp/big
	dd if=/tmp/big of=/dev/kmsg bs=894 2>/dev/null
	rm /tmp/big
	dmesg -c >/dev/null
	umount /proc
	EOF
	if "$here/qemu/boot.sh" --timeout 300 --append printk.devkmsg=on \
		--scenario "$scenario" --log "$out/lost-log.log" 2>"$out/lost-log.txt"; then
		echo "boot.sh passed a wrapped log and an unknown taint"
		return 1
	fi
	cat "$out/lost-log.txt"
	has "the kernel log wrapped" "$out/lost-log.txt" &&
		has "no '=== CXX-BENCH: tainted N ===' line" "$out/lost-log.txt" &&
		has "scenario exit status 0" "$out/lost-log.log"
}

# Tests, in order.
t qemu_pure_virtual_warns test_pure_virtual
t qemu_judge_expect_bounds test_judge_expect_bounds
t qemu_judge_lost_log_and_taint test_judge_lost_log
