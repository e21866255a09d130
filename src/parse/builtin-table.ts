// The table of gcc's builtins: each one's name, signature and kind (library function, ordinary,
// type-generic). Data only, so that the preprocessor (__has_builtin) reads the same table as the parser
// (src/parse/builtins.ts, where the signature letters are explained).

export const enum BK { Lib, Normal, Generic }

export interface BuiltinDef {
  name: string;
  sig: string;
  kind: BK;
  /** Header to suggest for an implicit declaration of a library builtin. */
  header: string | null;
}

export const BUILTINS: BuiltinDef[] = [];
export const byName = new Map<string, number>();

function def(kind: BK, header: string | null, list: string): void {
  for (const entry of list.trim().split(/\s+/)) {
    const [name, sig] = entry.split('=');
    byName.set(name, BUILTINS.length);
    BUILTINS.push({ name, sig: sig ?? '', kind, header });
  }
}

// library functions gcc knows as builtins (also available as __builtin_NAME)
def(BK.Lib, 'stdlib.h', `abort=v: exit=v:i _Exit=v:i malloc=p:z calloc=p:zz realloc=p:pz free=v:p abs=i:i labs=l:l
  llabs=x:x alloca=p:z`);
def(BK.Lib, 'unistd.h', `_exit=v:i`);
def(BK.Lib, 'string.h', `memcpy=p:pPz memmove=p:pPz memset=p:piz memcmp=i:PPz memchr=p:Piz strlen=z:S strnlen=z:Sz
  strcpy=s:sS strncpy=s:sSz strcat=s:sS strncat=s:sSz strcmp=i:SS strncmp=i:SSz strchr=s:Si strrchr=s:Si
  strstr=s:SS strdup=s:S strndup=s:Sz strspn=z:SS strcspn=z:SS strpbrk=s:SS stpcpy=s:sS stpncpy=s:sSz mempcpy=p:pPz`);
def(BK.Lib, 'strings.h', `bzero=v:pz bcmp=i:PPz bcopy=v:Ppz index=s:Si rindex=s:Si ffs=i:i strcasecmp=i:SS strncasecmp=i:SSz`);
def(BK.Lib, 'stdio.h', `printf=i:S. fprintf=i:FS. sprintf=i:sS. snprintf=i:szS. puts=i:S putchar=i:i fputs=i:SF
  fputc=i:iF putc=i:iF fwrite=z:PzzF scanf=i:S. sscanf=i:SS. fscanf=i:FS. vprintf=i:SV vfprintf=i:FSV
  vsprintf=i:sSV vsnprintf=i:szSV vscanf=i:SV vsscanf=i:SSV vfscanf=i:FSV`);
def(BK.Lib, 'ctype.h', `isalpha=i:i isdigit=i:i isspace=i:i isupper=i:i islower=i:i isalnum=i:i isprint=i:i
  ispunct=i:i isxdigit=i:i iscntrl=i:i isgraph=i:i isascii=i:i toascii=i:i isblank=i:i toupper=i:i tolower=i:i`);
def(BK.Lib, 'math.h', mathList());
def(BK.Lib, 'complex.h', `cabs=d:g cabsf=f:g cabsl=D:g creal=d:g crealf=f:g creall=D:g cimag=d:g cimagf=f:g cimagl=D:g
  conj=J:J conjf=j:j conjl=k:k carg=d:g cargf=f:g cargl=D:g`);

function mathList(): string {
  const one = 'sqrt sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh exp exp2 expm1 log log10 log2 log1p logb floor ceil round trunc rint nearbyint cbrt erf erfc lgamma tgamma fabs significand';
  const two = 'pow atan2 fmod copysign fmin fmax fdim hypot remainder nextafter drem';
  let s = '';
  for (const f of one.split(' ')) s += ` ${f}=d:d ${f}f=f:f ${f}l=D:D`;
  for (const f of two.split(' ')) s += ` ${f}=d:dd ${f}f=f:ff ${f}l=D:DD`;
  s += ' fma=d:ddd fmaf=f:fff fmal=D:DDD ldexp=d:di ldexpf=f:fi ldexpl=D:Di scalbn=d:di scalbnf=f:fi scalbnl=D:Di';
  s += ' frexp=d:dn frexpf=f:fn frexpl=D:Dn modf=d:de ilogb=i:d ilogbf=i:f ilogbl=i:D lround=l:d lroundf=l:f lroundl=l:D';
  s += ' llround=x:d llroundf=x:f llroundl=x:D lrint=l:d lrintf=l:f lrintl=l:D llrint=x:d llrintf=x:f llrintl=x:D';
  s += ' nan=d:S nanf=f:S nanl=D:S';
  return s;
}

