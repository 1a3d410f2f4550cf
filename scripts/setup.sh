#!/usr/bin/env bash
# Installs what yat needs on a fresh Debian machine: LLVM/MLIR 22 and the
# build tools from Debian; numpy, pytest, jax, flax and nmn from PyPI.
# Skips what is there.
set -euo pipefail

debian_packages=(llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  clang-22 lld-22 ninja-build cmake ccache libopenblas-dev libgtest-dev)
missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_packages=(numpy pytest jax flax nmn)
# The tests compare yat with the nmn package's own JAX layers.
for pkg in "${python_packages[@]}"; do
  python3 -c "import $pkg" 2>/dev/null || missing_py+=("$pkg")
done
if [ -n "${missing_py[*]:-}" ]; then
  echo "setup: pip installing ${missing_py[*]}"
  python3 -m pip install -q "${missing_py[@]}"
fi
