// What __has_attribute, __has_c_attribute, __has_builtin and __has_feature answer.
//
// These lists describe the compiler behind the preprocessor. They follow gcc 12's answers for the
// names cc-ts's parser accepts; when the parser learns a new attribute or builtin, add it here.

/** GNU attributes (__attribute__((x))): the value gcc 12 gives is 1, except standard ones. */
export const GNU_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aligned', 'alloc_align', 'alloc_size', 'alias', 'always_inline', 'artificial', 'assume_aligned',
  'cleanup', 'cold', 'common', 'const', 'constructor', 'copy', 'deprecated', 'designated_init',
  'destructor', 'error', 'externally_visible', 'fallthrough', 'flatten', 'format', 'format_arg', 'gnu_inline',
  'hot', 'ifunc', 'leaf', 'malloc', 'may_alias', 'mode', 'no_icf', 'no_instrument_function',
  'no_reorder', 'no_sanitize', 'no_sanitize_address', 'no_sanitize_undefined', 'no_split_stack',
  'no_stack_protector', 'noclone', 'nocommon', 'noinit', 'noinline', 'noipa', 'nonnull', 'nonstring',
  'noplt', 'noreturn', 'nothrow', 'optimize', 'packed', 'pure', 'retain', 'returns_nonnull',
  'returns_twice', 'scalar_storage_order', 'section', 'sentinel', 'simd', 'target', 'tls_model',
  'transparent_union', 'unavailable', 'unused', 'used', 'vector_size', 'visibility', 'warn_if_not_aligned',
  'warn_unused_result', 'warning', 'weak', 'weakref', 'access', 'fd_arg', 'zero_call_used_regs',
  'naked', 'interrupt', 'stack_protect', 'symver', 'no_profile_instrument_function', 'uninitialized',
]);

/** Standard C attributes ([[x]]) and the version gcc 12 reports for them. */
export const C_ATTRIBUTES: ReadonlyMap<string, number> = new Map([
  ['deprecated', 201904], ['fallthrough', 201904], ['maybe_unused', 201904], ['nodiscard', 202003],
]);

