# SPDX-License-Identifier: GPL-2.0
#
# modinfo.sh - .modinfo: kmod reads C++ modules as C ones, byte for byte, and
# gen_modinfo.py rejects inconsistent or malformed objects.
#
# Sourced by run_tests.sh, in its order: `t NAME CMD...` registers a test
# (run after every area is read, in the order registered).

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

# Tests, in order.
t modinfo_kmod_and_gen_modinfo test_modinfo
t modinfo_bytes_as_c test_modinfo_bytes_as_c
t gen_modinfo_rejects_inconsistent test_gen_modinfo_rejects
t gen_modinfo_malformed_objects test_gen_modinfo_malformed
