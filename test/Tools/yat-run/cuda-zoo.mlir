// The whole models of examples/zoo with --target=cuda. On the stand-in
// driver (no GPU needed) every model's host side runs: its kernels
// compiled, loaded and launched, its constants and arguments staged in
// host-shared memory, a result of the right shape copied out. On a GPU the
// results match JAX's within the zoo's tolerance.
// RUN: env YAT_CUDA_DRIVER=%yat_lib/libYatFakeCudaDriver.so %python %S/Inputs/zoo-on-cuda.py yat-run %S/../../../examples/zoo | FileCheck %s --check-prefix=HOST
// RUN: %if cuda %{ %python %S/Inputs/zoo-on-cuda.py yat-run %S/../../../examples/zoo --compare | FileCheck %s --check-prefix=GPU %}

// HOST-COUNT-7: : ran (
// GPU-COUNT-7: : matches JAX (
