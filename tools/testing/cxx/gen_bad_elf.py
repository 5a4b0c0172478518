#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write malformed copies of a kernel module object, for gen_modinfo.py.

    gen_bad_elf.py MODULE OUTDIR

MODULE is a real built module (.o or .ko, ELF64 little-endian, with
.modinfo, __param, .rela__param and .symtab). Each copy breaks one thing:
it is truncated, a section's offset, size, type or name is wrong, a table
is missing, an index points nowhere. For each, one line "FILE STATUS" is
printed: the exit status gen_modinfo.py must give (2: malformed or not a
module; 1: a readable module whose __param is missing, an inconsistency).
"""

import os
import struct
import sys

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
RELA = struct.Struct("<QQq")
SHT_PROGBITS, SHT_NOBITS = 1, 8
# Offsets of fields in the ELF header and in a section header.
E_SHOFF, E_SHENTSIZE, E_SHNUM, E_SHSTRNDX = 40, 58, 60, 62
SH_NAME, SH_TYPE, SH_OFFSET, SH_SIZE, SH_LINK, SH_INFO = 0, 4, 24, 32, 40, 44


class Module:
    """The original bytes and where its section headers are."""

    def __init__(self, data):
        self.data = data
        hdr = EHDR.unpack_from(data, 0)
        self.shoff, self.shnum, self.shstrndx = hdr[6], hdr[12], hdr[13]
        self.shdrs = [SHDR.unpack_from(data, self.shoff + i * SHDR.size)
                      for i in range(self.shnum)]
        strtab = self.shdrs[self.shstrndx]
        names = data[strtab[4]:strtab[4] + strtab[5]]
        self.index = {}
        for i, sh in enumerate(self.shdrs):
            name = names[sh[0]:names.index(b"\0", sh[0])].decode()
            self.index.setdefault(name, i)
        for name in (".modinfo", "__param", ".rela__param", ".symtab",
                     ".shstrtab"):
            if name not in self.index:
                sys.exit("gen_bad_elf.py: no %s section" % name)

    def shdr_at(self, name):
        """File offset of the section header of section @name."""
        return self.shoff + self.index[name] * SHDR.size

    def patch(self, edits):
        """A copy with (offset, format, value) edits applied."""
        out = bytearray(self.data)
        for off, fmt, value in edits:
            struct.pack_into(fmt, out, off, value)
        return bytes(out)

    def section(self, name, field, fmt, value):
        return self.patch([(self.shdr_at(name) + field, fmt, value)])

    def relas(self, pick, addend):
        """Set the addend of the .rela__param entries @pick(r_offset)."""
        sh = self.shdrs[self.index[".rela__param"]]
        edits = []
        for off in range(sh[4], sh[4] + sh[5], RELA.size):
            r_offset = struct.unpack_from("<Q", self.data, off)[0]
            if pick(r_offset):
                edits.append((off + 16, "<q", addend))
        assert edits, "no relocation picked"
        return self.patch(edits)


def cases(m):
    """(name, bytes, status) for every malformed copy."""
    n = len(m.data)
    shstr = m.shdrs[m.shstrndx]
    modinfo_name = m.shdrs[m.index[".modinfo"]][0]
    for cut in (0, 10, 40, n // 2, m.shoff + 3 * SHDR.size + 30, n - 1):
        yield "truncated-at-%d" % cut, m.data[:cut], 2
    yield "class32", m.data[:4] + b"\1" + m.data[5:], 2
    yield "shoff-past-end", m.patch([(E_SHOFF, "<Q", n + 64)]), 2
    yield "shentsize-wrong", m.patch([(E_SHENTSIZE, "<H", 32)]), 2
    yield "shnum-past-end", m.patch([(E_SHNUM, "<H", 0xfff0)]), 2
    yield "shnum-extended-huge", m.patch([(E_SHNUM, "<H", 0),
                                          (m.shoff + SH_SIZE, "<Q", 1 << 40)]), 2
    yield "shstrndx-zero", m.patch([(E_SHSTRNDX, "<H", 0)]), 2
    yield "shstrndx-past-end", m.patch([(E_SHSTRNDX, "<H", m.shnum + 5)]), 2
    yield "shstrndx-symtab", m.patch([(E_SHSTRNDX, "<H", m.index[".symtab"])]), 2
    yield "shstrtab-offset-past-end", m.section(".shstrtab", SH_OFFSET,
                                                "<Q", n), 2
    yield "shstrtab-unterminated", m.section(
        ".shstrtab", SH_SIZE, "<Q", modinfo_name + 3), 2
    yield "sh-name-past-end", m.section(".modinfo", SH_NAME, "<I",
                                        shstr[5] + 100), 2
    yield "sh-name-huge", m.section(".modinfo", SH_NAME, "<I", 0xffffffff), 2
    for name in (".modinfo", "__param", ".symtab"):
        yield name + "-offset-past-end", m.section(name, SH_OFFSET, "<Q", n), 2
        yield name + "-size-past-end", m.section(name, SH_SIZE, "<Q", n), 2
        yield name + "-size-huge", m.section(name, SH_SIZE, "<Q", 1 << 63), 2
        yield name + "-nobits-huge", m.patch([
            (m.shdr_at(name) + SH_TYPE, "<I", SHT_NOBITS),
            (m.shdr_at(name) + SH_SIZE, "<Q", 1 << 62)]), 2
        yield name + "-nobits", m.section(name, SH_TYPE, "<I", SHT_NOBITS), 2
    yield "no-modinfo", m.section(".modinfo", SH_NAME, "<I", 0), 2
    yield "no-param", m.section("__param", SH_NAME, "<I", 0), 1
    yield "no-symtab", m.section(".symtab", SH_TYPE, "<I", SHT_PROGBITS), 2
    yield "symtab-link-past-end", m.section(".symtab", SH_LINK, "<I",
                                            m.shnum + 1), 2
    yield "rela-info-past-end", m.section(".rela__param", SH_INFO, "<I",
                                          m.shnum + 1), 2
    yield "rela-link-not-symtab", m.section(".rela__param", SH_LINK, "<I",
                                            m.index[".modinfo"]), 2
    sh = m.shdrs[m.index[".rela__param"]]
    yield "rela-symbol-past-end", m.patch([(sh[4] + 8, "<Q",
                                            0xffffff << 32 | 1)]), 2
    # kernel_param: name at 0, arg/arr at 32 (sizeof 40).
    yield "param-name-negative", m.relas(lambda o: o % 40 == 0, -(1 << 40)), 2
    yield "param-name-past-end", m.relas(lambda o: o % 40 == 0, 1 << 40), 2
    yield "param-array-past-end", m.relas(lambda o: o % 40 == 32, 1 << 40), 2


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as f:
        m = Module(f.read())
    ext = os.path.splitext(sys.argv[1])[1]
    os.makedirs(sys.argv[2], exist_ok=True)
    for name, data, status in cases(m):
        path = os.path.join(sys.argv[2], name + ext)
        with open(path, "wb") as f:
            f.write(data)
        print(path, status)


if __name__ == "__main__":
    main()
