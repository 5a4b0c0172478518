#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run_tests.sh - every test of C++ for Linux (`make check`).
#
# Installs what it needs (qemu/deps.sh), builds the samples and the test
# modules against the Debian kernel's headers, checks the build (flags,
# objtool, dependencies, clean, .modinfo), runs the compile-fail tests, then
# boots that kernel once in QEMU and checks what every module did there;
# then the same out of tree against Debian's 6.12 kernel (IBT, BTF), booted
# once too.
# Prints "ok N - name" / "not ok N - name" per test and ends with
# "N passed, N failed"; exits non-zero if any failed.
#
# Outputs and logs go to build/check/ (CXX_TEST_OUT to change it);
# CXX_TESTS=REGEX runs only the matching tests.

set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)
out=${CXX_TEST_OUT:-$top/build/check}
samples=$top/samples/cxx
tmods=$here/modules
gen_modinfo=$top/scripts/gen_modinfo.py

passed=0
failed=0
n=0

# t NAME CMD... - run one test; its output goes to $out/NAME.log.
# CXX_TESTS=REGEX runs only the tests whose names match (mind that later
# tests read what earlier ones built or booted).
t() {
	local name=$1
	shift
	if [ -n "${CXX_TESTS:-}" ] && ! grep -qE -- "$CXX_TESTS" <<<"$name"; then
		return 0
	fi
	n=$((n + 1))
	if "$@" >"$out/$name.log" 2>&1; then
		passed=$((passed + 1))
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		sed 's/^/#   /' "$out/$name.log" | tail -n 25
	fi
}

# has, hasnt TEXT FILE - whether FILE holds TEXT, a fixed string; say so if not.
has() {
	grep -qF -- "$1" "$2" || { echo "missing in ${2##*/}: $1"; return 1; }
}
hasnt() {
	! grep -F -- "$1" "$2" || { echo "unexpected in ${2##*/}: $1"; return 1; }
}

kmake() {
	local dir=$1
	shift
	make -C "$KDIR" M="$dir" "$@"
}

mkdir -p "$out"
rm -f "$out"/*.log
# What samples/cxx holds before anything is built (test_clean).
make -s -C "$samples" clean >/dev/null 2>&1
(cd "$samples" && find . | sort) >"$out/samples-sources.txt"

"$here/qemu/deps.sh" || exit 1
eval "$("$here/qemu/kernel.sh")" || exit 1
echo "# kernel $KVER, headers $KDIR"

# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

# A plain build shows the quiet line and nothing C++-specific goes wrong.
test_quiet_build() {
	kmake "$samples" clean >/dev/null
	kmake "$samples" | tee "$out/quiet-build.txt" || return 1
	has "  CXX [M]  $samples/cxx_minimal.cxx.o" "$out/quiet-build.txt" &&
		has "  BINDGEN $samples/.cxx/include/generated/cxx/bindings.h" "$out/quiet-build.txt" &&
		has "  PROOF   $samples/.cxx/bindings_check.[c,cpp]" "$out/quiet-build.txt"
}

# A second make with nothing changed compiles nothing.
test_no_rebuild() {
	kmake "$samples" | tee "$out/rebuild.txt" || return 1
	hasnt "CXX [M]" "$out/rebuild.txt" && hasnt "CC [M]" "$out/rebuild.txt" &&
		hasnt "BINDGEN" "$out/rebuild.txt" && hasnt "PROOF" "$out/rebuild.txt"
}

# Touching a header every sample includes rebuilds exactly the C++ objects.
test_header_dependency() {
	touch "$top/include/cxx/vec.h"
	kmake "$samples" | tee "$out/header-dep.txt" || return 1
	for m in cxx_minimal cxx_print cxx_params; do
		has "CXX [M]  $samples/$m.cxx.o" "$out/header-dep.txt" || return 1
	done
	hasnt "CC [M]  $samples/.cxx/helpers/" "$out/header-dep.txt"
}

# The bindings are regenerated when a kernel header they read or a config
# option those headers test changes, and then proved again before C++ is
# compiled; the dependency file fixdep made of them lists both kinds. A
# change is simulated by touching the file (make -W is not passed to
# Kbuild's sub-makes); its time stamp is put back afterwards.
test_bindings_deps() {
	local cmd=$samples/.cxx/include/generated/cxx/.bindings.h.cmd hdr cfg what rc
	hdr=$(grep -oE '[^ ]*/include/linux/rbtree\.h' "$cmd" | head -1)
	[ -n "$hdr" ] || { echo "rbtree.h not among the dependencies"; return 1; }
	# A config option the headers test that is set in this kernel (only
	# those have an include/config/ file).
	cfg=$(grep -oE 'include/config/[A-Z0-9_]+' "$cmd" | sort -u |
		while read -r c; do [ -e "$KDIR/$c" ] && echo "$KDIR/$c"; done | grep -m1 SLUB)
	[ -n "$cfg" ] || { echo "no config dependency"; return 1; }
	for what in "$hdr" "$cfg"; do
		touch -r "$what" "$out/stamp" && touch "$what" || return 1
		kmake "$samples" >"$out/bindings-dep.txt"
		rc=$?
		touch -r "$out/stamp" "$what"
		[ $rc = 0 ] || return 1
		has "BINDGEN $samples/.cxx/include/generated/cxx/bindings.h" "$out/bindings-dep.txt" &&
			has "PROOF   $samples/.cxx/bindings_check.[c,cpp]" "$out/bindings-dep.txt" &&
			has "CXX [M]  $samples/cxx_minimal.cxx.o" "$out/bindings-dep.txt" || return 1
		echo "${what#"$KDIR"/}: regenerated, proved, C++ rebuilt"
	done
	kmake "$samples" >"$out/bindings-dep.txt" || return 1
	hasnt "BINDGEN" "$out/bindings-dep.txt"
}

# Changing one file's flags (CXXFLAGS_<file>.o) rebuilds that file only,
# and the flag is on its command line.
test_flag_change() {
	kmake "$samples" V=1 CXXFLAGS_cxx_print.o=-DCXX_TEST_KNOB \
		>"$out/flag-change.txt" || return 1
	grep -E "g\+\+.* -DCXX_TEST_KNOB .*cxx_print\.cxx\.o" "$out/flag-change.txt" ||
		{ echo "no -DCXX_TEST_KNOB on cxx_print's command line"; return 1; }
	if grep -E "g\+\+.* -o [^ ]*cxx_(minimal|params)\.cxx\.o" "$out/flag-change.txt"; then
		echo "other objects were rebuilt"
		return 1
	fi
	kmake "$samples" >"$out/flag-change-back.txt" || return 1
	has "CXX [M]  $samples/cxx_print.cxx.o" "$out/flag-change-back.txt"
}

