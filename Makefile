# SPDX-License-Identifier: GPL-2.0
#
# C++ for Linux: the commands of the README.
#
#	make run	lay the layer over Debian's linux-source-6.1, build a small
#		kernel with CONFIG_CXX=y (samples as modules, cxx_params built
#		in), boot it in QEMU, load and unload every sample
#	make run-distro	the same with Debian's own kernel and the samples built
#		out of tree against its headers
#	make check	every test (ends with "N passed, N failed")
#	make bench	C vs C++ size, build-time and boot figures
#	make samples	build the samples out of tree (KDIR=... for another kernel)
#	make qemu MODULES="a.ko b.ko" [FILES="..."] [SCENARIO=script]
#		[KERNEL=distro|run] [APPEND="cmdline"] [EXPECT=regex]
#		boot Debian's kernel (or the `make run` one) with your modules
#		and FILES in /lib/cxx, run SCENARIO there (else a shell on the
#		terminal: `exit` ends it) and judge the log; EXPECT: a kernel
#		message (and its splat) the scenario must cause
#	make clean	remove what the above built
#
# Needs root on a fresh Debian 12 machine the first time: the needed Debian
# packages are installed by tools/testing/cxx/qemu/deps.sh.

TESTS := tools/testing/cxx

.PHONY: all run run-distro check bench samples deps clean help qemu

all: help

help:
	@sed -n '3,22s/^# \{0,1\}//p' Makefile

deps:
	@$(TESTS)/qemu/deps.sh

samples: deps
	@eval "$$($(TESTS)/qemu/kernel.sh)" && \
	$(MAKE) -C samples/cxx KDIR=$${KDIR:?}

run: deps
	@eval "$$($(TESTS)/kernel/build.sh run)" && \
	$(TESTS)/qemu/boot.sh --show --kernel "$$KIMAGE" --tree "$$STAGING" \
		--gen-init-cpio "$$GEN_INIT_CPIO" --append "cxx_params.my_int=5" \
		--scenario $(TESTS)/run_samples.sh --log build/run.log

run-distro: samples
	@eval "$$($(TESTS)/qemu/kernel.sh)" && mkdir -p build && \
	$(TESTS)/qemu/boot.sh --show --kernel "$$VMLINUZ" \
		--scenario $(TESTS)/run_samples.sh --log build/run-distro.log \
		samples/cxx/*.ko

KERNEL ?= distro
qemu: deps
	@mkdir -p build && case "$(KERNEL)" in \
	distro) eval "$$($(TESTS)/qemu/kernel.sh)" && set -- --kernel "$$VMLINUZ" ;; \
	run) eval "$$($(TESTS)/kernel/build.sh run)" && set -- --kernel "$$KIMAGE" \
		--tree "$$STAGING" --gen-init-cpio "$$GEN_INIT_CPIO" ;; \
	*) echo "make qemu: KERNEL=$(KERNEL): distro or run" >&2; exit 2 ;; \
	esac && \
	$(TESTS)/qemu/boot.sh "$$@" --append '$(APPEND)' \
		$(if $(SCENARIO),--show --scenario '$(SCENARIO)',--interactive) \
		$(if $(EXPECT),--expect '$(EXPECT)') --log build/qemu.log \
		$(MODULES) $(FILES)

check: deps
	@$(TESTS)/run_tests.sh

bench: deps
	@$(TESTS)/bench/bench.sh
	@echo
	@$(TESTS)/bench/kernel.sh

clean:
	@eval "$$($(TESTS)/qemu/kernel.sh 2>/dev/null)"; \
	for d in samples/cxx $(TESTS)/modules; do \
		[ -z "$$KDIR" ] || $(MAKE) -s -C "$$KDIR" M=$(CURDIR)/$$d clean; \
	done
	rm -rf build
