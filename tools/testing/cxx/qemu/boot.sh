#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# boot.sh - boot a Debian kernel in QEMU (TCG, never KVM) with a busybox
# initramfs, run a scenario script in it, and judge the result.
#
# Usage:
#   boot.sh [--kernel VMLINUZ] [--timeout SECONDS] [--append "CMDLINE"]
#           [--tree DIR] [--gen-init-cpio TOOL] [--allow-taint LETTERS] [--show]
#           [--icount] [--smp N] [--device SPEC]... [--expect REGEX]...
#           [--arch x86_64|arm64]
#           --scenario SCRIPT | --interactive | --judge LOG
#           --log LOGFILE [FILE...]
#
#   --kernel   kernel image to boot (default: VMLINUZ from kernel.sh)
#   --arch     x86_64 (default: qemu-system-x86_64 -machine q35, console
#              ttyS0, the host's /bin/busybox) or arm64 (qemu-system-aarch64
#              -M virt -cpu cortex-a57, console ttyAMA0, an Image, the arm64
#              busybox that qemu/deps.sh unpacks; BUSYBOX overrides either)
#   --timeout  seconds before QEMU is killed (default: 120)
#   --append   extra kernel command line (after the defaults: console=ttyS0
#              panic=-1 quiet loglevel=5 log_buf_len=16M, and on x86_64
#              no_timer_check)
#   --allow-taint LETTERS  taint flags to accept besides O and E (e.g. N,
#              which KUnit sets once it has run)
#   --tree     a directory whose contents are copied to / in the guest
#              (e.g. a modules_install staging tree with lib/modules/)
#   --gen-init-cpio  make the initramfs with this usr/gen_init_cpio of a
#              kernel build instead of cpio(1)
#   --show     also copy the serial console to stdout while it runs
#   --smp      number of virtual CPUs (default: 1); under TCG each is a
#              host thread
#   --device SPEC  one more QEMU device, given to QEMU as -device SPEC
#              (e.g. --device edu: QEMU's educational PCI device, which
#              samples/cxx/cxx_driver_pci drives); repeatable
#   --icount   run QEMU with -icount shift=0,sleep=off: the guest's clock
#              then advances one nanosecond per instruction executed, so
#              time deltas measured in the guest count instructions and
#              are the same on every run (for benchmarks)
#   --scenario shell script run by busybox sh in the guest as /scenario.sh,
#              working directory /lib/cxx
#   --interactive  no scenario: a BusyBox shell on the terminal (serial
#              on stdio, no --timeout unless given); `exit` ends it and the
#              log is judged; Ctrl-A x kills QEMU (then the judge fails it)
#   --expect REGEX  a kernel message the scenario must cause (extended
#              regular expression, matched against log lines without their
#              "[ time]" prefix); its splat is then no kernel report (see
#              below); repeatable, each must match
#   --judge LOG  boot nothing: judge LOG, the --log of an earlier boot,
#              again (e.g. with other --expect)
#   --log      where to write the serial console log (CR stripped)
#   FILE...    regular files (e.g. *.ko) copied into /lib/cxx/ in the guest
#
# The guest's /init prints these marker lines on the serial console:
#   === CXX-BENCH: scenario start ===
#   === CXX-BENCH: scenario exit status N ===
#   === CXX-BENCH: dmesg begin ===  ...whole kernel log...  === CXX-BENCH: dmesg end ===
#   === CXX-BENCH: kmsg first seq N ===
#   === CXX-BENCH: tainted T ===
#
# The kernel log: log_buf_len=16M holds every record of the longest
# scenario (the kernels' own 128 KiB do not), and the first record still in
# it must be record 0 (else it wrapped and records were lost before anyone
# read them). Records of level warning and above (WARNING, lockdep, UBSAN,
# KASAN, ... ) reach the serial console as they are logged (console level
# 5, also after the scenario's start), so a report is in the serial log even
# if the guest dies; info-level chatter is not printed live.
#
# Exit status: 0 if the scenario exited 0, the log has no kernel report
# (Oops, BUG, WARNING, Call Trace, general protection fault, Kernel panic,
# UBSAN, KASAN, kmemleak leak, hung task / RCU stall; lockdep's reports
# begin with WARNING: or BUG:), every marker line above is there, the kernel
# log did not wrap and the kernel is tainted with at most O (4096) and E
# (8192); 1 on a judged failure (one line per reason on stderr); 2 on a
# usage or setup error.
#
# An expected splat (--expect) is exempt from the report check: the line
# that matched, a "cut here" line just before it, and the report lines after
# it up to the end of its trace (" </TASK>"). The exemption ends early at
# the next splat: a "cut here" line, a second dump_stack() header ("CPU: N
# PID: N Comm:"), a second report line of one kind (WARNING:, BUG:, Oops,
# Call Trace:, ...), any report line after its trace began, 12 lines after
# the match if no header or trace started by then, or, if the matched line
# is no report line itself (a WARN's message, "page allocation failure"),
# a line before the header that is neither a report line nor one of a
# splat's (Modules linked in:, #PF:, PGD, ...). Taint W (a WARN)
# is allowed if an expected splat held the WARNING: line and no report is
# left unexempted.

