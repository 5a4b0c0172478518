# SPDX-License-Identifier: GPL-2.0
# ==========================================================================
# Kbuild learns C++
# ==========================================================================
#
# Included by a Kbuild file after its obj-m lines:
#
#	obj-m += cxx_minimal.o			# cxx_minimal.cpp beside it
#	obj-m += mixed.o
#	mixed-y := main.o helper.o		# main.cpp and helper.c
#	include $(src)/../../scripts/Makefile.cxx
#
# and then `make -C $KDIR M=$PWD` builds cxx_minimal.ko and mixed.ko as it
# builds C modules. What it does:
#
#  - compiles <file>.cpp to <file>.o (quiet: "CXX [M]  <file>.o") with the
#    target kernel's own C flags (c_flags, so every ABI flag, instrumentation
#    flag and include path of the configured kernel comes along), minus the
#    flags g++ reports as C-only, minus the -include of compiler_types.h, plus
#    $(KBUILD_CXXFLAGS); per directory cxxflags-y, per file CXXFLAGS_<file>.o
#    and CXXFLAGS_REMOVE_<file>.o, like ccflags-y / CFLAGS_<file>.o. Through
#    if_changed_rule and fixdep: .cmd files, header dependencies, rebuild on
#    flag change, and objtool with the kernel's options.
#  - makes a single-object C++ module X a composite of X.cxx.o (compiled
#    from X.cpp) and what every C++ module needs, and partially links every
#    C++ module with scripts/cxx_module.lds, which hands its static
#    constructors to the runtime.
#  - links the C++ runtime (cxx/) into each C++ module when the kernel does
#    not carry it (no CONFIG_CXX, e.g. a distribution kernel). The runtime is
#    compiled once per directory, into $(obj)/.cxx/, and linked from an
#    archive, so a module carries only the runtime objects it uses (no
#    operator new if it never calls new). With CONFIG_CXX=y it is part of
#    vmlinux and exported to modules instead.
#  - generates <generated/cxx/bindings.h>, the C++ declarations of the
#    kernel's API, from the configured kernel's headers read with this
#    directory's C flags (scripts/gen_cxx_bindings.py, libclang), the C
#    helpers of cxx/bindings_helpers.txt, the directory's own headers and
#    helpers (cxx-bindings-headers-y, cxx-bindings-helpers-y, see below),
#    and two layout proofs that must compile (C with the kernel's flags,
#    C++ with ours) before any C++ object is built. A dependency file
#    regenerates them when a header they read or a config option those
#    headers test changes, not on every build.
#  - declares every static inline function of those headers to C++ too,
#    and links into each module the C wrappers of exactly the ones its
#    objects call, compiled as part of that module (<module>.cxx-helpers.c).
#  - runs scripts/gen_modinfo.py on each linked C++ module: an inconsistent
#    .modinfo or __param table fails the build; the report is <module>.modinfo.

ifndef cxx-makefile-included
cxx-makefile-included := y

# In a kernel tree without CONFIG_CXX there is nothing to do: no directory
# may hold C++ then, and C builds should not pay for this file.
ifneq ($(KBUILD_EXTMOD)$(CONFIG_CXX),)

# The C++ for Linux tree this file belongs to.
cxx-srctree := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

# The C++ compiler pairs with the kernel's C compiler: gcc-12 -> g++-12.
ifneq ($(origin CXX),command line)
CXX := $(subst gcc,g++,$(CC))
endif

# Out of tree, a kernel the layer cannot serve is named before anything is
# compiled (in a kernel tree, CONFIG_CXX's Kconfig dependencies say it; the
# toolchain is checked when the bindings are generated, below).
# (Not when cleaning: no configuration is read then.)
ifdef KBUILD_EXTMOD
ifdef CONFIG_CC_VERSION_TEXT
cxx-unsupported :=
ifdef CONFIG_CC_IS_CLANG
cxx-unsupported += was built with clang ($(CONFIG_CC_VERSION_TEXT)); C++ objects
cxx-unsupported += take the kernel's C flags, which only the GCC it was built with
cxx-unsupported += and the g++ of the same version are sure to accept: build against
cxx-unsupported += a GCC-built kernel
else ifeq ($(CONFIG_X86_64)$(CONFIG_ARM64),)
cxx-unsupported += is for $(SRCARCH), $(if $(CONFIG_64BIT),64,32)-bit; only x86_64 and
cxx-unsupported += arm64 are supported (Documentation/cxx/arch-support.rst)
endif
ifneq ($(strip $(cxx-unsupported)),)
$(error C++ for Linux: kernel $(KERNELRELEASE) $(strip $(cxx-unsupported)))
endif
endif
endif

