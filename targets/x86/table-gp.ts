// General-purpose and system instructions, as table rows (format: see table.ts).
// Row order matters only between forms of equal length: the first one wins, as in GNU as
// (e.g. `mov %eax,%ebx` is 89 c3, not 8b d8).

const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'];
const SHIFTS: [string, number][] = [['rol', 0], ['ror', 1], ['rcl', 2], ['rcr', 3], ['shl/sal', 4], ['shr', 5], ['sar', 7]];
const h = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');

function alu(): string[] {
  const rows: string[] = [];
  ALU.forEach((n, d) => {
    const lk = n === 'cmp' ? '' : ' | lock';
    rows.push(
      `${n} rm8,r8 ${h(d * 8)} /r${lk}`,
      `${n} rmv,rv ${h(d * 8 + 1)} /r${lk}`,
      `${n} r8,rm8 ${h(d * 8 + 2)} /r`,
      `${n} rv,rmv ${h(d * 8 + 3)} /r`,
      `${n} rmv,i8s 83 /${d} ib${lk}`,
      `${n} al,i8 ${h(d * 8 + 4)} ib`,
      `${n} av,iz ${h(d * 8 + 5)} iz`,
      `${n} rm8,i8 80 /${d} ib${lk}`,
      `${n} rmv,iz 81 /${d} iz${lk}`,
    );
  });
  return rows;
}

function shifts(): string[] {
  const rows: string[] = [];
  for (const [n, d] of SHIFTS) {
    rows.push(
      `${n} rm8,one D0 /${d}`, `${n} rm8 D0 /${d}`, `${n} rm8,cl D2 /${d}`, `${n} rm8,i8 C0 /${d} ib`,
      `${n} rmv,one D1 /${d}`, `${n} rmv D1 /${d}`, `${n} rmv,cl D3 /${d}`, `${n} rmv,i8 C1 /${d} ib`,
    );
  }
  return rows;
}

function unary(): string[] {
  const rows: string[] = [];
  ([['not', 2, ' | lock'], ['neg', 3, ' | lock'], ['mul', 4, ''], ['imul', 5, ''], ['div', 6, ''], ['idiv', 7, '']] as const).forEach(([n, d, f]) => {
    rows.push(`${n} rm8 F6 /${d}${f}`, `${n} rmv F7 /${d}${f}`);
  });
  return rows;
}

function strings(): string[] {
  const rows: string[] = [];
  for (const [n, op] of [['movs', 0xa4], ['cmps', 0xa6], ['stos', 0xaa], ['lods', 0xac], ['scas', 0xae]] as const) {
    rows.push(`${n} - o8 ${h(op)} | str rep`, `${n} - ov ${h(op + 1)} | str rep`);
  }
  rows.push('ins - o8 6C | str rep', 'ins - o16 6D | str rep', 'ins - o32 6D | str rep');
  rows.push('outs - o8 6E | str rep', 'outs - o16 6F | str rep', 'outs - o32 6F | str rep');
  return rows;
}

