# SPDX-License-Identifier: GPL-2.0
#
# drivers.sh - device drivers: samples/cxx/cxx_driver_pci on QEMU's edu device,
# one boot of Debian's kernel with -device edu (guest_drivers.sh).
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered). Needs
# build_samples_w1 and build_user_tests (edu_test).

drivers_log=$out/drivers.log

# The id table reached modinfo as the edu device's alias, which udev and
# modprobe match against the device's modalias.
test_pci_alias() {
	local a
	a=$(modinfo -F alias "$samples/cxx_driver_pci.ko")
	echo "alias: $a"
	[ "$a" = 'pci:v00001234d000011E8sv*sd*bc*sc*i*' ]
}

# One boot with the edu device; boot.sh judges the log (no kernel report,
# no taint beyond O and E, the scenario finished).
test_drivers_boot() {
	"$here/qemu/boot.sh" --smp 2 --timeout 900 --device edu \
		--scenario "$here/guest_drivers.sh" --log "$drivers_log" \
		"$samples/cxx_driver_pci.ko" "$out/edu_test"
}

# Bound to the edu device at load, /dev/cxx_edu made, an interrupt line.
test_edu_load() {
	local s
	s=$(log=$drivers_log step edu_load)
	cat "$s"
	has "@@@ rc 0" "$s" && grep -E '^bound=0000:[0-9a-f]{2}:[0-9a-f]{2}\.[0-9]$' "$s" &&
		grep -E '^crw-rw-rw- .* 10, +[0-9]+ .*/dev/cxx_edu$' "$s" &&
		has "irq lines=1" "$s" &&
		grep -E 'cxx_driver_pci 0000:[^ ]*: edu 1\.0, irq [0-9]+, /dev/cxx_edu$' "$s"
}

# Ident, liveness, factorials 0..12 against edu_test's own, DMA round trips
# of random bytes, EINVAL, EFAULT, ENOTTY, and ETIMEDOUT without the
# interrupt, then the device works again.
test_edu_basic() {
	local s
	s=$(log=$drivers_log step edu_basic)
	cat "$s"
	has "edu_test: basic: 0 failed" "$s" && ! grep '^FAIL ' "$s" &&
		[ "$(grep -c '^ok factorial [0-9]* = ' "$s")" = 13 ] &&
		[ "$(grep -c '^ok dma: .* (identical)$' "$s")" = 4 ] &&
		has "ok factorial without its interrupt: Connection timed out" "$s" &&
		[ "$(grep -c '^ok ' "$s")" -ge 35 ] && has "@@@ rc 0" "$s"
}

# 4 processes at once, each 26 factorials right.
test_edu_concurrent() {
	local s
	s=$(log=$drivers_log step edu_concurrent)
	cat "$s"
	has "ok concurrent: 4 processes, 26 factorials each, 0 failed" "$s" && has "@@@ rc 0" "$s"
}

# 100 unbind/bind cycles while a file is held open (its requests then fail
# with ENODEV, also after the cycles) and another process opens the device
# for each request: every request right or ENODEV, every cycle unbinding
# (the driver's "unbound" line) and probing again, the device working after.
test_edu_unbind_bind() {
	local s
	s=$(log=$drivers_log step edu_unbind_bind)
	grep -v 'edu 1\.0, irq\|: unbound$' "$s"
	has "edu cycles=100 failures=0 bound=1" "$s" &&
		[ "$(grep -c '^@@@ rc 0$' "$s")" = 3 ] &&
		has "ok held file after the cycles: No such device" "$s" &&
		grep -E '^ok hold: [0-9]+ right, [1-9][0-9]* ENODEV, 0 opens refused, 0 other$' "$s" &&
		grep -E '^ok reopen: [0-9]+ right, [0-9]+ ENODEV, [0-9]+ opens refused, 0 other$' "$s" &&
		[ "$(grep -cE 'cxx_driver_pci 0000:[^ ]*: edu 1\.0, irq' "$s")" = 100 ] &&
		[ "$(grep -cE 'misc cxx_edu: unbound$' "$s")" = 100 ]
}

# rmmod unbinds and unregisters: no node, no driver directory, no line.
test_edu_unload() {
	local s
	s=$(log=$drivers_log step edu_unload)
	cat "$s"
	has "@@@ rc 0" "$s" && has "loaded=0" "$s" && has "node=absent" "$s" &&
		has "driver=absent" "$s" && has "irq lines=0" "$s" &&
		has "misc cxx_edu: unbound" "$s"
}

# Tests, in order.
t pci_alias_in_modinfo test_pci_alias
t qemu_drivers_boot_clean test_drivers_boot
t qemu_edu_load test_edu_load
t qemu_edu_basic test_edu_basic
t qemu_edu_concurrent test_edu_concurrent
t qemu_edu_unbind_bind_held_open test_edu_unbind_bind
t qemu_edu_unload test_edu_unload
