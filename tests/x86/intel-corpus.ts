// The table-generated corpus (corpus.ts) written in Intel syntax, for tests/x86/intel-gas.test.ts.
// This printer is written from GNU as's Intel conventions independently of targets/x86/intel.ts (the
// parser under test): destination first, no '$' or '%', `X ptr` from the form's memory operand size,
// `qword ptr [rax + rcx*4 + 0x12]`, branch targets bare, far pointers `sel:off`, x87 fsub/fsubr and
// fdiv/fdivr with a %st(i) destination under their real (Intel) names.

import { Case } from './corpus';
import { BY_SPELLING, Form, F_BRANCH, F_FAR, F_NOREV, F_STR, OpType } from '../../targets/x86/table';
import { Operand, OpKind, Value, isConst } from '../../targets/x86/operand';
import { REGS, RegClass } from '../../targets/x86/regs';

const PTR: Record<number, string> = { 8: 'byte', 16: 'word', 32: 'dword', 48: 'fword', 64: 'qword', 80: 'tbyte', 128: 'xmmword', 256: 'ymmword' };

const spell = new Map<Form, { explicit: string[]; bare: string[] }>();
function spellingsOf(f: Form): { explicit: string[]; bare: string[] } {
  if (!spell.size) {
    for (const [name, list] of BY_SPELLING) {
      for (const { form, explicit } of list) {
        let s = spell.get(form);
        if (!s) spell.set(form, (s = { explicit: [], bare: [] }));
        (explicit ? s.explicit : s.bare).push(name);
      }
    }
  }
  return spell.get(f) ?? { explicit: [], bare: [] };
}

function value(v: Value): string {
  if (isConst(v)) return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
  return v.sym + (v.addend ? (v.addend > 0n ? '+' : '-') + (v.addend < 0n ? -v.addend : v.addend).toString() : '');
}

function ptrOf(ty: OpType, f: Form): string {
  let size = ty.size;
  if (ty.name.startsWith('mfar')) size += 16;
  if (f.flags & F_FAR) return '';
  const p = PTR[size];
  return p ? `${p} ptr ` : '';
}

function operand(op: Operand, ty: OpType, f: Form): string {
  switch (op.kind) {
    case OpKind.Reg: return REGS[op.reg].name;
    case OpKind.Imm: return value(op.value);
    case OpKind.Far: return `${value(op.sel)}:${value(op.off)}`;
    case OpKind.Mem: {
      if (ty.rel) return value(op.disp);
      const parts: string[] = [];
      if (op.base >= 0) parts.push(REGS[op.base].name);
      if (op.index >= 0) parts.push(op.scale === 1 ? REGS[op.index].name : `${REGS[op.index].name}*${op.scale}`);
      let s = parts.join(' + ');
      if (!isConst(op.disp) || op.disp !== 0n || !parts.length) {
        const d = value(op.disp);
        s = !parts.length ? d : d.startsWith('-') ? `${s} - ${d.slice(1)}` : `${s} + ${d}`;
      }
      const seg = op.seg >= 0 ? `${REGS[op.seg].name}:` : '';
      return `${ptrOf(ty, f)}${seg}[${s}]`;
    }
  }
}

const X87_SWAP: Record<string, string> = {
  fsub: 'fsubr', fsubr: 'fsub', fdiv: 'fdivr', fdivr: 'fdiv', fsubp: 'fsubrp', fsubrp: 'fsubp', fdivp: 'fdivrp', fdivrp: 'fdivp',
};
/** GNU as's Intel syntax writes a 32-bit operand-size suffix as 'd' (pushd, retd, lgdtd, iretd). */
const intelD = (n: string) => (n.endsWith('l') ? n.slice(0, -1) + 'd' : n);

/** Intel text for a corpus case, or null when Intel syntax cannot say it (suffix-only spellings). */
export function intelText(c: Case): string | null {
  const f = c.form;
  const sp = spellingsOf(f);
  const ops = c.inst.operands;
  let name = sp.bare[0] ?? '';
  // Sizes that no operand names: the suffixed spelling (pushfq, iretd, lretq, movsb, ...).
  const sized = f.ops.some((t, i) => (t.gpr && ops[i].kind === OpKind.Reg) || (t.mem && ops[i].kind === OpKind.Mem && t.size));
  if (f.flags & F_STR || (!sized && f.suffixed && sp.explicit.length && f.osz)) {
    const e = sp.explicit[0];
    if (!e) return null;
    name = intelD(e);
  } else if (!sized && c.mode === 64 && sp.bare.includes(name + 'l')) name += 'd'; // sysret/sysretl: sysretd
  // A 32-bit near jmp/call through memory in 16-bit code: `dword ptr` would make it far.
  if (c.mode === 16 && f.flags & F_BRANCH && f.osz === 32) return null;
  if (!name) return null;
  if (f.flags & F_FAR) name = name === 'ljmp' ? 'jmp' : name === 'lcall' ? 'call' : name;
  // Far indirect: `jmp fword ptr [m]` (m16:32), `ljmpw [m]` (m16:16).
  const farMem = f.ops.findIndex((t) => t.name.startsWith('mfar'));
  if (farMem >= 0 && (name === 'ljmp' || name === 'lcall')) {
    const t = operand(ops[farMem], f.ops[farMem], f).replace(/^\w+ ptr /, '');
    if (f.ops[farMem].name === 'mfar32') return `${name.slice(1)} fword ptr ${t}`;
    return `${name}w ${t}`;
  }
  name = name.replace(/^(v?cvtt?pd2(ps|dq))[xy]$/, '$1');
  if (X87_SWAP[name]) {
    const last = ops[ops.length - 1];
    const dst = last && last.kind === OpKind.Reg && REGS[last.reg].cls === RegClass.St && REGS[last.reg].num !== 0;
    if (name.endsWith('p') || (ops.length === 2 && dst)) name = X87_SWAP[name];
  }
  const texts = ops.map((op, i) => operand(op, f.ops[i], f));
  if (!(f.flags & F_NOREV)) texts.reverse();
  return texts.length ? `${name} ${texts.join(', ')}` : name;
}
