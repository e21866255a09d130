// Building Lua 5.4 (Debian's lua5.4 source in $CC_TS_CORPUS/lua-5.4.4) with cc-ts, gcc or tcc,
// and running the project's Lua scripts (tests/apps/lua-scripts/*.lua) with it.
//
// The interpreter is every src/*.c except luac.c, compiled with Lua's own flags for a POSIX build
// (-std=gnu99 -DLUA_COMPAT_5_3 -DLUA_USE_POSIX; no dlopen, no readline) and linked with -lm.

import * as fs from 'fs';
import * as path from 'path';
import { appsDir, buildProgram, BuildResult, corpus, outcome, Ran, run } from './common';
import { workaroundsFor } from './workarounds';

export const luaSrc = path.join(corpus, 'lua-5.4.4/src');
export const scriptsDir = path.join(appsDir, 'lua-scripts');
export const LUA_CFLAGS = ['-std=gnu99', '-DLUA_COMPAT_5_3', '-DLUA_USE_POSIX', '-w'];

export function luaSources(): string[] {
  if (!fs.existsSync(luaSrc)) throw new Error(`${luaSrc} not found (run tests/corpus/fetch.sh)`);
  return fs.readdirSync(luaSrc).filter((f) => f.endsWith('.c') && f !== 'luac.c').sort().map((f) => path.join(luaSrc, f));
}

export function luaScripts(): string[] {
  return fs.readdirSync(scriptsDir).filter((f) => f.endsWith('.lua')).sort();
}

/** Builds lua with `compiler` at -O`level` into outDir/lua; logs any work-around applied. */
export function buildLua(compiler: 'cc-ts' | 'gcc' | 'tcc', level: string, outDir: string, log: (s: string) => void = () => {}): Promise<BuildResult> {
  const extra: string[] = [];
  if (compiler === 'cc-ts') {
    for (const w of workaroundsFor('lua', level)) {
      log(`  work-around for cc-ts -O${level}: ${w.flags.join(' ')} (${w.why}; repro tests/apps/repros/${w.repro})`);
      extra.push(...w.flags);
    }
  }
  return buildProgram({
    compiler, sources: luaSources(), cflags: [`-O${level}`, ...LUA_CFLAGS, ...extra], ldflags: ['-lm'],
    outDir, exeName: 'lua',
  });
}

/** Runs one script (from the scripts folder, so chunk names are the bare file names) with TZ=UTC. */
export function runScript(lua: string, script: string, timeoutMs = 60000): Promise<Ran> {
  return run(lua, [script], { cwd: scriptsDir, env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' }, timeoutMs });
}

export { outcome };
