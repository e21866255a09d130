// IR test programs with their known output and exit status (written by hand, checked against
// what the C they stand for prints). Used by programs.test.ts at -O0, -O1 and -O2.

export interface Prog { name: string; src: string; out: string; exit: number }

const H = 'target ptr 8\ndata internal readonly $d align 1 { s "%d\\n\\000" }\ndata internal readonly $ld align 1 { s "%ld\\n\\000" }\n';

export const PROGRAMS: Prog[] = [
  { name: 'loop sum with phis', exit: 45, out: '', src: `${H}
func $main() -> i32 {
@entry:
  jmp @loop
@loop:
  %i =i32 phi @entry 0, @body %i2
  %s =i32 phi @entry 0, @body %s2
  %c =i32 slt %i, 10
  br %c, @body, @done
@body:
  %s2 =i32 add %s, %i
  %i2 =i32 add %i, 1
  jmp @loop
@done:
  ret %s
}` },
  { name: 'locals in slots (mem2reg), nested loops', exit: 0, out: '100\n', src: `${H}
func $main() -> i32 {
@entry:
  %i =ptr alloca 4 align 4
  %j =ptr alloca 4 align 4
  %n =ptr alloca 4 align 4
  store i32 0, %n align 4
  store i32 0, %i align 4
  jmp @oh
@oh:
  %iv =i32 load %i align 4
  %c =i32 slt %iv, 10
  br %c, @ob, @out
@ob:
  store i32 0, %j align 4
  jmp @ih
@ih:
  %jv =i32 load %j align 4
  %c2 =i32 slt %jv, 10
  br %c2, @ib, @onext
@ib:
  %nv =i32 load %n align 4
  %nv2 =i32 add %nv, 1
  store i32 %nv2, %n align 4
  %jv2 =i32 add %jv, 1
  store i32 %jv2, %j align 4
  jmp @ih
@onext:
  %iv2 =i32 add %iv, 1
  store i32 %iv2, %i align 4
  jmp @oh
@out:
  %r =i32 load %n align 4
  %p =i32 call $printf(ptr $d, ... i32 %r)
  ret 0
}` },
  { name: 'switch with ranges and default', exit: 0, out: 'a\nb\nb\nb\nd\nc\nd\n', src: `target ptr 8
func $cls(i32 %x) -> i32 {
@entry:
  switch %x, @dflt, 1: @a, 2..4: @b, 10: @c
@a:
  ret 97
@b:
  ret 98
@c:
  ret 99
@dflt:
  ret 100
}
func $main() -> i32 {
@entry:
  jmp @h
@h:
  %i =i32 phi @entry 1, @h %n
  %r =i32 call $cls(i32 %i)
  %u =i32 call $putchar(i32 %r)
  %u2 =i32 call $putchar(i32 10)
  %n =i32 add %i, 1
  %done =i32 eq %n, 6
  br %done, @t, @h
@t:
  %r2 =i32 call $cls(i32 10)
  %u3 =i32 call $putchar(i32 %r2)
  %u4 =i32 call $putchar(i32 10)
  %r3 =i32 call $cls(i32 -5)
  %u5 =i32 call $putchar(i32 %r3)
  %u6 =i32 call $putchar(i32 10)
  ret 0
}` },
  { name: 'recursion (fib)', exit: 55, out: '', src: `target ptr 8
func $fib(i32 %n) -> i32 {
@entry:
  %c =i32 slt %n, 2
  br %c, @base, @rec
@base:
  ret %n
@rec:
  %a =i32 sub %n, 1
  %b =i32 sub %n, 2
  %x =i32 call $fib(i32 %a)
  %y =i32 call $fib(i32 %b)
  %s =i32 add %x, %y
  ret %s
}
func $main() -> i32 {
@entry:
  %r =i32 call $fib(i32 10)
  ret %r
}` },
  { name: 'globals with relocations and strings', exit: 0, out: 'hello 42 -7\nhi\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%s %d %d\\n\\000" }
data $w align 1 { s "hello\\000" }
data $s2 align 1 { s "xhi\\000" }
data $tab align 8 size 24 { a8 $w, a8 $s2+1, i32 42, i32 -7 }
func $main() -> i32 {
@entry:
  %p =ptr load $tab align 8
  %q =ptr load $tab+8 align 8
  %a =i32 load $tab+16 align 4
  %b =i32 load $tab+20 align 4
  %r =i32 call $printf(ptr $fmt, ... ptr %p, i32 %a, i32 %b)
  %r2 =i32 call $puts(ptr %q)
  ret 0
}` },
  { name: 'i64 and i128 arithmetic, signedness', exit: 0, out: '-1\n18446744073709551615\n-9223372036854775808\n3\n', src: `target ptr 8
data internal readonly $ld align 1 { s "%ld\\n\\000" }
data internal readonly $lu align 1 { s "%lu\\n\\000" }
func $main() -> i32 {
@entry:
  %a =i64 sub 0, 1
  %x =i32 call $printf(ptr $ld, ... i64 %a)
  %y =i32 call $printf(ptr $lu, ... i64 %a)
  %m =i64 shl 1, 63
  %z =i32 call $printf(ptr $ld, ... i64 %m)
  %w =i128 sext %a
  %w2 =i128 mul %w, %w
  %w3 =i128 add %w2, 2
  %t =i64 trunc %w3
  %q =i32 call $printf(ptr $ld, ... i64 %t)
  ret 0
}` },
  { name: 'division and remainder, signed and unsigned', exit: 0, out: '-3\n-1\n1431655763\n0\n', src: `target ptr 8
data internal readonly $d align 1 { s "%d\\n\\000" }
func $p(i32 %v) {
@entry:
  %x =i32 call $printf(ptr $d, ... i32 %v)
  ret
}
func $main() -> i32 {
@entry:
  %a =i32 sdiv -7, 2
  call $p(i32 %a)
  %b =i32 srem -7, 2
  call $p(i32 %b)
  %c =i32 udiv -7, 3
  call $p(i32 %c)
  %e =i32 urem -7, 3
  call $p(i32 %e)
  ret 0
}` },
  { name: 'floats: f64 f32 f80 f128 conversions', exit: 0, out: '2.500000\n7\n-3\n1.333333\n', src: `target ptr 8
data internal readonly $f align 1 { s "%f\\n\\000" }
data internal readonly $d align 1 { s "%d\\n\\000" }
func $main() -> i32 {
@entry:
  %a =f64 fdiv 5, 2
  %x =i32 call $printf(ptr $f, ... f64 %a)
  %b =f32 sitofp i32 7
  %c =f80 fpext %b
  %e =f128 fpext %c
  %g =i32 fptosi %e
  %y =i32 call $printf(ptr $d, ... i32 %g)
  %h =f64 fneg 3.75
  %k =i32 fptosi %h
  %z =i32 call $printf(ptr $d, ... i32 %k)
  %n =f80 fdiv f80 4, f80 3
  %n2 =f64 fptrunc %n
  %w =i32 call $printf(ptr $f, ... f64 %n2)
  ret 0
}` },
  { name: 'float compares with NaN', exit: 0, out: '0 1 1 0\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d %d %d\\n\\000" }
func $main() -> i32 {
@entry:
  %n =f64 fdiv 0, 0
  %a =i32 feq %n, %n
  %b =i32 fne %n, %n
  %c =i32 fuo %n, 1
  %d =i32 flt f64 1, f64 2
  %e =i32 xor %d, 1
  %x =i32 call $printf(ptr $fmt, ... i32 %a, i32 %b, i32 %c, i32 %e)
  ret 0
}` },
  { name: 'memory: array, memcpy, memset', exit: 0, out: '0 1 2 3 9 9 9 9\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d %d %d %d %d %d %d\\n\\000" }
func $main() -> i32 {
@entry:
  %a =ptr alloca 8 align 1
  %b =ptr alloca 8 align 1
  memset %b, i8 9, 8 align 1
  jmp @h
@h:
  %i =i64 phi @entry 0, @h %i2
  %p =ptr add %a, %i
  %v =i8 trunc %i
  store i8 %v, %p align 1
  %i2 =i64 add %i, 1
  %c =i32 slt %i2, 4
  br %c, @h, @x
@x:
  %b4 =ptr add %b, 4
  memcpy %b4, %a, 4 align 1
  memcpy %a, %b, 8 align 1
  %q =ptr add %a, 4
  memset %q, i32 9, 4 align 1
  %t0 =i8 load %b4 align 1
  %u0 =i32 zext %t0
  %b5 =ptr add %b, 5
  %t1 =i8 load %b5 align 1
  %u1 =i32 zext %t1
  %b6 =ptr add %b, 6
  %t2 =i8 load %b6 align 1
  %u2 =i32 zext %t2
  %b7 =ptr add %b, 7
  %t3 =i8 load %b7 align 1
  %u3 =i32 zext %t3
  %t4 =i8 load %q align 1
  %u4 =i32 sext %t4
  %x =i32 call $printf(ptr $fmt, ... i32 %u0, i32 %u1, i32 %u2, i32 %u3, i32 %u4, i32 %u4, i32 %u4, i32 %u4)
  ret 0
}` },
  { name: 'struct by value and struct return (sret)', exit: 0, out: '22 11\n3 5\n', src: `target ptr 8
abitype :pt = struct 8 align 4 { i32@0, i32@4 }
data internal readonly $fmt align 1 { s "%d %d\\n\\000" }
func $swapadd(:pt %p, i32 %k) -> :pt {
@entry:
  %a =i32 load %p align 4
  %bp =ptr add %p, 4
  %b =i32 load %bp align 4
  %a2 =i32 add %b, %k
  %b2 =i32 add %a, %k
  store i32 %a2, %p align 4
  store i32 %b2, %bp align 4
  ret %p
}
func $main() -> i32 {
@entry:
  %s =ptr alloca 8 align 4
  %r =ptr alloca 8 align 4
  store i32 1, %s align 4
  %s4 =ptr add %s, 4
  store i32 12, %s4 align 4
  call $swapadd(sret :pt %r, :pt %s, i32 10)
  %a =i32 load %r align 4
  %r4 =ptr add %r, 4
  %b =i32 load %r4 align 4
  %x =i32 call $printf(ptr $fmt, ... i32 %a, i32 %b)
  %c =i32 load %s align 4
  %d =i32 load %s4 align 4
  %c3 =i32 add %c, 2
  %d3 =i32 sub %d, 7
  %y =i32 call $printf(ptr $fmt, ... i32 %c3, i32 %d3)
  ret 0
}` },
  { name: 'varargs: va_start/va_arg/va_copy', exit: 0, out: '60 60\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d\\n\\000" }
func $sum(i32 %n, ...) -> i32 {
@entry:
  %ap =ptr alloca 24 align 8
  %aq =ptr alloca 24 align 8
  vastart %ap
  vacopy %aq, %ap
  jmp @h
@h:
  %i =i32 phi @entry 0, @b %i2
  %s =i32 phi @entry 0, @b %s2
  %c =i32 slt %i, %n
  br %c, @b, @x
@b:
  %v =i32 vaarg %ap
  %s2 =i32 add %s, %v
  %i2 =i32 add %i, 1
  jmp @h
@x:
  %f =i32 vaarg %aq
  vaend %ap
  vaend %aq
  %t =i32 mul %f, 6
  %r =i32 call $printf(ptr $fmt, ... i32 %s, i32 %t)
  ret %s
}
func $main() -> i32 {
@entry:
  %r =i32 call $sum(i32 3, ... i32 10, i32 20, i32 30)
  %z =i32 sub %r, 60
  ret %z
}` },
  { name: 'function pointers and indirect calls', exit: 7, out: '', src: `target ptr 8
data $ops align 8 { a8 $add, a8 $sub }
func internal $add(i32 %a, i32 %b) -> i32 {
@entry:
  %r =i32 add %a, %b
  ret %r
}
func internal $sub(i32 %a, i32 %b) -> i32 {
@entry:
  %r =i32 sub %a, %b
  ret %r
}
func $main() -> i32 {
@entry:
  %f =ptr load $ops align 8
  %g =ptr load $ops+8 align 8
  %x =i32 call %f(i32 10, i32 5)
  %y =i32 call %g(i32 %x, i32 8)
  ret %y
}` },
  { name: 'computed goto', exit: 0, out: 'abca', src: `target ptr 8
data internal $tbl align 8 { a8 &$main@la, a8 &$main@lb, a8 &$main@lc }
func $main() -> i32 {
@entry:
  %cnt =ptr alloca 8 align 8
  store i64 0, %cnt align 8
  jmp @disp
@disp:
  %k =i64 load %cnt align 8
  %c =i32 eq %k, 4
  br %c, @end, @go
@go:
  %m =i64 urem %k, 3
  %off =i64 mul %m, 8
  %pp =ptr add $tbl, %off
  %t =ptr load %pp align 8
  indirectbr %t, [@la, @lb, @lc]
@la:
  %x =i32 call $putchar(i32 97)
  jmp @next
@lb:
  %y =i32 call $putchar(i32 98)
  jmp @next
@lc:
  %z =i32 call $putchar(i32 99)
  %w =ptr copy &@next
  indirectbr %w, [@next]
@next:
  %k2 =i64 add %k, 1
  store i64 %k2, %cnt align 8
  jmp @disp
@end:
  ret 0
}` },
  { name: 'VLA with stacksave/stackrestore', exit: 0, out: '120\n', src: `target ptr 8
data internal readonly $d align 1 { s "%d\\n\\000" }
func $main() -> i32 {
@entry:
  jmp @h
@h:
  %i =i32 phi @entry 1, @b %i2
  %acc =i32 phi @entry 0, @b %acc2
  %c =i32 sle %i, 5
  br %c, @b, @x
@b:
  %sp =ptr stacksave
  %n =i64 sext %i
  %bytes =i64 mul %n, 4
  %v =ptr dalloca %bytes align 4
  %last =i64 sub %bytes, 4
  %lp =ptr add %v, %last
  %sq =i32 mul %i, 8
  store i32 %sq, %lp align 4
  %ld =i32 load %lp align 4
  %acc2 =i32 add %acc, %ld
  stackrestore %sp
  %i2 =i32 add %i, 1
  jmp @h
@x:
  %r =i32 call $printf(ptr $d, ... i32 %acc)
  ret 0
}` },
  { name: 'atomics', exit: 0, out: '5 7 3 1 9\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d %d %d %d\\n\\000" }
data $g align 4 { i32 5 }
func $main() -> i32 {
@entry:
  %a =i32 armw.add $g, 2 align 4 seq_cst
  %b =i32 aload $g align 4 acquire
  %c =i32 cmpxchg $g, 7, 3 align 4 seq_cst relaxed
  %d =i32 cmpxchg $g, 7, 100 align 4 seq_cst relaxed
  %e =i32 eq %d, 7
  %f =i32 xor %e, 1
  fence seq_cst
  astore i32 9, $g align 4 release
  %h =i32 load $g align 4
  %x =i32 call $printf(ptr $fmt, ... i32 %a, i32 %b, i32 %d, i32 %f, i32 %h)
  ret 0
}` },
  { name: 'bit ops: bswap clz ctz popcnt, shifts', exit: 0, out: '67305985 28 4 3 -4 1073741823\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d %d %d %d %d\\n\\000" }
func $main() -> i32 {
@entry:
  %a =i32 bswap 16909060
  %b =i32 clz 10
  %c =i32 ctz 16
  %d =i32 popcnt 7
  %e =i32 ashr -16, 2
  %f =i32 lshr -4, 2
  %x =i32 call $printf(ptr $fmt, ... i32 %a, i32 %b, i32 %c, i32 %d, i32 %e, i32 %f)
  ret 0
}` },
  { name: 'select and constant folding across branches', exit: 12, out: '', src: `target ptr 8
func $main() -> i32 {
@entry:
  %x =ptr alloca 4 align 4
  store i32 3, %x align 4
  %v =i32 load %x align 4
  %c =i32 sgt %v, 2
  br %c, @t, @f
@t:
  %a =i32 mul %v, 4
  jmp @j
@f:
  %b =i32 mul %v, 100
  jmp @j
@j:
  %r =i32 phi @t %a, @f %b
  %s =i32 select %c, %r, 0
  ret %s
}` },
  { name: 'exit and abort externals', exit: 3, out: 'x', src: `target ptr 8
func $main() -> i32 {
@entry:
  %a =i32 call $putchar(i32 120)
  call $exit(i32 3) noreturn
  unreachable
}` },
  { name: 'malloc and linked list', exit: 0, out: '10\n', src: `target ptr 8
data internal readonly $d align 1 { s "%d\\n\\000" }
func $main() -> i32 {
@entry:
  jmp @h
@h:
  %i =i32 phi @entry 0, @b %i2
  %head =ptr phi @entry 0, @b %n
  %c =i32 slt %i, 5
  br %c, @b, @w
@b:
  %n =ptr call $malloc(i64 16)
  store i32 %i, %n align 4
  %nx =ptr add %n, 8
  store ptr %head, %nx align 8
  %i2 =i32 add %i, 1
  jmp @h
@w:
  %p =ptr phi @h %head, @wb %p2
  %s =i32 phi @h 0, @wb %s2
  %z =i32 eq %p, 0
  br %z, @x, @wb
@wb:
  %v =i32 load %p align 4
  %s2 =i32 add %s, %v
  %pn =ptr add %p, 8
  %p2 =ptr load %pn align 8
  jmp @w
@x:
  %r =i32 call $printf(ptr $d, ... i32 %s)
  ret 0
}` },
  { name: 'i386 data layout (ptr 4)', exit: 0, out: '-2 8\n', src: `target ptr 4
data internal readonly $fmt align 1 { s "%d %ld\\n\\000" }
data $t align 4 { a4 $fmt, i32 -2 }
func $main() -> i32 {
@entry:
  %a =i32 load $t+4 align 4
  %p =ptr load $t align 4
  %q =ptr add %p, 4
  %pi =i32 ptrtoint %q
  %pj =ptr inttoptr %pi
  %d =i32 sub %pj, %p
  %e =i32 shl %d, 1
  %x =i32 call $printf(ptr %p, ... i32 %a, i32 %e)
  ret 0
}` },
  { name: 'bitcast and float constants', exit: 0, out: '1072693248 -0.000000\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %f\\n\\000" }
func $main() -> i32 {
@entry:
  %b =i64 bitcast f64 1
  %h =i64 lshr %b, 32
  %t =i32 trunc %h
  %z =f64 fneg 0
  %x =i32 call $printf(ptr $fmt, ... i32 %t, f64 %z)
  ret 0
}` },
  { name: 'CSE and copies', exit: 30, out: '', src: `target ptr 8
func $f(i32 %a, i32 %b) -> i32 {
@entry:
  %x =i32 add %a, %b
  %c =i32 copy %x
  %y =i32 add %b, %a
  %z =i32 add %c, %y
  %q =i32 mul %z, 1
  %w =i32 sub %q, 0
  ret %w
}
func $main() -> i32 {
@entry:
  %r =i32 call $f(i32 5, i32 10)
  ret %r
}` },
  { name: 'tls address (interpreted as a plain global)', exit: 9, out: '', src: `target ptr 8
data tls $tv align 4 { i32 4 }
func $main() -> i32 {
@entry:
  %p =ptr tlsaddr $tv
  %v =i32 load %p align 4
  %w =i32 add %v, 5
  store i32 %w, %p align 4
  %r =i32 load %p align 4
  ret %r
}` },
  { name: 'unsigned compare and zext/sext', exit: 0, out: '1 0 255 -1\n', src: `target ptr 8
data internal readonly $fmt align 1 { s "%d %d %d %d\\n\\000" }
func $main() -> i32 {
@entry:
  %a =i32 ugt i32 -1, i32 5
  %b =i32 sgt i32 -1, i32 5
  %c =i8 trunc i32 255
  %d =i32 zext %c
  %e =i32 sext %c
  %x =i32 call $printf(ptr $fmt, ... i32 %a, i32 %b, i32 %d, i32 %e)
  ret 0
}` },
];