set -euo pipefail

readonly PROG=boot.sh
readonly MARK="=== CXX-BENCH:"
readonly TAINT_LETTERS=(P F S R M B U D A W C I O E L K X T N)
# O (out-of-tree module) and E (unsigned module); --allow-taint adds more.
ALLOWED_TAINT=$((4096 | 8192))

usage() {
	sed -n '/^# Usage:/,/^#   FILE\.\.\./s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
	exit "${1:-2}"
}

die() {
	echo "$PROG: $*" >&2
	exit 2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

kernel=""
arch=x86_64
tree=""
gen_init_cpio=""
smp=1
timeout_s=""
append=""
scenario=""
log=""
show=0
icount=()
files=()
devices=()
expects=()
interactive=0
judge=""

while [[ $# -gt 0 ]]; do
	case "$1" in
	--kernel | --timeout | --append | --scenario | --log | --tree | --gen-init-cpio | --allow-taint | --smp | --expect | --judge | --device | --arch)
		[[ $# -ge 2 ]] || die "$1 needs an argument"
		case "$1" in
		--allow-taint)
			for ((i = 0; i < ${#2}; i++)); do
				for ((bit = 0; bit < ${#TAINT_LETTERS[@]}; bit++)); do
					[[ "${TAINT_LETTERS[bit]}" == "${2:i:1}" ]] &&
						ALLOWED_TAINT=$((ALLOWED_TAINT | (1 << bit)))
				done
			done
			;;
		--kernel) kernel=$2 ;;
		--arch) arch=$2 ;;
		--tree) tree=$2 ;;
		--gen-init-cpio) gen_init_cpio=$2 ;;
		--timeout) timeout_s=$2 ;;
		--smp) smp=$2 ;;
		--append) append=$2 ;;
		--scenario) scenario=$2 ;;
		--log) log=$2 ;;
		--expect) expects+=("$2") ;;
		--device) devices+=(-device "$2") ;;
		--judge) judge=$2 ;;
		esac
		shift 2
		;;
	--show)
		show=1
		shift
		;;
	--interactive)
		interactive=1
		shift
		;;
	--icount)
		icount=(-icount shift=0,sleep=off)
		shift
		;;
	-h | --help)
		usage 0
		;;
	--)
		shift
		files+=("$@")
		break
		;;
	-*)
		echo "$PROG: unknown option $1" >&2
		usage >&2
		;;
	*)
		files+=("$1")
		shift
		;;
	esac
done

# The machine each architecture boots on (TCG), and its serial console.
case $arch in
x86_64)
	qemu_bin=qemu-system-x86_64 qemu_pkg=qemu-system-x86
	machine=(-machine q35 -cpu max)
	console_dev=ttyS0 arch_append=no_timer_check
	busybox=${BUSYBOX:-/bin/busybox}
	;;
