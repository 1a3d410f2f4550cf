//===- X86Instructions.cpp - x86 dot products, native or emulated ---------===//
//
// The x86 dot-product instructions the kernels use, either as the
// instruction (an LLVM intrinsic or an x86vector op) or, with `emulate`, as
// the generic vector arithmetic that computes the same values. The emulated
// forms let the kernels for a CPU with AVX-512 VNNI or BF16 run on a host
// without them, so that tests check their numbers on any machine.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"

namespace mlir::yat::cpu {

namespace {

Value callIntrinsic(OpBuilder &b, Location loc, Type type, StringRef name,
                    ValueRange args) {
  return LLVM::CallIntrinsicOp::create(b, loc, type, b.getStringAttr(name),
                                       args)
      .getResult(0);
}

/// `vector` with each element extended to `element`, signed or not.
Value extend(OpBuilder &b, Location loc, Value vector, Type element,
             bool isSigned) {
  auto type = cast<VectorType>(vector.getType()).clone(element);
  if (isa<FloatType>(element))
    return arith::ExtFOp::create(b, loc, type, vector);
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, type, vector);
  return arith::ExtUIOp::create(b, loc, type, vector);
}

/// Element `i * group + j` of `vector` for every i: the j-th of each run of
/// `group` consecutive elements.
Value takeEvery(OpBuilder &b, Location loc, Value vector, int64_t group,
                int64_t j) {
  int64_t size = cast<VectorType>(vector.getType()).getNumElements();
  SmallVector<int64_t> positions;
  for (int64_t i = j; i < size; i += group)
    positions.push_back(i);
  return vector::ShuffleOp::create(b, loc, vector, vector, positions);
}

/// Σ over each run of `group` consecutive elements of `lhs · rhs` (integers,
/// both already extended to the sum's type).
Value sumGroups(OpBuilder &b, Location loc, Value lhs, Value rhs,
                int64_t group) {
  Value products = arith::MulIOp::create(b, loc, lhs, rhs);
  Value sum = takeEvery(b, loc, products, group, 0);
  for (int64_t j = 1; j < group; ++j)
    sum = arith::AddIOp::create(b, loc, sum,
                                takeEvery(b, loc, products, group, j));
  return sum;
}

bool isWide(Value vector) {
  auto type = cast<VectorType>(vector.getType());
  return type.getNumElements() * type.getElementTypeBitWidth() == 512;
}

} // namespace

Value emitDpbusd(OpBuilder &b, Location loc, Value acc, Value unsignedBytes,
                 Value signedBytes, bool emulate) {
  if (!emulate)
    return callIntrinsic(b, loc, acc.getType(),
                         isWide(acc) ? "llvm.x86.avx512.vpdpbusd.512"
                                     : "llvm.x86.avx512.vpdpbusd.256",
                         {acc, unsignedBytes, signedBytes});
  // u8 · s8 products, four to an i32 lane, added without saturation.
  Type i32 = b.getI32Type();
  Value sums = sumGroups(b, loc, extend(b, loc, unsignedBytes, i32, false),
                         extend(b, loc, signedBytes, i32, true), 4);
  return arith::AddIOp::create(b, loc, acc, sums);
}

Value emitPmaddubsw(OpBuilder &b, Location loc, Value unsignedBytes,
                    Value signedBytes, bool emulate) {
  auto bytes = cast<VectorType>(unsignedBytes.getType());
  auto halves = VectorType::get({bytes.getNumElements() / 2}, b.getI16Type());
  if (!emulate)
    return callIntrinsic(b, loc, halves,
                         isWide(unsignedBytes)
                             ? "llvm.x86.avx512.pmaddubs.w.512"
                             : "llvm.x86.avx2.pmadd.ub.sw",
                         {unsignedBytes, signedBytes});
  // Pairs of u8 · s8 products, added in i32 and saturated to i16 as the
  // instruction does.
  Type i32 = b.getI32Type();
  Value sums = sumGroups(b, loc, extend(b, loc, unsignedBytes, i32, false),
                         extend(b, loc, signedBytes, i32, true), 2);
  auto wordsType = cast<VectorType>(sums.getType());
  sums = arith::MaxSIOp::create(
      b, loc, sums, splat(b, loc, wordsType, b.getI32IntegerAttr(-32768)));
  sums = arith::MinSIOp::create(
      b, loc, sums, splat(b, loc, wordsType, b.getI32IntegerAttr(32767)));
  return arith::TruncIOp::create(b, loc, halves, sums);
}

Value emitPmaddwd(OpBuilder &b, Location loc, Value lhs, Value rhs,
                  bool emulate) {
  auto halves = cast<VectorType>(lhs.getType());
  auto words = VectorType::get({halves.getNumElements() / 2}, b.getI32Type());
  if (!emulate)
    return callIntrinsic(b, loc, words,
                         isWide(lhs) ? "llvm.x86.avx512.pmaddw.d.512"
                                     : "llvm.x86.avx2.pmadd.wd",
                         {lhs, rhs});
  // Pairs of i16 · i16 products in i32 (the one overflowing case,
  // -32768 · -32768 twice, wraps as the instruction does).
  Type i32 = b.getI32Type();
  return sumGroups(b, loc, extend(b, loc, lhs, i32, true),
                   extend(b, loc, rhs, i32, true), 2);
}

Value emitDpbf16ps(OpBuilder &b, Location loc, Value acc, Value lhsPairs,
                   Value rhsPairs, bool emulate) {
  if (!emulate)
    return x86vector::DotBF16Op::create(b, loc, acc.getType(), acc, lhsPairs,
                                        rhsPairs);
  // acc + odd product, then + even product, each fused, in f32.
  Type f32 = b.getF32Type();
  Value lhs = extend(b, loc, lhsPairs, f32, false);
  Value rhs = extend(b, loc, rhsPairs, f32, false);
  Value odd = math::FmaOp::create(b, loc, takeEvery(b, loc, lhs, 2, 1),
                                  takeEvery(b, loc, rhs, 2, 1), acc);
  return math::FmaOp::create(b, loc, takeEvery(b, loc, lhs, 2, 0),
                             takeEvery(b, loc, rhs, 2, 0), odd);
}

} // namespace mlir::yat::cpu
