#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print and cross-check the module information of a kernel module object.

Given a kernel module object -- a relocatable ELF ``.o`` (as produced by
``ld -r``) or a final ``.ko`` -- this script reads

* the ``.modinfo`` section: NUL-terminated ``key=value`` strings, where
  built-in objects prefix each key with ``modname.``;
* the ``__param`` section: an array of ``struct kernel_param``, whose pointer
  fields are resolved through their RELA relocations (``.rela__param`` and,
  for ``module_param_array()``, the relocation section of whatever section
  holds the ``struct kparam_array``),

prints a readable report and checks that they agree with each other:

* a GPL-compatible ``license=`` is present (the list in
  include/linux/license.h);
* every ``parm=``, ``parmtype=`` and ``__param`` entry has its two partners;
* the ``parmtype=`` type matches the type implied by the ``__param`` ops
  (``param_ops_int`` -> ``int``, ``param_array_ops`` -> ``array of <T>``);
  custom ``kernel_param_ops`` are shown as ``custom(<symbol>)`` and accepted;
* keys that must be unique (license, description, name, version) and
  parameter names are not duplicated.

Only ELFCLASS64 little-endian objects (x86_64, arm64) are supported.  Only the
Python standard library is used.

Every size, offset and index read from the file is checked against the
file's length and section table before use: a malformed file (truncated,
sections or string offsets outside it, a ``.modinfo`` or table without
contents, a relocation without its symbol table) is reported in one line.

