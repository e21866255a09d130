// MMX, SSE .. SSE4.2, AES and PCLMULQDQ instructions (format: see table.ts).

const h = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

// Float arithmetic: name, opcode, which of ps/pd/ss/sd exist.
export const FARITH: [string, number, string][] = [
  ['add', 0x58, 'ps pd ss sd'], ['mul', 0x59, 'ps pd ss sd'], ['sub', 0x5c, 'ps pd ss sd'], ['min', 0x5d, 'ps pd ss sd'],
  ['div', 0x5e, 'ps pd ss sd'], ['max', 0x5f, 'ps pd ss sd'], ['sqrt', 0x51, 'ps pd ss sd'], ['rsqrt', 0x52, 'ps ss'],
  ['rcp', 0x53, 'ps ss'], ['and', 0x54, 'ps pd'], ['andn', 0x55, 'ps pd'], ['or', 0x56, 'ps pd'], ['xor', 0x57, 'ps pd'],
  ['unpckl', 0x14, 'ps pd'], ['unpckh', 0x15, 'ps pd'],
];
export const KIND_PFX: Record<string, string> = { ps: '', pd: '66 ', ss: 'F3 ', sd: 'F2 ' };
export const KIND_MEM: Record<string, string> = { ps: 'xm128', pd: 'xm128', ss: 'xm32', sd: 'xm64' };

