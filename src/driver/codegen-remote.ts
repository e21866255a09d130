// The main thread's half of two-thread `cc-ts -c` (the worker is codegen-worker.ts): functions, lowered
// and optimised here, are posted to the worker in batches as the parse goes on; the worker compiles
// and assembles them meanwhile. finish() posts the rest of the module and waits, synchronously, for
// the object file's bytes.
//
// Used for big units only (useCodegenThread): a worker costs a new V8 isolate and its own loading of
// the code generator and assembler (~40 ms), which a small file does not win back.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { Func, Module } from '../ir/module';
import { funcMessage, moduleTail, ModuleSync } from '../ir/transfer';
import type { X86Options } from '../../targets/x86/emit';
import type { FromWorker, ToWorker, WorkerPart } from './codegen-worker';

/** Instructions per batch: small enough to keep the worker busy from early on, big enough that
 *  messages cost little. */
const BATCH_INSTRS = 4000;
/** Units whose main source file is at least this big get a code-generation thread. */
const MIN_SOURCE_BYTES = 256 * 1024;

/** Whether `cc-ts -c` of `input` should generate code on a second thread: CC_TS_THREADS=0 or 1
 *  decides; otherwise a big main source file on a machine with more than one CPU. */
export function useCodegenThread(input: string): boolean {
  const env = process.env.CC_TS_THREADS;
  if (env === '0' || env === '1') return env === '1';
  if (input === '-' || os.availableParallelism() < 2) return false;
  try {
    return fs.statSync(input).size >= MIN_SOURCE_BYTES;
  } catch {
    return false;
  }
}

export class RemoteCodegen {
  private readonly worker: Worker;
  private readonly reply: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly sync = new ModuleSync();
  private parts: WorkerPart[] = [];
  private transfer: ArrayBuffer[] = [];
  private instrs = 0;

  constructor(x86: X86Options, asm: { fileName: string; includeDirs: string[] }, ptrSize: 4 | 8) {
    // the worker loads its modules the way bin/cc-ts does (bundle and code cache when they are fresh)
    const loader = path.join(__dirname, '..', '..', '..', 'bin', 'loader.js');
    // (a worker that cannot load its modules still answers the init message, with the error: the main
    // thread waits for that answer synchronously and would otherwise wait for ever)
    this.worker = new Worker(`
      const { parentPort } = require('worker_threads');
      let run = null, failure = '';
      try { run = require(${JSON.stringify(loader)}).load('src/driver/codegen-worker.js').runWorker; }
      catch (e) { failure = String((e && e.stack) || e); }
      if (run) run();
      else parentPort.once('message', (m) => {
        m.reply.postMessage({ bytes: null, errors: 0, diag: '', crash: failure, timing: '' });
        const done = new Int32Array(m.done);
        Atomics.store(done, 0, 1);
        Atomics.notify(done, 0);
        parentPort.close();
      });`, { eval: true, stdout: false, stderr: false });
    this.worker.unref();
    const ch = new MessageChannel();
    this.reply = ch.port1;
    const init: ToWorker = { kind: 'init', x86, asm, ptrSize, done: this.done.buffer as SharedArrayBuffer, reply: ch.port2 };
    this.worker.postMessage(init, [ch.port2]);
  }

  /** Assembly text that goes out before the next function (top-level asm). */
  raw(text: string): void { this.parts.push({ raw: text }); }

  func(f: Func, m: Module): void {
    const { msg, transfer } = funcMessage(f);
    this.parts.push({ func: msg });
    for (const b of transfer) this.transfer.push(b);
    this.instrs += f.nInstr;
    if (this.instrs >= BATCH_INSTRS) this.flush(m);
  }

  private flush(m: Module): void {
    if (!this.parts.length) return;
    const msg: ToWorker = { kind: 'batch', delta: this.sync.delta(m), parts: this.parts };
    this.worker.postMessage(msg, this.transfer);
    this.parts = [];
    this.transfer = [];
    this.instrs = 0;
  }

  /** The end of the module; waits for the worker's answer. */
  finish(m: Module, late: string[]): FromWorker {
    this.flush(m);
    const msg: ToWorker = { kind: 'finish', delta: this.sync.delta(m), tail: moduleTail(m), late };
    this.worker.postMessage(msg);
    const t0 = performance.now();
    Atomics.wait(this.done, 0, 0);
    // CC_TS_DEBUG_THREADS=1: how long the main thread waited for the worker at the end (balance)
    if (process.env.CC_TS_DEBUG_THREADS) process.stderr.write(`cc-ts: main thread done at ${Math.round(t0)} ms, waited ${Math.round(performance.now() - t0)} ms for code generation\n`);
    const r = receiveMessageOnPort(this.reply);
    this.reply.close();
    if (!r) throw new Error('code generation thread: no answer');
    const answer = r.message as FromWorker;
    if (answer.timing) process.stderr.write(`cc-ts: ${answer.timing}`);
    return answer;
  }

  /** Stop the worker without waiting for it (after an error here). */
  abandon(): void {
    this.reply.close();
    void this.worker.terminate();
  }
}