Exit status: 0 consistent; 1 inconsistent module (no GPL-compatible
license, a ``parm=``, ``parmtype=`` or ``__param`` entry without its
partners -- also when the ``__param`` section is missing --, a type
mismatch, a duplicated key or parameter); 2 usage error, or an unreadable,
malformed or unsupported file (including one without a ``.modinfo``
section: not a kernel module object).
"""

import argparse
import os
import struct
import sys
import tempfile

PROG = "gen_modinfo.py"

EXIT_OK = 0
EXIT_INCONSISTENT = 1
EXIT_USAGE = 2

# include/linux/license.h: license_is_gpl_compatible()
GPL_COMPATIBLE = (
    "GPL",
    "GPL v2",
    "GPL and additional rights",
    "Dual BSD/GPL",
    "Dual MIT/GPL",
    "Dual MPL/GPL",
)
UNIQUE_KEYS = ("license", "description", "name", "version")

# ELF constants
ELFCLASS64 = 2
ELFDATA2LSB = 1
ET_REL = 1
ELF_TYPES = {1: "relocatable", 2: "executable", 3: "shared object"}
SHT_SYMTAB = 2
SHT_RELA = 4
SHT_NOBITS = 8
SHT_REL = 9
SHT_SYMTAB_SHNDX = 18
SHF_ALLOC = 0x2
SHN_UNDEF = 0
SHN_LORESERVE = 0xFF00
SHN_ABS = 0xFFF1
SHN_COMMON = 0xFFF2
SHN_XINDEX = 0xFFFF
STT_SECTION = 3
STT_FILE = 4
STB_LOCAL = 0

EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
RELA = struct.Struct("<QQq")
REL = struct.Struct("<QQ")

# struct kernel_param (LP64: x86_64, arm64): name@0 mod@8 ops@16 perm@24 level@26
# flags@27 arg/arr@32, sizeof 40.
KP_SIZE = 40
KP_NAME, KP_OPS, KP_ARG = 0, 16, 32
KP_SCALARS = struct.Struct("<Hbb")  # perm, level, flags at offset 24
KP_SCALARS_OFF = 24
# struct kparam_array: max@0 elemsize@4 num@8 ops@16 elem@24, sizeof 32.
KPA_SIZE = 32
KPA_SCALARS = struct.Struct("<II")
KPA_OPS = 16

PARAM_FLAGS = {0x1: "UNSAFE", 0x2: "HWPARAM"}


class ElfError(Exception):
    """The file is not an ELF object this script can read."""


class Section:
    """One section header plus its name."""

    def __init__(self, index, fields):
        (self.name_off, self.type, self.flags, self.addr, self.offset,
         self.size, self.link, self.info, self.addralign,
         self.entsize) = fields
        self.index = index
        self.name = ""


class Symbol:
    """One .symtab entry; shndx already has SHN_XINDEX resolved."""

    def __init__(self, name, info, shndx, value, size, reserved):
        self.name = name
        self.type = info & 0xF
        self.bind = info >> 4
        self.shndx = shndx
        self.value = value
        self.size = size
        self.reserved = reserved    # shndx is SHN_ABS, SHN_COMMON, ...

    @property
    def defined_in_section(self):
        return self.shndx != SHN_UNDEF and not self.reserved


class Pointer:
    """Where a pointer field points.

    kind is one of "null", "raw" (a value we cannot map), "extern"
    (an undefined symbol plus addend) or "sec" (section index + offset).
    """

    def __init__(self, kind, value=0, shndx=None, symbol=None):
        self.kind = kind
        self.value = value      # raw value, addend, or section offset
        self.shndx = shndx
        self.symbol = symbol    # symbol name for "extern"


class ElfFile:
    """Minimal reader for 64-bit little-endian ELF objects."""

    def __init__(self, data):
        self.data = data
        self._parse_header()
        self._parse_sections()
        self.symbols = self._parse_symbols()
        self._relocs = self._parse_relocations()
        self._symbols_by_section = None

    # -- parsing ---------------------------------------------------------

    def _parse_header(self):
        if len(self.data) < 16 or self.data[:4] != b"\x7fELF":
            raise ElfError("not an ELF file (bad magic number)")
        eclass, edata = self.data[4], self.data[5]
        if eclass != ELFCLASS64 or edata != ELFDATA2LSB:
            found = "%s %s" % (
                {1: "ELFCLASS32", 2: "ELFCLASS64"}.get(eclass,
                                                      "ELFCLASS?%d" % eclass),
                {1: "little-endian", 2: "big-endian"}.get(edata,
                                                         "endian?%d" % edata))
            raise ElfError("unsupported ELF: only ELFCLASS64 little-endian "
                           "(x86_64, arm64) objects are supported, this one is "
                           + found)
        if len(self.data) < EHDR.size:
            raise ElfError("truncated ELF header")
        hdr = EHDR.unpack_from(self.data, 0)
        self.e_type = hdr[1]
        self.e_machine = hdr[2]
        self.e_shoff = hdr[6]
        self.e_shentsize = hdr[11]
        self.e_shnum = hdr[12]
        self.e_shstrndx = hdr[13]
        if self.e_shoff == 0:
            raise ElfError("ELF file has no section header table")
        if self.e_shoff >= len(self.data):
            raise ElfError("truncated or corrupt ELF file: the section header "
                           "table (offset %#x) lies outside the file (%d "
                           "bytes)" % (self.e_shoff, len(self.data)))
        if self.e_shentsize != SHDR.size:
            raise ElfError("unexpected section header size %d"
                           % self.e_shentsize)

    def _read_shdr(self, index):
        off = self.e_shoff + index * SHDR.size
        if off + SHDR.size > len(self.data):
            raise ElfError("truncated or corrupt ELF file: section header %d "
                           "lies outside the file" % index)
        return Section(index, SHDR.unpack_from(self.data, off))

    def _parse_sections(self):
        first = self._read_shdr(0)
        shnum = self.e_shnum or first.size          # extended numbering
        if shnum > (len(self.data) - self.e_shoff) // SHDR.size:
            raise ElfError("truncated or corrupt ELF file: %d section headers "
                           "at offset %#x do not fit in the file (%d bytes)"
                           % (shnum, self.e_shoff, len(self.data)))
        shstrndx = self.e_shstrndx
        if shstrndx == SHN_XINDEX:
            shstrndx = first.link
        self.sections = [first] + [self._read_shdr(i)
                                   for i in range(1, shnum)]
        if not 0 < shstrndx < shnum:
            raise ElfError("bad section name string table index %d (the "
                           "file has %d sections)" % (shstrndx, shnum))
        strtab = self.section_bytes(shstrndx, "section name string table")
        for sec in self.sections:
            sec.name = c_string(strtab, sec.name_off,
                                "name of section %d" % sec.index)

    def _parse_symbols(self):
        symtab = next((s for s in self.sections if s.type == SHT_SYMTAB),
                      None)
        if symtab is None:
            return []
        raw = self.section_bytes(symtab.index, "symbol table")
        strtab = self.section_bytes(
            self._check_index(symtab.link, symtab, "sh_link"),
            "symbol string table")
        xindex = self._symtab_shndx(symtab.index)
        symbols = []
        for i in range(len(raw) // SYM.size):
            st_name, info, _other, shndx, value, size = SYM.unpack_from(
                raw, i * SYM.size)
            reserved = SHN_LORESERVE <= shndx and shndx != SHN_XINDEX
            if shndx == SHN_XINDEX:
                shndx = (xindex[i] if xindex is not None and i < len(xindex)
                         else SHN_UNDEF)
            symbols.append(Symbol(c_string(strtab, st_name,
                                           "name of symbol %d" % i),
                                  info, shndx, value, size, reserved))
        return symbols

    def _symtab_shndx(self, symtab_index):
        for sec in self.sections:
            if sec.type == SHT_SYMTAB_SHNDX and sec.link == symtab_index:
                raw = self.section_bytes(sec.index, "SHT_SYMTAB_SHNDX table")
                return struct.unpack("<%dI" % (len(raw) // 4),
                                     raw[:len(raw) // 4 * 4])
        return None

    def _parse_relocations(self):
        """Map target section index -> {offset in section: (sym, addend)}."""
        relocs = {}
        for sec in self.sections:
            if sec.type not in (SHT_RELA, SHT_REL) or sec.info == 0:
                continue
            target = self._check_index(sec.info, sec, "sh_info")
            if not (0 < sec.link < len(self.sections)
                    and self.sections[sec.link].type == SHT_SYMTAB):
                raise ElfError("relocation section %s (%d): its symbol table "
                               "(sh_link %d) is not a symbol table"
                               % (sec.name or "?", sec.index, sec.link))
            base = 0 if self.is_relocatable else self.sections[target].addr
            fmt = RELA if sec.type == SHT_RELA else REL
            raw = self.section_bytes(sec.index, "relocation table")
            table = relocs.setdefault(target, {})
            for i in range(len(raw) // fmt.size):
                fields = fmt.unpack_from(raw, i * fmt.size)
                addend = fields[2] if sec.type == SHT_RELA else None
                table[fields[0] - base] = (fields[1] >> 32, addend)
        return relocs

    def _check_index(self, index, sec, field):
        if not 0 < index < len(self.sections):
            raise ElfError("section %s (%d): %s %d is not a section index "
                           "(the file has %d sections)"
                           % (sec.name or "?", sec.index, field, index,
                              len(self.sections)))
        return index

    # -- queries ---------------------------------------------------------

    @property
    def is_relocatable(self):
        return self.e_type == ET_REL

    def section_by_name(self, name):
        return next((s for s in self.sections if s.name == name), None)

    def section_bytes(self, index, what=None):
        """Contents of section @index. @what names what it must hold, for
        a section whose contents are read as such (no SHT_NOBITS); without
        it, SHT_NOBITS (.bss) reads as zeros, as much as the file's size."""
        sec = self.sections[index]
        label = "section %s (%d)" % (sec.name or "?", index)
        if what is not None:
            label += ", the " + what + ","
        if sec.type == SHT_NOBITS:
            if what is not None:
                raise ElfError("%s has no contents in the file (SHT_NOBITS)"
                               % label)
            if sec.size > len(self.data):
                raise ElfError("%s is SHT_NOBITS of %d bytes, more than the "
                               "whole file" % (label, sec.size))
            return bytes(sec.size)
        if sec.offset + sec.size > len(self.data):
            raise ElfError("%s (offset %#x, size %#x) extends past the end "
                           "of the file (%d bytes)"
                           % (label, sec.offset, sec.size, len(self.data)))
        return self.data[sec.offset:sec.offset + sec.size]

    def section_label(self, index):
        return self.sections[index].name or "section[%d]" % index

    def symbol_at(self, shndx, offset):
        """Name of a (non-section) symbol at or covering shndx+offset."""
        if self._symbols_by_section is None:
            self._symbols_by_section = {}
            for sym in self.symbols:
                if (sym.type in (STT_SECTION, STT_FILE) or not sym.name
                        or not sym.defined_in_section
                        or sym.shndx >= len(self.sections)):
                    continue
                off = self._symbol_offset(sym)
                self._symbols_by_section.setdefault(sym.shndx, []).append(
                    (off, sym.size, sym.bind != STB_LOCAL, sym.name))
        candidates = self._symbols_by_section.get(shndx, [])
        exact = [c for c in candidates if c[0] == offset]
        if exact:
            return max(exact, key=lambda c: c[2])[3]   # prefer global
        for off, size, _glob, name in candidates:
            if off < offset < off + size:
                return "%s+%#x" % (name, offset - off)
        return None

    def _symbol_offset(self, sym):
        if (self.is_relocatable or sym.reserved
                or sym.shndx >= len(self.sections)):
            return sym.value
        return sym.value - self.sections[sym.shndx].addr

    def address_to_pointer(self, addr):
        """Map a linked virtual address to a section (non-ET_REL only)."""
        if addr == 0:
            return Pointer("null")
        if not self.is_relocatable:
            for sec in self.sections:
                if (sec.flags & SHF_ALLOC and sec.size
                        and sec.addr <= addr < sec.addr + sec.size):
                    return Pointer("sec", addr - sec.addr, sec.index)
        return Pointer("raw", addr)

    def read_pointer(self, shndx, offset, contents):
        """Resolve the 8-byte pointer at shndx+offset (contents = bytes)."""
        if offset + 8 > len(contents):
            raise ElfError("pointer at %s+%#x lies outside the section"
                           % (self.section_label(shndx), offset))
        stored = struct.unpack_from("<Q", contents, offset)[0]
        reloc = self._relocs.get(shndx, {}).get(offset)
        if reloc is None:
            return self.address_to_pointer(stored)
        symidx, addend = reloc
        if addend is None:                          # SHT_REL: implicit
            addend = struct.unpack_from("<q", contents, offset)[0]
        if symidx == 0:
            return self.address_to_pointer(addend & 0xFFFFFFFFFFFFFFFF)
        if symidx >= len(self.symbols):
            raise ElfError("relocation at %s+%#x uses bad symbol index %d"
                           % (self.section_label(shndx), offset, symidx))
        sym = self.symbols[symidx]
        if sym.shndx == SHN_UNDEF or (sym.reserved
                                      and sym.shndx == SHN_COMMON):
            return Pointer("extern", addend, symbol=sym.name)
        if sym.reserved or sym.shndx >= len(self.sections):
            return Pointer("raw", (sym.value + addend) & 0xFFFFFFFFFFFFFFFF)
        return Pointer("sec", self._symbol_offset(sym) + addend, sym.shndx)

    def describe(self, ptr):
        """Human-readable form of a Pointer."""
        if ptr.kind == "null":
            return "NULL"
        if ptr.kind == "raw":
            return "%#x" % ptr.value
        if ptr.kind == "extern":
            return ptr.symbol + ("%+#x" % ptr.value if ptr.value else "")
        name = self.symbol_at(ptr.shndx, ptr.value)
        return name or "%s+%#x" % (self.section_label(ptr.shndx), ptr.value)


