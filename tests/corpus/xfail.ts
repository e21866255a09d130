// Expected-failure lists of the corpus runners: one `key: reason` a line, '#' starts a comment line.

import * as fs from 'fs';

/** The list in `file` as key -> reason (empty when the file does not exist). */
export function readXfail(file: string): Map<string, string> {
  const m = new Map<string, string>();
  if (!fs.existsSync(file)) return m;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const c = t.indexOf(':');
    m.set(c < 0 ? t : t.slice(0, c).trim(), c < 0 ? '' : t.slice(c + 1).trim());
  }
  return m;
}