// MMX/SSE2 integer ops on 0F xx: mm,mm/m64 and (66) xmm,xmm/m128.
export const INT_OPS: [string, number][] = [
  ['punpcklbw', 0x60], ['punpcklwd', 0x61], ['punpckldq', 0x62], ['packsswb', 0x63], ['pcmpgtb', 0x64], ['pcmpgtw', 0x65],
  ['pcmpgtd', 0x66], ['packuswb', 0x67], ['punpckhbw', 0x68], ['punpckhwd', 0x69], ['punpckhdq', 0x6a], ['packssdw', 0x6b],
  ['pcmpeqb', 0x74], ['pcmpeqw', 0x75], ['pcmpeqd', 0x76],
  ['psrlw', 0xd1], ['psrld', 0xd2], ['psrlq', 0xd3], ['paddq', 0xd4], ['pmullw', 0xd5], ['psubusb', 0xd8], ['psubusw', 0xd9],
  ['pminub', 0xda], ['pand', 0xdb], ['paddusb', 0xdc], ['paddusw', 0xdd], ['pmaxub', 0xde], ['pandn', 0xdf], ['pavgb', 0xe0],
  ['psraw', 0xe1], ['psrad', 0xe2], ['pavgw', 0xe3], ['pmulhuw', 0xe4], ['pmulhw', 0xe5], ['psubsb', 0xe8], ['psubsw', 0xe9],
  ['pminsw', 0xea], ['por', 0xeb], ['paddsb', 0xec], ['paddsw', 0xed], ['pmaxsw', 0xee], ['pxor', 0xef], ['psllw', 0xf1],
  ['pslld', 0xf2], ['psllq', 0xf3], ['pmuludq', 0xf4], ['pmaddwd', 0xf5], ['psadbw', 0xf6], ['psubb', 0xf8], ['psubw', 0xf9],
  ['psubd', 0xfa], ['psubq', 0xfb], ['paddb', 0xfc], ['paddw', 0xfd], ['paddd', 0xfe],
];
export const INT_OPS_SSE2_ONLY: [string, number][] = [['punpcklqdq', 0x6c], ['punpckhqdq', 0x6d]];
// Shifts by immediate: name, opcode, /digit
export const SHIFT_IMM: [string, number, number][] = [
  ['psrlw', 0x71, 2], ['psraw', 0x71, 4], ['psllw', 0x71, 6], ['psrld', 0x72, 2], ['psrad', 0x72, 4], ['pslld', 0x72, 6],
  ['psrlq', 0x73, 2], ['psllq', 0x73, 6],
];
// SSSE3 0F 38 xx (mm and 66 xmm forms)
export const SSSE3_OPS: [string, number][] = [
  ['pshufb', 0x00], ['phaddw', 0x01], ['phaddd', 0x02], ['phaddsw', 0x03], ['pmaddubsw', 0x04], ['phsubw', 0x05],
  ['phsubd', 0x06], ['phsubsw', 0x07], ['psignb', 0x08], ['psignw', 0x09], ['psignd', 0x0a], ['pmulhrsw', 0x0b],
  ['pabsb', 0x1c], ['pabsw', 0x1d], ['pabsd', 0x1e],
];
// SSE4.1/4.2 66 0F 38 xx xmm,xmm/m128 (second field: memory operand type)
export const SSE41_OPS: [string, number, string][] = [
  ['ptest', 0x17, 'xm128'], ['pmovsxbw', 0x20, 'xm64'], ['pmovsxbd', 0x21, 'xm32'], ['pmovsxbq', 0x22, 'xm16'],
  ['pmovsxwd', 0x23, 'xm64'], ['pmovsxwq', 0x24, 'xm32'], ['pmovsxdq', 0x25, 'xm64'], ['pmuldq', 0x28, 'xm128'],
  ['pcmpeqq', 0x29, 'xm128'], ['packusdw', 0x2b, 'xm128'], ['pmovzxbw', 0x30, 'xm64'], ['pmovzxbd', 0x31, 'xm32'],
  ['pmovzxbq', 0x32, 'xm16'], ['pmovzxwd', 0x33, 'xm64'], ['pmovzxwq', 0x34, 'xm32'], ['pmovzxdq', 0x35, 'xm64'],
  ['pcmpgtq', 0x37, 'xm128'], ['pminsb', 0x38, 'xm128'], ['pminsd', 0x39, 'xm128'], ['pminuw', 0x3a, 'xm128'],
  ['pminud', 0x3b, 'xm128'], ['pmaxsb', 0x3c, 'xm128'], ['pmaxsd', 0x3d, 'xm128'], ['pmaxuw', 0x3e, 'xm128'],
  ['pmaxud', 0x3f, 'xm128'], ['pmulld', 0x40, 'xm128'], ['phminposuw', 0x41, 'xm128'],
  ['aesimc', 0xdb, 'xm128'], ['aesenc', 0xdc, 'xm128'], ['aesenclast', 0xdd, 'xm128'], ['aesdec', 0xde, 'xm128'],
  ['aesdeclast', 0xdf, 'xm128'],
];
// 66 0F 3A xx xmm,xmm/m,imm8
export const SSE41_IMM: [string, number, string][] = [
  ['roundps', 0x08, 'xm128'], ['roundpd', 0x09, 'xm128'], ['roundss', 0x0a, 'xm32'], ['roundsd', 0x0b, 'xm64'],
  ['blendps', 0x0c, 'xm128'], ['blendpd', 0x0d, 'xm128'], ['pblendw', 0x0e, 'xm128'], ['insertps', 0x21, 'xm32'],
  ['dpps', 0x40, 'xm128'], ['dppd', 0x41, 'xm128'], ['mpsadbw', 0x42, 'xm128'], ['pclmulqdq', 0x44, 'xm128'],
  ['pcmpestrm', 0x60, 'xm128'], ['pcmpestri', 0x61, 'xm128'], ['pcmpistrm', 0x62, 'xm128'], ['pcmpistri', 0x63, 'xm128'],
  ['aeskeygenassist', 0xdf, 'xm128'],
];
export const CMP_PREDICATES = ['eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord'];

function farith(): string[] {
  const rows: string[] = [];
  for (const [n, op, kinds] of FARITH) {
    for (const k of kinds.split(' ')) rows.push(`${n}${k} x,${KIND_MEM[k]} ${KIND_PFX[k]}0F ${h(op)} /r`);
  }
  for (const k of ['ps', 'pd', 'ss', 'sd']) {
    rows.push(`cmp${k} x,${KIND_MEM[k]},i8 ${KIND_PFX[k]}0F C2 /r ib`);
    CMP_PREDICATES.forEach((p, i) => rows.push(`cmp${p}${k} x,${KIND_MEM[k]} ${KIND_PFX[k]}0F C2 /r #${h(i)}`));
  }
  return rows;
}

