//===- KernelBuilders.h - pieces shared by the GPU kernels ------*- C++ -*-===//
//
// The launch shape and the warp-level reduction that yat's GPU kernels
// (warp reductions, pointwise loops, the ternary dp4a kernel) share.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CODEGEN_GPU_KERNELBUILDERS_H
#define YAT_LIB_CODEGEN_GPU_KERNELBUILDERS_H

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/Builders.h"

namespace mlir::yat::gpu_codegen {

constexpr int64_t kWarpSize = 32;

/// A 1-D launch over `units` work units of `threadsPerUnit` threads each
/// (1: a thread per unit; kWarpSize: a warp per unit), `unitsPerBlock` to
/// a block, with `gridY` blocks along y (1 when null). `build` creates the
/// gpu.launch and leaves the builder inside an `scf.if` on `unit < units`;
/// `finish` ends the launch's body after it.
class UnitLaunch {
public:
  UnitLaunch(OpBuilder &b, Location loc, Value units, int64_t threadsPerUnit,
             int64_t unitsPerBlock, Value gridY = nullptr);

  gpu::LaunchOp getLaunch() const { return launch; }
  /// The unit this thread works on.
  Value getUnit() const { return unit; }
  /// The thread's position in its unit (its lane when a warp is a unit).
  Value getThreadInUnit() const { return threadInUnit; }
  /// Creates the gpu.terminator after the range check.
  void finish(OpBuilder &b);

private:
  gpu::LaunchOp launch;
  Operation *rangeCheck;
  Value unit, threadInUnit;
};

/// `value` combined over the 32 lanes of the warp with xor shuffles, in
/// every lane; `combine` builds one combination.
Value emitWarpAllReduce(
    OpBuilder &b, Location loc, Value value,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine);

} // namespace mlir::yat::gpu_codegen

#endif // YAT_LIB_CODEGEN_GPU_KERNELBUILDERS_H