cxx-src-dir := $(if $(filter /%,$(src)),$(src),$(srctree)/$(src))

# Where the bindings, their proofs, the runtime and the helpers of the
# layer's list go: cxx-dir, and cxx-out for targets (relative to $(obj)).
#
# In a kernel tree, into each directory's .cxx/. Out of tree they are the
# same for every directory of modules built against a kernel, and are built
# once per kernel into a share, $(CXX_SHARE)/<key>/: by default
# ${XDG_CACHE_HOME:-$HOME/.cache}/cxx-for-linux/ (the kernel's build
# directory, /lib/modules/*/build, is read-only to a user). <key> hashes
# what Kbuild would not see change: the kernel's build directory and
# configuration (include/config/auto.conf), the compilers (--version), the
# flags every module of that kernel gets (W=, KCFLAGS= included), and the
# layer (its path, the contents of cxx/ and scripts/). The share is itself
# a Kbuild directory (its Kbuild file includes this file with
# cxx-share-build := y), made with `make $(build)=<share>` under flock(1)
# before anything of the directory needs it: if_changed and fixdep remake
# what a changed kernel or include/cxx/ header makes stale, nothing when
# nothing changed, and two directories built at once take turns. A
# directory whose own variables change what would be shared (below) builds
# its own into $(obj)/.cxx/ as in a kernel tree; so does every directory
# with CXX_SHARE= (empty). Out of tree, set them before the include line.
cxx-dir-vars := ccflags-y subdir-ccflags-y ccflags-remove-y EXTRA_CFLAGS \
		cxxflags-y cxx-bindings-headers-y cxx-bindings-helpers-y
