// AVX, AVX2, BMI1 and BMI2 (VEX-encoded) instructions (format: see table.ts).

import { FARITH, INT_OPS, INT_OPS_SSE2_ONLY, KIND_MEM, KIND_PFX, SHIFT_IMM, SSE41_IMM, SSE41_OPS, SSSE3_OPS } from './table-sse';

export const AVX_ROWS: string[] = [
  // GFNI (VEX)
  'vgf2p8affineinvqb xy,xy,xym,i8 VEX.L.66.0F3A.W1 CF /r ib | f=gfni', 'vgf2p8affineqb xy,xy,xym,i8 VEX.L.66.0F3A.W1 CE /r ib | f=gfni',
  'vgf2p8mulb xy,xy,xym VEX.L.66.0F38.W0 CF /r | f=gfni',
  // BMI1 / BMI2
  'andn r32,r32,rm32 VEX.LZ.0F38.W0 F2 /r | att=andn f=bmi', 'andn r64,r64,rm64 VEX.LZ.0F38.W1 F2 /r | att=andn f=bmi o64',
  'bextr r32,rm32,r32 VEX.LZ.0F38.W0 F7 /r | att=bextr f=bmi', 'bextr r64,rm64,r64 VEX.LZ.0F38.W1 F7 /r | att=bextr f=bmi o64',
  'blsi r32,rm32 VEX.LZ.0F38.W0 F3 /3 | att=blsi f=bmi', 'blsi r64,rm64 VEX.LZ.0F38.W1 F3 /3 | att=blsi f=bmi o64',
  'blsmsk r32,rm32 VEX.LZ.0F38.W0 F3 /2 | att=blsmsk f=bmi', 'blsmsk r64,rm64 VEX.LZ.0F38.W1 F3 /2 | att=blsmsk f=bmi o64',
  'blsr r32,rm32 VEX.LZ.0F38.W0 F3 /1 | att=blsr f=bmi', 'blsr r64,rm64 VEX.LZ.0F38.W1 F3 /1 | att=blsr f=bmi o64',
  'bzhi r32,rm32,r32 VEX.LZ.0F38.W0 F5 /r | att=bzhi f=bmi2', 'bzhi r64,rm64,r64 VEX.LZ.0F38.W1 F5 /r | att=bzhi f=bmi2 o64',
  'mulx r32,r32,rm32 VEX.LZ.F2.0F38.W0 F6 /r | att=mulx f=bmi2', 'mulx r64,r64,rm64 VEX.LZ.F2.0F38.W1 F6 /r | att=mulx f=bmi2 o64',
  'pdep r32,r32,rm32 VEX.LZ.F2.0F38.W0 F5 /r | att=pdep f=bmi2', 'pdep r64,r64,rm64 VEX.LZ.F2.0F38.W1 F5 /r | att=pdep f=bmi2 o64',
  'pext r32,r32,rm32 VEX.LZ.F3.0F38.W0 F5 /r | att=pext f=bmi2', 'pext r64,r64,rm64 VEX.LZ.F3.0F38.W1 F5 /r | att=pext f=bmi2 o64',
  'rorx r32,rm32,i8 VEX.LZ.F2.0F3A.W0 F0 /r ib | att=rorx f=bmi2', 'rorx r64,rm64,i8 VEX.LZ.F2.0F3A.W1 F0 /r ib | att=rorx f=bmi2 o64',
  'sarx r32,rm32,r32 VEX.LZ.F3.0F38.W0 F7 /r | att=sarx f=bmi2', 'sarx r64,rm64,r64 VEX.LZ.F3.0F38.W1 F7 /r | att=sarx f=bmi2 o64',
  'shlx r32,rm32,r32 VEX.LZ.66.0F38.W0 F7 /r | att=shlx f=bmi2', 'shlx r64,rm64,r64 VEX.LZ.66.0F38.W1 F7 /r | att=shlx f=bmi2 o64',
  'shrx r32,rm32,r32 VEX.LZ.F2.0F38.W0 F7 /r | att=shrx f=bmi2', 'shrx r64,rm64,r64 VEX.LZ.F2.0F38.W1 F7 /r | att=shrx f=bmi2 o64',
];

// ---- AVX and AVX2: the VEX forms of the SSE rows (3-operand with VEX.vvvv), plus the AVX-only rows.
// L-generic rows (xy, xym, ...) give the 128-bit form (AVX) and the 256-bit form (AVX for floating
// point, AVX2 for integers).