# A false layout claim stops the build through the real Kbuild path: a
# failed assertion appended to either generated proof fails `make`, with
# the compiler's message, and no .ko is linked. Then the true proofs build
# again.
test_proof_gate() {
	local proof=$samples/.cxx/bindings_check ko=$samples/cxx_minimal.ko ext
	local -A claim=([c]='_Static_assert(0, "cxx proof gate test");'
		[cpp]='static_assert(false, "cxx proof gate test");')
	for ext in c cpp; do
		[ -f "$proof.$ext" ] || { echo "no $proof.$ext"; return 1; }
		cp "$proof.$ext" "$out/proof-saved.$ext"
		echo "${claim[$ext]}" >>"$proof.$ext"
		touch "$samples/cxx_minimal.cpp"
		rm -f "$ko"
		if kmake "$samples" >"$out/proof-gate-$ext.txt" 2>&1; then
			echo "a false claim in bindings_check.$ext did not fail the build"
			cp "$out/proof-saved.$ext" "$proof.$ext"
			return 1
		fi
		cp "$out/proof-saved.$ext" "$proof.$ext"
		has "cxx proof gate test" "$out/proof-gate-$ext.txt" || return 1
		[ ! -e "$ko" ] || { echo "cxx_minimal.ko was linked"; return 1; }
		echo "bindings_check.$ext: the build failed, no .ko"
	done
	kmake "$samples" >"$out/proof-gate-back.txt" 2>&1 && [ -e "$ko" ]
}

# make clean leaves nothing behind but the sources.
test_clean() {
	kmake "$samples" clean || return 1
	diff <(cd "$samples" && find . | sort) "$out/samples-sources.txt"
}

# The builds the rest of the tests use: verbose, with W=1.
test_build_samples() {
	kmake "$samples" V=1 W=1 >"$out/build-samples.txt" 2>&1
	local rc=$?
	cat "$out/build-samples.txt"
	return $rc
}
test_build_test_modules() {
	kmake "$tmods" clean >/dev/null
	kmake "$tmods" V=1 W=1 >"$out/build-tmods.txt" 2>&1
	local rc=$?
	cat "$out/build-tmods.txt"
	return $rc
}

# W=1 and modpost have nothing to say about our code. Only the compiler
# and tool command lines V=1 echoes (indented, and without a "warning:" or
# "error:" of a diagnostic) are skipped: they name -Werror= and friends.
diagnostics() {
	awk '{ l = tolower($0) }
		l ~ /warning|error/ && (l ~ /(^|[ :])(warning|error):/ || $0 !~ /^  +[^ 0-9|]/)' "$@"
}
test_no_warnings() {
	! diagnostics "$out/build-samples.txt" "$out/build-tmods.txt" | grep .
}

# modpost finds every symbol, and every undefined symbol is a kernel export.
test_no_undefined() {
	local ko sym bad=0
	cat "$out/build-samples.txt" "$out/build-tmods.txt" | grep -F 'undefined!' && bad=1
	for ko in "$samples"/*.ko "$tmods"/*.ko; do
		# Weak undefined symbols (w) may stay unresolved: the loader
		# makes them NULL. Strong ones (U) must be kernel exports, or
		# exports of a module of the same directory (cxx_export).
		for sym in $(nm -u "$ko" | awk '$1 == "U" {print $2}'); do
			if ! awk -v s="$sym" '$2 == s { found = 1 } END { exit !found }' \
				"$KDIR/Module.symvers" "${ko%/*}/Module.symvers"; then
				echo "${ko##*/}: $sym is not exported by the kernel or a module beside it"
				bad=1
			fi
		done
	done
	return $bad
}

# Out of tree, a module links only the parts of the runtime it uses: the
# misc device allocates through Box (inline gfp new, kfree) and has no
# abstract class, so it carries no operator new/delete and no pure-virtual
# stub; the modules that use them do, and the aligned operator new only
# where an over-aligned type is allocated.
test_runtime_on_demand() {
	local defined='$2 ~ /^[TtWw]$/ { print $3 }'
	if nm "$samples/cxx_miscdev.ko" | awk "$defined" |
		grep -E '^(_Znwm|_ZdlPv|_ZdlPvm|__cxa_pure_virtual|__cxa_deleted_virtual)$'; then
		echo "cxx_miscdev.ko carries runtime parts it does not use"
		return 1
	fi
	nm "$tmods/cxx_pure_virtual.ko" | awk "$defined" | grep -qx __cxa_pure_virtual || {
		echo "cxx_pure_virtual.ko lacks __cxa_pure_virtual"
		return 1
	}
	nm "$tmods/cxx_runtime.ko" | awk "$defined" | grep -qx _Znwm || {
		echo "cxx_runtime.ko lacks operator new"
		return 1
	}
	# The aligned forms (new_aligned.o) only where a type aligned above 8
	# is allocated (-faligned-new=8): cxx_pure_virtual uses plain new only.
	nm "$tmods/cxx_aligned.ko" | awk "$defined" | grep -qx _ZnwmSt11align_val_t || {
		echo "cxx_aligned.ko lacks the aligned operator new"
		return 1
	}
	if nm "$tmods/cxx_pure_virtual.ko" | awk "$defined" | grep -x _ZnwmSt11align_val_t; then
		echo "cxx_pure_virtual.ko carries the aligned operator new it does not use"
		return 1
	fi
}

# objtool ran on every C++ object with the options C objects get, and left
# its ORC unwind tables and return-thunk sites in each module.
test_objtool() {
	local log=$out/build-tmods.txt obj c_opts cxx_opts
	c_opts=$(grep -oE "objtool/objtool [^;]* $tmods/mixed_helper.o" "$log" |
		sed "s| $tmods/mixed_helper.o||")
	[ -n "$c_opts" ] || { echo "objtool did not run on the C object"; return 1; }
	for obj in "$tmods/mixed_main.o" "$tmods/cxx_runtime.cxx.o" \
		"$tmods/.cxx/new.o" "$samples/cxx_minimal.cxx.o" \
		"$samples/cxx_params.cxx.o" "$samples/cxx_print.cxx.o"; do
		cxx_opts=$(cat "$out/build-samples.txt" "$log" |
			grep -oE "objtool/objtool [^;]* ${obj//./\\.}" | head -1 |
			sed "s| ${obj}||")
		[ "$cxx_opts" = "$c_opts" ] ||
			{ echo "objtool on $obj: '$cxx_opts' vs C: '$c_opts'"; return 1; }
		echo "objtool ran: $cxx_opts $obj"
	done
	for ko in "$samples"/*.ko "$tmods"/*.ko; do
		for sec in .orc_unwind .orc_unwind_ip .return_sites; do
			readelf -SW "$ko" | grep -F " $sec " >/dev/null ||
				{ echo "${ko##*/} has no $sec"; return 1; }
		done
	done
}

# The C++ command line is the kernel's C command line minus only what g++
# itself rejects as C-only, plus the C++ dialect flags.
test_flags_derived() {
	local log=$out/build-tmods.txt c cxx f missing=0
	c=$(grep -E "gcc[^ ]* .* -o $tmods/mixed_helper.o " "$log" | head -1 |
		sed 's/ -c -o .*//')
	cxx=$(grep -E "g\+\+[^ ]* .* -o $tmods/mixed_main.o " "$log" | head -1 |
		sed 's/ -c -o .*//')
	[ -n "$c" ] && [ -n "$cxx" ] || { echo "command lines not found"; return 1; }
	for f in $c; do
		case $f in
		gcc* | -Wp,-MMD,* | -DKBUILD_BASENAME=* | */compiler_types.h) continue ;;
		esac
		grep -qF -- " $f " <<<" $cxx " && continue
		# Dropped: g++ must refuse it for C++.
		verdict=$(LC_ALL=C g++ -x c++ -fsyntax-only "$f" - </dev/null 2>&1)
		if grep -qE "valid for C/ObjC but not for C\+\+|is not valid for C\+\+" \
			<<<"$verdict"; then
			echo "dropped C-only: $f"
		else
			echo "dropped but valid for C++: $f"
			missing=1
		fi
	done
	for f in -mcmodel=kernel -mno-red-zone -mno-sse -mno-mmx -mno-80387 \
		-mindirect-branch=thunk-extern -mfunction-return=thunk-extern \
		-fno-PIE -mfentry -fstack-protector-strong -DMODULE \
		-std=gnu++20 -fno-exceptions -fno-rtti -fno-threadsafe-statics; do
		grep -qF -- " $f " <<<" $cxx " || { echo "C++ lacks $f"; missing=1; }
	done
	return $missing
}

