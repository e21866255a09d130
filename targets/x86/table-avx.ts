// AVX, AVX2, BMI1 and BMI2 (VEX-encoded) instructions (format: see table.ts).

export const AVX_ROWS: string[] = [
  // BMI1 / BMI2
  'andn r32,r32,rm32 VEX.LZ.0F38.W0 F2 /r | f=bmi', 'andn r64,r64,rm64 VEX.LZ.0F38.W1 F2 /r | f=bmi o64',
  'bextr r32,rm32,r32 VEX.LZ.0F38.W0 F7 /r | f=bmi', 'bextr r64,rm64,r64 VEX.LZ.0F38.W1 F7 /r | f=bmi o64',
  'blsi r32,rm32 VEX.LZ.0F38.W0 F3 /3 | f=bmi', 'blsi r64,rm64 VEX.LZ.0F38.W1 F3 /3 | f=bmi o64',
  'blsmsk r32,rm32 VEX.LZ.0F38.W0 F3 /2 | f=bmi', 'blsmsk r64,rm64 VEX.LZ.0F38.W1 F3 /2 | f=bmi o64',
  'blsr r32,rm32 VEX.LZ.0F38.W0 F3 /1 | f=bmi', 'blsr r64,rm64 VEX.LZ.0F38.W1 F3 /1 | f=bmi o64',
  'bzhi r32,rm32,r32 VEX.LZ.0F38.W0 F5 /r | f=bmi2', 'bzhi r64,rm64,r64 VEX.LZ.0F38.W1 F5 /r | f=bmi2 o64',
  'mulx r32,r32,rm32 VEX.LZ.F2.0F38.W0 F6 /r | f=bmi2', 'mulx r64,r64,rm64 VEX.LZ.F2.0F38.W1 F6 /r | f=bmi2 o64',
  'pdep r32,r32,rm32 VEX.LZ.F2.0F38.W0 F5 /r | f=bmi2', 'pdep r64,r64,rm64 VEX.LZ.F2.0F38.W1 F5 /r | f=bmi2 o64',
  'pext r32,r32,rm32 VEX.LZ.F3.0F38.W0 F5 /r | f=bmi2', 'pext r64,r64,rm64 VEX.LZ.F3.0F38.W1 F5 /r | f=bmi2 o64',
  'rorx r32,rm32,i8 VEX.LZ.F2.0F3A.W0 F0 /r ib | f=bmi2', 'rorx r64,rm64,i8 VEX.LZ.F2.0F3A.W1 F0 /r ib | f=bmi2 o64',
  'sarx r32,rm32,r32 VEX.LZ.F3.0F38.W0 F7 /r | f=bmi2', 'sarx r64,rm64,r64 VEX.LZ.F3.0F38.W1 F7 /r | f=bmi2 o64',
  'shlx r32,rm32,r32 VEX.LZ.66.0F38.W0 F7 /r | f=bmi2', 'shlx r64,rm64,r64 VEX.LZ.66.0F38.W1 F7 /r | f=bmi2 o64',
  'shrx r32,rm32,r32 VEX.LZ.F2.0F38.W0 F7 /r | f=bmi2', 'shrx r64,rm64,r64 VEX.LZ.F2.0F38.W1 F7 /r | f=bmi2 o64',
];