const hx = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
const PP: Record<string, string> = { '': '', '66 ': '66.', 'F3 ': 'F3.', 'F2 ': 'F2.' };
const V = (l: string, pp: string, map: string, w = 'WIG') => `VEX.${l}.${PP[pp] ?? pp}${map}.${w}`;
/** xm64 -> xyh etc.: memory sizes of pmovsx/pmovzx that double with VEX.L. */
const HALF: Record<string, string> = { xm64: 'xyh', xm32: 'xyq', xm16: 'xye' };
const SHIFT_BY_XMM = new Set(['psrlw', 'psrld', 'psrlq', 'psraw', 'psrad', 'psllw', 'pslld', 'psllq']);
const AVX_CMP = [
  'eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord', 'eq_uq', 'nge', 'ngt', 'false', 'neq_oq', 'ge', 'gt', 'true',
  'eq_os', 'lt_oq', 'le_oq', 'unord_s', 'neq_us', 'nlt_uq', 'nle_uq', 'ord_s', 'eq_us', 'nge_uq', 'ngt_uq', 'false_os',
  'neq_os', 'ge_oq', 'gt_oq', 'true_us',
];

function avxFloat(): string[] {
  const rows: string[] = [];
  for (const [n, op, kinds] of FARITH) {
    for (const k of kinds.split(' ')) {
      const pp = KIND_PFX[k];
      if (k === 'ps' || k === 'pd') {
        const two = n === 'sqrt' || n === 'rsqrt' || n === 'rcp';
        rows.push(`v${n}${k} ${two ? 'xy,xym' : 'xy,xy,xym'} ${V('L', pp, '0F')} ${hx(op)} /r | f=avx`);
      } else rows.push(`v${n}${k} x,x,${KIND_MEM[k]} ${V('LIG', pp, '0F')} ${hx(op)} /r | f=avx`);
    }
  }
  for (const k of ['ps', 'pd', 'ss', 'sd']) {
    const pp = KIND_PFX[k];
    const ops = k[0] === 'p' ? 'xy,xy,xym' : `x,x,${KIND_MEM[k]}`;
    const l = k[0] === 'p' ? 'L' : 'LIG';
    rows.push(`vcmp${k} ${ops},i8 ${V(l, pp, '0F')} C2 /r ib | f=avx`);
    AVX_CMP.forEach((p, i) => rows.push(`vcmp${p}${k} ${ops} ${V(l, pp, '0F')} C2 /r #${hx(i)} | f=avx`));
  }
  return rows;
}

