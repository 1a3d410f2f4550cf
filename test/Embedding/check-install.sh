#!/usr/bin/env bash
# Installs yat from BUILD into a scratch prefix, builds the consumer project
# (C++ on the libraries, C on the C API) against it with
# find_package(Yat CONFIG) and runs both programs.
set -euo pipefail
src="$1"
build="$2"
work="$build/test/Embedding/work"
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -G Ninja -S "$src/test/Embedding/consumer" -B "$work/build" \
  -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
  -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir >/dev/null
ninja -C "$work/build" >/dev/null
"$work/build/yat-consumer" | grep -q "yat.product"
"$work/build/yat-capi-consumer" | grep -q "C API: 3 -4"
echo "consumers built against the installed package: yat.product parsed," \
  "a function compiled and called through the C API"
