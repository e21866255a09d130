// The code-generation thread of `cc-ts -c` on a big unit (see codegen-remote.ts, its other half): it
// receives the lowered, optimised functions one batch at a time, compiles them (X86Emitter) and
// assembles what comes out (AssemblySession) while the main thread goes on parsing and lowering; at
// the end it returns the object file's bytes. The output is the same as when one thread does it all:
// the same code runs on the same functions in the same order.
//
// Messages in (on the worker's parent port):
//   { kind: 'init', x86: X86Options, asm: { fileName, includeDirs }, ptrSize, done: SharedArrayBuffer, reply: MessagePort }
//   { kind: 'batch', delta: ModuleDelta, parts: ({ raw: string } | { func: FuncMessage })[] }
//   { kind: 'finish', delta, tail: ModuleTail, late: string[] }
// One reply, on `reply`, after which done[0] becomes 1 (the main thread waits on it synchronously):
//   { bytes: Uint8Array | null, errors: number, diag: string, crash: string }

import { parentPort, MessagePort } from 'worker_threads';
import { Module } from '../ir/module';
import { applyDelta, applyTail, FuncMessage, funcFromMessage, ModuleDelta, ModuleTail } from '../ir/transfer';
import { X86Emitter, X86Options } from '../../targets/x86/emit';
import { AssembleFailed, AssemblySession } from '../../asm';
import { textSink } from '../../asm/error';
import { writeObject } from '../../elf/write-object';

export type WorkerPart = { raw: string } | { func: FuncMessage };
export type ToWorker =
  | { kind: 'init'; x86: X86Options; asm: { fileName: string; includeDirs: string[] }; ptrSize: 4 | 8; done: SharedArrayBuffer; reply: MessagePort }
  | { kind: 'batch'; delta: ModuleDelta; parts: WorkerPart[] }
  | { kind: 'finish'; delta: ModuleDelta; tail: ModuleTail; late: string[] };
export interface FromWorker { bytes: Uint8Array | null; errors: number; diag: string; crash: string; timing: string }

export function runWorker(): void {
  const port = parentPort!;
  let module: Module, emitter: X86Emitter, session: AssemblySession, reply: MessagePort, done: Int32Array;
  let diag = '';
  let crash = '';
  let busy = 0; // ms spent on batches
  const debug = !!process.env.CC_TS_DEBUG_THREADS;
  const answer = (r: FromWorker): void => {
    reply.postMessage(r);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    port.close();
  };
  port.on('message', (m: ToWorker) => {
    if (crash) return;
    try {
      switch (m.kind) {
        case 'init': {
          reply = m.reply;
          done = new Int32Array(m.done);
          module = new Module(m.ptrSize);
          module.makeReplica();
          session = new AssemblySession({
            fileName: m.asm.fileName, target: 'x86_64', includeDirs: m.asm.includeDirs,
            diag: textSink((text) => { diag += text; }),
          });
          emitter = new X86Emitter(module, m.x86, (items) => session.push(items));
          break;
        }
        case 'batch': {
          const t0 = debug ? performance.now() : 0;
          applyDelta(module, m.delta);
          for (const p of m.parts) {
            if ('raw' in p) emitter.raw([p.raw]);
            else emitter.func(funcFromMessage(module, p.func));
          }
          if (debug) busy += performance.now() - t0;
          break;
        }
        case 'finish': {
          const t0 = performance.now();
          applyDelta(module, m.delta);
          applyTail(module, m.tail);
          emitter.finish(m.late);
          const t1 = performance.now();
          let bytes: Uint8Array | null = null, errors = 0;
          try {
            const obj = session.finish();
            bytes = writeObject(obj);
          } catch (e) {
            if (!(e instanceof AssembleFailed)) throw e;
            errors = e.errors;
          }
          const t2 = performance.now();
          const timing = debug ? `worker: ${Math.round(busy)} ms on batches, finish message at ${Math.round(t0)} ms (worker clock), ` +
            `data and the rest ${Math.round(t1 - t0)} ms, layout and object ${Math.round(t2 - t1)} ms\n` : '';
          answer({ bytes, errors, diag, crash: '', timing });
          break;
        }
      }
    } catch (e) {
      crash = e instanceof Error ? e.stack ?? e.message : String(e);
      answer({ bytes: null, errors: 0, diag, crash, timing: '' });
    }
  });
}
