#!/usr/bin/env bash
# Installs what yat needs on a fresh Debian machine: LLVM/MLIR 22, clang's
# sanitizer and libFuzzer runtimes and the build tools from Debian; the
# Python packages of scripts/requirements.txt (numpy, pytest, jax, flax,
# nmn) from PyPI, at the pinned versions. Skips what is there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

debian_packages=(llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  clang-22 libclang-rt-22-dev lld-22 ninja-build cmake ccache libopenblas-dev
  libgtest-dev)
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

# pip only runs when an installed version differs from the pinned one.
requirements="$root/scripts/requirements.txt"
if ! python3 - "$requirements" <<'PY'
import importlib.metadata, sys
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, version = line.split("==")
    try:
        if importlib.metadata.version(name) != version:
            sys.exit(1)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(1)
PY
then
  echo "setup: pip installing scripts/requirements.txt"
  python3 -m pip install -q -r "$requirements"
fi