function intops(): string[] {
  const rows: string[] = [];
  // The MMX punpckl* read 32 bits of memory (Intel syntax says `dword ptr`).
  for (const [n, op] of INT_OPS) {
    rows.push(`${n} mm,${/^punpckl/.test(n) ? 'mmm32' : 'mmm64'} 0F ${h(op)} /r | f=mmx`, `${n} x,xm128 66 0F ${h(op)} /r`);
  }
  for (const [n, op] of INT_OPS_SSE2_ONLY) rows.push(`${n} x,xm128 66 0F ${h(op)} /r`);
  for (const [n, op, d] of SHIFT_IMM) rows.push(`${n} mm,i8 0F ${h(op)} /${d} ib | f=mmx`, `${n} x,i8 66 0F ${h(op)} /${d} ib`);
  rows.push('psrldq x,i8 66 0F 73 /3 ib', 'pslldq x,i8 66 0F 73 /7 ib');
  for (const [n, op] of SSSE3_OPS) rows.push(`${n} mm,mmm64 0F 38 ${h(op)} /r | f=ssse3`, `${n} x,xm128 66 0F 38 ${h(op)} /r | f=ssse3`);
  rows.push('palignr mm,mmm64,i8 0F 3A 0F /r ib | f=ssse3', 'palignr x,xm128,i8 66 0F 3A 0F /r ib | f=ssse3');
  for (const [n, op, m] of SSE41_OPS) rows.push(`${n} x,${m} 66 0F 38 ${h(op)} /r | f=sse4.1`);
  for (const [n, op, m] of SSE41_IMM) rows.push(`${n} x,${m},i8 66 0F 3A ${h(op)} /r ib | f=sse4.1`);
  CLMUL.forEach(([n, v]) => rows.push(`${n} x,xm128 66 0F 3A 44 /r #${h(v)} | f=pclmul`));
  // SHA extensions (sha256rnds2 reads %xmm0 too, written or not) and GFNI
  rows.push('sha1rnds4 x,xm128,i8 0F 3A CC /r ib | f=sha', 'sha1nexte x,xm128 0F 38 C8 /r | f=sha',
    'sha1msg1 x,xm128 0F 38 C9 /r | f=sha', 'sha1msg2 x,xm128 0F 38 CA /r | f=sha', 'sha256rnds2 x,xm128,xmm0 0F 38 CB /r | f=sha', 'sha256rnds2 x,xm128 0F 38 CB /r | f=sha',
    'sha256msg1 x,xm128 0F 38 CC /r | f=sha', 'sha256msg2 x,xm128 0F 38 CD /r | f=sha');
  rows.push('gf2p8affineinvqb x,xm128,i8 66 0F 3A CF /r ib | f=gfni', 'gf2p8affineqb x,xm128,i8 66 0F 3A CE /r ib | f=gfni',
    'gf2p8mulb x,xm128 66 0F 38 CF /r | f=gfni');
  return rows;
}

const CLMUL: [string, number][] = [['pclmullqlqdq', 0x00], ['pclmulhqlqdq', 0x01], ['pclmullqhqdq', 0x10], ['pclmulhqhqdq', 0x11]];