def c_string(blob, offset, what="string"):
    """NUL-terminated string at offset in blob, decoded for display."""
    if not 0 <= offset < len(blob):
        raise ElfError("%s: offset %#x lies outside the %d bytes it is "
                       "read from" % (what, offset, len(blob)))
    end = blob.find(b"\0", offset)
    if end < 0:
        raise ElfError("%s: unterminated string at offset %#x"
                       % (what, offset))
    return blob[offset:end].decode("utf-8", "backslashreplace")


# -- .modinfo ------------------------------------------------------------

class ModinfoEntry:
    """One key=value string; prefix is the built-in 'modname' or ''."""

    def __init__(self, prefix, key, value):
        self.prefix, self.key, self.value = prefix, key, value


def parse_modinfo(elf):
    """Return the .modinfo entries in section order (None if absent)."""
    sec = elf.section_by_name(".modinfo")
    if sec is None:
        return None
    entries = []
    for raw in elf.section_bytes(sec.index, "module information").split(
            b"\0"):
        if not raw:
            continue
        text = raw.decode("utf-8", "backslashreplace")
        key, _eq, value = text.partition("=")
        prefix, _dot, key = key.rpartition(".")
        entries.append(ModinfoEntry(prefix, key, value))
    return entries


# -- __param -------------------------------------------------------------