export const GP_ROWS: string[] = [
  ...alu(),
  'inc rm8 FE /0 | lock', 'inc rmv FF /0 | lock', 'inc rv 40+r | i64',
  'dec rm8 FE /1 | lock', 'dec rmv FF /1 | lock', 'dec rv 48+r | i64',
  ...unary(),
  'imul rv,rmv 0F AF /r',
  'imul rv,rmv,i8s 6B /r ib',
  'imul rv,rmv,iz 69 /r iz',
  'imul rv,i8s 6B /r ib | roles=bi',
  'imul rv,iz 69 /r iz | roles=bi',
  ...shifts(),
  'shld rmv,rv,i8 0F A4 /r ib', 'shld rmv,rv,cl 0F A5 /r', 'shld rmv,rv 0F A5 /r',
  'shrd rmv,rv,i8 0F AC /r ib', 'shrd rmv,rv,cl 0F AD /r', 'shrd rmv,rv 0F AD /r',
  'test rm8,r8 84 /r', 'test rmv,rv 85 /r', 'test r8,rm8 84 /r', 'test rv,rmv 85 /r',
  'test al,i8 A8 ib', 'test av,iz A9 iz', 'test rm8,i8 F6 /0 ib', 'test rmv,iz F7 /0 iz',
  'xchg av,rv 90+r', 'xchg rv,av 90+r',
  'xchg rm8,r8 86 /r | lock', 'xchg r8,rm8 86 /r | lock', 'xchg rmv,rv 87 /r | lock', 'xchg rv,rmv 87 /r | lock',
  // mov
  'mov rm8,r8 88 /r', 'mov rmv,rv 89 /r', 'mov r8,rm8 8A /r', 'mov rv,rmv 8B /r',
  'mov m16,sreg 8C /r', 'mov rv,sreg 8C /r | norexw',
  'mov sreg,m16 8E /r', 'mov sreg,r16 8E /r', 'mov sreg,r32 8E /r', 'mov sreg,r64 8E /r | o64',
  'mov al,moffs8 A0 | i64', 'mov av,moffsv A1 | i64', 'mov moffs8,al A2 | i64', 'mov moffsv,av A3 | i64',
  'mov r8,i8 B0+r ib', 'mov rv,iv B8+r iv', 'mov rm8,i8 C6 /0 ib', 'mov rmv,iz C7 /0 iz',
  'movabs al,moffs8 A0 | o64 movabs', 'movabs av,moffsv A1 | o64 movabs', 'movabs moffs8,al A2 | o64 movabs', 'movabs moffsv,av A3 | o64 movabs',
  'movabs r64,i64 W B8+r iq | o64',
  'mov r32,cr 0F 20 /r | i64', 'mov r64,cr 0F 20 /r | o64', 'mov cr,r32 0F 22 /r | i64', 'mov cr,r64 0F 22 /r | o64',
  'mov r32,dr 0F 21 /r | i64', 'mov r64,dr 0F 21 /r | o64', 'mov dr,r32 0F 23 /r | i64', 'mov dr,r64 0F 23 /r | o64',
  'movzx rv,rm8 0F B6 /r | att=movz sx=8', 'movzx r32,rm16 o32 0F B7 /r | att=movz sx=16', 'movzx r64,rm16 o64 0F B7 /r | att=movz sx=16',
  'movsx rv,rm8 0F BE /r | att=movs sx=8', 'movsx r32,rm16 o32 0F BF /r | att=movs sx=16', 'movsx r64,rm16 o64 0F BF /r | att=movs sx=16',
  'movsxd r64,rm32 o64 63 /r | att=movs sx=32',
  'lea rv,m 8D /r',
  'cbtw/cbw - o16 98 | nosfx', 'cwtl/cwde - o32 98 | nosfx', 'cltq/cdqe - o64 98 | nosfx',
  'cwtd/cwd - o16 99 | nosfx', 'cltd/cdq - o32 99 | nosfx', 'cqto/cqo - o64 99 | nosfx',
  // stack
  'push rv 50+r | d64', 'push rmv FF /6 | d64 def', 'push i8sv 6A ib | d64 def', 'push iz 68 iz | d64 def',
  'push es ov 06 | i64 def', 'push cs ov 0E | i64 def', 'push ss ov 16 | i64 def', 'push ds ov 1E | i64 def', 'push fs ov 0F A0 | d64 def', 'push gs ov 0F A8 | d64 def',
  'pop rv 58+r | d64', 'pop rmv 8F /0 | d64 def',
  'pop es ov 07 | i64 def', 'pop ss ov 17 | i64 def', 'pop ds ov 1F | i64 def', 'pop fs ov 0F A1 | d64 def', 'pop gs ov 0F A9 | d64 def',
  'pusha - ov 60 | i64 def', 'popa - ov 61 | i64 def',
  'pushf - ov 9C | d64 def', 'popf - ov 9D | d64 def',
  'enter i16,i8 ov C8 iw ib | nor d64 def', 'leave - ov C9 | d64 def',
  // bits
  'bt rmv,rv 0F A3 /r', 'bt rmv,i8 0F BA /4 ib',
  'bts rmv,rv 0F AB /r | lock', 'bts rmv,i8 0F BA /5 ib | lock',
  'btr rmv,rv 0F B3 /r | lock', 'btr rmv,i8 0F BA /6 ib | lock',
  'btc rmv,rv 0F BB /r | lock', 'btc rmv,i8 0F BA /7 ib | lock',
  'bsf rv,rmv 0F BC /r', 'bsr rv,rmv 0F BD /r',
  'bswap r32 o32 0F C8+r', 'bswap r64 o64 0F C8+r',
  'popcnt rv,rmv F3 0F B8 /r | att=popcnt f=popcnt',
  'lzcnt rv,rmv F3 0F BD /r | att=lzcnt f=lzcnt',
  'tzcnt rv,rmv F3 0F BC /r | att=tzcnt f=bmi',
  'cmpxchg rm8,r8 0F B0 /r | lock', 'cmpxchg rmv,rv 0F B1 /r | lock',
  'xadd rm8,r8 0F C0 /r | lock', 'xadd rmv,rv 0F C1 /r | lock',
  'cmpxchg8b m64 0F C7 /1 | lock nosfx', 'cmpxchg16b m128 W 0F C7 /1 | lock o64 nosfx',
  'setcc rm8 0F 90+cc /0',
  'cmovcc rv,rmv 0F 40+cc /r',
  'movbe rv,mv 0F 38 F0 /r | att=movbe f=movbe', 'movbe mv,rv 0F 38 F1 /r | att=movbe f=movbe',
  // ADX
  'adcx r32,rm32 66 0F 38 F6 /r | att=adcx f=adx', 'adcx r64,rm64 W 66 0F 38 F6 /r | att=adcx f=adx o64',
  'adox r32,rm32 F3 0F 38 F6 /r | att=adox f=adx', 'adox r64,rm64 W F3 0F 38 F6 /r | att=adox f=adx o64',
  'crc32 r32,rm8 F2 0F 38 F0 /r | att=crc32 sfxop=1 f=sse4.2', 'crc32 r32,rm16 o16 F2 0F 38 F1 /r | att=crc32 sfxop=1 f=sse4.2',
  'crc32 r32,rm32 o32 F2 0F 38 F1 /r | att=crc32 sfxop=1 f=sse4.2', 'crc32 r64,rm8 W F2 0F 38 F0 /r | att=crc32 sfxop=1 f=sse4.2',
  'crc32 r64,rm64 W F2 0F 38 F1 /r | att=crc32 sfxop=1 f=sse4.2',
  ...strings(),
  'xlat/xlatb - D7',
  // branches
  'jcc rel8 70+cc | br', 'jcc rel16 0F 80+cc | br m16', 'jcc rel32 0F 80+cc | br n16',
  'jmp rel8 EB | br', 'jmp rel16 E9 | br m16', 'jmp rel32 E9 | br n16',
  'jmp rmv FF /4 | br d64 def',
  'call rel16 E8 | br m16', 'call rel32 E8 | br n16',
  'call rel16 o16 E8 | br i64 sfxonly', 'call rel32 o32 E8 | br i64 sfxonly', 'call rel32 o64 E8 | br d64 o64 sfxonly',
  'call rmv FF /2 | br d64 def',
  'ljmp ptr16 EA | far i64 m16', 'ljmp ptr32 EA | far i64 n16', 'ljmp mfar16 o16 FF /5 | br def', 'ljmp mfar32 o32 FF /5 | br def',
  'lcall ptr16 9A | far i64 m16', 'lcall ptr32 9A | far i64 n16',
  'lcall ptr16 o16 9A | far i64 sfxonly', 'lcall ptr32 o32 9A | far i64 sfxonly',
  'ljmp ptr16 o16 EA | far i64 sfxonly', 'ljmp ptr32 o32 EA | far i64 sfxonly', 'lcall mfar16 o16 FF /3 | br def', 'lcall mfar32 o32 FF /3 | br def',
  'ret - ov C3 | d64 def', 'ret i16 ov C2 iw | d64 def',
  'lret - ov CB | def', 'lret i16 ov CA iw | def',
  'iret - ov CF | def',
  'loop rel8 E2 | br', 'loope/loopz rel8 E1 | br', 'loopne/loopnz rel8 E0 | br',
  'jcxz rel8 a16 E3 | br i64', 'jecxz rel8 a32 E3 | br', 'jrcxz rel8 a64 E3 | br o64',
  'int i8 CD ib', 'int three CC', 'int3 - CC', 'into - CE | i64', 'int1/icebp - F1',
  // flags and misc
  'nop - 90', 'nop rmv 0F 1F /0', 'pause - F3 90', 'hlt - F4', 'ud2 - 0F 0B', 'ud1 rv,rmv 0F B9 /r', 'ud0 rv,rmv 0F FF /r',
  'clc - F8', 'stc - F9', 'cmc - F5', 'cld - FC', 'std - FD', 'cli - FA', 'sti - FB', 'lahf - 9F', 'sahf - 9E',
  'aaa - 37 | i64', 'aas - 3F | i64', 'daa - 27 | i64', 'das - 2F | i64',
  'aam - D4 0A | i64', 'aam i8 D4 ib | i64', 'aad - D5 0A | i64', 'aad i8 D5 ib | i64',
  'wait/fwait - 9B',
  'in al,i8 E4 ib', 'in ax,i8 o16 E5 ib', 'in eax,i8 o32 E5 ib', 'in al,dx EC', 'in ax,dx o16 ED', 'in eax,dx o32 ED',
  'out i8,al E6 ib', 'out i8,ax o16 E7 ib', 'out i8,eax o32 E7 ib', 'out dx,al EE', 'out dx,ax o16 EF', 'out dx,eax o32 EF',
  'arpl rm16,r16 63 /r | i64',
  'lds r16,mfar16 o16 C5 /r | i64', 'lds r32,mfar32 o32 C5 /r | i64', 'les r16,mfar16 o16 C4 /r | i64', 'les r32,mfar32 o32 C4 /r | i64',
  'lss r16,mfar16 o16 0F B2 /r', 'lss r32,mfar32 o32 0F B2 /r', 'lfs r16,mfar16 o16 0F B4 /r', 'lfs r32,mfar32 o32 0F B4 /r',
  'lgs r16,mfar16 o16 0F B5 /r', 'lgs r32,mfar32 o32 0F B5 /r',
  'lar rv,rm16 0F 02 /r', 'lsl rv,rm16 0F 03 /r',
  // GNU as also takes a source register of the destination's size (lsl %rax,%rax: the kernel's LOAD_CPU_AND_NODE_SEG_LIMIT)
  'lar r32,r32 o32 0F 02 /r', 'lar r64,r64 o64 0F 02 /r', 'lsl r32,r32 o32 0F 03 /r', 'lsl r64,r64 o64 0F 03 /r',
  'rdrand rv 0F C7 /6 | f=rdrnd nosfx', 'rdseed rv 0F C7 /7 | f=rdseed nosfx',
  // system
  'cpuid - 0F A2', 'rdtsc - 0F 31', 'rdtscp - 0F 01 F9', 'rdmsr - 0F 32', 'wrmsr - 0F 30', 'rdpmc - 0F 33',
  'syscall - 0F 05', 'sysret/sysretl - 0F 07', 'sysretq - W 0F 07',
  'sysenter - 0F 34', 'sysexit/sysexitl - 0F 35', 'sysexitq - W 0F 35',
  'swapgs - 0F 01 F8 | o64',
  'lgdt m ov 0F 01 /2 | d64 def now64', 'sgdt m ov 0F 01 /0 | d64 def now64', 'lidt m ov 0F 01 /3 | d64 def now64', 'sidt m ov 0F 01 /1 | d64 def now64',
  'lldt rm16 0F 00 /2', 'ltr rm16 0F 00 /3',
  'sldt m16 0F 00 /0', 'sldt rv 0F 00 /0 | norexw', 'str m16 0F 00 /1', 'str rv 0F 00 /1 | norexw',
  'verr rm16 0F 00 /4', 'verw rm16 0F 00 /5',
  'lmsw rm16 0F 01 /6', 'smsw m16 0F 01 /4', 'smsw rv 0F 01 /4',
  'invlpg m 0F 01 /7', 'invd - 0F 08', 'wbinvd - 0F 09', 'clts - 0F 06', 'rsm - 0F AA',
  'invpcid r64,m128 66 0F 38 82 /r | o64 nosfx f=invpcid', 'invpcid r32,m128 66 0F 38 82 /r | i64 nosfx f=invpcid',
  'monitor - 0F 01 C8', 'mwait - 0F 01 C9', 'xgetbv - 0F 01 D0', 'xsetbv - 0F 01 D1',
  'encls - 0F 01 CF', 'enclu - 0F 01 D7', 'enclv - 0F 01 C0',
  'vmcall - 0F 01 C1', 'vmlaunch - 0F 01 C2', 'vmresume - 0F 01 C3', 'vmxoff - 0F 01 C4', 'clac - 0F 01 CA', 'stac - 0F 01 CB',
  'xsave m 0F AE /4', 'xsave64 m W 0F AE /4 | o64', 'xrstor m 0F AE /5', 'xrstor64 m W 0F AE /5 | o64',
  'xsaveopt m 0F AE /6', 'xsaveopt64 m W 0F AE /6 | o64', 'xsavec m 0F C7 /4', 'xsavec64 m W 0F C7 /4 | o64',
  'xsaves m 0F C7 /5', 'xsaves64 m W 0F C7 /5 | o64', 'xrstors m 0F C7 /3', 'xrstors64 m W 0F C7 /3 | o64',
  'fxsave m 0F AE /0', 'fxsave64 m W 0F AE /0 | o64', 'fxrstor m 0F AE /1', 'fxrstor64 m W 0F AE /1 | o64',
  'ldmxcsr m32 0F AE /2 | nosfx', 'stmxcsr m32 0F AE /3 | nosfx',
  'lfence - 0F AE E8', 'mfence - 0F AE F0', 'sfence - 0F AE F8',
  'clflush m8 0F AE /7 | nosfx', 'clflushopt m8 66 0F AE /7 | nosfx', 'clwb m8 66 0F AE /6 | nosfx',
  'prefetchnta m8 0F 18 /0 | nosfx', 'prefetcht0 m8 0F 18 /1 | nosfx', 'prefetcht1 m8 0F 18 /2 | nosfx', 'prefetcht2 m8 0F 18 /3 | nosfx',
  'prefetchw m8 0F 0D /1 | nosfx',
  'rdfsbase r32 F3 0F AE /0 | f=fsgsbase', 'rdfsbase r64 W F3 0F AE /0 | f=fsgsbase', 'rdgsbase r32 F3 0F AE /1', 'rdgsbase r64 W F3 0F AE /1',
  'wrfsbase r32 F3 0F AE /2', 'wrfsbase r64 W F3 0F AE /2', 'wrgsbase r32 F3 0F AE /3', 'wrgsbase r64 W F3 0F AE /3',
  'rdpid r64 F3 0F C7 /7 | o64', 'rdpid r32 F3 0F C7 /7 | i64',
  'endbr64 - F3 0F 1E FA', 'endbr32 - F3 0F 1E FB',
];