def(BK.Normal, null, `__builtin_expect=l:ll __builtin_expect_with_probability=l:lld __builtin_unreachable=v: __builtin_trap=v:
  __builtin_clz=i:u __builtin_clzl=i:L __builtin_clzll=i:X __builtin_ctz=i:u __builtin_ctzl=i:L __builtin_ctzll=i:X
  __builtin_popcount=i:u __builtin_popcountl=i:L __builtin_popcountll=i:X __builtin_parity=i:u __builtin_parityl=i:L
  __builtin_parityll=i:X __builtin_ffsl=i:l __builtin_ffsll=i:x __builtin_clrsb=i:i __builtin_clrsbl=i:l __builtin_clrsbll=i:x
  __builtin_bswap16=y:y __builtin_bswap32=u:u __builtin_bswap64=X:X __builtin_bswap128=T:T
  __builtin_frame_address=p:u __builtin_return_address=p:u __builtin_extract_return_addr=p:p __builtin_frob_return_addr=p:p
  __builtin_prefetch=v:P. __builtin_alloca_with_align=p:zz __builtin_alloca_with_align_and_max=p:zzz
  __builtin_huge_val=d: __builtin_huge_valf=f: __builtin_huge_vall=D: __builtin_inf=d: __builtin_inff=f: __builtin_infl=D:
  __builtin_nans=d:S __builtin_nansf=f:S __builtin_nansl=D:S __builtin_huge_valf128=Q: __builtin_inff128=Q: __builtin_nanf128=Q:S
  __builtin_nansf128=Q:S __builtin_huge_valq=Q: __builtin_infq=Q: __builtin_nanq=Q:S __builtin_nansq=Q:S
  __builtin_inff32=f: __builtin_inff64=d: __builtin_huge_valf32=f: __builtin_huge_valf64=d: __builtin_nanf32=f:S __builtin_nanf64=d:S
  __builtin_fabsf128=Q:Q __builtin_copysignf128=Q:QQ __builtin_fabsq=Q:Q __builtin_copysignq=Q:QQ
  __builtin_object_size=z:Pi __builtin_dynamic_object_size=z:Pi __builtin_next_arg=p:
  __builtin_setjmp=i:p __builtin_longjmp=v:pi __builtin_apply_args=p: __builtin_apply=p:gpz __builtin_return=v:p
  __builtin_stack_save=p: __builtin_stack_restore=v:p __builtin_dwarf_cfa=p: __builtin_eh_return_data_regno=i:i
  __builtin_unwind_init=v: __builtin_eh_return=v:lp __builtin_init_dwarf_reg_size_table=v:p __builtin_dwarf_sp_column=i:
  __builtin_aggregate_incoming_address=p: __builtin_saveregs=p: __builtin___clear_cache=v:pp __builtin_assume_aligned=p:Pz.
  __builtin_LINE=i: __builtin_FILE=S: __builtin_FUNCTION=S: __builtin_powi=d:di __builtin_powif=f:fi __builtin_powil=D:Di
  __builtin___memcpy_chk=p:pPzz __builtin___memmove_chk=p:pPzz __builtin___memset_chk=p:pizz __builtin___strcpy_chk=s:sSz
  __builtin___strcat_chk=s:sSz __builtin___strncpy_chk=s:sSzz __builtin___strncat_chk=s:sSzz __builtin___stpcpy_chk=s:sSz
  __builtin___mempcpy_chk=p:pPzz __builtin___sprintf_chk=i:sizS. __builtin___snprintf_chk=i:szizS.
  __builtin___vsprintf_chk=i:sizSV __builtin___vsnprintf_chk=i:szizSV __builtin___printf_chk=i:iS. __builtin___fprintf_chk=i:FiS.
  __builtin___vprintf_chk=i:iSV __builtin___vfprintf_chk=i:FiSV __builtin_va_arg_pack=i: __builtin_va_arg_pack_len=i:
  __builtin_cpu_init=v: __builtin_cpu_supports=i:S __builtin_cpu_is=i:S __builtin_ia32_pause=v: __builtin_ia32_rdtsc=X:
  __builtin_thread_pointer=p: __builtin_set_thread_pointer=v:p __builtin_isinf_sign=i:g __builtin_iseqsig=i:gg
  __builtin_signbitf=i:f __builtin_signbitl=i:D __builtin_isinff=i:f __builtin_isinfl=i:D __builtin_isnanf=i:f __builtin_isnanl=i:D
  __builtin_finite=i:d __builtin_finitef=i:f __builtin_finitel=i:D __builtin_abs=i:i __builtin_labs=l:l __builtin_llabs=x:x
  __builtin_imaxabs=l:l __builtin_ffs=i:i __builtin_ctzs=i:y __builtin_clzs=i:y __builtin_bcmp=i:PPz`);

