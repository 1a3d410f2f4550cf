//===- LinalgBuilders.cpp - linalg/tensor builders of yat lowerings -------===//

#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

AffineMap yat::getDimsMap(MLIRContext *context, unsigned numDims,
                          ArrayRef<unsigned> dims) {
  SmallVector<AffineExpr> exprs;
  for (unsigned dim : dims)
    exprs.push_back(getAffineDimExpr(dim, context));
  return AffineMap::get(numDims, 0, exprs, context);
}

SmallVector<utils::IteratorType> yat::getIterators(unsigned numParallel,
                                                   unsigned numReduction) {
  SmallVector<utils::IteratorType> iterators(numParallel,
                                             utils::IteratorType::parallel);
  iterators.append(numReduction, utils::IteratorType::reduction);
  return iterators;
}

SmallVector<OpFoldResult> yat::foldConstantSizes(ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> folded;
  for (OpFoldResult size : sizes) {
    if (auto value = dyn_cast<Value>(size))
      folded.push_back(getAsOpFoldResult(value));
    else
      folded.push_back(size);
  }
  return folded;
}

Value yat::createEmptyTensor(OpBuilder &b, Location loc,
                             ArrayRef<OpFoldResult> sizes, Type elementType) {
  return tensor::EmptyOp::create(b, loc, foldConstantSizes(sizes), elementType);
}

Value yat::createFilledTensor(OpBuilder &b, Location loc,
                              ArrayRef<OpFoldResult> sizes, TypedAttr value) {
  Value empty = createEmptyTensor(b, loc, sizes, value.getType());
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return linalg::FillOp::create(b, loc, scalar, empty).getResult(0);
}

/// `value` as a float of `type` (extended or truncated).
static Value convertToFloat(OpBuilder &b, Location loc, Value value,
                            Type type) {
  auto from = cast<FloatType>(value.getType());
  if (from == type)
    return value;
  if (from.getWidth() < cast<FloatType>(type).getWidth())
    return arith::ExtFOp::create(b, loc, type, value);
  return arith::TruncFOp::create(b, loc, type, value);
}

Value yat::createYatScore(OpBuilder &b, Location loc, Value dot, Value lhsNorm,
                          Value rhsNorm, Value bias, double epsilon,
                          double alpha) {
  Type type = dot.getType();
  auto constant = [&](double value) -> Value {
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
  };
  Value norms =
      arith::AddFOp::create(b, loc, convertToFloat(b, loc, lhsNorm, type),
                            convertToFloat(b, loc, rhsNorm, type));
  Value twiceDot = arith::MulFOp::create(b, loc, constant(2.0), dot);
  Value difference = arith::SubFOp::create(b, loc, norms, twiceDot);
  // Rounding can make the expanded distance slightly negative.
  Value distance = arith::MaximumFOp::create(b, loc, difference, constant(0.0));
  Value numerator = dot;
  if (bias)
    numerator =
        arith::AddFOp::create(b, loc, dot, convertToFloat(b, loc, bias, type));
  Value square = arith::MulFOp::create(b, loc, numerator, numerator);
  Value denominator =
      arith::AddFOp::create(b, loc, distance, constant(epsilon));
  Value value = arith::DivFOp::create(b, loc, square, denominator);
  if (alpha != 1.0)
    value = arith::MulFOp::create(b, loc, constant(alpha), value);
  return value;
}

/// The named op for the spatial rank (the number of strides) of a sliding
/// window over channels-last `ins`, accumulated into `init`: `OneD`, `TwoD`
/// or `ThreeD`.
template <typename OneD, typename TwoD, typename ThreeD>
static Value createWindowOp(OpBuilder &b, Location loc, ValueRange ins,
                            Value init, ArrayRef<int64_t> strides,
                            ArrayRef<int64_t> dilations) {
  Type type = init.getType();
  Attribute strideAttr = b.getI64TensorAttr(strides);
  Attribute dilationAttr = b.getI64TensorAttr(dilations);
  switch (strides.size()) {
  case 1:
    return OneD::create(b, loc, type, ins, init, strideAttr, dilationAttr)
        .getResult(0);
  case 2:
    return TwoD::create(b, loc, type, ins, init, strideAttr, dilationAttr)
        .getResult(0);
  default:
    return ThreeD::create(b, loc, type, ins, init, strideAttr, dilationAttr)
        .getResult(0);
  }
}

