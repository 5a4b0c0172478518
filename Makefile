# SPDX-License-Identifier: GPL-2.0
#
# C++ for Linux: the commands of the README.
#
#	make run	build the samples, boot them in QEMU, load and unload each
#	make check	every test (ends with "N passed, N failed")
#	make bench	C vs C++ size and build-time figures
#	make samples	build the samples only (KDIR=... for another kernel)
#	make clean	remove what the above built
#
# Needs root on a fresh Debian 12 machine the first time: the needed Debian
# packages are installed by tools/testing/cxx/qemu/deps.sh.

TESTS := tools/testing/cxx

.PHONY: all run check bench samples deps clean help

all: help

help:
	@sed -n '3,12s/^# \{0,1\}//p' Makefile

deps:
	@$(TESTS)/qemu/deps.sh

samples: deps
	@eval "$$($(TESTS)/qemu/kernel.sh)" && \
	$(MAKE) -C samples/cxx KDIR=$${KDIR:?}

run: samples
	@eval "$$($(TESTS)/qemu/kernel.sh)" && mkdir -p build && \
	$(TESTS)/qemu/boot.sh --show --kernel "$$VMLINUZ" \
		--scenario $(TESTS)/run_samples.sh --log build/run.log \
		samples/cxx/*.ko

check: deps
	@$(TESTS)/run_tests.sh

bench: deps
	@$(TESTS)/bench/bench.sh

clean:
	@eval "$$($(TESTS)/qemu/kernel.sh 2>/dev/null)"; \
	for d in samples/cxx $(TESTS)/modules; do \
		[ -z "$$KDIR" ] || $(MAKE) -s -C "$$KDIR" M=$(CURDIR)/$$d clean; \
	done
	rm -rf build
