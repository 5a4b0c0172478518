/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Synthetic C corner cases for scripts/gen_cxx_bindings.py (not kernel code):
 * C++ keywords as names, bitfields, anonymous members, flexible arrays,
 * packing and alignment, tag/ordinary name clashes. run_tests.sh binds this
 * header and compiles both layout proofs.
 */
#ifndef CORNER_H
#define CORNER_H

typedef _Bool bool;
typedef unsigned long size_t;
enum { false = 0, true = 1 };

/* C++ keywords as names */
struct class { int new; int this; int template; int typename; };
struct obj { struct class *class; void *private; int delete, operator; };
extern int new(struct class *class, int virtual);
extern int delete;
enum template { public, protected, private };
typedef int namespace;

/* struct and function/variable with the same name */
struct stat { long size; };
extern int stat(const char *path, struct stat *st);
struct info { int x; };
extern struct info info;

/* typedef'd unnamed struct / union / enum, and several declarators */
typedef struct { int counter; } atomic_t;
typedef union { int i; float f; } num_u, *num_p;
typedef enum { RED, GREEN = 5, BLUE } color_t;
typedef struct { int a; } *anon_ptr_t;

/* anonymous enum, big and negative enumerators */
enum { ANON_A = -3, ANON_B };
enum big { BIG_A = 1, BIG_B = 0xffffffffffffffffUL };
enum sbig { SB_A = -1, SB_B = 0x100000000L };
enum __attribute__((packed)) small { SMALL_A, SMALL_B = 200 };

/* incomplete types */
struct opaque;
union opaque_u;
extern struct opaque *get_opaque(void);
extern union opaque_u *get_opaque_u(void);

/* nesting: named struct and enum inside a struct, unnamed-typed fields */
struct outer {
	struct inner { int q; } in;
	enum inner_kind { IK_A, IK_B } kind;
	enum { OE_X, OE_Y } state;
	struct { int s1; char s2; } named, *pnamed, arr[3];
	union { int u1; long u2; };
	struct { int a1; struct { short deep; } d; };
	int bits : 3;
	int : 0;
	unsigned int more : 7;
	_Bool flag : 1;
	long tail[];
};

/* empty structs (size 0 in GNU C), zero-length and flexible arrays */
struct empty { };
struct has_empty { struct empty e; int x; struct empty e2; };
#define DECLARE_FLEX_ARRAY(TYPE, NAME) \
	struct { struct { } __empty_ ## NAME; TYPE NAME[]; }
struct flexy { int n; union { DECLARE_FLEX_ARRAY(int, ints); DECLARE_FLEX_ARRAY(char, chars); }; };
struct zla { int n; char data[0]; };

/* packing and alignment */
struct pk { char c; int i; long l; } __attribute__((packed));
struct pka { char c; int i; } __attribute__((packed, aligned(4)));
struct fal { char c; int i __attribute__((aligned(16))); char d; };
struct fpk { char c; int i __attribute__((packed)); };
struct al64 { int x; } __attribute__((aligned(64)));
typedef unsigned long long __attribute__((aligned(4))) u64_a4;
typedef unsigned long long __attribute__((aligned(16))) u64_a16;
struct uses_al { char c; u64_a4 v; u64_a16 w; };

/* integers and chars */
struct ints { __int128 big; unsigned __int128 ubig; char c; signed char sc; unsigned char uc; bool b; };

/* function pointers */
typedef void (*handler_t)(int irq, void *data);
typedef int (fn_t)(int);
struct ops {
	int (*open)(struct obj *o, int flags);
	void (*(*get_cb)(int which))(int);
	handler_t handlers[4];
	fn_t *fp;
};
extern void (*signal_like(int sig, void (*func)(int)))(int);
extern int printk_like(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern void die(void) __attribute__((noreturn));
extern int must_check(void) __attribute__((warn_unused_result));
extern int renamed(int) __asm__("real_symbol");

/* arrays */
extern const char *const names[];
extern int table[4][8];

/* typedef name used as a field name ("changes meaning" in C++) */
typedef int count_t;
struct chm { count_t n; int count_t; };
/* member of an anonymous union named like the struct */
struct hn { union { int hn; long other; }; };

/* global variable of an unnamed struct type */
extern struct { int major, minor; } version;

/* static inline function and static variable: skipped */
static inline int helper(int x) { return x + 1; }
static const int hidden = 3;

/* constants */
#define C_INT 42
#define C_NEG (-1)
#define C_HEX 0x10U
#define C_OCT 0755
#define C_UL (1UL << 40)
#define C_SHIFT (C_INT << 2)
#define C_SIZE sizeof(struct outer)
#define C_COUNT ((count_t)7)
#define C_ENUMV GREEN
#define C_STR "not a number"
#define C_FLOAT 1.5
#define C_FN(x) ((x) + 1)
#define C_NONCONST (version.major)
#define C_BOOL ((bool)1)
#define C_CHAR 'A'
#define C_LLMIN (-9223372036854775807LL - 1)
#define C_ENUMCAST ((enum big)1)
#define C_UNDEF 5
#undef C_UNDEF
#define C_REDEF 1
#undef C_REDEF
#define C_REDEF 2

/* #pragma pack (no attribute visible to libclang: inferred from layout) */
#pragma pack(push, 1)
struct ppk { char c; int i; struct { short s; long l; } in; };
#pragma pack(pop)
#pragma pack(4)
typedef struct { char c; long l; } ppk4_t;
#pragma pack()

/* GNU C: object of type void (linker symbol) */
extern const void linker_sym;

/* enumerator shadowed by a macro of the same name (C sees the macro) */
enum { SHADOWED = 3 };
#define SHADOWED (SHADOWED - 1)

#endif