function avxMoves(): string[] {
  const rows: string[] = [];
  for (const [n, pp, ld] of [['movaps', '', 0x28], ['movapd', '66 ', 0x28], ['movups', '', 0x10], ['movupd', '66 ', 0x10],
    ['movdqa', '66 ', 0x6f], ['movdqu', 'F3 ', 0x6f]] as [string, string, number][]) {
    const st = ld === 0x6f ? 0x7f : ld + 1;
    rows.push(`v${n} xy,xym ${V('L', pp, '0F')} ${hx(ld)} /r | f=avx`, `v${n} xym,xy ${V('L', pp, '0F')} ${hx(st)} /r | f=avx`);
  }
  for (const [n, pp, m] of [['movss', 'F3 ', 'm32'], ['movsd', 'F2 ', 'm64']]) {
    rows.push(`v${n} x,${m} ${V('LIG', pp, '0F')} 10 /r | f=avx`, `v${n} x,x,x ${V('LIG', pp, '0F')} 10 /r | f=avx`,
      `v${n} ${m},x ${V('LIG', pp, '0F')} 11 /r | f=avx`);
  }
  for (const [n, pp, lo] of [['movlps', '', 0x12], ['movhps', '', 0x16], ['movlpd', '66 ', 0x12], ['movhpd', '66 ', 0x16]] as [string, string, number][]) {
    rows.push(`v${n} x,x,m64 ${V('128', pp, '0F')} ${hx(lo)} /r | f=avx`, `v${n} m64,x ${V('128', pp, '0F')} ${hx(lo + 1)} /r | f=avx`);
  }
  rows.push(`vmovhlps x,x,x ${V('128', '', '0F')} 12 /r | f=avx`, `vmovlhps x,x,x ${V('128', '', '0F')} 16 /r | f=avx`);
  rows.push(
    'vmovd x,rm32 VEX.128.66.0F.W0 6E /r | f=avx', 'vmovd rm32,x VEX.128.66.0F.W0 7E /r | f=avx',
    'vmovq x,xm64 VEX.128.F3.0F.WIG 7E /r | f=avx', 'vmovq xm64,x VEX.128.66.0F.WIG D6 /r | f=avx',
    'vmovq x,rm64 VEX.128.66.0F.W1 6E /r | f=avx o64', 'vmovq rm64,x VEX.128.66.0F.W1 7E /r | f=avx o64',
    'vmovntdq xymm,xy VEX.L.66.0F.WIG E7 /r | f=avx', 'vmovntps xymm,xy VEX.L.0F.WIG 2B /r | f=avx',
    'vmovntpd xymm,xy VEX.L.66.0F.WIG 2B /r | f=avx', 'vmovntdqa xy,xymm VEX.L.66.0F38.WIG 2A /r | f=avx',
    'vmaskmovdqu x,x VEX.128.66.0F.WIG F7 /r | f=avx',
    'vmovmskps r32,xy VEX.L.0F.WIG 50 /r | f=avx', 'vmovmskps r64,xy VEX.L.0F.WIG 50 /r | f=avx o64',
    'vmovmskpd r32,xy VEX.L.66.0F.WIG 50 /r | f=avx', 'vmovmskpd r64,xy VEX.L.66.0F.WIG 50 /r | f=avx o64',
    'vpmovmskb r32,xy VEX.L.66.0F.WIG D7 /r | f=avx', 'vpmovmskb r64,xy VEX.L.66.0F.WIG D7 /r | f=avx o64',
    'vlddqu xy,xymm VEX.L.F2.0F.WIG F0 /r | f=avx',
    'vmovddup x,xm64 VEX.128.F2.0F.WIG 12 /r | f=avx', 'vmovddup y,ym256 VEX.256.F2.0F.WIG 12 /r | f=avx',
    'vmovshdup xy,xym VEX.L.F3.0F.WIG 16 /r | f=avx', 'vmovsldup xy,xym VEX.L.F3.0F.WIG 12 /r | f=avx',
    'vaddsubps xy,xy,xym VEX.L.F2.0F.WIG D0 /r | f=avx', 'vaddsubpd xy,xy,xym VEX.L.66.0F.WIG D0 /r | f=avx',
    'vhaddps xy,xy,xym VEX.L.F2.0F.WIG 7C /r | f=avx', 'vhaddpd xy,xy,xym VEX.L.66.0F.WIG 7C /r | f=avx',
    'vhsubps xy,xy,xym VEX.L.F2.0F.WIG 7D /r | f=avx', 'vhsubpd xy,xy,xym VEX.L.66.0F.WIG 7D /r | f=avx',
    'vshufps xy,xy,xym,i8 VEX.L.0F.WIG C6 /r ib | f=avx', 'vshufpd xy,xy,xym,i8 VEX.L.66.0F.WIG C6 /r ib | f=avx',
    'vcomiss x,xm32 VEX.LIG.0F.WIG 2F /r | f=avx', 'vcomisd x,xm64 VEX.LIG.66.0F.WIG 2F /r | f=avx',
    'vucomiss x,xm32 VEX.LIG.0F.WIG 2E /r | f=avx', 'vucomisd x,xm64 VEX.LIG.66.0F.WIG 2E /r | f=avx',
  );
  return rows;
}