arm64)
	qemu_bin=qemu-system-aarch64 qemu_pkg=qemu-system-arm
	machine=(-machine virt -cpu cortex-a57)
	console_dev=ttyAMA0 arch_append=
	busybox=${BUSYBOX:-${CXX_ARM64_TOOLCHAIN:-/opt/cxx-for-linux/aarch64}/busybox/busybox}
	;;
*) die "--arch $arch: x86_64 or arm64" ;;
esac

if [[ -n "$judge" ]]; then
	[[ -f "$judge" ]] || die "--judge $judge: not a file"
	log=$judge
elif [[ $interactive -eq 1 ]]; then
	[[ -z "$scenario" ]] || die "--interactive and --scenario exclude each other"
else
	[[ -n "$scenario" ]] || die "--scenario (or --interactive) is required"
	[[ -f "$scenario" ]] || die "scenario $scenario: not a file"
fi
[[ -n "$log" ]] || die "--log is required"
if [[ -z "$timeout_s" ]]; then
	timeout_s=120
	[[ $interactive -eq 0 ]] || timeout_s=0
fi
[[ "$timeout_s" =~ ^[1-9][0-9]*$ || ($interactive -eq 1 && "$timeout_s" == 0) ]] ||
	die "--timeout $timeout_s: not a positive integer"
[[ "$smp" =~ ^[1-9][0-9]*$ ]] || die "--smp $smp: not a positive integer"
for f in "${files[@]}"; do
	[[ -f "$f" ]] || die "$f: not a regular file"
done

if [[ -n "$judge" ]]; then
	qrc=0 elapsed=0
else # the boot, up to "--- judge ---"

if [[ -z "$kernel" ]]; then
	kinfo=$("$here/kernel.sh") || exit 2
	VMLINUZ=""
	eval "$kinfo"
	kernel=$VMLINUZ
fi
[[ -r "$kernel" ]] || die "kernel $kernel: not readable"

command -v "$qemu_bin" >/dev/null || die "$qemu_bin not found (install $qemu_pkg, see deps.sh)"
command -v cpio >/dev/null || die "cpio not found (install cpio, see deps.sh)"

[[ -x "$busybox" ]] || die "$busybox not found (install busybox-static, see deps.sh)"
if command -v readelf >/dev/null; then
	if readelf -lW "$busybox" 2>/dev/null | grep -q 'INTERP'; then
		die "$busybox is dynamically linked (install busybox-static, see deps.sh)"
	fi
elif command -v file >/dev/null; then
	if ! file -L "$busybox" | grep -Eq 'statically linked|static-pie'; then
		die "$busybox is not statically linked (install busybox-static, see deps.sh)"
	fi
fi