Value yat::createWindowSums(OpBuilder &b, Location loc, Value input,
                            ArrayRef<OpFoldResult> window, Value init,
                            ArrayRef<int64_t> strides,
                            ArrayRef<int64_t> dilations) {
  // The window enters as a shape-only operand.
  Value windowShape = tensor::EmptyOp::create(
      b, loc, window, cast<ShapedType>(init.getType()).getElementType());
  return createWindowOp<linalg::PoolingNwcSumOp, linalg::PoolingNhwcSumOp,
                        linalg::PoolingNdhwcSumOp>(
      b, loc, ValueRange{input, windowShape}, init, strides, dilations);
}

Value yat::createNamedConv(OpBuilder &b, Location loc, Value input,
                           Value filter, Value init, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations) {
  return createWindowOp<linalg::Conv1DNwcWcfOp, linalg::Conv2DNhwcHwcfOp,
                        linalg::Conv3DNdhwcDhwcfOp>(
      b, loc, ValueRange{input, filter}, init, strides, dilations);
}

Value yat::createPaddedInput(OpBuilder &b, Location loc, Value input,
                             ArrayRef<int64_t> padding) {
  if (llvm::all_of(padding, [](int64_t p) { return p == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<OpFoldResult> low = {b.getIndexAttr(0)};
  SmallVector<OpFoldResult> high = {b.getIndexAttr(0)};
  for (size_t d = 0; d < padding.size() / 2; ++d) {
    low.push_back(b.getIndexAttr(padding[2 * d]));
    high.push_back(b.getIndexAttr(padding[2 * d + 1]));
  }
  low.push_back(b.getIndexAttr(0));
  high.push_back(b.getIndexAttr(0));
  Value zero =
      arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  return tensor::PadOp::create(b, loc, /*resultType=*/Type(), input, low, high,
                               zero);
}

Value mlir::yat::createSwappedLastDims(OpBuilder &b, Location loc,
                                       Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> permutation =
      llvm::to_vector(llvm::seq<int64_t>(0, rank));
  std::swap(permutation[rank - 2], permutation[rank - 1]);
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, value);
  std::swap(sizes[rank - 2], sizes[rank - 1]);
  Value empty = createEmptyTensor(b, loc, sizes, type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, empty, permutation)
      ->getResult(0);
}

static Value createScalarConstant(OpBuilder &b, Location loc, Type type,
                                  double value) {
  return arith::ConstantOp::create(b, loc, type, b.getFloatAttr(type, value));
}

Value yat::createFloatClamp(OpBuilder &b, Location loc, Value value, double lo,
                            double hi) {
  Type type = value.getType();
  Value lower = arith::MaxNumFOp::create(
      b, loc, value, createScalarConstant(b, loc, type, lo));
  return arith::MinNumFOp::create(b, loc, lower,
                                  createScalarConstant(b, loc, type, hi));
}

Value yat::createInt8ActivationScale(OpBuilder &b, Location loc, Value absMax) {
  Type type = absMax.getType();
  Value floored = arith::MaximumFOp::create(
      b, loc, absMax, createScalarConstant(b, loc, type, kTernaryScaleFloor));
  return arith::DivFOp::create(
      b, loc, createScalarConstant(b, loc, type, 127.0), floored);
}

Value yat::createInt8Activation(OpBuilder &b, Location loc, Value value,
                                Value scale) {
  Value scaled = arith::MulFOp::create(b, loc, value, scale);
  Value rounded = math::RoundEvenOp::create(b, loc, scaled);
  return arith::FPToSIOp::create(
      b, loc, b.getI8Type(), createFloatClamp(b, loc, rounded, -128.0, 127.0));
}