class Param:
    """One decoded struct kernel_param."""

    def __init__(self, index):
        self.index = index
        self.full_name = None   # as stored, possibly "modname.name"
        self.name = None        # without the built-in prefix
        self.name_desc = ""
        self.type = "?"
        self.type_checkable = False
        self.ops_desc = ""
        self.perm = self.level = self.flags = 0
        self.array = None       # (max, elemsize) for arrays


def strip_prefix(name):
    """Drop a built-in 'modname.' (MODULE_PARAM_PREFIX) from a name."""
    return name.rpartition(".")[2]


def read_string_at(elf, ptr):
    if ptr.kind != "sec":
        return None
    return c_string(elf.section_bytes(ptr.shndx), ptr.value,
                    "string at %s" % elf.describe(ptr))


def ops_symbol(elf, ptr):
    """Symbol name for an ops pointer, or None if there is none."""
    if ptr.kind == "extern":
        return ptr.symbol if not ptr.value else None
    if ptr.kind == "sec":
        name = elf.symbol_at(ptr.shndx, ptr.value)
        return name if name and "+" not in name else None
    return None


def type_from_ops(elf, ptr):
    """(type string, checkable, symbol-or-description) for an ops pointer."""
    sym = ops_symbol(elf, ptr)
    if sym is None:
        if ptr.kind in ("null", "raw"):
            return "unresolved(%s)" % elf.describe(ptr), False, None
        return "custom(%s)" % elf.describe(ptr), False, None
    if sym == "param_array_ops":
        return None, True, sym
    if sym.startswith("param_ops_"):
        return sym[len("param_ops_"):], True, sym
    return "custom(%s)" % sym, False, sym


