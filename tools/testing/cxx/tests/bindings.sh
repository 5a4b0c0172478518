# SPDX-License-Identifier: GPL-2.0
#
# bindings.sh - The generated bindings: proved layouts, corner cases, no hand-written
# kernel declarations, per-directory extensions, inline helpers on demand.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

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
		--target x86_64-linux-gnu --header "$d/helper.h" --filter-regex "$here/bindings/" \
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
# and a change of the variable regenerates. An object-like macro that
# renames a function (#define debugfs_remove_recursive debugfs_remove) is
# a reference to that function in C++, which the module calls.
test_bindings_per_directory() {
	local ext=$here/extbind d b pids=()
	for d in debugfs procfs; do
		kmake "$ext/$d" clean >/dev/null
		kmake "$ext/$d" >"$out/extbind-$d.txt" 2>&1 &
		pids+=($!)
	done
	wait "${pids[0]}" && wait "${pids[1]}" || { tail -n 5 "$out"/extbind-*.txt; return 1; }
	b=.cxx/include/generated/cxx/bindings.h
	grep -E '^int register_reboot_notifier\(' "$ext/debugfs/$b" &&
		grep -E '^struct proc_dir_entry \*proc_create_single\(.*cxx_helper_proc_create_single' \
			"$ext/procfs/$b" &&
		grep -E '^struct proc_dir_entry \*proc_create_data\(' "$ext/procfs/$b" &&
		grep -xF 'inline constexpr auto &debugfs_remove_recursive = debugfs_remove; /* #define debugfs_remove_recursive debugfs_remove */' \
			"$ext/debugfs/$b" || return 1
	if grep -E '(proc_create_single|proc_create_data)\(' "$ext/debugfs/$b" ||
		grep -E 'register_reboot_notifier\(' "$ext/procfs/$b"; then
		echo "one directory's extra declarations are in the other's bindings"
		return 1
	fi
	nm "$ext/procfs/cxx_extbind_procfs.ko" | grep -E ' T cxx_helper_proc_create_single$' &&
		nm "$ext/debugfs/cxx_extbind_debugfs.ko" | grep -E ' U register_reboot_notifier$' &&
		nm "$ext/debugfs/cxx_extbind_debugfs.ko" | grep -E ' U debugfs_remove$' || return 1
	# if_changed sees the variable on the command line: a change regenerates,
	# going back regenerates again, and then nothing does.
	kmake "$ext/debugfs" cxx-bindings-headers-y="linux/debugfs.h linux/reboot.h linux/proc_fs.h" \
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

# Tests, in order.
t bindings_generated_and_proved test_bindings
t bindings_corner_cases test_bindings_corner_cases
t no_handwritten_kernel_declarations test_no_hand_decls
t bindings_extended_per_directory test_bindings_per_directory
t bindings_per_directory_bad_input test_bindings_per_directory_bad_input
t inline_helpers_on_demand test_inline_helpers
t inline_helpers_coverage test_inline_coverage
