// Moving IR between threads: a function as a plain message (its arrays cut to their used length, the
// typed ones transferable), and the module-level tables a function's numbers refer to, sent as they
// grow. The receiving side keeps a replica module (Module.makeReplica) that adopts them.
//
//   main:    const sync = new ModuleSync();  post({ delta: sync.delta(m), funcs: [funcMessage(f)] })
//   worker:  applyDelta(replica, delta); const f = funcFromMessage(replica, msg)

import { AbiType, AsmInfo, DataObj, ExternDecl, Func, Module, Sig } from './module';

export interface FuncMessage {
  name: string; sig: number;
  linkage: Func['linkage']; visibility: Func['visibility']; section: string;
  noinline: boolean; labelsInData: boolean; keep: boolean;
  nInstr: number; op: Func['op']; ty: Func['ty']; aux: Func['aux']; argStart: Func['aux']; argCount: Func['aux'];
  blk: Func['aux']; next: Func['aux']; prev: Func['aux']; names: (string | undefined)[];
  args: Func['aux']; nArgs: number;
  nBlocks: number; first: Func['aux']; last: Func['aux']; blockNames: (string | undefined)[]; layout: number[];
  cKind: number[]; cType: number[]; cVal: (bigint | string)[]; cOff: number[];
  asms: AsmInfo[];
  loc: Func['aux'] | null; curLoc: number; declLoc: number;
}

/** What a replica needs before the functions of a message: new signatures, ABI types and symbol flags. */
export interface ModuleDelta {
  sigs: Sig[]; sigFrom: number;
  abis: AbiType[]; abiFrom: number;
  symFlags: [string, number][];
  /** -g source positions (Module.locId tables) from locFrom on, and file names from fileFrom on. */
  debugFiles: string[]; fileFrom: number;
  locFile: number[]; locLine: number[]; locCol: number[]; locFrom: number;
}

/** The rest of a module, at its end. */
export interface ModuleTail {
  data: DataObj[]; externs: ExternDecl[]; aliases: Module['aliases'];
  ctors: Module['ctors']; dtors: Module['dtors']; execStack: boolean;
}

/** f as a message; `transfer` lists the buffers that can move instead of being copied. */
export function funcMessage(f: Func): { msg: FuncMessage; transfer: ArrayBuffer[] } {
  const n = f.nInstr, nb = f.nBlocks;
  const msg: FuncMessage = {
    name: f.name, sig: f.sig, linkage: f.linkage, visibility: f.visibility, section: f.section,
    noinline: f.noinline, labelsInData: f.labelsInData, keep: f.keep,
    nInstr: n, op: f.op.slice(0, n), ty: f.ty.slice(0, n), aux: f.aux.slice(0, n), argStart: f.argStart.slice(0, n),
    argCount: f.argCount.slice(0, n), blk: f.blk.slice(0, n), next: f.next.slice(0, n), prev: f.prev.slice(0, n),
    names: f.names, args: f.args.slice(0, f.nArgs), nArgs: f.nArgs,
    nBlocks: nb, first: f.first.slice(0, nb), last: f.last.slice(0, nb), blockNames: f.blockNames, layout: f.layout,
    cKind: f.cKind, cType: f.cType, cVal: f.cVal, cOff: f.cOff, asms: f.asms,
    loc: f.loc ? f.loc.slice(0, n) : null, curLoc: f.curLoc, declLoc: f.declLoc,
  };
  const transfer = [msg.op, msg.ty, msg.aux, msg.argStart, msg.argCount, msg.blk, msg.next, msg.prev, msg.args, msg.first, msg.last]
    .map((a) => a.buffer);
  if (msg.loc) transfer.push(msg.loc.buffer);
  return { msg, transfer };
}

/** The function of a message, in the replica module m (not added to m.funcs). */
export function funcFromMessage(m: Module, msg: FuncMessage): Func {
  const f = new Func(m, msg.name, msg.sig);
  f.linkage = msg.linkage; f.visibility = msg.visibility; f.section = msg.section;
  f.noinline = msg.noinline; f.labelsInData = msg.labelsInData; f.keep = msg.keep;
  f.nInstr = msg.nInstr; f.op = msg.op; f.ty = msg.ty; f.aux = msg.aux; f.argStart = msg.argStart; f.argCount = msg.argCount;
  f.blk = msg.blk; f.next = msg.next; f.prev = msg.prev; f.names = msg.names;
  f.args = msg.args; f.nArgs = msg.nArgs;
  f.nBlocks = msg.nBlocks; f.first = msg.first; f.last = msg.last; f.blockNames = msg.blockNames; f.layout = msg.layout;
  f.cKind = msg.cKind; f.cType = msg.cType; f.cVal = msg.cVal; f.cOff = msg.cOff; f.asms = msg.asms;
  f.loc = msg.loc; f.curLoc = msg.curLoc; f.declLoc = msg.declLoc;
  f.rebuildConstKeys();
  return f;
}

/** The sending side's record of what the replica has. */
export class ModuleSync {
  private sigs = 0;
  private abis = 0;
  private files = 0;
  private locs = 1; // id 0 (no position) is in every module

  /** What was added to m since the last delta. Symbol flags are moved out of m (the sending side
   *  does not generate code, so nothing there reads them). */
  delta(m: Module): ModuleDelta {
    const d: ModuleDelta = {
      sigs: m.sigs.slice(this.sigs), sigFrom: this.sigs, abis: m.abiTypes.slice(this.abis), abiFrom: this.abis,
      symFlags: [...m.symFlags],
      debugFiles: m.debugFiles.slice(this.files), fileFrom: this.files,
      locFile: m.locFile.slice(this.locs), locLine: m.locLine.slice(this.locs), locCol: m.locCol.slice(this.locs), locFrom: this.locs,
    };
    this.sigs = m.sigs.length;
    this.abis = m.abiTypes.length;
    this.files = m.debugFiles.length;
    this.locs = m.locFile.length;
    m.symFlags.clear();
    return d;
  }
}

export function applyDelta(m: Module, d: ModuleDelta): void {
  m.adopt(d.sigs, d.sigFrom, d.abis, d.abiFrom);
  for (const [name, flags] of d.symFlags) m.symFlags.set(name, flags);
  m.adoptLocs(d.debugFiles, d.fileFrom, d.locFile, d.locLine, d.locCol, d.locFrom);
}

export function moduleTail(m: Module): ModuleTail {
  return { data: m.data, externs: m.externs, aliases: m.aliases, ctors: m.ctors, dtors: m.dtors, execStack: m.execStack };
}

export function applyTail(m: Module, t: ModuleTail): void {
  // (loops: a spread of a long list overflows the stack)
  for (const d of t.data) m.data.push(d);
  for (const e of t.externs) m.externs.push(e);
  for (const a of t.aliases) m.aliases.push(a);
  for (const c of t.ctors) m.ctors.push(c);
  for (const c of t.dtors) m.dtors.push(c);
  m.execStack = t.execStack;
}