def decode_array(elf, param, ptr):
    """Fill in param.type/array from the struct kparam_array at ptr."""
    if ptr.kind != "sec":
        param.type = "array of unresolved(%s)" % elf.describe(ptr)
        return
    contents = elf.section_bytes(ptr.shndx)
    if not 0 <= ptr.value <= len(contents) - KPA_SIZE:
        raise ElfError("struct kparam_array at %s lies outside its section"
                       % elf.describe(ptr))
    param.array = KPA_SCALARS.unpack_from(contents, ptr.value)
    elem_ops = elf.read_pointer(ptr.shndx, ptr.value + KPA_OPS, contents)
    elem_type, checkable, _sym = type_from_ops(elf, elem_ops)
    if elem_type is None:
        elem_type, checkable = "array", False   # array of arrays: odd
    param.type = "array of " + elem_type
    param.type_checkable = checkable


def decode_param(elf, shndx, contents, index):
    base = index * KP_SIZE
    param = Param(index)
    param.perm, param.level, param.flags = KP_SCALARS.unpack_from(
        contents, base + KP_SCALARS_OFF)
    name_ptr = elf.read_pointer(shndx, base + KP_NAME, contents)
    param.full_name = read_string_at(elf, name_ptr)
    param.name_desc = elf.describe(name_ptr)
    if param.full_name is not None:
        param.name = strip_prefix(param.full_name)
    ops_ptr = elf.read_pointer(shndx, base + KP_OPS, contents)
    param.ops_desc = elf.describe(ops_ptr)
    ptype, checkable, _sym = type_from_ops(elf, ops_ptr)
    if ptype is None:       # param_array_ops
        decode_array(elf, param,
                     elf.read_pointer(shndx, base + KP_ARG, contents))
    else:
        param.type, param.type_checkable = ptype, checkable
    return param


