//===- KernelBuilders.cpp - small vector builders of the kernels ----------===//

#include "Kernels.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

Value cpu::indexConstant(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

/// `size` rounded down to a multiple of `step`.
Value cpu::roundDown(OpBuilder &b, Location loc, Value size, int64_t step) {
  AffineExpr d0 = b.getAffineDimExpr(0);
  return getValueOrCreateConstantIndexOp(
      b, loc,
      affine::makeComposedFoldedAffineApply(b, loc, d0.floorDiv(step) * step,
                                            {size}));
}

Value cpu::add(OpBuilder &b, Location loc, Value lhs, int64_t rhs) {
  if (rhs == 0)
    return lhs;
  return arith::AddIOp::create(b, loc, lhs, indexConstant(b, loc, rhs));
}

VectorType cpu::vectorOf(Type element, int64_t width) {
  return VectorType::get({width}, element);
}

Value cpu::splat(OpBuilder &b, Location loc, VectorType type,
                 Attribute scalar) {
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, cast<TypedAttr>(scalar)));
}

/// True when the innermost dim of `type` has unit stride, so that vectors can
/// be loaded along it.
bool cpu::hasUnitInnerStride(MemRefType type) {
  if (type.getRank() == 0)
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return false;
  return strides.back() == 1;
}

bool cpu::isFloat(Type type) { return isa<FloatType>(type); }

/// `value` converted to f32 (scalars and vectors).
Value cpu::toF32(OpBuilder &b, Location loc, Value value) {
  Type type = value.getType();
  Type element = getElementTypeOrSelf(type);
  if (element.isF32())
    return value;
  Type target = b.getF32Type();
  if (auto vectorType = dyn_cast<VectorType>(type))
    target = vectorType.clone(target);
  if (element.getIntOrFloatBitWidth() < 32)
    return arith::ExtFOp::create(b, loc, target, value);
  return arith::TruncFOp::create(b, loc, target, value);
}

/// Loads `width` elements of `memref` at `indices` (unit stride along the
/// last index); where `mask` is given, lanes outside it read zero.
Value cpu::loadVector(OpBuilder &b, Location loc, Value memref,
                      ValueRange indices, int64_t width, Value mask) {
  Type element = cast<MemRefType>(memref.getType()).getElementType();
  VectorType type = vectorOf(element, width);
  if (!mask)
    return vector::LoadOp::create(b, loc, type, memref, indices);
  Value zero = splat(b, loc, type, b.getZeroAttr(element));
  return vector::MaskedLoadOp::create(b, loc, type, memref, indices, mask,
                                      zero);
}

void cpu::storeVector(OpBuilder &b, Location loc, Value value, Value memref,
                      ValueRange indices, Value mask) {
  if (!mask) {
    vector::StoreOp::create(b, loc, value, memref, indices);
    return;
  }
  vector::MaskedStoreOp::create(b, loc, memref, indices, mask, value);
}

Value cpu::createMask(OpBuilder &b, Location loc, Value count, int64_t width) {
  return vector::CreateMaskOp::create(
      b, loc, VectorType::get({width}, b.getI1Type()), ValueRange{count});
}

/// Reduces the lanes of a 1-d vector with a halving tree of `combine`.
Value cpu::reduceLanes(OpBuilder &b, Location loc, Value vector,
                       Combiner combine) {
  auto type = cast<VectorType>(vector.getType());
  int64_t width = type.getDimSize(0);
  while (width > 1 && width % 2 == 0) {
    int64_t half = width / 2;
    Value low =
        vector::ExtractStridedSliceOp::create(b, loc, vector, {0}, {half}, {1});
    Value high = vector::ExtractStridedSliceOp::create(b, loc, vector, {half},
                                                       {half}, {1});
    vector = combine(b, loc, low, high);
    width = half;
  }
  Value result = vector::ExtractOp::create(b, loc, vector, int64_t(0));
  for (int64_t lane = 1; lane < width; ++lane)
    result = combine(b, loc, result,
                     vector::ExtractOp::create(b, loc, vector, lane));
  return result;
}

Value cpu::addValues(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  return arith::AddFOp::create(b, loc, lhs, rhs);
}

/// `scf.for %iv = lb to ub step step` with `body(iv)`, no results.
void cpu::buildFor(OpBuilder &b, Location loc, Value lb, Value ub, int64_t step,
                   function_ref<void(OpBuilder &, Location, Value)> body) {
  scf::ForOp::create(b, loc, lb, ub, indexConstant(b, loc, step), ValueRange{},
                     [&](OpBuilder &nb, Location nl, Value iv, ValueRange) {
                       body(nb, nl, iv);
                       scf::YieldOp::create(nb, nl);
                     });
}

/// Covers `[0, size)` with tiles of `step`: a loop of full tiles, then the
/// rest as one tile of the remaining count when `size` is a constant, or as
/// tiles of 1 otherwise. `body(start, count)` emits one tile.
void cpu::forEachTile(
    OpBuilder &b, Location loc, Value size, int64_t step,
    function_ref<void(OpBuilder &, Location, Value, int64_t)> body) {
  Value zero = indexConstant(b, loc, 0);
  Value full = roundDown(b, loc, size, step);
  buildFor(b, loc, zero, full, step,
           [&](OpBuilder &nb, Location nl, Value start) {
             body(nb, nl, start, step);
           });
  if (std::optional<int64_t> staticSize = getConstantIntValue(size)) {
    if (int64_t rest = *staticSize % step)
      body(b, loc, indexConstant(b, loc, *staticSize - rest), rest);
    return;
  }
  buildFor(b, loc, full, size, 1, [&](OpBuilder &nb, Location nl, Value start) {
    body(nb, nl, start, 1);
  });
}

bool cpu::isF32Buffer(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isF32();
}

bool cpu::isFloatBuffer(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && isFloat(type.getElementType());
}
