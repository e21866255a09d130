// x87 floating-point instructions (format: see table.ts).
//
// AT&T quirk kept by GNU as: for the forms whose destination is %st(i) (opcodes DC and DE), fsub and
// fsubr (and fdiv and fdivr) have each other's Intel encodings.

const h = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

// name, /digit; D8 (m32 and st0,st), DC (m64 and st,st0), DE (pop, st,st0), DA (m32int), DE (m16int)
const ARITH: [string, number, number][] = [
  // name, digit, digit used by the DC/DE register forms in AT&T
  ['fadd', 0, 0], ['fmul', 1, 1], ['fsub', 4, 4], ['fsubr', 5, 5], ['fdiv', 6, 6], ['fdivr', 7, 7],
];

function arith(): string[] {
  const rows: string[] = [];
  for (const [n, d, r] of ARITH) {
    rows.push(
      `${n} m32 D8 /${d} | fp`, `${n} m64 DC /${d} | fp`,
      `${n} st0,st D8 ${h(0xc0 + d * 8)}+r`, `${n} st,st0 DC ${h(0xc0 + r * 8)}+r`,
      `${n}p st,st0 DE ${h(0xc0 + r * 8)}+r`, `${n}p st DE ${h(0xc0 + r * 8)}+r`, `${n}p - DE ${h(0xc1 + r * 8)}`,
      `fi${n.slice(1)} m32 DA /${d} | fi`, `fi${n.slice(1)} m16 DE /${d} | fi`,
    );
  }
  return rows;
}

const NOARG: [string, string][] = [
  ['fchs', 'D9 E0'], ['fabs', 'D9 E1'], ['ftst', 'D9 E4'], ['fxam', 'D9 E5'], ['fld1', 'D9 E8'], ['fldl2t', 'D9 E9'],
  ['fldl2e', 'D9 EA'], ['fldpi', 'D9 EB'], ['fldlg2', 'D9 EC'], ['fldln2', 'D9 ED'], ['fldz', 'D9 EE'], ['f2xm1', 'D9 F0'],
  ['fyl2x', 'D9 F1'], ['fptan', 'D9 F2'], ['fpatan', 'D9 F3'], ['fxtract', 'D9 F4'], ['fprem1', 'D9 F5'],
  ['fdecstp', 'D9 F6'], ['fincstp', 'D9 F7'], ['fprem', 'D9 F8'], ['fyl2xp1', 'D9 F9'], ['fsqrt', 'D9 FA'],
  ['fsincos', 'D9 FB'], ['frndint', 'D9 FC'], ['fscale', 'D9 FD'], ['fsin', 'D9 FE'], ['fcos', 'D9 FF'], ['fnop', 'D9 D0'],
  ['fninit', 'DB E3'], ['finit', '9B DB E3'], ['fnclex', 'DB E2'], ['fclex', '9B DB E2'], ['fcompp', 'DE D9'],
  ['fucompp', 'DA E9'], ['fnstsw', 'DF E0'], ['fstsw', '9B DF E0'], ['fwait', '9B'],
];

export const X87_ROWS: string[] = [
  'fld m32 D9 /0 | fp', 'fld m64 DD /0 | fp', 'fld m80 DB /5 | fp', 'fld st D9 C0+r',
  'fst m32 D9 /2 | fp', 'fst m64 DD /2 | fp', 'fst st DD D0+r',
  'fstp m32 D9 /3 | fp', 'fstp m64 DD /3 | fp', 'fstp m80 DB /7 | fp', 'fstp st DD D8+r',
  'fild m16 DF /0 | fi', 'fild m32 DB /0 | fi', 'fild m64 DF /5 | fi',
  'fist m16 DF /2 | fi', 'fist m32 DB /2 | fi',
  'fistp m16 DF /3 | fi', 'fistp m32 DB /3 | fi', 'fistp m64 DF /7 | fi',
  'fisttp m16 DF /1 | fi', 'fisttp m32 DB /1 | fi', 'fisttp m64 DD /1 | fi',
  'fbld m80 DF /4 | nosfx', 'fbstp m80 DF /6 | nosfx',
  ...arith(),
  'fcom m32 D8 /2 | fp', 'fcom m64 DC /2 | fp', 'fcom st D8 D0+r', 'fcom - D8 D1',
  'fcomp m32 D8 /3 | fp', 'fcomp m64 DC /3 | fp', 'fcomp st D8 D8+r', 'fcomp - D8 D9',
  'ficom m32 DA /2 | fi', 'ficom m16 DE /2 | fi', 'ficomp m32 DA /3 | fi', 'ficomp m16 DE /3 | fi',
  'fucom st DD E0+r', 'fucom - DD E1', 'fucomp st DD E8+r', 'fucomp - DD E9',
  'fcomi st0,st DB F0+r', 'fcomi st DB F0+r', 'fcomip/fcompi st0,st DF F0+r', 'fcomip/fcompi st DF F0+r',
  'fucomi st0,st DB E8+r', 'fucomi st DB E8+r', 'fucomip/fucompi st0,st DF E8+r', 'fucomip/fucompi st DF E8+r',
  'fcmovb st0,st DA C0+r', 'fcmove st0,st DA C8+r', 'fcmovbe st0,st DA D0+r', 'fcmovu st0,st DA D8+r',
  'fcmovnb/fcmovae st0,st DB C0+r', 'fcmovne st0,st DB C8+r', 'fcmovnbe/fcmova st0,st DB D0+r', 'fcmovnu st0,st DB D8+r',
  'fxch st D9 C8+r', 'fxch - D9 C9', 'ffree st DD C0+r', 'ffreep st DF C0+r',
  ...NOARG.map(([n, e]) => `${n} - ${e}`),
  'fnstsw ax DF E0 | nosfx', 'fstsw ax 9B DF E0 | nosfx', 'fnstsw m16 DD /7 | nosfx', 'fstsw m16 9B DD /7 | nosfx',
  'fldcw m16 D9 /5 | nosfx', 'fnstcw m16 D9 /7 | nosfx', 'fstcw m16 9B D9 /7 | nosfx',
  'fldenv m D9 /4', 'fnstenv m D9 /6', 'fstenv m 9B D9 /6',
  'frstor m DD /4', 'fnsave m DD /6', 'fsave m 9B DD /6',
];
