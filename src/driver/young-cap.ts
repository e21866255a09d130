// A cap on V8's young generation for the front-end-only runs (-fsyntax-only, -E).
//
// V8 doubles the young generation (two semi-spaces) while many objects survive its scavenges, up to
// 16 MiB per semi-space, and all of it stays resident: 32 MiB of sqlite3.c -fsyntax-only's peak. The
// front end keeps little of what it makes (tokens, the nodes of function bodies it drops), so once the
// semi-spaces are 8 MiB, growing them further buys almost nothing. The maximum can only be set before
// the heap exists (node --max-semi-space-size), but the growth factor is read at each growth: this
// source of tokens looks at the young generation every 4096 tokens and sets the factor to 1 (no more
// growth) once it has reached the cap.

import * as v8 from 'v8';
import { Token, TokenSource } from '../lex/token';

/** `src` with the young generation capped at `semiMiB` per semi-space from when it gets there. */
export function capYoungGeneration(src: TokenSource, semiMiB = 8): TokenSource {
  return new CappedSource(src, 2 * semiMiB * 1048576);
}

class CappedSource implements TokenSource {
  /** Tokens until the next look (0: capped, no more looks). */
  private left = 4096;
  constructor(private readonly src: TokenSource, private readonly newSpaceCap: number) {}

  token(): Token {
    if (--this.left === 0) this.look();
    return this.src.token();
  }

  private look(): void {
    for (const s of v8.getHeapSpaceStatistics()) {
      if (s.space_name === 'new_space' && s.space_size >= this.newSpaceCap) {
        v8.setFlagsFromString('--semi-space-growth-factor=1');
        this.left = -1; // counts down from here for ever: 2^53 tokens
        return;
      }
    }
    this.left = 4096;
  }
}
