// Macro definitions: what #define records, and the text -dM/-dD print for it.

import { TK, TF, Token } from '../lex/token';

/** Built-in macros whose expansion is computed (not in -dM output). */
export const enum Builtin {
  None = 0, File, Line, Counter, IncludeLevel, BaseFile, FileName, Timestamp, Date, Time,
  HasInclude, HasIncludeNext, HasAttribute, HasCAttribute, HasCppAttribute, HasBuiltin, HasFeature,
  HasExtension, Pragma,
}

export class Macro {
  /** Is the macro being expanded (gcc's NODE_DISABLED: the painted-blue rule)? */
  disabled = false;
  /** Number of times it appears in a #if (unused; for -Wunused-macros one day). */
  constructor(
    readonly name: string,
    /** Function-like? */
    readonly funcLike: boolean,
    /** Parameter names; the variadic one is '__VA_ARGS__' or the GNU named one. */
    readonly params: string[],
    readonly variadic: boolean,
    /** Replacement list. */
    readonly body: Token[],
    /** For each body token: the parameter index it names, or -1. */
    readonly paramIdx: Int16Array,
    /** Where it was defined (null for built-ins and the command line). */
    readonly def: Token | null,
    readonly builtin: Builtin = Builtin.None,
    /** Does the body use # or ## or __VA_OPT__ (slow path)? */
    readonly hasOps: boolean = false,
  ) {}

  /** "NAME(a,b) body" as gcc -dM prints it after "#define ". */
  definitionText(): string {
    let s = this.name;
    if (this.funcLike) {
      const ps = this.params.map((p, i) => (this.variadic && i === this.params.length - 1 ? (p === '__VA_ARGS__' ? '...' : p + '...') : p));
      s += '(' + ps.join(', ') + ')';
    }
    if (this.body.length) {
      s += ' ';
      for (let i = 0; i < this.body.length; i++) {
        const t = this.body[i];
        if (i > 0 && t.flags & (TF.Space | TF.BOL)) s += ' ';
        s += t.text;
      }
    }
    return s;
  }

  /** Same definition (C17 6.10.3p2: same parameters, same spelling and white-space separation)? */
  sameAs(o: Macro): boolean {
    if (this.funcLike !== o.funcLike || this.variadic !== o.variadic || this.params.length !== o.params.length) return false;
    for (let i = 0; i < this.params.length; i++) if (this.params[i] !== o.params[i]) return false;
    if (this.body.length !== o.body.length) return false;
    for (let i = 0; i < this.body.length; i++) {
      const a = this.body[i], b = o.body[i];
      if (a.text !== b.text || a.kind !== b.kind) return false;
      if (i > 0 && ((a.flags & (TF.Space | TF.BOL)) !== 0) !== ((b.flags & (TF.Space | TF.BOL)) !== 0)) return false;
    }
    return true;
  }
}

/** Is a token kind an operator in macro bodies? */
export function isHash(t: Token): boolean {
  return t.kind === TK.Hash;
}