def parse_params(elf):
    """Return (list of Param, problems found while decoding)."""
    sec = elf.section_by_name("__param")
    if sec is None:
        return [], []
    contents = elf.section_bytes(sec.index, "parameter table")
    problems = []
    if len(contents) % KP_SIZE:
        problems.append("__param section size %d is not a multiple of "
                        "sizeof(struct kernel_param) = %d: the object was "
                        "not built for a 64-bit 6.1 kernel or is corrupt"
                        % (len(contents), KP_SIZE))
    params = [decode_param(elf, sec.index, contents, i)
              for i in range(len(contents) // KP_SIZE)]
    unnamed = ["#%d (%s)" % (p.index, p.name_desc)
               for p in params if p.name is None]
    if unnamed:
        problems.append("cannot read the name of %d of %d __param entries "
                        "[%s]: their name pointers have no usable "
                        "relocation (stripped relocations or a linked "
                        "image?); parm=/parmtype= were not checked against "
                        "__param" % (len(unnamed), len(params),
                                     ", ".join(unnamed)))
    return params, problems


# -- cross-checks --------------------------------------------------------

def split_param_value(entry, problems):
    """'NAME:text' -> (NAME, text); report malformed values."""
    name, colon, text = entry.value.partition(":")
    if not colon or not name:
        problems.append("malformed %s=%s: expected %s=NAME:%s"
                        % (entry.key, entry.value, entry.key,
                           "description" if entry.key == "parm" else "type"))
        return None, None
    return name, text


def check_license(entries):
    licenses = [e.value for e in entries if e.key == "license"]
    if not licenses:
        return ["no license= in .modinfo: add MODULE_LICENSE(\"GPL\") (or "
                "another GPL-compatible license) to the module"]
    return ["license \"%s\" is not GPL-compatible, the kernel will taint "
            "and refuse GPL-only symbols: use one of %s in MODULE_LICENSE()"
            % (lic, ", ".join('"%s"' % g for g in GPL_COMPATIBLE))
            for lic in licenses if lic not in GPL_COMPATIBLE]


def check_unique_keys(entries):
    problems = []
    for key in UNIQUE_KEYS:
        values = [e.value for e in entries if e.key == key]
        if len(values) > 1:
            problems.append("%s= appears %d times (%s): keep exactly one "
                            "MODULE_%s()" % (key, len(values),
                                             ", ".join('"%s"' % v
                                                       for v in values),
                                             key.upper()))
    return problems


def first_by_name(pairs):
    """pairs: (name, item) -> dict name -> first item, in order."""
    table = {}
    for name, item in pairs:
        table.setdefault(name, item)
    return table


def check_duplicates(descs, types, params):
    """One problem per parameter name declared more than once."""
    counts = {}
    for index, names in enumerate(([n for n, _ in descs],
                                   [n for n, _ in types],
                                   [p.name for p in params])):
        for name in names:
            counts.setdefault(name, [0, 0, 0])[index] += 1
    problems = []
    for name, (ndesc, ntype, nparam) in counts.items():
        if max(ndesc, ntype, nparam) > 1:
            problems.append(
                "parameter \"%s\" is declared more than once (%d parm=, "
                "%d parmtype=, %d __param entries): rename or remove the "
                "duplicate module_param*()/MODULE_PARM_DESC()"
                % (name, ndesc, ntype, nparam))
    return problems


def missing_message(name, desc, ptype, param):
    """Explain which of parm=/parmtype=/__param is missing for name."""
    have = [w for w, ok in (("parm=", desc), ("parmtype=", ptype),
                            ("__param entry", param)) if ok]
    lacks = [w for w, ok in (("parm=", desc), ("parmtype=", ptype),
                             ("__param entry", param)) if not ok]
    fixes = []
    if param is None:
        fixes.append("no module_param*() declares \"%s\": fix the name in "
                     "MODULE_PARM_DESC() or declare the parameter" % name)
    else:
        if ptype is None:
            fixes.append("declare it with module_param()/module_param_named()"
                         "/module_param_array(), or add __MODULE_PARM_TYPE(%s,"
                         " \"<type>\") after module_param_cb()" % name)
        if desc is None:
            fixes.append("add MODULE_PARM_DESC(%s, \"...\")" % name)
    if param is None and desc is None:
        fixes = ["parmtype= without a parameter: remove the stray "
                 "__MODULE_PARM_TYPE(%s, ...) or declare the parameter" % name]
    return ("parameter \"%s\" has %s but no %s: %s"
            % (name, " and ".join(have), " and no ".join(lacks),
               "; ".join(fixes)))


def check_params(entries, params):
    problems = []
    descs = []
    types = []
    for entry in entries:
        if entry.key in ("parm", "parmtype"):
            name, text = split_param_value(entry, problems)
            if name is not None:
                (descs if entry.key == "parm" else types).append((name, text))
    named = [p for p in params if p.name is not None]
    problems += check_duplicates(descs, types, named)
    desc_map = first_by_name(descs)
    type_map = first_by_name(types)
    param_map = first_by_name((p.name, p) for p in named)
    names = list(dict.fromkeys(list(desc_map) + list(type_map)
                               + list(param_map)))
    for name in names:
        desc, ptype = desc_map.get(name), type_map.get(name)
        param = param_map.get(name)
        if param is None and len(named) < len(params):
            param = "unknown"   # may be one of the unreadable entries
        if desc is None or ptype is None or param is None:
            problems.append(missing_message(name, desc, ptype, param))
        if (ptype is not None and isinstance(param, Param)
                and param.type_checkable and ptype != param.type):
            problems.append("parameter \"%s\": parmtype= says \"%s\" but "
                            "its __param ops (%s) means \"%s\": make the "
                            "module_param() type and the parmtype agree"
                            % (name, ptype, param.ops_desc, param.type))
    return problems


def cross_check(entries, params):
    return (check_license(entries) + check_unique_keys(entries)
            + check_params(entries, params))


# -- report --------------------------------------------------------------

def format_flags(flags):
    names = [n for bit, n in sorted(PARAM_FLAGS.items()) if flags & bit]
    rest = flags & ~sum(PARAM_FLAGS)
    if rest:
        names.append("%#x" % rest)
    return "|".join(names) if names else "0"


def format_param(param):
    name = printable(param.full_name) if param.full_name is not None else (
        "<%s>" % param.name_desc)
    line = ("  %-20s type=%-16s perm=%04o level=%d flags=%s"
            % (name, param.type, param.perm, param.level,
               format_flags(param.flags)))
    if param.array is not None:
        line += " max=%d elemsize=%d" % param.array
    return line


def printable(text):
    """Escape control characters (e.g. newlines in long parm=
    descriptions) so that every report entry stays on one line."""
    return "".join(c if c == "\t" or c.isprintable() else
                   c.encode("unicode_escape").decode("ascii") for c in text)


def format_report(path, elf, entries, params):
    kind = ELF_TYPES.get(elf.e_type, "ELF type %d" % elf.e_type)
    lines = ["module: %s (ELF64 LSB %s)" % (path, kind)]
    lines.append("modinfo: %d entries" % len(entries))
    for e in entries:
        pre = "[%s] " % e.prefix if e.prefix else ""
        lines.append("  %s%s=%s" % (pre, e.key, printable(e.value)))
    lines.append("params: %d __param entries" % len(params))
    lines.extend(format_param(p) for p in params)
    return "\n".join(lines) + "\n"


# -- driver --------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Print and cross-check .modinfo and __param of a kernel "
                    "module object (.o or .ko, ELF64 little-endian).")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="do not print the report on stdout (-o still "
                             "writes it); problems still go to stderr")
    parser.add_argument("-o", metavar="OUTFILE", dest="outfile",
                        help="write the report to OUTFILE instead of stdout "
                             "(atomically, and only if the module is "
                             "consistent)")
    parser.add_argument("file", metavar="FILE", help="module object")
    return parser.parse_args(argv)


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".gen_modinfo.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def fail(path, message):
    sys.stderr.write("%s: %s: error: %s\n" % (PROG, path, printable(message)))