def(BK.Generic, null, `__builtin_constant_p __builtin_classify_type __builtin_isnan __builtin_isinf __builtin_isfinite
  __builtin_isnormal __builtin_signbit __builtin_fpclassify __builtin_isgreater __builtin_isgreaterequal __builtin_isless
  __builtin_islessequal __builtin_islessgreater __builtin_isunordered __builtin_add_overflow __builtin_sub_overflow
  __builtin_mul_overflow __builtin_add_overflow_p __builtin_sub_overflow_p __builtin_mul_overflow_p
  __builtin_sadd_overflow __builtin_saddl_overflow __builtin_saddll_overflow __builtin_uadd_overflow __builtin_uaddl_overflow
  __builtin_uaddll_overflow __builtin_ssub_overflow __builtin_ssubl_overflow __builtin_ssubll_overflow __builtin_usub_overflow
  __builtin_usubl_overflow __builtin_usubll_overflow __builtin_smul_overflow __builtin_smull_overflow __builtin_smulll_overflow
  __builtin_umul_overflow __builtin_umull_overflow __builtin_umulll_overflow
  __builtin_va_start __builtin_va_end __builtin_va_copy __builtin_stdarg_start __builtin_speculation_safe_value
  __builtin_complex __builtin_shuffle __builtin_alloca __builtin_issignaling
  __sync_fetch_and_add __sync_fetch_and_sub __sync_fetch_and_or __sync_fetch_and_and __sync_fetch_and_xor __sync_fetch_and_nand
  __sync_add_and_fetch __sync_sub_and_fetch __sync_or_and_fetch __sync_and_and_fetch __sync_xor_and_fetch __sync_nand_and_fetch
  __sync_bool_compare_and_swap __sync_val_compare_and_swap __sync_lock_test_and_set __sync_lock_release __sync_synchronize
  __atomic_load_n __atomic_store_n __atomic_exchange_n __atomic_compare_exchange_n __atomic_load __atomic_store
  __atomic_exchange __atomic_compare_exchange __atomic_add_fetch __atomic_sub_fetch __atomic_and_fetch __atomic_or_fetch
  __atomic_xor_fetch __atomic_nand_fetch __atomic_fetch_add __atomic_fetch_sub __atomic_fetch_and __atomic_fetch_or
  __atomic_fetch_xor __atomic_fetch_nand __atomic_test_and_set __atomic_clear __atomic_thread_fence __atomic_signal_fence
  __atomic_always_lock_free __atomic_is_lock_free __atomic_feraiseexcept`);

/** Builtins that are in the table (the parser takes them) but that gcc 12's __has_builtin denies. */
const NOT_IN_GCC = new Set(['__builtin_iseqsig', '__builtin_ctzs', '__builtin_clzs', '__builtin_stdarg_start', '__builtin_complex',
  '__builtin_issignaling']);
/** x86-only ones. */
const X86_ONLY = new Set(['__builtin_huge_valq', '__builtin_infq', '__builtin_nanq', '__builtin_nansq', '__builtin_fabsq',
  '__builtin_copysignq', '__builtin_cpu_init', '__builtin_cpu_supports', '__builtin_cpu_is', '__builtin_ia32_pause', '__builtin_ia32_rdtsc']);

/** What gcc's __has_builtin(name) says for a name of this table: a library function by its own name or
 *  as __builtin_NAME, or an ordinary or type-generic builtin. */
export function tableHasBuiltin(name: string, x86: boolean): boolean {
  if (NOT_IN_GCC.has(name) || (!x86 && X86_ONLY.has(name))) return false;
  if (byName.has(name)) return true;
  if (!name.startsWith('__builtin_')) return false;
  const lib = byName.get(name.slice(10));
  return lib !== undefined && BUILTINS[lib].kind === BK.Lib;
}
