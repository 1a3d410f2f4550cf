# -*- Python -*-
# lit configuration for yat's regression and execution tests.

import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "yat"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.excludes = ["CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py", "Inputs", "Embedding"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.yat_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
# Sanitizer options given on top of lib/Support/SanitizerOptions.cpp's reach
# the tools, and so do CI and the test-data location.
llvm_config.with_system_environment(
    ["ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "CI",
     "YAT_STABLEHLO_TESTDATA"])

config.substitutions.append(("%yat_lib", config.yat_lib_dir))
# lit's default substitutions map %python to the interpreter running lit;
# tests need the configured one (with numpy). It may be a shim (pyenv) that
# lit's trimmed environment cannot resolve, so resolve it here.
def _real_python(executable):
    try:
        return subprocess.check_output(
            [executable, "-c", "import sys; print(sys.executable)"],
            text=True).strip() or executable
    except (OSError, subprocess.CalledProcessError):
        return executable


config.substitutions.insert(
    0, ("%python", _real_python(config.python_executable or "python3")))

tools = [
    ToolSubst("yat-opt", unresolved="fatal"),
    ToolSubst("yat-run", unresolved="fatal"),
    ToolSubst("yat-capi-test", unresolved="fatal"),
    ToolSubst("mlir-opt", command=os.path.join(config.llvm_tools_dir, "mlir-opt"),
              unresolved="fatal"),
    ToolSubst("mlir-translate",
              command=os.path.join(config.llvm_tools_dir, "mlir-translate"),
              unresolved="fatal"),
]
llvm_config.add_tool_substitutions(tools, [config.yat_tools_dir])

if config.yat_enable_plugin:
    config.available_features.add("plugin")
if config.yat_enable_stablehlo:
    config.available_features.add("stablehlo")
if shutil.which("ptxas") or os.path.exists("/usr/local/cuda/bin/ptxas"):
    config.available_features.add("ptxas")
elif os.environ.get("CI", "").lower() in ("true", "1", "yes"):
    # Under CI every test must run; only GPU execution may be missing.
    lit_config.fatal("ptxas not found (CUDA toolkit in /usr/local/cuda); "
                     "CI=true runs the PTX assembly tests")
if config.yat_sanitize:
    config.available_features.add("sanitizer")
if os.environ.get("YAT_HAS_GPU") == "1" or shutil.which("nvidia-smi") and \
        os.system("nvidia-smi -L >/dev/null 2>&1") == 0:
    config.available_features.add("cuda")