function avxConversions(): string[] {
  const rows: string[] = [];
  for (const [n, pp] of [['cvtsi2ss', 'F3 '], ['cvtsi2sd', 'F2 ']]) {
    rows.push(`v${n} x,x,rm32 ${V('LIG', pp, '0F', 'W0')} 2A /r | att=v${n} f=avx`,
      `v${n} x,x,rm64 ${V('LIG', pp, '0F', 'W1')} 2A /r | att=v${n} f=avx o64`);
  }
  for (const [n, pp, op, m] of [['cvtss2si', 'F3 ', 0x2d, 'xm32'], ['cvttss2si', 'F3 ', 0x2c, 'xm32'],
    ['cvtsd2si', 'F2 ', 0x2d, 'xm64'], ['cvttsd2si', 'F2 ', 0x2c, 'xm64']] as [string, string, number, string][]) {
    rows.push(`v${n} r32,${m} ${V('LIG', pp, '0F', 'W0')} ${hx(op)} /r | att=v${n} f=avx`,
      `v${n} r64,${m} ${V('LIG', pp, '0F', 'W1')} ${hx(op)} /r | att=v${n} f=avx o64`);
  }
  rows.push(
    'vcvtss2sd x,x,xm32 VEX.LIG.F3.0F.WIG 5A /r | f=avx', 'vcvtsd2ss x,x,xm64 VEX.LIG.F2.0F.WIG 5A /r | f=avx',
    'vcvtps2pd x,xm64 VEX.128.0F.WIG 5A /r | f=avx', 'vcvtps2pd y,xm128 VEX.256.0F.WIG 5A /r | f=avx',
    'vcvtdq2pd x,xm64 VEX.128.F3.0F.WIG E6 /r | f=avx', 'vcvtdq2pd y,xm128 VEX.256.F3.0F.WIG E6 /r | f=avx',
    'vcvtdq2ps xy,xym VEX.L.0F.WIG 5B /r | f=avx', 'vcvtps2dq xy,xym VEX.L.66.0F.WIG 5B /r | f=avx',
    'vcvttps2dq xy,xym VEX.L.F3.0F.WIG 5B /r | f=avx',
  );
  // xmm results from ymm or 256-bit memory sources: the memory forms need an x / y suffix (GNU as
  // rejects the bare spelling with a memory operand).
  for (const [n, pp, op] of [['cvtpd2ps', '66 ', 0x5a], ['cvtpd2dq', 'F2 ', 0xe6], ['cvttpd2dq', '66 ', 0xe6]] as [string, string, number][]) {
    rows.push(`v${n} x,x ${V('128', pp, '0F')} ${hx(op)} /r | f=avx`, `v${n} x,y ${V('256', pp, '0F')} ${hx(op)} /r | f=avx`,
      `v${n}x x,m128 ${V('128', pp, '0F')} ${hx(op)} /r | f=avx`, `v${n}y x,m256 ${V('256', pp, '0F')} ${hx(op)} /r | f=avx`);
  }
  return rows;
}