# cxxflags-y reaches every C++ object of the directory and no C object;
# CXXFLAGS_REMOVE_<file>.o takes it away from one file.
test_dir_and_file_knobs() {
	local log=$out/build-tmods.txt
	grep -E "g\+\+[^ ]* .* -DCXX_TEST_DIR_KNOB .* -o $tmods/mixed_main.o " "$log" >/dev/null ||
		{ echo "cxxflags-y missing on mixed_main.o"; return 1; }
	if grep -E " -DCXX_TEST_DIR_KNOB .* -o $tmods/(mixed_helper.o|cxx_runtime.cxx.o) " "$log"; then
		echo "cxxflags-y where it must not be"
		return 1
	fi
}

# The bindings generator (scripts/gen_cxx_bindings.py) reads the kernel's
# headers with the exact C command line of a module object and writes the
# C++ declarations plus two layout proofs: the C one must compile with that
# command line under gcc, the C++ one with the C++ command line under g++.
# Its output is deterministic, and C++ keywords used as names are escaped.
test_bindings() {
	local log=$out/build-tmods.txt d=$out/bindings args
	rm -rf "$d"
	mkdir -p "$d"
	# The command lines, one argument a line, without -c/-o/source/depfile.
	cmdline() {
		grep -E "^ *$1 .* -o $tmods/$2 " "$log" | head -1 | sed 's/;.*//' |
			/usr/bin/python3 -c 'import shlex, sys
a = shlex.split(sys.stdin.read())[1:]
out, skip = [], False
for x in a:
    if skip: skip = False; continue
    if x == "-o": skip = True; continue
    if x == "-c" or x.startswith("-Wp,-MMD") or x.endswith((".c", ".cpp")): continue
    out.append(x)
print("\n".join(out))'
	}
	cmdline 'gcc[^ ]*' mixed_helper.o >"$d/cflags.txt"
	cmdline 'g\+\+[^ ]*' mixed_main.o >"$d/cxxflags.txt"
	[ -s "$d/cflags.txt" ] && [ -s "$d/cxxflags.txt" ] || return 1
	gen() {
		(cd "$KDIR" && /usr/bin/python3 "$top/scripts/gen_cxx_bindings.py" --stats \
			--cflags-file "$d/cflags.txt" --header "$top/cxx/bindings_helper.h" \
			--helpers "$top/cxx/bindings_helpers.txt" --out-helpers "$d/$1/helpers" \
			--out-hpp "$d/$1/bindings.h" --out-check "$d/$1/bindings_check.c")
	}
	mkdir -p "$d/1" "$d/2"
	gen 1 || return 1
	gen 2 || return 1
	for f in bindings.h bindings_check.c bindings_check.cpp; do
		cmp "$d/1/$f" "$d/2/$f" || { echo "$f differs between two runs"; return 1; }
	done
	diff -r "$d/1/helpers" "$d/2/helpers" || { echo "helpers differ between two runs"; return 1; }
	echo "deterministic: $(wc -l <"$d/1/bindings.h") lines of C++"
	mapfile -t cf <"$d/cflags.txt"
	mapfile -t xf <"$d/cxxflags.txt"
	(cd "$KDIR" && gcc-12 "${cf[@]}" -fsyntax-only "$d/1/bindings_check.c") ||
		{ echo "C layout proof failed"; return 1; }
	(cd "$KDIR" && g++-12 "${xf[@]}" -fsyntax-only "$d/1/bindings_check.cpp") ||
		{ echo "C++ layout proof failed"; return 1; }
	echo "layout proofs: $(grep -c "^CXX_CHECK(" "$d/1/bindings_check.c") C and" \
		"$(grep -c "^CXX_CHECK(" "$d/1/bindings_check.cpp") C++ checks hold"
	# A wrong layout number must fail the C proof.
	sed '0,/^CXX_CHECK(sizeof(struct list_head) == 16,/s//CXX_CHECK(sizeof(struct list_head) == 24,/' \
		"$d/1/bindings_check.c" >"$d/1/wrong_check.c"
	cmp -s "$d/1/bindings_check.c" "$d/1/wrong_check.c" && { echo "no list_head check"; return 1; }
	if (cd "$KDIR" && gcc-12 "${cf[@]}" -fsyntax-only "$d/1/wrong_check.c" 2>"$d/wrong.txt"); then
		echo "a wrong size of struct list_head passed the C proof"
		return 1
	fi
	has "struct list_head: size" "$d/wrong.txt" || return 1
	# struct class (linux/device.h) is a C++ keyword: bound as class_.
	grep -E '^struct class_ \{' "$d/1/bindings.h" >/dev/null ||
		{ echo "struct class not escaped as class_"; return 1; }
	# Constants: plain, computed, ioctl numbers, strings; a printf format.
	for l in 'inline constexpr int EINVAL = 22;' \
		'inline constexpr unsigned int GFP_KERNEL = 0xcc0U;' \
		'inline constexpr unsigned long FS_IOC_GETFLAGS = 0x80086601UL;' \
		'inline constexpr char KERN_INFO[] = "\001" "6";' \
		'int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));' \
		'void *kzalloc(size_t size, gfp_t flags) __asm__("cxx_helper_kzalloc");'; do
		grep -qF -- "$l" "$d/1/bindings.h" || { echo "missing: $l"; return 1; }
	done
}

# C corner cases the kernel headers happen not to have
# (tools/testing/cxx/bindings/corner.h): both layout proofs hold, keywords
# are escaped, and renamed functions keep their C symbols.
test_bindings_corner_cases() {
	local d=$out/bindings-corner
	rm -rf "$d"
	mkdir -p "$d"
	printf '%s\n' -nostdinc "-I$here/bindings" -std=gnu11 -m64 -O2 >"$d/cflags.txt"
	printf '#include <corner.h>\n' >"$d/helper.h"
	/usr/bin/python3 "$top/scripts/gen_cxx_bindings.py" --stats --cflags-file "$d/cflags.txt" \
		--header "$d/helper.h" --filter-regex "$here/bindings/" \
		--out-hpp "$d/corner.hpp" --out-check "$d/corner_check.c" || return 1
	mapfile -t cf <"$d/cflags.txt"
	gcc-12 "${cf[@]}" -fsyntax-only "$d/corner_check.c" ||
		{ echo "C layout proof failed"; return 1; }
	g++-12 -std=gnu++20 -m64 -nostdinc -ffreestanding -fno-exceptions -fno-rtti \
		-Wall -fsyntax-only "$d/corner_check.cpp" ||
		{ echo "C++ layout proof failed"; return 1; }
	grep -E '^struct class_ \{' "$d/corner.hpp" &&
		grep -E 'int new_\(.*\) __asm__\("new"\);' "$d/corner.hpp" &&
		grep -E 'bits : 3;' "$d/corner.hpp"
}

# No C++ file of the project declares a kernel function, variable, struct
# or constant by hand: all come from the generated bindings. The checker
# itself must find each kind in a file that does (bindings/hand_decls.cpp).
test_no_hand_decls() {
	local b=$tmods/.cxx/include/generated/cxx/bindings.h n
	/usr/bin/python3 "$here/check_no_hand_decls.py" "$b" \
		$(cd "$top" && find "$top/include/cxx" "$top/cxx" "$top/samples/cxx" \
			"$here/modules" -name '*.cpp' -o -name '*.h' | grep -v '/\.cxx/' | sort) ||
		return 1
	/usr/bin/python3 "$here/check_no_hand_decls.py" "$b" "$here/bindings/hand_decls.cpp" \
		>"$out/hand-decls.txt" && { echo "hand_decls.cpp passed"; return 1; }
	cat "$out/hand-decls.txt"
	n=$(grep -c 'by hand$' "$out/hand-decls.txt")
	[ "$n" = "$(sed -n 's|^// expect: \([0-9]*\) findings$|\1|p' "$here/bindings/hand_decls.cpp")" ]
}

# A directory extends its own bindings from its Kbuild file
# (cxx-bindings-headers-y, cxx-bindings-helpers-y; tools/testing/cxx/extbind/):
# two directories binding different extra headers build at the same time
# against the same kernel, each bindings.h has its own extra declarations
# and not the other's, the directory's helper is linked into its module,
# and a change of the variable regenerates.
test_bindings_per_directory() {
	local ext=$here/extbind d b pids=()
	for d in debugfs procfs; do
		kmake "$ext/$d" clean >/dev/null
		kmake "$ext/$d" >"$out/extbind-$d.txt" 2>&1 &
		pids+=($!)
	done
	wait "${pids[0]}" && wait "${pids[1]}" || { tail -n 5 "$out"/extbind-*.txt; return 1; }
	b=.cxx/include/generated/cxx/bindings.h
	grep -E '^struct dentry \*debugfs_create_dir\(' "$ext/debugfs/$b" &&
		grep -E '^struct proc_dir_entry \*proc_create_single\(.*cxx_helper_proc_create_single' \
			"$ext/procfs/$b" &&
		grep -E '^struct proc_dir_entry \*proc_create_data\(' "$ext/procfs/$b" || return 1
	if grep -E '(proc_create_single|proc_create_data)\(' "$ext/debugfs/$b" ||
		grep -E 'debugfs_create_dir\(' "$ext/procfs/$b"; then
		echo "one directory's extra declarations are in the other's bindings"
		return 1
	fi
	nm "$ext/procfs/cxx_extbind_procfs.ko" | grep -E ' T cxx_helper_proc_create_single$' &&
		nm "$ext/debugfs/cxx_extbind_debugfs.ko" | grep -E ' U debugfs_create_dir$' || return 1
	# if_changed sees the variable on the command line: a change regenerates,
	# going back regenerates again, and then nothing does.
	kmake "$ext/debugfs" cxx-bindings-headers-y="linux/debugfs.h linux/proc_fs.h" \
		>"$out/extbind-change.txt" 2>&1 || return 1
	has "BINDGEN $ext/debugfs/$b" "$out/extbind-change.txt" &&
		grep -E '^struct proc_dir_entry \*proc_create_data\(' "$ext/debugfs/$b" || return 1
	kmake "$ext/debugfs" >"$out/extbind-change.txt" 2>&1 &&
		has "BINDGEN $ext/debugfs/$b" "$out/extbind-change.txt" &&
		kmake "$ext/debugfs" >"$out/extbind-change.txt" 2>&1 &&
		hasnt "BINDGEN" "$out/extbind-change.txt"
}

# Bad input to cxx-bindings-headers-y / cxx-bindings-helpers-y fails the
# build with a message that names the file, the line and the fix.
test_bindings_per_directory_bad_input() {
	local d=$out/extbind-bad
	# expect KBUILD-LINE HELPERS-FILE-TEXT MESSAGE: the build fails, saying so.
	expect() {
		rm -rf "$d"
		cp -r "$here/extbind/debugfs" "$d"
		rm -rf "$d/.cxx" "$d"/*.o "$d"/*.ko "$d"/.*.cmd
		sed -i "s|^cxx-bindings-headers-y := .*|$1|" "$d/Kbuild"
		printf '%b' "$2" >"$d/my_helpers.txt"
		if kmake "$d" CXX_FOR_LINUX="$top" >"$out/extbind-bad.txt" 2>&1; then
			echo "built with: $1 / $2"
			return 1
		fi
		grep -F "gen_bindings: error:" "$out/extbind-bad.txt"
		has "$3" "$out/extbind-bad.txt"
	}
	expect 'cxx-bindings-headers-y := linux/debugfs.h linux/no_such_header.h' '' \
		"$d/Kbuild:6: cxx-bindings-headers-y: no header <linux/no_such_header.h> in this kernel" &&
		has "fix: name it as #include does" "$out/extbind-bad.txt" || return 1
	local helpers='cxx-bindings-headers-y := linux/debugfs.h\ncxx-bindings-helpers-y :='
	expect "$helpers my_helpers.txt" '# x\n\ndebugfs_create_dir\n' \
		"$d/my_helpers.txt:3: debugfs_create_dir is an ordinary function: C++ calls it directly" || return 1
	expect "$helpers my_helpers.txt" 'no_such_function\n' \
		"$d/my_helpers.txt:1: no_such_function is not a static inline function of the bound headers" &&
		has "fix: bind the header that defines it (cxx-bindings-headers-y)" "$out/extbind-bad.txt" ||
		return 1
	expect "$helpers no_such_list.txt" '' \
		"$d/Kbuild:7: cxx-bindings-helpers-y: cannot read $d/no_such_list.txt"
}

# Static inline functions no helper list names are callable: the bindings
# declare every one as cxx_helper_<name>, and the module's build makes the
# wrappers its object leaves undefined, compiled as part of that module
# (tools/testing/cxx/extbind/inline: list, ktime, jiffies, debugfs). Its
# .ko defines exactly the helpers its object calls; one it does not call is
# declared but not carried. The coverage figure is printed.
test_inline_helpers() {
	local d=$here/extbind/inline b f
	b=$d/.cxx/include/generated/cxx
	kmake "$d" clean >/dev/null
	kmake "$d" >"$out/inline-helpers.txt" 2>&1 || { tail -n 20 "$out/inline-helpers.txt"; return 1; }
	has "GEN     $d/cxx_inline.cxx-helpers.c" "$out/inline-helpers.txt" &&
		has "CC [M]  $d/cxx_inline.cxx-helpers.o" "$out/inline-helpers.txt" || return 1
	for f in list_move list_is_singular list_is_last list_splice_init ms_to_ktime \
		ktime_to_ms ktime_add_ms ktime_after ktime_ms_delta jiffies_to_nsecs \
		get_jiffies_64 debugfs_create_xul; do
		if grep -E "(^|[ *])$f(\(|$)" "$top/cxx/bindings_helpers.txt"; then
			echo "$f is in the hand-kept list"
			return 1
		fi
		nm "$d/cxx_inline.ko" | grep -qE " T cxx_helper_$f$" ||
			{ echo "no wrapper of $f in cxx_inline.ko"; return 1; }
	done
	diff <(nm --defined-only "$d/cxx_inline.ko" | awk '$3 ~ /^cxx_helper_/ { print $3 }' | sort) \
		<(nm -u "$d/cxx_inline.cxx.o" | awk '$2 ~ /^cxx_helper_/ { print $2 }' | sort) ||
		{ echo "the .ko's helpers are not the ones its object calls"; return 1; }
	echo "cxx_inline.ko: $(nm "$d/cxx_inline.ko" | grep -c ' T cxx_helper_') helpers, the ones it calls"
	grep -E '^void list_rotate_left\(.*__asm__\("cxx_helper_list_rotate_left"\)' "$b/bindings.h" &&
		! nm "$d/cxx_inline.ko" | grep cxx_helper_list_rotate_left || return 1
	# Nothing is made again when nothing changed.
	kmake "$d" >"$out/inline-helpers-again.txt" 2>&1 &&
		hasnt "GEN" "$out/inline-helpers-again.txt" && hasnt "CC [M]" "$out/inline-helpers-again.txt" ||
		return 1
	sed -n 's/^# \(static inline functions: .*\)/coverage: \1/p' "$b/bindings_skipped.txt" | grep .
}

# How many static inline functions of the bindings C++ can really call:
# inline_coverage.sh compiles every on-demand wrapper with the module's
# command line and keeps those that compile and refer only to exported
# symbols. At least 95% of them.
test_inline_coverage() {
	"$here/inline_coverage.sh" "$here/extbind/inline" cxx_inline "$KDIR" |
		tee "$out/inline-coverage.txt" || return 1
	awk '/^coverage: / { c = $2; t = $4 } END { if (!t || c * 100 < t * 95) exit 1 }' \
		"$out/inline-coverage.txt" || { echo "below 95%"; return 1; }
}

# A module of a .cpp and a .c object (cxx_mixed-y := ...) links both.
test_mixed_module() {
	nm "$tmods/cxx_mixed.ko" | grep -w mixed_helper_sum &&
		nm "$tmods/cxx_mixed.ko" | grep -w init_module
}

# The locks forms.cpp defines at namespace scope are constinit (it would not
# compile otherwise) and leave the module no constructor to run: no
# .init_array in its object, and only the terminator in the .ko's
# .cxx_ctors. The check does see one where there is one: cxx_condvar's
# Mutex and CondVar are built from a LockClass, at load.
ctors_size() {
	objdump -h "$1" | awk '$2 == ".cxx_ctors" { print $3 }'
}
test_forms_no_ctors() {
	readelf -SW "$tmods/cxx_condvar.cxx.o" | grep -F .init_array &&
		[ "$(ctors_size "$tmods/cxx_condvar.ko")" != 00000008 ] ||
		{ echo "no constructor found in cxx_condvar: the check sees nothing"; return 1; }
	! readelf -SW "$tmods/forms.o" | grep -F .init_array &&
		[ "$(ctors_size "$tmods/cxx_forms.ko")" = 00000008 ]
}

# ---------------------------------------------------------------------------
# .modinfo
# ---------------------------------------------------------------------------

# kmod's modinfo reads each C++ module as a C one, and gen_modinfo.py agrees.
test_modinfo() {
	local ko name field kmod ours
	for ko in "$samples"/*.ko "$tmods"/*.ko; do
		name=${ko##*/}
		for field in author description license; do
			[ -n "$(modinfo -F $field "$ko")" ] ||
				{ echo "$name: no $field"; return 1; }
		done
		[ "$(modinfo -F license "$ko")" = GPL ] || return 1
		kmod=$(modinfo -F parm "$ko" | sed 's/:.*(\(.*\))$/ \1/' | sort)
		ours=$(python3 "$gen_modinfo" "$ko" |
			sed -n 's/^  \([a-z_]*\) *type=\(.*[^ ]\) *perm=.*/\1 \2/p' |
			sed 's/  *$//' | sort)
		echo "$name: kmod: $(echo $kmod) / gen_modinfo: $(echo $ours)"
		[ "$kmod" = "$ours" ] || { echo "$name: they differ"; return 1; }
	done
	# Repeated fields: every author and alias (in the order a C module
	# gives them: test_modinfo_bytes_as_c).
	[ "$(modinfo -F author "$tmods/cxx_lifetime.ko" | sort | tr '\n' '|')" = \
		"A Second Author|C++ for Linux Contributors|" ] || return 1
	[ "$(modinfo -F alias "$tmods/cxx_lifetime.ko" | sort | tr '\n' '|')" = \
		"cxx-lifetime-a|cxx-lifetime-b|" ] || return 1
	# One parm line per parameter, with the C type names.
	[ "$(modinfo -F parm "$samples/cxx_params.ko" | wc -l)" = \
		"$(grep -c '^MODULE_PARAM' "$samples/cxx_params.cpp")" ] || return 1
	has "my_int:An int (int)" <(modinfo "$samples/cxx_params.ko") &&
		has "my_charp:A string (charp)" <(modinfo "$samples/cxx_params.ko") &&
		has "my_array:Up to 4 ints (array of int)" <(modinfo "$samples/cxx_params.ko")
}

# modinfo_section FILE [BIN] - the raw bytes of FILE's .modinfo section, in
# hex, also left in BIN (objcopy cannot write an object's section to a pipe).
modinfo_section() {
	local bin=${2:-$(mktemp "$out/modinfo.XXXXXX")}
	objcopy -O binary --only-section=.modinfo "$1" "$bin" && od -An -v -tx1 -c "$bin"
	[ -n "${2:-}" ] || rm -f "$bin"
}

# modinfo_align FILE - the alignment of FILE's .modinfo section.
modinfo_align() {
	readelf -SW "$1" | sed -n 's/.* \.modinfo  *PROGBITS .* \([0-9][0-9]*\)$/\1/p'
}

# The .modinfo section of a C++ module is byte for byte that of its C twin,
# both in the object and in the .ko (where modpost's name=, vermagic= and so
# on follow): same strings, same order, no padding, same alignment. The C
# twins (tools/testing/cxx/twins/, and bench/c_minimal.c with the C++
# sample's description) are built under the C++ modules' names. Every other
# C++ module's .modinfo is packed too: 1-aligned, no NUL between strings.
test_modinfo_bytes_as_c() {
	local d=$out/c_twins m f cxx
	rm -rf "$d"
	mkdir -p "$d"
	cp "$here/twins/c_params.c" "$d/cxx_params.c"
	cp "$here/twins/c_lifetime.c" "$d/cxx_lifetime.c"
	sed 's/^MODULE_DESCRIPTION("C minimal sample");$/MODULE_DESCRIPTION("C++ minimal sample");/' \
		"$here/bench/c_minimal.c" >"$d/cxx_minimal.c"
	has 'MODULE_DESCRIPTION("C++ minimal sample");' "$d/cxx_minimal.c" || return 1
	echo 'obj-m += cxx_minimal.o cxx_params.o cxx_lifetime.o' >"$d/Kbuild"
	kmake "$d" >"$out/c_twins.txt" 2>&1 || { cat "$out/c_twins.txt"; return 1; }
	for m in "$samples/cxx_minimal" "$samples/cxx_params" "$tmods/cxx_lifetime"; do
		for f in ${m##*/}.o ${m##*/}.ko; do
			cxx=${m%/*}/$f
			echo "$f: C $(modinfo_align "$d/$f")-aligned, C++ $(modinfo_align "$cxx")-aligned"
			if ! cmp <(modinfo_section "$d/$f") <(modinfo_section "$cxx") ||
				[ "$(modinfo_align "$d/$f")" != "$(modinfo_align "$cxx")" ]; then
				echo "$f: .modinfo differs (< C, > C++):"
				diff <(modinfo_section "$d/$f") <(modinfo_section "$cxx") | head -n 12
				return 1
			fi
		done
	done
	for f in "$samples"/*.ko "$tmods"/*.ko; do
		f=${f%.ko}.o
		[ "$(modinfo_align "$f")" = 1 ] ||
			{ echo "${f##*/}: .modinfo is $(modinfo_align "$f")-aligned"; return 1; }
		modinfo_section "$f" "$out/modinfo.bin" >/dev/null &&
			tr -s '\0' <"$out/modinfo.bin" | cmp -s - "$out/modinfo.bin" ||
			{ echo "${f##*/}: .modinfo has padding NULs"; return 1; }
	done
}

# gen_modinfo.py rejects an inconsistent module object.
test_gen_modinfo_rejects() {
	local o=$out/broken.o
	python3 "$gen_modinfo" -q "$samples/cxx_params.o" || return 1
	python3 - "$samples/cxx_params.o" "$o" <<-'EOF' || return 1
	import sys
	data = open(sys.argv[1], "rb").read()
	old = b"parmtype=my_int:int\0"
	assert old in data
	open(sys.argv[2], "wb").write(data.replace(old, b"parmtype=my_inx:int\0"))
	EOF
	if python3 "$gen_modinfo" -q "$o"; then
		echo "a parmtype= without its parameter was accepted"
		return 1
	fi
	python3 "$gen_modinfo" -q "$o" 2>"$out/broken.txt"
	has 'parameter "my_inx" has parmtype= but no parm=' "$out/broken.txt" || return 1
	sed 's/license=GPL/license=BSD/' "$samples/cxx_params.o" >"$o"
	if python3 "$gen_modinfo" -q "$o"; then
		echo "a non-GPL license was accepted"
		return 1
	fi
}

# gen_modinfo.py reads malformed objects without a traceback: truncated
# files, sections or strings outside the file, a NOBITS .modinfo of 2^62
# bytes, a missing table, indexes pointing nowhere (made at test time by
# gen_bad_elf.py from cxx_params); each gets one line and the exit status
# gen_bad_elf.py gives: 2 (malformed), or 1 for a missing __param.
test_gen_modinfo_malformed() {
	local d=$out/bad_elf f want rc bad=0 n=0
	rm -rf "$d"
	for f in "$samples/cxx_params.o" "$samples/cxx_params.ko"; do
		python3 "$gen_modinfo" -q "$f" || return 1
		python3 "$here/gen_bad_elf.py" "$f" "$d" >"$d.list" || return 1
		while read -r f want; do
			n=$((n + 1))
			python3 "$gen_modinfo" -q "$f" 2>"$d/err.txt"
			rc=$?
			echo "${f##*/}: exit $rc: $(head -c 160 "$d/err.txt")"
			if [ $rc != "$want" ] || grep -q Traceback "$d/err.txt" ||
				{ [ "$want" = 2 ] && [ "$(wc -l <"$d/err.txt")" != 1 ]; }; then
				echo "  want exit $want, one line, no traceback"
				bad=1
			fi
		done <"$d.list"
	done
	echo "$n malformed objects"
	[ $bad = 0 ] && [ $n -gt 40 ]
}

# ---------------------------------------------------------------------------
# Compile-fail tests: misuse fails to compile, saying what to fix
# ---------------------------------------------------------------------------

test_compile_fail() {
	local f=$1 name exp dir=$out/compile_fail
	name=$(basename "$f" .cpp)
	exp=$(sed -n 's|^// expect: ||p' "$f")
	mkdir -p "$dir"
	cp "$f" "$dir/"
	{
		for g in "$here"/compile_fail/*.cpp; do
			echo "obj-m += $(basename "$g" .cpp).o"
			# A "// cxxflags-remove: FLAGS" line: compiled without them.
			sed -n "s|^// cxxflags-remove: |CXXFLAGS_REMOVE_$(basename "$g" .cpp).o += |p" "$g"
		done
		echo "include $top/scripts/Makefile.cxx"
	} >"$dir/Kbuild"
	# Kbuild unexports LC_ALL: g++ may quote with ‘’; make them plain.
	if kmake "$dir" "$name.cxx.o" >"$dir/$name.raw" 2>&1; then
		echo "$name compiled, but must not"
		return 1
	fi
	sed "s/\xe2\x80[\x98\x99]/'/g" "$dir/$name.raw" >"$dir/$name.txt"
	grep -F -- "$exp" "$dir/$name.txt" || {
		echo "expected message not found: $exp"
		grep -E 'error' "$dir/$name.txt" | head -5
		return 1
	}
}

# ---------------------------------------------------------------------------
# In QEMU
# ---------------------------------------------------------------------------

# step NAME - the guest output of one step of a guest script, from $log
# (default: the distribution kernel's guest.log).
step() {
	local from=${log:-$out/guest.log} name
	name=$(basename "$from" .log)-$1
	awk -v s="@@@ step $1" '$0 == s { on = 1; next } /^@@@ step / { on = 0 } on' \
		"$from" >"$out/step-$name.txt"
	echo "$out/step-$name.txt"
}

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
	CONFIG_X86_64= CONFIG_64BIT=|C++ for Linux: kernel $KVER is for x86, 32-bit; only x86_64 is supported
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
		gcc -static -O2 -Wall -Wextra -Werror -o "$out/api_test" "$here/user/api_test.c"
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

# Lines of the kernel log, module prefix and timestamp stripped.
klines() {
	sed -n '/^@@@ dmesg/,/^@@@ end/p' "$1" | sed -n "s/^\[[^]]*\] $2: //p"
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
# text that is no int fails and leaves it.
# api_ok STEP RCS - the step's exit codes were RCS ("@@@ rc 0|..."), every
# check of cxx_api and api_test passed, and cxx_api unloaded with the
# quantum api_test set and no counted object alive.
api_ok() {
	[ "$(grep '^@@@ rc' "$1" | tr '\n' '|')" = "$2" ] ||
		{ echo "unexpected exit codes"; return 1; }
	has "cxx_api: api tests done: 0 failed" "$1" && hasnt "FAIL" "$1" &&
		[ "$(grep -c 'cxx_api: ok ' "$1")" = 28 ] &&
		has "api_test: 0 failed" "$1" && [ "$(grep -c '^ok ' "$1")" = 22 ] &&
		has "cxx_api: quantum=123 at exit, 0 counted objects alive" "$1" &&
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

# Every sample and test module loaded and unloaded 20 times, each time
# printing its init and exit lines; nothing left loaded at the end.
test_cycles() {
	local s
	s=$(step cycles)
	cycles_counted "$s" 20 && has "cycle failures=0" "$s" &&
		has "cxx modules loaded=0" "$(step final)"
}

# ---------------------------------------------------------------------------
# In a kernel tree: the overlay and Kconfig
# ---------------------------------------------------------------------------

hook_files="Kbuild init/Kconfig samples/Kconfig samples/Makefile scripts/Makefile.build Makefile"

# A fresh unpack of the kernel source, for the overlay and Kconfig tests.
fresh=$out/fresh/linux-source-6.1
test_fresh_unpack() {
	rm -rf "$out/fresh"
	mkdir -p "$out/fresh"
	tar xf /usr/src/linux-source-6.1.tar.xz -C "$out/fresh" &&
		(cd "$fresh" && sha256sum $hook_files) >"$out/fresh/hooks.sha256"
}

# The overlay touches only the hook files and its own files; a second run
# changes nothing at all; --remove leaves the tree as it was.
test_overlay() {
	local stamp=$out/fresh/stamp f
	touch "$stamp"
	sleep 1
	"$top/scripts/cxx_overlay.sh" "$fresh" || return 1
	(cd "$fresh" && find . -newer "$stamp" -type f | sort) >"$out/overlay-changed.txt"
	for f in $hook_files; do
		has "./$f" "$out/overlay-changed.txt" || return 1
	done
	if grep -vE '^\./(cxx|include/cxx|samples/cxx|Documentation/cxx)/|^\./scripts/(Makefile\.cxx|cxx_(module|builtin)\.lds|gen_modinfo\.py|cxx_is_available\.sh)$|^\./\.cxx-overlay$' \
		"$out/overlay-changed.txt" | grep -vxF -f <(printf './%s\n' $hook_files); then
		echo "the overlay changed other files (above)"
		return 1
	fi
	echo "first run changed $(wc -l <"$out/overlay-changed.txt") files"
	touch "$stamp"
	sleep 1
	"$top/scripts/cxx_overlay.sh" "$fresh" || return 1
	[ -z "$(cd "$fresh" && find . -newer "$stamp")" ] ||
		{ echo "second run changed:"; (cd "$fresh" && find . -newer "$stamp"); return 1; }
	echo "second run changed nothing"
	"$top/scripts/cxx_overlay.sh" --remove "$fresh" || return 1
	(cd "$fresh" && sha256sum -c --quiet "$out/fresh/hooks.sha256") || return 1
	for f in cxx include/cxx samples/cxx Documentation/cxx scripts/Makefile.cxx \
		scripts/cxx_module.lds scripts/cxx_module_runtime.lds scripts/cxx_builtin.lds \
		scripts/gen_modinfo.py scripts/gen_cxx_bindings.py scripts/cxx_is_available.sh \
		.cxx-overlay; do
		[ ! -e "$fresh/$f" ] || { echo "left after --remove: $f"; return 1; }
	done
	echo "--remove restored the hook files and removed the layer"
	"$top/scripts/cxx_overlay.sh" "$fresh" >/dev/null
}

# In menuconfig terms: C++ support and the C++ samples can be switched on,
# and olddefconfig keeps them.
test_kconfig_enable() {
	local o=$out/fresh/o-cxx
	make -s -C "$fresh" O="$o" tinyconfig >/dev/null || return 1
	"$fresh/scripts/config" --file "$o/.config" --enable 64BIT --enable MODULES \
		--enable CXX --enable SAMPLES --enable SAMPLES_CXX \
		--module SAMPLE_CXX_MINIMAL --enable SAMPLE_CXX_PARAMS
	make -s -C "$fresh" O="$o" olddefconfig >/dev/null || return 1
	for c in CONFIG_CXX_IS_AVAILABLE=y CONFIG_CXX=y CONFIG_SAMPLES_CXX=y \
		CONFIG_SAMPLE_CXX_MINIMAL=m CONFIG_SAMPLE_CXX_PARAMS=y; do
		grep -qx "$c" "$o/.config" || { echo "$c lost"; return 1; }
	done
	make -s -C "$fresh" O="$o" cxxavailable | tee "$out/cxxavailable.txt"
	has "C++ is available!" "$out/cxxavailable.txt"
}

# Without g++ on PATH, CXX cannot be enabled and `make cxxavailable` says why.
test_kconfig_without_gxx() {
	local o=$out/fresh/o-nogxx bin=$out/fresh/bin-without-gxx f
	rm -rf "$bin"
	mkdir -p "$bin"
	for f in /usr/local/bin/* /usr/bin/* /bin/*; do
		case ${f##*/} in g++* | c++* | *-g++* | *-c++*) continue ;; esac
		[ -e "$bin/${f##*/}" ] || ln -s "$f" "$bin/${f##*/}"
	done
	PATH=$bin command -v g++ && { echo "g++ still on PATH"; return 1; }
	PATH=$bin make -s -C "$fresh" O="$o" tinyconfig >/dev/null || return 1
	"$fresh/scripts/config" --file "$o/.config" --enable 64BIT --enable CXX
	PATH=$bin make -s -C "$fresh" O="$o" olddefconfig >/dev/null || return 1
	grep -q '^CONFIG_CXX=y' "$o/.config" && { echo "CXX enabled without g++"; return 1; }
	grep -q '^CONFIG_CXX_IS_AVAILABLE=y' "$o/.config" && return 1
	if PATH=$bin make -s -C "$fresh" O="$o" cxxavailable >"$out/cxxavailable-nogxx.txt" 2>&1; then
		echo "cxxavailable succeeded without g++"
		return 1
	fi
	cat "$out/cxxavailable-nogxx.txt"
	has "C++ compiler 'g++' could not be found." "$out/cxxavailable-nogxx.txt"
}

# ---------------------------------------------------------------------------
# On the `make run` kernel: built in and modular C++ from the kernel tree
# ---------------------------------------------------------------------------

test_build_run_kernel() {
	"$here/kernel/build.sh" run >"$out/run-kernel.env"
}

test_boot_run_kernel() {
	(
		. "$out/run-kernel.env"
		"$here/qemu/boot.sh" --timeout 300 --kernel "$KIMAGE" \
			--tree "$STAGING" --gen-init-cpio "$GEN_INIT_CPIO" \
			--append "cxx_params.my_int=5 cxx_params.my_charp=boot" \
			--scenario "$here/guest_intree.sh" --log "$out/intree.log"
	)
}

istep() { log=$out/intree.log step "$1"; }

test_builtin_at_boot() {
	local s
	s=$(istep builtin)
	sed -n '/^@@@ boot log/,/^@@@ end/p' "$s" >"$out/builtin-boot.txt"
	has "cxx_params: C++ module parameters sample (init)" "$out/builtin-boot.txt" &&
		has "cxx_params: my_int=5" "$out/builtin-boot.txt" &&
		has "cxx_params: my_charp=boot" "$out/builtin-boot.txt" &&
		has "sysfs my_int=5" "$s" && has "sysfs my_charp=boot" "$s" &&
		has "kernel/samples/cxx/cxx_params.ko" "$s" &&
		has "cxx_params.license=GPL" "$s" &&
		has "cxx_params.parmtype=my_int:int" "$s" &&
		has "cxx_params.file=samples/cxx/cxx_params" "$s"
}

test_modprobe_intree() {
	local s
	s=$(istep modprobe)
	[ "$(grep -c '@@@ rc 0' "$s")" = 2 ] && has "loaded=0" "$s" &&
		has "cxx_minimal: C++ minimal sample (init)" "$s" &&
		has "cxx_minimal: My numbers are [72, 108, 200]" "$s"
}

test_insmod_intree() {
	local s
	s=$(istep insmod)
	[ "$(grep -c '@@@ rc 0' "$s")" = 2 ] &&
		has "cxx_print: C++ printing macros sample (exit)" "$s"
}

# On a kernel with CONFIG_CXX=y (vmlinux exports the list's helpers), a
# directory's own helper (cxx-bindings-helpers-y) is linked into its module
# from local_helpers.a, and the on-demand helpers into the module that
# calls them: extbind/procfs and extbind/inline, built against the `make
# run` kernel, load and unload there with a clean log.
test_run_kernel_extbind() {
	local d=$out/extbind-run m log=$out/extbind-run.log
	rm -rf "$d"
	mkdir -p "$d"
	cp -r "$here/extbind/procfs" "$here/extbind/inline" "$d/"
	(
		. "$out/run-kernel.env"
		for m in procfs inline; do
			make -C "$KBUILD" M="$d/$m" CXX_FOR_LINUX="$top" || exit 1
		done
	) >"$out/extbind-run-build.txt" 2>&1 || { tail -n 20 "$out/extbind-run-build.txt"; return 1; }
	has "AR      $d/procfs/.cxx/local_helpers.a" "$out/extbind-run-build.txt" &&
		nm "$d/procfs/cxx_extbind_procfs.ko" | grep ' T cxx_helper_proc_create_single$' &&
		nm "$d/inline/cxx_inline.ko" | grep ' T cxx_helper_list_move$' &&
		nm "$d/inline/cxx_inline.ko" | grep ' U cxx_helper_list_add_tail$' || return 1
	printf '%s\n' 'insmod cxx_extbind_procfs.ko; echo "@@@ rc $?"' \
		'echo "@@@ proc $(cat /proc/cxx_extbind)"' \
		'rmmod cxx_extbind_procfs; echo "@@@ rc $?"' \
		'insmod cxx_inline.ko; echo "@@@ rc $?"' \
		'mount -t debugfs none /sys/kernel/debug 2>/dev/null' \
		'echo "@@@ xul $(cat /sys/kernel/debug/cxx_inline/xul)"' \
		'rmmod cxx_inline; echo "@@@ rc $?"' >"$d/scenario.sh"
	(
		. "$out/run-kernel.env"
		"$here/qemu/boot.sh" --timeout 300 --kernel "$KIMAGE" --gen-init-cpio "$GEN_INIT_CPIO" \
			--scenario "$d/scenario.sh" --log "$log" \
			"$d/procfs/cxx_extbind_procfs.ko" "$d/inline/cxx_inline.ko"
	) || return 1
	[ "$(grep -c '@@@ rc 0' "$log")" = 4 ] &&
		has "@@@ proc hello from C++ through seq_file" "$log" &&
		has "@@@ xul 0x000000000000001f" "$log" &&
		has "cxx_inline: inline helpers: 0 checks failed" "$log"
}

test_intree_untainted() {
	has "tainted=0" "$(istep taint)"
}

# ---------------------------------------------------------------------------
# On the debug kernel
# ---------------------------------------------------------------------------

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
			"$out/miscdev_test" "$out/devlife_test" "$out/api_test"
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

# ---------------------------------------------------------------------------

t quiet_build test_quiet_build
t no_rebuild_when_unchanged test_no_rebuild
t header_dependency test_header_dependency
t bindings_regenerated_on_dependency_change test_bindings_deps
t per_file_flag_change test_flag_change
t bindings_proof_gates_the_build test_proof_gate
t clean test_clean
t build_samples_w1 test_build_samples
t build_test_modules_w1 test_build_test_modules
t no_warnings test_no_warnings
t no_undefined_symbols test_no_undefined
t runtime_linked_on_demand test_runtime_on_demand
t objtool_on_cxx_objects test_objtool
t flags_derived_from_kernel test_flags_derived
t dir_and_file_knobs test_dir_and_file_knobs
t mixed_c_cxx_module test_mixed_module
t static_locks_no_constructor test_forms_no_ctors
t bindings_generated_and_proved test_bindings
t bindings_corner_cases test_bindings_corner_cases
t no_handwritten_kernel_declarations test_no_hand_decls
t bindings_extended_per_directory test_bindings_per_directory
t bindings_per_directory_bad_input test_bindings_per_directory_bad_input
t inline_helpers_on_demand test_inline_helpers
t inline_helpers_coverage test_inline_coverage
t modinfo_kmod_and_gen_modinfo test_modinfo
t modinfo_bytes_as_c test_modinfo_bytes_as_c
t gen_modinfo_rejects_inconsistent test_gen_modinfo_rejects
t gen_modinfo_malformed_objects test_gen_modinfo_malformed
for f in "$here"/compile_fail/*.cpp; do
	t "compile_fail_$(basename "$f" .cpp)" test_compile_fail "$f"
done
t docs_parse /usr/bin/python3 "$here/check_docs.py" "$top/Documentation/cxx"
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
t qemu_miscdev_basic test_miscdev_basic
t qemu_miscdev_compat_ioctl test_miscdev_compat
t qemu_miscdev_rmmod_busy test_miscdev_busy
t qemu_miscdev_fuzz test_miscdev_fuzz
t qemu_miscdev_hammer test_miscdev_hammer
t qemu_hammer_loses_increments_without_lock test_hammer_lock
t qemu_miscdev_cycles test_miscdev_cycles
t qemu_pure_virtual_warns test_pure_virtual
t qemu_judge_expect_bounds test_judge_expect_bounds
t qemu_judge_lost_log_and_taint test_judge_lost_log
t fresh_kernel_source test_fresh_unpack
t overlay_idempotent_reversible test_overlay
t kconfig_enable_cxx_and_samples test_kconfig_enable
t kconfig_cxx_needs_gxx test_kconfig_without_gxx
t build_run_kernel test_build_run_kernel
t boot_run_kernel test_boot_run_kernel
t builtin_sample_at_boot_with_cmdline_params test_builtin_at_boot
t modprobe_after_depmod test_modprobe_intree
t insmod_intree_module test_insmod_intree
t intree_modules_untainted test_intree_untainted
t run_kernel_extended_and_inline_helpers test_run_kernel_extbind
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
t kmemleak_clean_after_last_rmmod test_kmemleak_clean
t debug_detectors_fire test_detectors
# reads the log of the detectors' boot, just above
t debug_hammer_loses_increments_without_lock test_debug_hammer_lock

# ---------------------------------------------------------------------------
# Debian's 6.12 kernel (IBT, BTF), out of tree: built and booted once
# ---------------------------------------------------------------------------

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

t objtool_no_warnings_6_1 test_no_objtool_warnings "$out/build-samples.txt" "$out/build-tmods.txt"
t k612_build_out_of_tree test_k612_build
t k612_objtool_no_warnings test_no_objtool_warnings "$k612/build-samples.txt" "$k612/build-tmods.txt"
t k612_boot_clean test_k612_boot
t k612_samples_load_unload test_k612_messages

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
