#!/usr/bin/env bash
# Fetch and unpack the test corpora from Debian source packages into a cache outside the checkout
# (CC_TS_CORPUS, default /var/cache/cc-ts-corpus). Idempotent: what is there already is kept.
#   gcc-12 -> gcc-12.2.0/gcc/testsuite/gcc.c-torture
#   lua5.4 -> lua-5.4.4/
#   sqlite3 -> sqlite3/sqlite3.c (the amalgamation, built with ./configure && make sqlite3.c)
set -euo pipefail
dir=${CC_TS_CORPUS:-/var/cache/cc-ts-corpus}
mkdir -p "$dir"
cd "$dir"
need=()
ls gcc-12_*.orig.tar.gz >/dev/null 2>&1 || need+=(gcc-12)
ls lua5.4_*.orig.tar.gz >/dev/null 2>&1 || need+=(lua5.4)
ls sqlite3_*.orig.tar.xz >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  apt-get source --download-only "${need[@]}" >/dev/null 2>&1 || apt-get source --download-only "${need[@]}"
fi
if [ ! -d gcc-12.2.0/gcc/testsuite/gcc.c-torture/execute ]; then
  tar xzf gcc-12_*.orig.tar.gz --wildcards '*/gcc-*-dfsg.tar.xz' -O | tar xJf - --wildcards 'gcc-*/gcc/testsuite/gcc.c-torture/*'
fi
if [ ! -f lua-5.4.4/src/lua.c ]; then
  tar xzf lua5.4_*.orig.tar.gz
fi
if [ ! -f sqlite3/sqlite3.c ]; then
  rm -rf sqlite3 sqlite3-build
  mkdir sqlite3-build
  tar xJf sqlite3_*.orig.tar.xz -C sqlite3-build --strip-components=1
  (cd sqlite3-build && ./configure >/dev/null && make sqlite3.c >/dev/null 2>&1)
  mkdir sqlite3
  cp sqlite3-build/sqlite3.c sqlite3-build/sqlite3.h sqlite3-build/sqlite3ext.h sqlite3-build/shell.c sqlite3/
  cp -r sqlite3-build/test sqlite3/test 2>/dev/null || true
  rm -rf sqlite3-build
fi
echo "corpora in $dir: $(ls "$dir" | tr '\n' ' ')"
