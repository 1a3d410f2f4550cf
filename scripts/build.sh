#!/usr/bin/env bash
# Configures (once) and builds yat. Running it again with nothing changed is
# a no-op.
#
#   bash scripts/build.sh [CMAKE_ARGS...]             -> build/ ($YAT_BUILD_DIR)
#   bash scripts/build.sh --sanitize [CMAKE_ARGS...]  -> build-sanitize/
#                                                 ($YAT_SANITIZE_BUILD_DIR)
#
# The regular build also pip-installs the yat Python package (python/) against
# itself (scripts/install-python.sh), so that `import yat` works after it.
#
# --sanitize builds with ASan + UBSan and libFuzzer coverage through LLVM's
# own switches (LLVM_USE_SANITIZER, LLVM_USE_SANITIZE_COVERAGE), plus the
# fuzz targets yat-compile-fuzzer and yat-npy-fuzzer. YatPlugin.so is left
# out there: an instrumented plugin cannot load into the uninstrumented
# stock mlir-opt. docs/TESTING.md describes that build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${YAT_BUILD_DIR:-$root/build}"
extra=()
sanitize=0
if [ "${1:-}" = "--sanitize" ]; then
  sanitize=1
  shift
  build="${YAT_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
  extra=(-DLLVM_USE_SANITIZER="Address;Undefined"
    -DLLVM_USE_SANITIZE_COVERAGE=ON -DYAT_ENABLE_FUZZERS=ON
    -DYAT_ENABLE_PLUGIN=OFF)
fi

if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_USE_LINKER=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DCMAKE_INSTALL_PREFIX="$build/install" \
    "${launcher[@]}" "${extra[@]}" "$@" >/dev/null
fi
ninja -C "$build"
if [ "$sanitize" = 0 ]; then
  bash "$root/scripts/install-python.sh" "$build"
fi