export const SSE_ROWS: string[] = [
  ...farith(),
  'movaps x,xm128 0F 28 /r', 'movaps xm128,x 0F 29 /r', 'movapd x,xm128 66 0F 28 /r', 'movapd xm128,x 66 0F 29 /r',
  'movups x,xm128 0F 10 /r', 'movups xm128,x 0F 11 /r', 'movupd x,xm128 66 0F 10 /r', 'movupd xm128,x 66 0F 11 /r',
  'movss x,xm32 F3 0F 10 /r', 'movss xm32,x F3 0F 11 /r', 'movsd x,xm64 F2 0F 10 /r', 'movsd xm64,x F2 0F 11 /r',
  'movlps x,m64 0F 12 /r', 'movlps m64,x 0F 13 /r', 'movhlps x,x 0F 12 /r', 'movhps x,m64 0F 16 /r', 'movhps m64,x 0F 17 /r',
  'movlhps x,x 0F 16 /r', 'movlpd x,m64 66 0F 12 /r', 'movlpd m64,x 66 0F 13 /r', 'movhpd x,m64 66 0F 16 /r',
  'movhpd m64,x 66 0F 17 /r',
  'movd x,rm32 66 0F 6E /r', 'movd rm32,x 66 0F 7E /r',
  'movq x,xm64 F3 0F 7E /r', 'movq xm64,x 66 0F D6 /r',
  'movq/movd x,rm64 W 66 0F 6E /r', 'movq/movd rm64,x W 66 0F 7E /r',
  'movd mm,rm32 0F 6E /r | f=mmx', 'movd rm32,mm 0F 7E /r | f=mmx',
  'movq mm,mmm64 0F 6F /r | f=mmx', 'movq mmm64,mm 0F 7F /r | f=mmx',
  'movq/movd mm,rm64 W 0F 6E /r | f=mmx', 'movq/movd rm64,mm W 0F 7E /r | f=mmx',
  'movdqa x,xm128 66 0F 6F /r', 'movdqa xm128,x 66 0F 7F /r', 'movdqu x,xm128 F3 0F 6F /r', 'movdqu xm128,x F3 0F 7F /r',
  'movntdq m128,x 66 0F E7 /r', 'movntps m128,x 0F 2B /r', 'movntpd m128,x 66 0F 2B /r',
  'movnti m32,r32 0F C3 /r', 'movnti m64,r64 W 0F C3 /r', 'movntq m64,mm 0F E7 /r | f=mmx',
  'maskmovq mm,mm 0F F7 /r | f=mmx', 'maskmovdqu x,x 66 0F F7 /r',
  'movmskps r32,x 0F 50 /r', 'movmskps r64,x 0F 50 /r | o64', 'movmskpd r32,x 66 0F 50 /r', 'movmskpd r64,x 66 0F 50 /r | o64',
  'pmovmskb r32,x 66 0F D7 /r', 'pmovmskb r64,x 66 0F D7 /r | o64', 'pmovmskb r32,mm 0F D7 /r | f=mmx',
  'movq2dq x,mm F3 0F D6 /r', 'movdq2q mm,x F2 0F D6 /r',
  'lddqu x,m128 F2 0F F0 /r | f=sse3', 'movddup x,xm64 F2 0F 12 /r | f=sse3', 'movshdup x,xm128 F3 0F 16 /r | f=sse3',
  'movsldup x,xm128 F3 0F 12 /r | f=sse3',
  'addsubps x,xm128 F2 0F D0 /r | f=sse3', 'addsubpd x,xm128 66 0F D0 /r | f=sse3', 'haddps x,xm128 F2 0F 7C /r | f=sse3',
  'haddpd x,xm128 66 0F 7C /r | f=sse3', 'hsubps x,xm128 F2 0F 7D /r | f=sse3', 'hsubpd x,xm128 66 0F 7D /r | f=sse3',
  // conversions
  'cvtsi2ss x,rm32 F3 0F 2A /r | att=cvtsi2ss', 'cvtsi2ss x,rm64 W F3 0F 2A /r | att=cvtsi2ss',
  'cvtsi2sd x,rm32 F2 0F 2A /r | att=cvtsi2sd', 'cvtsi2sd x,rm64 W F2 0F 2A /r | att=cvtsi2sd',
  'cvtss2si r32,xm32 F3 0F 2D /r | att=cvtss2si', 'cvtss2si r64,xm32 W F3 0F 2D /r | att=cvtss2si',
  'cvttss2si r32,xm32 F3 0F 2C /r | att=cvttss2si', 'cvttss2si r64,xm32 W F3 0F 2C /r | att=cvttss2si',
  'cvtsd2si r32,xm64 F2 0F 2D /r | att=cvtsd2si', 'cvtsd2si r64,xm64 W F2 0F 2D /r | att=cvtsd2si',
  'cvttsd2si r32,xm64 F2 0F 2C /r | att=cvttsd2si', 'cvttsd2si r64,xm64 W F2 0F 2C /r | att=cvttsd2si',
  'cvtss2sd x,xm32 F3 0F 5A /r', 'cvtsd2ss x,xm64 F2 0F 5A /r', 'cvtps2pd x,xm64 0F 5A /r', 'cvtpd2ps x,xm128 66 0F 5A /r',
  'cvtdq2ps x,xm128 0F 5B /r', 'cvtps2dq x,xm128 66 0F 5B /r', 'cvttps2dq x,xm128 F3 0F 5B /r',
  'cvtdq2pd x,xm64 F3 0F E6 /r', 'cvtpd2dq x,xm128 F2 0F E6 /r', 'cvttpd2dq x,xm128 66 0F E6 /r',
  'cvtpi2ps x,mmm64 0F 2A /r', 'cvtps2pi mm,xm64 0F 2D /r', 'cvttps2pi mm,xm64 0F 2C /r',
  'cvtpi2pd x,mmm64 66 0F 2A /r', 'cvtpd2pi mm,xm128 66 0F 2D /r', 'cvttpd2pi mm,xm128 66 0F 2C /r',
  'comiss x,xm32 0F 2F /r', 'comisd x,xm64 66 0F 2F /r', 'ucomiss x,xm32 0F 2E /r', 'ucomisd x,xm64 66 0F 2E /r',
  'shufps x,xm128,i8 0F C6 /r ib', 'shufpd x,xm128,i8 66 0F C6 /r ib',
  ...intops(),
  'pshufw mm,mmm64,i8 0F 70 /r ib | f=mmx', 'pshufd x,xm128,i8 66 0F 70 /r ib', 'pshufhw x,xm128,i8 F3 0F 70 /r ib',
  'pshuflw x,xm128,i8 F2 0F 70 /r ib',
  'pinsrw mm,r32,i8 0F C4 /r ib | f=mmx', 'pinsrw mm,m16,i8 0F C4 /r ib | f=mmx nosfx', 'pinsrw x,r32,i8 66 0F C4 /r ib', 'pinsrw x,m16,i8 66 0F C4 /r ib | nosfx',
  'pextrw r32,mm,i8 0F C5 /r ib | f=mmx', 'pextrw r32,x,i8 66 0F C5 /r ib', 'pextrw m16,x,i8 66 0F 3A 15 /r ib | f=sse4.1',
  'pextrw r64,x,i8 66 0F C5 /r ib | o64',
  'pextrb r32,x,i8 66 0F 3A 14 /r ib | f=sse4.1 roles=mri', 'pextrb r64,x,i8 66 0F 3A 14 /r ib | f=sse4.1 roles=mri o64', 'pextrb m8,x,i8 66 0F 3A 14 /r ib | f=sse4.1',
  'pextrd rm32,x,i8 66 0F 3A 16 /r ib | f=sse4.1', 'pextrq rm64,x,i8 W 66 0F 3A 16 /r ib | f=sse4.1 o64',
  'extractps rm32,x,i8 66 0F 3A 17 /r ib | f=sse4.1',
  'pinsrb x,r32,i8 66 0F 3A 20 /r ib | f=sse4.1', 'pinsrb x,m8,i8 66 0F 3A 20 /r ib | f=sse4.1',
  'pinsrd x,rm32,i8 66 0F 3A 22 /r ib | f=sse4.1', 'pinsrq x,rm64,i8 W 66 0F 3A 22 /r ib | f=sse4.1 o64',
  'pblendvb x,xm128,xmm0 66 0F 38 10 /r | f=sse4.1', 'pblendvb x,xm128 66 0F 38 10 /r | f=sse4.1',
  'blendvps x,xm128,xmm0 66 0F 38 14 /r | f=sse4.1', 'blendvps x,xm128 66 0F 38 14 /r | f=sse4.1',
  'blendvpd x,xm128,xmm0 66 0F 38 15 /r | f=sse4.1', 'blendvpd x,xm128 66 0F 38 15 /r | f=sse4.1',
  'movntdqa x,m128 66 0F 38 2A /r | f=sse4.1',
];