function avxInteger(): string[] {
  const rows: string[] = [];
  for (const [n, op] of [...INT_OPS, ...INT_OPS_SSE2_ONLY]) {
    rows.push(`v${n} xy,xy,${SHIFT_BY_XMM.has(n) ? 'xm128' : 'xym'} VEX.L.66.0F.WIG ${hx(op)} /r | f=avx`);
  }
  for (const [n, op, d] of SHIFT_IMM) rows.push(`v${n} xy,xy,i8 VEX.L.66.0F.WIG ${hx(op)} /${d} ib | f=avx`);
  rows.push('vpsrldq xy,xy,i8 VEX.L.66.0F.WIG 73 /3 ib | f=avx', 'vpslldq xy,xy,i8 VEX.L.66.0F.WIG 73 /7 ib | f=avx');
  for (const [n, op] of SSSE3_OPS) {
    rows.push(`v${n} ${n.startsWith('pabs') ? 'xy,xym' : 'xy,xy,xym'} VEX.L.66.0F38.WIG ${hx(op)} /r | f=avx`);
  }
  rows.push('vpalignr xy,xy,xym,i8 VEX.L.66.0F3A.WIG 0F /r ib | f=avx');
  for (const [n, op, m] of SSE41_OPS) {
    const o = hx(op);
    if (n === 'ptest') rows.push(`vptest xy,xym VEX.L.66.0F38.WIG ${o} /r | f=avx`);
    else if (/^pmov[sz]x/.test(n)) rows.push(`v${n} xy,${HALF[m]} VEX.L.66.0F38.WIG ${o} /r | f=avx`);
    else if (n === 'phminposuw' || n === 'aesimc') rows.push(`v${n} x,xm128 VEX.128.66.0F38.WIG ${o} /r | f=avx`);
    else if (n.startsWith('aes')) rows.push(`v${n} x,x,xm128 VEX.128.66.0F38.WIG ${o} /r | f=avx`);
    else rows.push(`v${n} xy,xy,xym VEX.L.66.0F38.WIG ${o} /r | f=avx`);
  }
  for (const [n, op, m] of SSE41_IMM) {
    const o = hx(op);
    if (n === 'roundps' || n === 'roundpd') rows.push(`v${n} xy,xym,i8 VEX.L.66.0F3A.WIG ${o} /r ib | f=avx`);
    else if (n === 'roundss' || n === 'roundsd') rows.push(`v${n} x,x,${m},i8 VEX.LIG.66.0F3A.WIG ${o} /r ib | f=avx`);
    else if (/^pcmp[ei]str|^aeskeygen/.test(n)) rows.push(`v${n} x,xm128,i8 VEX.128.66.0F3A.WIG ${o} /r ib | f=avx`);
    else if (n === 'insertps' || n === 'dppd' || n === 'pclmulqdq') rows.push(`v${n} x,x,${m},i8 VEX.128.66.0F3A.WIG ${o} /r ib | f=avx`);
    else rows.push(`v${n} xy,xy,xym,i8 VEX.L.66.0F3A.WIG ${o} /r ib | f=avx`);
  }
  for (const [n, v] of [['pclmullqlqdq', 0x00], ['pclmulhqlqdq', 0x01], ['pclmullqhqdq', 0x10], ['pclmulhqhqdq', 0x11]] as [string, number][]) {
    rows.push(`v${n} x,x,xm128 VEX.128.66.0F3A.WIG 44 /r #${hx(v)} | f=avx`);
  }
  rows.push(
    'vpshufd xy,xym,i8 VEX.L.66.0F.WIG 70 /r ib | f=avx', 'vpshufhw xy,xym,i8 VEX.L.F3.0F.WIG 70 /r ib | f=avx',
    'vpshuflw xy,xym,i8 VEX.L.F2.0F.WIG 70 /r ib | f=avx',
    'vpinsrw x,x,r32,i8 VEX.128.66.0F.WIG C4 /r ib | f=avx', 'vpinsrw x,x,m16,i8 VEX.128.66.0F.WIG C4 /r ib | f=avx nosfx',
    'vpextrw r32,x,i8 VEX.128.66.0F.WIG C5 /r ib | f=avx', 'vpextrw r64,x,i8 VEX.128.66.0F.WIG C5 /r ib | f=avx o64',
    'vpextrw m16,x,i8 VEX.128.66.0F3A.WIG 15 /r ib | f=avx',
    'vpextrb r32,x,i8 VEX.128.66.0F3A.WIG 14 /r ib | f=avx roles=mri', 'vpextrb r64,x,i8 VEX.128.66.0F3A.WIG 14 /r ib | f=avx roles=mri o64',
    'vpextrb m8,x,i8 VEX.128.66.0F3A.WIG 14 /r ib | f=avx',
    'vpextrd rm32,x,i8 VEX.128.66.0F3A.W0 16 /r ib | f=avx', 'vpextrq rm64,x,i8 VEX.128.66.0F3A.W1 16 /r ib | f=avx o64',
    'vextractps rm32,x,i8 VEX.128.66.0F3A.WIG 17 /r ib | f=avx',
    'vpinsrb x,x,r32,i8 VEX.128.66.0F3A.WIG 20 /r ib | f=avx', 'vpinsrb x,x,m8,i8 VEX.128.66.0F3A.WIG 20 /r ib | f=avx',
    'vpinsrd x,x,rm32,i8 VEX.128.66.0F3A.W0 22 /r ib | f=avx', 'vpinsrq x,x,rm64,i8 VEX.128.66.0F3A.W1 22 /r ib | f=avx o64',
    'vpblendvb xy,xy,xym,xy VEX.L.66.0F3A.W0 4C /r is4 | f=avx roles=rvm4',
    'vblendvps xy,xy,xym,xy VEX.L.66.0F3A.W0 4A /r is4 | f=avx roles=rvm4',
    'vblendvpd xy,xy,xym,xy VEX.L.66.0F3A.W0 4B /r is4 | f=avx roles=rvm4',
  );
  return rows;
}