cxx-dir-flags = $(strip $(foreach v,$(cxx-dir-vars),$($(v))))
cxx-out := .cxx/
cxx-dir := $(obj)/.cxx
cxx-shared :=
ifdef cxx-share-build
cxx-out :=
cxx-dir := $(obj)
else ifdef KBUILD_EXTMOD
ifdef CONFIG_CC_VERSION_TEXT
CXX_SHARE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/cxx-for-linux
ifneq ($(strip $(CXX_SHARE)),)
ifeq ($(filter /%,$(CXX_SHARE)),)
$(error C++ for Linux: CXX_SHARE=$(CXX_SHARE) is not an absolute path)
endif
ifeq ($(cxx-dir-flags),)
cxx-shared := y
cxx-share-key := $(shell { \
	echo '$(subst ','\'',$(CURDIR) $(abspath $(srctree)) $(cxx-srctree) \
		$(CC) $(CXX) $(LD) $(AR) $(NM) $(NOSTDINC_FLAGS) $(LINUXINCLUDE) \
		$(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(KBUILD_CFLAGS_MODULE) \
		$(CFLAGS_MODULE) $(KBUILD_LDFLAGS))'; \
	LC_ALL=C $(CC) --version; LC_ALL=C $(CXX) --version; \
	cat include/config/auto.conf \
		$(sort $(wildcard $(cxx-srctree)/cxx/* $(cxx-srctree)/scripts/* \
			$(cxx-srctree)/scripts/*/*)); \
	} 2>&1 | sha256sum | cut -c1-16)
cxx-share := $(patsubst %/,%,$(CXX_SHARE))/$(cxx-share-key)
cxx-dir := $(cxx-share)
endif
endif
endif
endif
cxx-lds := $(cxx-srctree)/scripts/cxx_module.lds
cxx-runtime-lds := $(cxx-srctree)/scripts/cxx_module_runtime.lds
cxx-bindings-h := $(cxx-dir)/include/generated/cxx/bindings.h
cxx-bindings-proved := $(cxx-dir)/bindings.proved
cxx-inline-c := $(cxx-dir)/inline_helpers.c
cxx-gen-bindings := $(cxx-srctree)/scripts/gen_cxx_bindings.py
# A directory extends its own bindings, as it adds C flags with ccflags-y:
#
#	cxx-bindings-headers-y := linux/reboot.h linux/seq_file.h
#	cxx-bindings-helpers-y := my_helpers.txt
#
# binds those headers too (as #include names them), and the entries of
# those lists (the format of cxx/bindings_helpers.txt, paths relative to the
# directory). A change of either variable regenerates (the command line).
cxx-kbuild-file := $(or $(wildcard $(cxx-src-dir)/Kbuild),$(cxx-src-dir)/Makefile)
cxx-bindings-headers := $(strip $(cxx-bindings-headers-y))
cxx-local-helper-lists := $(addprefix $(cxx-src-dir)/,$(strip $(cxx-bindings-helpers-y)))
cxx-helper-lists := $(cxx-srctree)/cxx/bindings_helpers.txt $(cxx-local-helper-lists)
# A list that does not exist is the generator's to report (it names the
# Kbuild line), not make's.
cxx-bindings-in := $(cxx-srctree)/cxx/bindings_helper.h \
		   $(cxx-srctree)/cxx/bindings_helpers.txt \
		   $(wildcard $(cxx-local-helper-lists))
# libclang's Python bindings come from Debian's python3-clang-14, which only
# the system interpreter sees.
CXX_BINDGEN_PYTHON ?= /usr/bin/python3
cxx-gen-modinfo := $(cxx-srctree)/scripts/gen_modinfo.py

# The C helpers (cxx/bindings_helpers.txt and the directory's lists), one
# object each.
cxx-list-helpers = $(shell $(CXX_BINDGEN_PYTHON) $(cxx-gen-bindings) \
	$(addprefix --helpers ,$(1)) --list-helpers 2>/dev/null)
cxx-helper-names := $(if $(cxx-shared),,$(call cxx-list-helpers,$(cxx-helper-lists)))
cxx-helper-objs := $(patsubst %,$(cxx-out)helpers/%.o,$(cxx-helper-names))
cxx-local-helper-objs := $(patsubst %,$(cxx-out)helpers/%.o,$(if \
	$(cxx-local-helper-lists),$(call cxx-list-helpers,$(cxx-local-helper-lists))))

# The runtime (see cxx/), archived so that the linker takes only the
# members a module needs.
cxx-runtime-objs := $(addprefix $(cxx-out),new.o new_aligned.o ctors.o atexit.o abi.o) \
		    $(cxx-helper-objs)
cxx-runtime := $(cxx-out)runtime.a

# The dialect: what makes C++ fit the kernel. See
# Documentation/cxx/general-information.rst for why each is there.
KBUILD_CXXFLAGS := -std=gnu++20 -fno-exceptions -fno-rtti \
		   -fno-threadsafe-statics -fcheck-new -faligned-new=8 -nostdinc++ \
		   -fno-asynchronous-unwind-tables -Werror=format \
		   -Werror=unused-result \
		   -I$(cxx-srctree)/include -I$(cxx-dir)/include

# BTF (CONFIG_DEBUG_INFO_BTF, _MODULES): Kbuild runs pahole on every module
# and vmlinux, and pahole (1.24) cannot encode C++ DWARF (references,
# template parameters): it fails and the .ko is deleted. The C++ objects'
# DWARF goes to .dwo files beside them (split DWARF), which pahole does not
# read and debuggers do: the BTF describes the C parts only. DWARF 4, whose
# split units pahole 1.24 passes over silently (it warns on DWARF 5's
# skeleton units). See Documentation/cxx/general-information.rst, "BTF".
ifdef CONFIG_DEBUG_INFO_BTF
KBUILD_CXXFLAGS += -gdwarf-4 -gsplit-dwarf
endif

# Flags of the kernel's C command line that g++ refuses for C++ (-std=gnu11,
# -Werror=strict-prototypes, ...). Asked of g++ itself, once per directory
# and only when a C++ file is compiled, so it follows whatever config and
# compiler the kernel was built with.
cxx-c-only-flags = $(eval cxx-c-only-flags := $(shell LC_ALL=C $(CXX) \
	-x c++ -fsyntax-only $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(ccflags-y) \
	$(KBUILD_CFLAGS_MODULE) - </dev/null 2>&1 | sed -n \
	-e "s/.*command-line option '\([^']*\)' is valid for C\/ObjC but not for C++.*/\1/p" \
	-e "s/.*'-Werror=' argument '\([^']*\)' is not valid for C++.*/\1/p"))$(cxx-c-only-flags)

# The per-file knobs take the name of the object as the user wrote it
# (X.o), also for the X.cxx.o a single-object module is compiled to.
cxx-stem = $(patsubst %.cxx,%,$(target-stem))

cxx_flags = $(filter-out $(cxx-c-only-flags) $(CXXFLAGS_REMOVE_$(cxx-stem).o), \
	      $(subst -include $(srctree)/include/linux/compiler_types.h,, \
		$(c_flags)) \
	      $(KBUILD_CXXFLAGS) $(cxxflags-y) $(CXXFLAGS_$(cxx-stem).o))


# Compile C++ sources (.cpp)
# ---------------------------------------------------------------------------

# An object for vmlinux gets its COMDAT text merged into .text, which
# vmlinux.lds knows (see scripts/cxx_builtin.lds).
cmd_cxx_builtin_text = $(if $(part-of-module),, ; \
	$(LD) -r --force-group-allocation -T $(cxx-srctree)/scripts/cxx_builtin.lds \
		-o $(tmp-target) $@; mv $(tmp-target) $@)

quiet_cmd_cxx_o_cpp = CXX $(quiet_modtag)  $@
      cmd_cxx_o_cpp = $(CXX) $(cxx_flags) -c -o $@ $< $(cmd_cxx_builtin_text) \
		      $(cmd_objtool)

define rule_cxx_o_cpp
	$(call cmd_and_fixdep,cxx_o_cpp)
	$(call cmd,gen_ksymdeps)
	$(call cmd,gen_objtooldep)
endef

quiet_cmd_cxx_s_cpp = CXX $(quiet_modtag)  $@
      cmd_cxx_s_cpp = $(CXX) $(cxx_flags) -fverbose-asm -S -o $@ $<

quiet_cmd_cxx_i_cpp = CPP $(quiet_modtag) $@
      cmd_cxx_i_cpp = $(CXX) $(cxx_flags) -E -o $@ $<

$(obj)/%.o: $(src)/%.cpp $(cxx-bindings-proved) $(cxx-srctree)/scripts/cxx_builtin.lds FORCE
	$(call if_changed_rule,cxx_o_cpp)

# A single-object C++ module's own translation unit.
$(obj)/%.cxx.o: $(src)/%.cpp $(cxx-bindings-proved) FORCE
	$(call if_changed_rule,cxx_o_cpp)

$(obj)/%.s: $(src)/%.cpp $(cxx-bindings-proved) FORCE
	$(call if_changed_dep,cxx_s_cpp)

$(obj)/%.i: $(src)/%.cpp $(cxx-bindings-proved) FORCE
	$(call if_changed_dep,cxx_i_cpp)

# What a shared directory takes from the share is built there (the share's
# own make runs the rules up to "The modules" below).
ifndef cxx-shared

# The runtime, compiled for this directory's modules: C++ with the rule
# above, C with the kernel's own rule_cc_o_c.
$(cxx-dir)/%.o: $(cxx-srctree)/cxx/%.cpp $(cxx-bindings-proved) FORCE
	$(call if_changed_rule,cxx_o_cpp)

$(cxx-dir)/%.o: $(cxx-srctree)/cxx/%.c FORCE
	$(call if_changed_rule,cc_o_c)

# The C helpers, generated with the bindings.
$(cxx-dir)/helpers/%.o: $(cxx-dir)/helpers/%.c FORCE
	$(call if_changed_rule,cc_o_c)

# All of them in one object, for vmlinux (cxx/Makefile), which exports them.
quiet_cmd_cxx_ld_helpers = LD      $@
      cmd_cxx_ld_helpers = $(LD) $(KBUILD_LDFLAGS) -r -o $@ $(filter %.o,$^)

$(cxx-dir)/helpers.o: $(addprefix $(obj)/,$(cxx-helper-objs)) FORCE
	$(call if_changed,cxx_ld_helpers)

targets += $(cxx-out)helpers.o

# The runtime serves several modules: no single KBUILD_MODNAME fits it.
# (With CONFIG_CXX, cxx/ builds it into vmlinux instead.)
ifndef CONFIG_CXX
$(addprefix $(obj)/,$(cxx-runtime-objs)): modname-multi := cxx
$(addprefix $(obj)/,$(cxx-runtime-objs)): part-of-module := y
endif

$(obj)/$(cxx-runtime): $(addprefix $(obj)/,$(cxx-runtime-objs)) FORCE
	$(call if_changed,ar)

targets += $(cxx-runtime-objs)

# With CONFIG_CXX, vmlinux exports the layer's helpers; the directory's own
# (cxx-bindings-helpers-y) are linked into its modules from an archive.
ifdef CONFIG_CXX
ifneq ($(cxx-local-helper-objs),)
cxx-local-helpers := $(cxx-out)local_helpers.a
$(addprefix $(obj)/,$(cxx-local-helper-objs)): modname-multi := cxx
$(addprefix $(obj)/,$(cxx-local-helper-objs)): part-of-module := y

$(obj)/$(cxx-local-helpers): $(addprefix $(obj)/,$(cxx-local-helper-objs)) FORCE
	$(call if_changed,ar)

targets += $(cxx-local-helper-objs) $(cxx-local-helpers)
endif
endif

# <generated/cxx/bindings.h>, the C helpers and the layout proofs
# ---------------------------------------------------------------------------

# Read as a module of this directory sees the headers (-DMODULE, its
# include paths and config). The generator writes the dependency file, which
# fixdep turns into header and include/config/ dependencies as for a C object.
quiet_cmd_cxx_bindings = BINDGEN $@
      cmd_cxx_bindings = \
	cxx_ok=$$(CC="$(CC)" CXX="$(CXX)" $(CONFIG_SHELL) \
		$(cxx-srctree)/scripts/cxx_is_available.sh -v) || \
		{ echo "$$cxx_ok" >&2; exit 1; }; \
	mkdir -p $(dir $@); \
	$(CXX_BINDGEN_PYTHON) $(cxx-gen-bindings) \
		--header $(word 1,$(cxx-bindings-in)) \
		$(addprefix --helpers ,$(cxx-helper-lists)) \
		$(if $(cxx-bindings-headers),$(addprefix --extra-header ,$(cxx-bindings-headers)) \
			--out-header $(cxx-dir)/bindings_helper.h) \
		--extra-from $(cxx-kbuild-file) \
		--out-hpp $@ --out-check $(cxx-dir)/bindings_check.c \
		--out-helpers $(cxx-dir)/helpers --out-inline $(cxx-inline-c) \
		--depfile $(depfile) \
		-- $(c_flags)

$(cxx-bindings-h): $(cxx-bindings-in) $(cxx-gen-bindings) FORCE
	$(call if_changed_dep,cxx_bindings)

$(addprefix $(cxx-dir)/,bindings_check.c bindings_check.cpp) $(cxx-inline-c) \
$(addprefix $(obj)/,$(cxx-helper-objs:.o=.c)): $(cxx-bindings-h) ;

# Kbuild runs a command under `set -e`, which does not stop at a failure
# inside `a && b && c` (only at the last command of such a list): the
# commands of this file are separated by `;` so that any failure fails the
# recipe.
#
# Nothing C++ is compiled until the kernel's C compiler, with the kernel's
# flags, agrees with every size, alignment, offset, constant and function
# type the header states, and g++ lays the C++ types out the same way.
quiet_cmd_cxx_bindings_proof = PROOF   $(@D)/bindings_check.[c,cpp]
      cmd_cxx_bindings_proof = \
	$(CC) $(filter-out -Wp$(comma)-MMD$(comma)%,$(c_flags)) -fsyntax-only \
		$(cxx-dir)/bindings_check.c; \
	$(CXX) $(filter-out -Wp$(comma)-MMD$(comma)%,$(cxx_flags)) -fsyntax-only \
		$(cxx-dir)/bindings_check.cpp; \
	touch $@

$(cxx-bindings-proved): $(addprefix $(cxx-dir)/,bindings_check.c bindings_check.cpp) FORCE
	$(call if_changed,cxx_bindings_proof)

$(cxx-bindings-h) $(cxx-bindings-proved): modname-multi := cxx
$(cxx-bindings-h) $(cxx-bindings-proved): part-of-module := y

targets += $(cxx-out)include/generated/cxx/bindings.h $(cxx-out)bindings.proved

# The share's own make builds the bindings, proved, and without CONFIG_CXX
# the runtime.
ifdef cxx-share-build
always-y += bindings.proved $(if $(CONFIG_CXX),,runtime.a)
endif

else # cxx-shared

# Made, or found up to date, before anything of this directory needs it:
# the share's Kbuild file is written once, and the share's make runs under
# the share's lock (it prints nothing and writes nothing when nothing
# changed). .cxx/share is a link to the share, .cxx/runtime.a to its
# runtime (Kbuild names a module's parts relative to $(obj)) and
# .cxx/.runtime.a.cmd to the runtime's .cmd file (modpost reads it). The variables that keep
# a directory from sharing must be set before the include line, where they
# were read.
cxx-share-kbuild = '\# Generated by scripts/Makefile.cxx: the C++ for Linux share of one kernel.' \
	'cxx-share-build := y' 'include $(cxx-srctree)/scripts/Makefile.cxx'

$(cxx-bindings-proved): FORCE
	$(if $(cxx-dir-flags),$(error $(cxx-src-dir): set $(cxx-dir-vars) \
		before the include line of Makefile.cxx))
	$(Q)mkdir -p $(cxx-share) $(obj)/.cxx; \
	if [ "$$(readlink $(obj)/.cxx/share)" != $(cxx-share) ]; then \
		ln -sfn $(cxx-share) $(obj)/.cxx/share; \
		for f in runtime.a .runtime.a.cmd; do \
			ln -sfn $(cxx-share)/$$f $(obj)/.cxx/$$f; done; fi; \
	if [ ! -f $(cxx-share)/Kbuild ]; then \
		printf '%s\n' $(cxx-share-kbuild) >$(cxx-share)/Kbuild.$$$$; \
		mv -f $(cxx-share)/Kbuild.$$$$ $(cxx-share)/Kbuild; fi
	$(Q)flock $(cxx-share)/.lock $(MAKE) $(build)=$(cxx-share) need-builtin= need-modorder=

$(cxx-inline-c) $(obj)/$(cxx-runtime): $(cxx-bindings-proved) ;

endif # cxx-shared

# The modules: runtime, partial-link script, .modinfo check
# ---------------------------------------------------------------------------

cxx-parts-of = $(strip $($(1:.o=-objs)) $($(1:.o=-y)) $($(1:.o=-m)))
cxx-has-cpp = $(strip $(foreach o,$(1),$(wildcard $(cxx-src-dir)/$(o:.o=.cpp))))

# obj-m entries built from a .cpp file of the same name.
cxx-single-m := $(foreach m,$(filter %.o,$(obj-m)),$(if $(call cxx-parts-of,$(m)),,$(if $(wildcard $(cxx-src-dir)/$(m:.o=.cpp)),$(m))))
# Composite obj-m entries with at least one .cpp part.
cxx-multi-m := $(foreach m,$(filter %.o,$(obj-m)),$(if $(call cxx-has-cpp,$(call cxx-parts-of,$(m))),$(m)))

$(foreach m,$(cxx-single-m),$(eval $(m:.o=-y) := $(m:.o=.cxx.o)))
$(foreach m,$(cxx-single-m),$(eval $(obj)/$(m:.o=.cxx.o): modname-multi := $(m:.o=)))

# On-demand helpers: every static inline function of the bindings is
# declared to C++ as cxx_helper_<name> (gen_cxx_bindings.py --out-inline).
# Once a module's objects are compiled, the cxx_helper_* symbols they leave
# undefined name the ones it calls; <module>.cxx-helpers.c defines
# CXX_WANT_<name> for each and includes .cxx/inline_helpers.c, which holds
# every wrapper inside #ifdef CXX_WANT_<name>. It is compiled as C with the
# kernel's flags as part of that module (its KBUILD_MODNAME, THIS_MODULE,
# -DMODULE) and linked into it: a module carries exactly the wrappers it
# calls. (The helpers of the hand-kept lists are not in inline_helpers.c.)
# (A module that calls none gets an empty file: no need to read the headers.)
quiet_cmd_cxx_want_helpers = GEN     $@
      cmd_cxx_want_helpers = \
	$(NM) -u $(filter %.o,$(real-prereqs)) > $@.nm; \
	$(AWK) -v inc='$(abspath $(cxx-inline-c))' -v mod='$(cxx-module)' ' \
		FNR == NR { if (sub(/^cxx_helper_/, "", $$2)) want[$$2] = 1; next } \
		/^\#ifdef CXX_WANT_/ { n = substr($$2, 10); if (n in want) d[++k] = n } \
		END { print "/* On-demand C helpers of " mod ": generated by scripts/Makefile.cxx. */"; \
		      for (i = 1; i <= k; i++) print "\#define CXX_WANT_" d[i]; \
		      if (k) print "\#include \"" inc "\"" }' $@.nm $(cxx-inline-c) > $@; \
	rm -f $@.nm

define cxx-module-helpers
$(1:.o=-y) += $(1:.o=.cxx-helpers.o)
$(obj)/$(1:.o=.cxx-helpers.c): $(addprefix $(obj)/,$(2)) $(cxx-inline-c) FORCE
	$$(call if_changed,cxx_want_helpers)
$(obj)/$(1:.o=.cxx-helpers.c): cxx-module := $(1:.o=)
$(obj)/$(1:.o=.cxx-helpers.o): modname-multi := $(1:.o=)
$(obj)/$(1:.o=.cxx-helpers.o): part-of-module := y
targets += $(1:.o=.cxx-helpers.c)
clean-files += $(1:.o=.cxx-helpers.c)
endef
$(foreach m,$(cxx-single-m) $(cxx-multi-m),$(eval $(call cxx-module-helpers,$(m),\
	$(filter-out %.a,$(call cxx-parts-of,$(m))))))

$(obj)/%.cxx-helpers.o: $(obj)/%.cxx-helpers.c FORCE
	$(call if_changed_rule,cc_o_c)
cxx-ldflags := -T $(cxx-lds)
ifndef CONFIG_CXX
$(foreach m,$(cxx-single-m) $(cxx-multi-m),$(eval $(m:.o=-y) += $(cxx-runtime)))
# g++ refers to __cxa_pure_virtual and __cxa_deleted_virtual weakly, which
# would not pull cxx/abi.o out of the archive: the vtable slot would stay
# NULL. A module whose objects refer to either gets -u for it, computed when
# the module is linked (after its objects are built); the others do not
# carry the stubs.
cxx-abi-syms := __cxa_pure_virtual __cxa_deleted_virtual
cxx-abi-undefined = $(addprefix -u ,$(sort $(filter $(cxx-abi-syms), \
	$(shell $(NM) -u $(filter %.o,$(real-prereqs)) 2>/dev/null))))
cxx-ldflags += $$(cxx-abi-undefined)
# Likewise cxx/ctors.o: only a module whose objects have static
# constructors (an .init_array section) links it, named on the command line
# since MODULE() defines a weak default cxx_run_ctors() (no weak undefined
# reference, which arm64 would reach through the GOT) and -u would not pull
# it from the archive. cxx_module_runtime.lds fails the link of a module
# that has constructors but not the runner.
cxx-ctors-obj = $(if $(shell $(READELF) -SW $(filter %.o,$(real-prereqs)) \
	2>/dev/null | grep -F .init_array),$(cxx-dir)/ctors.o)
cxx-ldflags += -T $(cxx-runtime-lds) $$(cxx-ctors-obj)
$(addprefix $(obj)/,$(cxx-single-m) $(cxx-multi-m)): $(cxx-runtime-lds)
endif
ifdef CONFIG_CXX
$(foreach m,$(cxx-single-m) $(cxx-multi-m),$(eval $(m:.o=-y) += $(cxx-local-helpers)))
endif
$(foreach m,$(cxx-single-m) $(cxx-multi-m),$(eval LDFLAGS_$(m) += $(cxx-ldflags)))
$(addprefix $(obj)/,$(cxx-single-m) $(cxx-multi-m)): $(cxx-lds)

quiet_cmd_cxx_modinfo = MODINFO $@
      cmd_cxx_modinfo = $(PYTHON3) $(cxx-gen-modinfo) -q -o $@ $<

$(obj)/%.modinfo: $(obj)/%.o $(cxx-gen-modinfo) FORCE
	$(call if_changed,cxx_modinfo)

always-m += $(patsubst %.o,%.modinfo,$(cxx-single-m) $(cxx-multi-m))

clean-files += .cxx

# Out of tree, the Kbuild file includes this file; in a kernel tree,
# scripts/Makefile.build does, after the directory's Kbuild file.
ifdef KBUILD_EXTMOD
ifndef cxx-share-build
ifeq ($(strip $(obj-m)$(obj-y)),)
$(error $(lastword $(MAKEFILE_LIST)): include it after the obj-m lines of $(cxx-src-dir)/Kbuild)
endif
endif
endif

endif # KBUILD_EXTMOD or CONFIG_CXX
endif # cxx-makefile-included