/** Builtin functions the compiler knows (__has_builtin). Keywords such as __builtin_va_arg answer 0, as in gcc. */
export const BUILTINS: ReadonlySet<string> = new Set([
  '__builtin_expect', '__builtin_expect_with_probability', '__builtin_unreachable', '__builtin_trap',
  '__builtin_constant_p', '__builtin_types_compatible_p', '__builtin_choose_expr', '__builtin_offsetof',
  '__builtin_va_start', '__builtin_va_end', '__builtin_va_copy', '__builtin_alloca', '__builtin_alloca_with_align',
  '__builtin_memcpy', '__builtin_memmove', '__builtin_memset', '__builtin_memcmp', '__builtin_strlen',
  '__builtin_strcpy', '__builtin_strncpy', '__builtin_strcmp', '__builtin_strncmp', '__builtin_strchr',
  '__builtin_strrchr', '__builtin_strcat', '__builtin_abort', '__builtin_exit', '__builtin_malloc',
  '__builtin_free', '__builtin_abs', '__builtin_labs', '__builtin_llabs', '__builtin_fabs', '__builtin_fabsf',
  '__builtin_fabsl', '__builtin_copysign', '__builtin_copysignf', '__builtin_copysignl', '__builtin_huge_val',
  '__builtin_huge_valf', '__builtin_huge_vall', '__builtin_inf', '__builtin_inff', '__builtin_infl',
  '__builtin_nan', '__builtin_nanf', '__builtin_nanl', '__builtin_nans', '__builtin_nansf', '__builtin_nansl',
  '__builtin_isnan', '__builtin_isinf', '__builtin_isinf_sign', '__builtin_isfinite', '__builtin_isnormal',
  '__builtin_fpclassify', '__builtin_signbit', '__builtin_signbitf', '__builtin_signbitl',
  '__builtin_isgreater', '__builtin_isgreaterequal', '__builtin_isless', '__builtin_islessequal',
  '__builtin_islessgreater', '__builtin_isunordered',
  '__builtin_clz', '__builtin_clzl', '__builtin_clzll', '__builtin_ctz', '__builtin_ctzl', '__builtin_ctzll',
  '__builtin_popcount', '__builtin_popcountl', '__builtin_popcountll', '__builtin_parity', '__builtin_parityl',
  '__builtin_parityll', '__builtin_ffs', '__builtin_ffsl', '__builtin_ffsll', '__builtin_clrsb',
  '__builtin_clrsbl', '__builtin_clrsbll', '__builtin_bswap16', '__builtin_bswap32', '__builtin_bswap64',
  '__builtin_add_overflow', '__builtin_sub_overflow', '__builtin_mul_overflow', '__builtin_add_overflow_p',
  '__builtin_sub_overflow_p', '__builtin_mul_overflow_p', '__builtin_sadd_overflow', '__builtin_saddl_overflow',
  '__builtin_saddll_overflow', '__builtin_uadd_overflow', '__builtin_uaddl_overflow', '__builtin_uaddll_overflow',
  '__builtin_ssub_overflow', '__builtin_ssubl_overflow', '__builtin_ssubll_overflow', '__builtin_usub_overflow',
  '__builtin_usubl_overflow', '__builtin_usubll_overflow', '__builtin_smul_overflow', '__builtin_smull_overflow',
  '__builtin_smulll_overflow', '__builtin_umul_overflow', '__builtin_umull_overflow', '__builtin_umulll_overflow',
  '__builtin_object_size', '__builtin_dynamic_object_size', '__builtin_frame_address', '__builtin_return_address',
  '__builtin_extract_return_addr', '__builtin_prefetch', '__builtin_assume_aligned', '__builtin_classify_type',
  '__builtin_LINE', '__builtin_FILE', '__builtin_FUNCTION', '__builtin_speculation_safe_value',
  '__builtin___clear_cache', '__builtin_setjmp', '__builtin_longjmp', '__builtin_printf', '__builtin_sprintf',
  '__builtin_snprintf', '__builtin_puts', '__builtin_putchar', '__builtin_memchr', '__builtin_stpcpy',
  '__builtin___memcpy_chk', '__builtin___memmove_chk', '__builtin___memset_chk', '__builtin___strcpy_chk',
  '__builtin___strncpy_chk', '__builtin___strcat_chk', '__builtin___strncat_chk', '__builtin___sprintf_chk',
  '__builtin___snprintf_chk', '__builtin___vsprintf_chk', '__builtin___vsnprintf_chk', '__builtin___stpcpy_chk',
  '__builtin___mempcpy_chk', '__builtin_mempcpy',
  '__sync_synchronize', '__sync_fetch_and_add', '__sync_fetch_and_sub', '__sync_fetch_and_or',
  '__sync_fetch_and_and', '__sync_fetch_and_xor', '__sync_add_and_fetch', '__sync_sub_and_fetch',
  '__sync_bool_compare_and_swap', '__sync_val_compare_and_swap', '__sync_lock_test_and_set', '__sync_lock_release',
  '__atomic_load_n', '__atomic_store_n', '__atomic_exchange_n', '__atomic_compare_exchange_n', '__atomic_load',
  '__atomic_store', '__atomic_exchange', '__atomic_compare_exchange', '__atomic_fetch_add', '__atomic_fetch_sub',
  '__atomic_fetch_and', '__atomic_fetch_or', '__atomic_fetch_xor', '__atomic_fetch_nand', '__atomic_add_fetch',
  '__atomic_sub_fetch', '__atomic_and_fetch', '__atomic_or_fetch', '__atomic_xor_fetch', '__atomic_nand_fetch',
  '__atomic_test_and_set', '__atomic_clear', '__atomic_thread_fence', '__atomic_signal_fence',
  '__atomic_always_lock_free', '__atomic_is_lock_free',
]);

/** __has_feature / __has_extension (a clang extension; gcc 12 lacks it): 0 except these. */
export const FEATURES: ReadonlyMap<string, number> = new Map([
  ['c_alignas', 1], ['c_alignof', 1], ['c_atomic', 1], ['c_generic_selections', 1], ['c_static_assert', 1],
  ['c_thread_local', 1],
]);