const AVX_ONLY: string[] = [
  'vbroadcastss x,m32 VEX.128.66.0F38.W0 18 /r | f=avx', 'vbroadcastss y,m32 VEX.256.66.0F38.W0 18 /r | f=avx',
  'vbroadcastss x,x VEX.128.66.0F38.W0 18 /r | f=avx2', 'vbroadcastss y,x VEX.256.66.0F38.W0 18 /r | f=avx2',
  'vbroadcastsd y,m64 VEX.256.66.0F38.W0 19 /r | f=avx', 'vbroadcastsd y,x VEX.256.66.0F38.W0 19 /r | f=avx2',
  'vbroadcastf128 y,m128 VEX.256.66.0F38.W0 1A /r | f=avx',
  'vinsertf128 y,y,xm128,i8 VEX.256.66.0F3A.W0 18 /r ib | f=avx', 'vextractf128 xm128,y,i8 VEX.256.66.0F3A.W0 19 /r ib | f=avx',
  'vperm2f128 y,y,ym256,i8 VEX.256.66.0F3A.W0 06 /r ib | f=avx',
  'vpermilps xy,xy,xym VEX.L.66.0F38.W0 0C /r | f=avx', 'vpermilps xy,xym,i8 VEX.L.66.0F3A.W0 04 /r ib | f=avx',
  'vpermilpd xy,xy,xym VEX.L.66.0F38.W0 0D /r | f=avx', 'vpermilpd xy,xym,i8 VEX.L.66.0F3A.W0 05 /r ib | f=avx',
  'vtestps xy,xym VEX.L.66.0F38.W0 0E /r | f=avx', 'vtestpd xy,xym VEX.L.66.0F38.W0 0F /r | f=avx',
  'vmaskmovps xy,xy,xymm VEX.L.66.0F38.W0 2C /r | f=avx', 'vmaskmovps xymm,xy,xy VEX.L.66.0F38.W0 2E /r | f=avx roles=mvr',
  'vmaskmovpd xy,xy,xymm VEX.L.66.0F38.W0 2D /r | f=avx', 'vmaskmovpd xymm,xy,xy VEX.L.66.0F38.W0 2F /r | f=avx roles=mvr',
  'vzeroupper - VEX.128.0F.WIG 77 | f=avx', 'vzeroall - VEX.256.0F.WIG 77 | f=avx',
  'vldmxcsr m32 VEX.LZ.0F.WIG AE /2 | f=avx', 'vstmxcsr m32 VEX.LZ.0F.WIG AE /3 | f=avx',
  // AVX2
  'vpbroadcastb xy,xm8 VEX.L.66.0F38.W0 78 /r | f=avx2', 'vpbroadcastw xy,xm16 VEX.L.66.0F38.W0 79 /r | f=avx2',
  'vpbroadcastd xy,xm32 VEX.L.66.0F38.W0 58 /r | f=avx2', 'vpbroadcastq xy,xm64 VEX.L.66.0F38.W0 59 /r | f=avx2',
  'vbroadcasti128 y,m128 VEX.256.66.0F38.W0 5A /r | f=avx2',
  'vinserti128 y,y,xm128,i8 VEX.256.66.0F3A.W0 38 /r ib | f=avx2', 'vextracti128 xm128,y,i8 VEX.256.66.0F3A.W0 39 /r ib | f=avx2',
  'vperm2i128 y,y,ym256,i8 VEX.256.66.0F3A.W0 46 /r ib | f=avx2',
  'vpermd y,y,ym256 VEX.256.66.0F38.W0 36 /r | f=avx2', 'vpermps y,y,ym256 VEX.256.66.0F38.W0 16 /r | f=avx2',
  'vpermq y,ym256,i8 VEX.256.66.0F3A.W1 00 /r ib | f=avx2', 'vpermpd y,ym256,i8 VEX.256.66.0F3A.W1 01 /r ib | f=avx2',
  'vpblendd xy,xy,xym,i8 VEX.L.66.0F3A.W0 02 /r ib | f=avx2',
  'vpsllvd xy,xy,xym VEX.L.66.0F38.W0 47 /r | f=avx2', 'vpsllvq xy,xy,xym VEX.L.66.0F38.W1 47 /r | f=avx2',
  'vpsrlvd xy,xy,xym VEX.L.66.0F38.W0 45 /r | f=avx2', 'vpsrlvq xy,xy,xym VEX.L.66.0F38.W1 45 /r | f=avx2',
  'vpsravd xy,xy,xym VEX.L.66.0F38.W0 46 /r | f=avx2',
  'vpmaskmovd xy,xy,xymm VEX.L.66.0F38.W0 8C /r | f=avx2', 'vpmaskmovd xymm,xy,xy VEX.L.66.0F38.W0 8E /r | f=avx2 roles=mvr',
  'vpmaskmovq xy,xy,xymm VEX.L.66.0F38.W1 8C /r | f=avx2', 'vpmaskmovq xymm,xy,xy VEX.L.66.0F38.W1 8E /r | f=avx2 roles=mvr',
];

AVX_ROWS.push(...avxFloat(), ...avxMoves(), ...avxConversions(), ...avxInteger(), ...AVX_ONLY);