: >"$log" || die "cannot write log $log"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxx-bench.XXXXXX")
qpid=""
cleanup() {
	if [[ -n "$qpid" ]]; then
		kill "$qpid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- initramfs ---------------------------------------------------------

root=$tmp/root
mkdir -p "$root"/{bin,dev,proc,sys,tmp,run,lib/cxx}
cp "$busybox" "$root/bin/busybox"
if [[ $interactive -eq 1 ]]; then
	scenario=$tmp/interactive.sh
	cat >"$scenario" <<-'EOF'
	echo "BusyBox shell: 'exit' (or Ctrl-D) ends the boot, then the log is judged"
	setsid cttyhack sh
	EOF
fi
cp "$scenario" "$root/scenario.sh"
for f in "${files[@]}"; do
	cp "$f" "$root/lib/cxx/"
done
if [[ -n "$tree" ]]; then
	[[ -d "$tree" ]] || die "--tree $tree: not a directory"
	cp -a "$tree/." "$root/"
fi

cat >"$root/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
# Warnings and worse on the console as they happen; info and debug not.
dmesg -n 5
echo "=== CXX-BENCH: scenario start ==="
cd /lib/cxx
sh /scenario.sh
rc=$?
cd /
echo "=== CXX-BENCH: scenario exit status $rc ==="
echo "=== CXX-BENCH: dmesg begin ==="
dmesg
echo "=== CXX-BENCH: dmesg end ==="
# The sequence number of the oldest record left (0 unless the log wrapped).
echo "=== CXX-BENCH: kmsg first seq $(head -n 1 /dev/kmsg | cut -d, -f2) ==="
echo "=== CXX-BENCH: tainted $(cat /proc/sys/kernel/tainted) ==="
sync
reboot -f
echo o >/proc/sysrq-trigger
while :; do sleep 1; done
EOF
chmod 0755 "$root/init" "$root/bin/busybox"

# Emit one newc cpio header + name (padded to 4 bytes).
# Args: ino mode nlink filesize rdevmajor rdevminor name
newc_header() {
	local namesize=$((${#7} + 1))
	local pad=$(((4 - (110 + namesize) % 4) % 4))
	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$1" "$2" 0 0 "$3" 0 "$4" 0 0 "$5" "$6" "$namesize" 0
	printf '%s\0' "$7"
	head -c "$pad" /dev/zero
}

initramfs=$tmp/initramfs.cpio
if [[ -n "$gen_init_cpio" ]]; then
	# The kernel's own tool, from a list of what goes in (see
	# Documentation/driver-api/early-userspace/early_userspace_support.rst).
	[[ -x "$gen_init_cpio" ]] || die "--gen-init-cpio $gen_init_cpio: not executable"
	(
		cd "$root"
		echo "nod /dev/console 0600 0 0 c 5 1"
		find . -mindepth 1 | LC_ALL=C sort | while IFS= read -r p; do
			n=${p#.}
			m=$(stat -c %a "$p")
			if [[ -L "$p" ]]; then
				echo "slink $n $(readlink "$p") $m 0 0"
			elif [[ -d "$p" ]]; then
				echo "dir $n $m 0 0"
			else
				echo "file $n $root$n $m 0 0"
			fi
		done
	) >"$tmp/initramfs.list"
	"$gen_init_cpio" "$tmp/initramfs.list" >"$initramfs" ||
		die "gen_init_cpio failed"
else
	(cd "$root" && find . -mindepth 1 -print0 | LC_ALL=C sort -z |
		cpio --null --quiet -o -H newc -R 0:0) >"$initramfs"
	# /dev/console must exist in the initramfs so that /init gets a
	# console; append a second archive holding just that node (works
	# without root).
	{
		newc_header $((0x7fff0001)) $((0020600)) 1 0 5 1 dev/console
		newc_header 0 0 1 0 0 0 'TRAILER!!!'
	} >>"$initramfs"
fi

# --- boot --------------------------------------------------------------

serial=$tmp/serial.log
: >"$serial"
start=$(date +%s)
# no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer
# check can miss its ticks and panic ("IO-APIC + timer doesn't work").
# --interactive: the serial console and QEMU's monitor (Ctrl-A c) on the
# terminal, and logged to $serial; QEMU in the foreground to read it.
console=(-serial "file:$serial")
fg=()
if [[ $interactive -eq 1 ]]; then
	console=(-chardev "stdio,id=con,mux=on,signal=off,logfile=$serial"
		-serial chardev:con -mon chardev=con)
	fg=(--foreground)
fi
qemu=(timeout "${fg[@]}" -k 10 "$timeout_s" "$qemu_bin"
	-accel tcg "${machine[@]}" -m 512M -smp "$smp" "${icount[@]}"
	-nodefaults -display none -monitor none -no-reboot "${devices[@]}"
	"${console[@]}"
	-kernel "$kernel" -initrd "$initramfs"
	-append "console=$console_dev panic=-1 quiet loglevel=5 log_buf_len=16M $arch_append $append")
qrc=0
if [[ $interactive -eq 1 ]]; then
	"${qemu[@]}" || qrc=$?
else
	"${qemu[@]}" </dev/null &
	qpid=$!
	if [[ $show -eq 1 ]]; then
		tail -n +1 -f --pid="$qpid" "$serial" || true
	fi
	wait "$qpid" || qrc=$?
	qpid=""
fi
elapsed=$(($(date +%s) - start))
tr -d '\r' <"$serial" >"$log"
fi

# --- judge -------------------------------------------------------------

if [[ $qrc -ne 0 && $qrc -ne 124 && $qrc -ne 137 && ! -s "$log" ]]; then
	die "$qemu_bin failed (exit $qrc) before the guest printed anything"
fi

fail=0
reason() {
	echo "$PROG: $*" >&2
	fail=1
}

if [[ $qrc -eq 124 || $qrc -eq 137 ]]; then
	reason "timed out after $timeout_s s"
fi

status_line=$(grep -E "^$MARK scenario exit status [0-9]+ ===\$" "$log" | tail -n 1 || true)
if [[ -z "$status_line" ]]; then
	if ! grep -qF "$MARK scenario start ===" "$log"; then
		reason "scenario did not start (qemu exit $qrc)"
	else
		reason "scenario did not finish (qemu exit $qrc)"
	fi
else
	src=${status_line#"$MARK scenario exit status "}
	src=${src%" ==="}
	if [[ "$src" != 0 ]]; then
		reason "scenario exited $src"
	fi
fi

# Kernel report lines: strip "<N>", "[ time]" and "[ Tpid]" prefixes, allow
# one "subsys: " prefix (e.g. "watchdog: BUG: soft lockup"), then match.
report_re='^([A-Za-z0-9_.-]+: )?(Oops([: ]|$)|BUG[: ]|kernel BUG at|WARNING:|Call Trace:|general protection fault|Kernel panic|UBSAN:|KASAN:|unreferenced object 0x|kmemleak: .*suspected memory leak|INFO: .*(stall|blocked for more than)|-+\[ cut here \]-+)'
stripped() {
	sed -E 's/^<[0-9]+>//; s/^\[ *[0-9]+\.[0-9]+\] ?//; s/^\[ *[CT][0-9]+\] ?//' "$log"
}
# "N I": line N (not a marker line) matches --expect number I.
expected_lines() {
	for ((i = 0; i < ${#expects[@]}; i++)); do
		stripped | grep -nE -- "${expects[i]}" | grep -vF "$MARK" |
			sed "s/:.*/ $i/" || true
	done
}
# Prints the report lines left after the expected splats' exemption (see
# the top), "M I" for an --expect I that matched nothing and "W" if an
# expected splat held a WARNING: line.
exempt='
function kind(l) {
	if (l ~ /^-+\[ cut here \]-+$/) return "cut"
	if (l ~ /^CPU: [0-9]+ PID: [0-9]+ Comm:/) return "cpu"
	if (l !~ ENVIRON["report_re"]) return ""
	if (!match(l, /Oops|kernel BUG at|BUG[: ]|WARNING:|Call Trace:|general protection fault|Kernel panic|UBSAN:|KASAN:|unreferenced object|kmemleak|INFO:|cut here/))
		return "report"
	return substr(l, RSTART, RLENGTH)
}
function flush() { if (pend != "") print "R " pend; pend = "" }
function take(k) {
	if (k != "") seen[k] = 1
	if (k == "Call Trace:") trace = 1
	if (k == "WARNING:") warn = 1
}
FILENAME == ARGV[1] { ex[$1] = 1; found[$2] = 1; next }
{
	l = $0
	if (index(l, mark) == 1) { flush(); region = 0; next }
	k = kind(l)
	if (region) {
		n++
		head = !trace && !("cpu" in seen)
		if (k == "cut" || (k != "" && (k in seen || trace)) ||
		    (FNR in ex && trace) || (head && n > 12) ||
		    (head && k == "" && !report && l !~ ENVIRON["head_re"])) {
			region = 0
		} else {
			take(k)
			if (l ~ /^ *<\/TASK>$/) region = 0
			next
		}
	}
	if (FNR in ex) {
		pend = ""; region = 1; n = 0; trace = 0; split("", seen)
		report = k != ""
		take(k)
		next
	}
	flush()
	if (k == "cut") pend = l
	else if (k != "" && k != "cpu") print "R " l
}
END {
	flush()
	for (i = 0; i < ne; i++) if (!(i in found)) print "M " i
	if (warn) print "W"
}'
for re in "${expects[@]}"; do
	rc=0
	grep -qE -- "$re" </dev/null || rc=$?
	[[ $rc -le 1 ]] || die "--expect $re: bad regular expression"
done
# Lines of a splat before its dump_stack() header, after a message that is
# not itself a report line (WARN's message, "page allocation failure").
head_re='^$|^Modules linked in:|^#PF: |^(PGD|P4D|PUD|PMD|PTE) |^invalid opcode:|^Hardware name:'
mapfile -t judged < <(report_re=$report_re head_re=$head_re awk -v mark="$MARK" -v ne=${#expects[@]} \
	"$exempt" <(expected_lines) <(stripped))
reports=()
for j in "${judged[@]}"; do
	case "$j" in
	"R "*) reports+=("${j#R }") ;;
	"M "*) reason "expected kernel message not in log: ${expects[${j#M }]}" ;;
	W) ALLOWED_TAINT=$((ALLOWED_TAINT | 512)) ;;
	esac
done
mapfile -t reports < <(printf '%s\n' "${reports[@]}" | awk 'NF && !seen[$0]++')
max_reports=20
for ((i = 0; i < ${#reports[@]} && i < max_reports; i++)); do
	reason "kernel report in log: ${reports[i]}"
done
if [[ ${#reports[@]} -gt $max_reports ]]; then
	reason "... and $((${#reports[@]} - max_reports)) more kernel report lines"
fi

# The whole kernel log was printed, and nothing of it was lost.
if [[ $(grep -cxF "$MARK dmesg begin ===" "$log") != 1 ||
	$(grep -cxF "$MARK dmesg end ===" "$log") != 1 ]] ||
	! sed -n "/^$MARK dmesg begin ===\$/,\$p" "$log" | grep -qxF "$MARK dmesg end ==="; then
	reason "no single '$MARK dmesg begin/end ===' pair: the kernel log was not printed whole"
fi
seq_line=$(grep -E "^$MARK kmsg first seq [0-9]* ===\$" "$log" | tail -n 1 || true)
if [[ -z "$seq_line" ]]; then
	reason "no '$MARK kmsg first seq N ===' line"
elif [[ "$seq_line" != "$MARK kmsg first seq 0 ===" ]]; then
	first=${seq_line#"$MARK kmsg first seq "}
	reason "the kernel log wrapped (oldest record left: ${first%" ==="}):" \
		"records were lost; raise log_buf_len"
fi

taint_line=$(grep -E "^$MARK tainted [0-9]+ ===\$" "$log" | tail -n 1 || true)
if [[ -z "$taint_line" ]]; then
	reason "no '$MARK tainted N ===' line: the kernel's taint is unknown"
else
	taint=${taint_line#"$MARK tainted "}
	taint=${taint%" ==="}
	if ((taint & ~ALLOWED_TAINT)); then
		letters=() bad=()
		for ((bit = 0; bit < ${#TAINT_LETTERS[@]}; bit++)); do
			if ((taint & (1 << bit))); then
				letters+=("${TAINT_LETTERS[bit]}")
				if ((~ALLOWED_TAINT & (1 << bit))); then
					bad+=("${TAINT_LETTERS[bit]}=$((1 << bit))")
				fi
			fi
		done
		if ((taint >> ${#TAINT_LETTERS[@]})); then
			bad+=("bits>=${#TAINT_LETTERS[@]}")
		fi
		reason "kernel tainted $taint ($(
			IFS=
			echo "${letters[*]}"
		)): not allowed: ${bad[*]} (allowed mask: $ALLOWED_TAINT)"
	fi
fi

if [[ $fail -ne 0 ]]; then
	echo "$PROG: FAIL after $elapsed s, log: $log" >&2
	exit 1
fi
echo "$PROG: ok after $elapsed s, log: $log"
