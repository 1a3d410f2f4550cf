//===- KernelBuilders.cpp - pieces shared by the GPU kernels --------------===//

#include "KernelBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::yat::gpu_codegen;

UnitLaunch::UnitLaunch(OpBuilder &b, Location loc, Value units,
                       int64_t threadsPerUnit, int64_t unitsPerBlock,
                       Value gridY) {
  auto index = [&](int64_t value) -> Value {
    return arith::ConstantIndexOp::create(b, loc, value);
  };
  Value one = index(1);
  Value grid = arith::CeilDivUIOp::create(b, loc, units, index(unitsPerBlock));
  launch =
      gpu::LaunchOp::create(b, loc, grid, gridY ? gridY : one, one,
                            index(threadsPerUnit * unitsPerBlock), one, one);
  b.setInsertionPointToStart(&launch.getBody().front());
  Value tid = launch.getThreadIds().x;
  Value blockStart = arith::MulIOp::create(b, loc, launch.getBlockIds().x,
                                           index(unitsPerBlock));
  if (threadsPerUnit == 1) {
    unit = arith::AddIOp::create(b, loc, blockStart, tid);
    threadInUnit = index(0);
  } else {
    unit = arith::AddIOp::create(
        b, loc, blockStart,
        arith::DivUIOp::create(b, loc, tid, index(threadsPerUnit)));
    threadInUnit = arith::RemUIOp::create(b, loc, tid, index(threadsPerUnit));
  }
  Value inRange =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, unit, units);
  auto ifInRange = scf::IfOp::create(b, loc, inRange, /*withElseRegion=*/false);
  rangeCheck = ifInRange;
  b.setInsertionPointToStart(&ifInRange.getThenRegion().front());
}

void UnitLaunch::finish(OpBuilder &b) {
  b.setInsertionPointAfter(rangeCheck);
  gpu::TerminatorOp::create(b, rangeCheck->getLoc());
}

Value mlir::yat::gpu_codegen::emitWarpAllReduce(
    OpBuilder &b, Location loc, Value value,
    function_ref<Value(OpBuilder &, Location, Value, Value)> combine) {
  for (int32_t offset = kWarpSize / 2; offset > 0; offset /= 2) {
    Value other = gpu::ShuffleOp::create(b, loc, value, offset, kWarpSize,
                                         gpu::ShuffleMode::XOR)
                      .getShuffleResult();
    value = combine(b, loc, value, other);
  }
  return value;
}