def analyse(path):
    """Return (report text, problems) or raise OSError / ElfError."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        elf = ElfFile(data)
        entries = parse_modinfo(elf)
        if entries is None:
            raise ElfError("no .modinfo section: not a kernel module object "
                           "(a module has at least MODULE_LICENSE())")
        params, problems = parse_params(elf)
    except (struct.error, IndexError, ValueError, OverflowError,
            MemoryError) as err:
        # A size or offset check above missed a case: still one line.
        raise ElfError("malformed ELF file (%s: %s)"
                       % (type(err).__name__, err)) from err
    problems += cross_check(entries, params)
    return format_report(path, elf, entries, params), problems


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        report, problems = analyse(args.file)
    except OSError as err:
        fail(args.file, "cannot read file: %s" % (err.strerror or err))
        return EXIT_USAGE
    except ElfError as err:
        fail(args.file, str(err))
        return EXIT_USAGE
    if not args.quiet and not args.outfile:
        try:
            sys.stdout.write(report)
            sys.stdout.flush()
        except BrokenPipeError:
            # e.g. "gen_modinfo.py x.ko | head": not our problem
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    for problem in problems:
        fail(args.file, problem)
    if problems:
        return EXIT_INCONSISTENT
    if args.outfile:
        try:
            write_atomically(args.outfile, report)
        except OSError as err:
            fail(args.outfile, "cannot write output: %s"
                 % (err.strerror or err))
            return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
