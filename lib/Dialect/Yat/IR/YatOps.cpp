//===- YatOps.cpp - verifiers and shape reification of yat ops ------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Support/ShapeFormat.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::yat;

#define GET_OP_CLASSES
#include "yat/Dialect/Yat/IR/YatOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

/// True when both sizes are known and different.
static bool staticMismatch(int64_t lhs, int64_t rhs) {
  return ShapedType::isStatic(lhs) && ShapedType::isStatic(rhs) && lhs != rhs;
}

static LogicalResult checkRank(Operation *op, StringRef name, ShapedType type,
                               int64_t rank) {
  if (type.getRank() == rank)
    return success();
  return op->emitOpError() << "expected " << name << " to have rank " << rank
                           << ", got " << type.getRank();
}

static LogicalResult checkElementType(Operation *op, StringRef name,
                                      ShapedType type, Type expected,
                                      StringRef expectedFrom) {
  if (type.getElementType() == expected)
    return success();
  return op->emitOpError() << "expected " << name << " element type "
                           << type.getElementType() << " to match "
                           << expectedFrom << " element type " << expected;
}

/// Checks that `actual` can hold a result of shape `expected`.
static LogicalResult checkResultShape(Operation *op, StringRef name,
                                      ShapedType actual,
                                      ArrayRef<int64_t> expected) {
  if (actual.getRank() == static_cast<int64_t>(expected.size()) &&
      succeeded(verifyCompatibleShape(actual.getShape(), expected)))
    return success();
  return op->emitOpError() << "expected " << name << " shape "
                           << formatShape(expected) << ", got "
                           << formatShape(actual.getShape());
}

static LogicalResult checkNonNegative(Operation *op, StringRef name,
                                      float value) {
  if (value >= 0.0f && std::isfinite(value))
    return success();
  return op->emitOpError() << "expected " << name
                           << " to be finite and non-negative, got " << value;
}

/// The leading dims of `x` followed by `lastDim`.
static SmallVector<int64_t> replaceLastDim(ShapedType x, int64_t lastDim) {
  SmallVector<int64_t> shape(x.getShape());
  shape.back() = lastDim;
  return shape;
}

/// Result sizes as fold results: a constant where the size is static,
/// otherwise the size of the operand dimension it comes from.
using DimSource = std::pair<Value, int64_t>;
static SmallVector<OpFoldResult> mixedSizes(OpBuilder &b, Location loc,
                                            ArrayRef<DimSource> sources) {
  SmallVector<OpFoldResult> sizes;
  for (auto [value, dim] : sources)
    sizes.push_back(tensor::getMixedSize(b, loc, value, dim));
  return sizes;
}

/// Sizes of `x` with its last dimension taken from `other`'s dim `otherDim`.
static SmallVector<OpFoldResult> mixedSizesReplacingLast(OpBuilder &b,
                                                         Location loc, Value x,
                                                         Value other,
                                                         int64_t otherDim) {
  SmallVector<DimSource> sources;
  int64_t rank = cast<ShapedType>(x.getType()).getRank();
  for (int64_t d = 0; d + 1 < rank; ++d)
    sources.push_back({x, d});
  sources.push_back({other, otherDim});
  return mixedSizes(b, loc, sources);
}

//===----------------------------------------------------------------------===//
// ProductOp
//===----------------------------------------------------------------------===//

/// Checks shared by yat.product and yat.product_with_norms.
template <typename OpTy> static LogicalResult verifyProductLike(OpTy product) {
  Operation *op = product.getOperation();
  auto xType = product.getX().getType();
  auto wType = product.getW().getType();
  if (xType.getRank() < 1)
    return product.emitOpError("expected x to have rank >= 1, got 0");
  if (failed(checkRank(op, "w", wType, 2)))
    return failure();
  Type elementType = xType.getElementType();
  if (failed(checkElementType(op, "w", wType, elementType, "x")))
    return failure();
  int64_t k = xType.getShape().back();
  if (staticMismatch(k, wType.getDimSize(1)))
    return product.emitOpError()
           << "expected the last dim of x (" << k << ") to match dim 1 of w ("
           << wType.getDimSize(1) << ")";
  int64_t n = wType.getDimSize(0);
  if (Value bias = product.getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (failed(checkRank(op, "bias", biasType, 1)) ||
        failed(checkElementType(op, "bias", biasType, elementType, "x")))
      return failure();
    if (staticMismatch(biasType.getDimSize(0), n))
      return product.emitOpError()
             << "expected bias length " << biasType.getDimSize(0)
             << " to match dim 0 of w (" << n << ")";
  }
  if (failed(checkNonNegative(op, "epsilon",
                              product.getEpsilon().convertToFloat())))
    return failure();
  auto resultType = product.getResult().getType();
  if (failed(checkElementType(op, "result", resultType, elementType, "x")))
    return failure();
  return checkResultShape(op, "result", resultType, replaceLastDim(xType, n));
}

LogicalResult ProductOp::verify() { return verifyProductLike(*this); }

/// Checks that `norms` holds one f32 squared norm per output unit.
static LogicalResult checkNorms(Operation *op, StringRef name,
                                RankedTensorType normsType, int64_t units) {
  if (normsType.getRank() == 1 &&
      !staticMismatch(normsType.getDimSize(0), units))
    return success();
  return op->emitOpError() << "expected " << name << " of shape ["
                           << (ShapedType::isDynamic(units)
                                   ? std::string("?")
                                   : std::to_string(units))
                           << "], got " << formatShape(normsType.getShape());
}

LogicalResult ProductWithNormsOp::verify() {
  if (failed(verifyProductLike(*this)))
    return failure();
  return checkNorms(getOperation(), "w_norms", getWNorms().getType(),
                    getW().getType().getDimSize(0));
}

void ProductOp::build(OpBuilder &b, OperationState &state, Value x, Value w,
                      Value bias, float epsilon, float alpha) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto wType = cast<RankedTensorType>(w.getType());
  auto resultType = xType.clone(replaceLastDim(xType, wType.getDimSize(0)));
  build(b, state, resultType, x, w, bias, b.getF32FloatAttr(epsilon),
        b.getF32FloatAttr(alpha));
}

LogicalResult
ProductOp::reifyResultShapes(OpBuilder &b,
                             ReifiedRankedShapedTypeDims &reifiedShapes) {
  reifiedShapes.push_back(
      mixedSizesReplacingLast(b, getLoc(), getX(), getW(), 0));
  return success();
}

LogicalResult ProductWithNormsOp::reifyResultShapes(
    OpBuilder &b, ReifiedRankedShapedTypeDims &reifiedShapes) {
  reifiedShapes.push_back(
      mixedSizesReplacingLast(b, getLoc(), getX(), getW(), 0));
  return success();
}

//===----------------------------------------------------------------------===//
// ConvOp
//===----------------------------------------------------------------------===//

static SmallVector<int64_t> valuesOrFill(std::optional<ArrayRef<int64_t>> attr,
                                         int64_t count, int64_t fill) {
  if (attr)
    return SmallVector<int64_t>(*attr);
  return SmallVector<int64_t>(count, fill);
}

SmallVector<int64_t> ConvOp::getStridesOrDefault() {
  return valuesOrFill(getStrides(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvOp::getPaddingOrDefault() {
  return valuesOrFill(getPadding(), 2 * getNumSpatialDims(), 0);
}
SmallVector<int64_t> ConvOp::getDilationsOrDefault() {
  return valuesOrFill(getDilations(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvWithNormsOp::getStridesOrDefault() {
  return valuesOrFill(getStrides(), getNumSpatialDims(), 1);
}
SmallVector<int64_t> ConvWithNormsOp::getPaddingOrDefault() {
  return valuesOrFill(getPadding(), 2 * getNumSpatialDims(), 0);
}
SmallVector<int64_t> ConvWithNormsOp::getDilationsOrDefault() {
  return valuesOrFill(getDilations(), getNumSpatialDims(), 1);
}

/// Whether a conv with `groups` groups of `input` and `filter` has one input
/// channel and one filter per group.
static bool isDepthwiseConv(int64_t groups, Value input, Value filter) {
  return groups > 1 &&
         cast<RankedTensorType>(input.getType()).getShape().back() == groups &&
         cast<RankedTensorType>(filter.getType()).getShape().back() == groups;
}
bool ConvOp::isDepthwise() {
  return isDepthwiseConv(getGroups(), getInput(), getFilter());
}
bool ConvWithNormsOp::isDepthwise() {
  return isDepthwiseConv(getGroups(), getInput(), getFilter());
}

/// Output size of one spatial dim, or kDynamic when an input is dynamic.
static int64_t convOutputSize(int64_t size, int64_t kernel, int64_t stride,
                              int64_t padLo, int64_t padHi, int64_t dilation) {
  if (ShapedType::isDynamic(size) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  int64_t span = size + padLo + padHi - dilation * (kernel - 1) - 1;
  return span < 0 ? 0 : span / stride + 1;
}

/// The result shape of a conv: N, one output size per spatial dim (0 when
/// the window does not fit), F.
static SmallVector<int64_t> convResultShape(ShapedType inputType,
                                            ShapedType filterType,
                                            ArrayRef<int64_t> strides,
                                            ArrayRef<int64_t> padding,
                                            ArrayRef<int64_t> dilations) {
  int64_t numSpatial = inputType.getRank() - 2;
  SmallVector<int64_t> shape = {inputType.getDimSize(0)};
  for (int64_t d = 0; d < numSpatial; ++d)
    shape.push_back(convOutputSize(
        inputType.getDimSize(d + 1), filterType.getDimSize(d), strides[d],
        padding[2 * d], padding[2 * d + 1], dilations[d]));
  shape.push_back(filterType.getDimSize(numSpatial + 1));
  return shape;
}

void ConvOp::build(OpBuilder &b, OperationState &state, Value input,
                   Value filter, Value bias, ArrayRef<int64_t> strides,
                   ArrayRef<int64_t> padding, ArrayRef<int64_t> dilations,
                   int64_t groups, float epsilon, float alpha) {
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  int64_t numSpatial = inputType.getRank() - 2;
  auto orDefault = [](ArrayRef<int64_t> values, int64_t count, int64_t fill) {
    return values.empty() ? SmallVector<int64_t>(count, fill)
                          : SmallVector<int64_t>(values);
  };
  SmallVector<int64_t> shape =
      convResultShape(inputType, filterType, orDefault(strides, numSpatial, 1),
                      orDefault(padding, 2 * numSpatial, 0),
                      orDefault(dilations, numSpatial, 1));
  auto arrayOrNull = [&](ArrayRef<int64_t> values) -> DenseI64ArrayAttr {
    return values.empty() ? nullptr : b.getDenseI64ArrayAttr(values);
  };
  build(b, state, inputType.clone(shape), input, filter, bias,
        arrayOrNull(strides), arrayOrNull(padding), arrayOrNull(dilations),
        b.getI64IntegerAttr(groups), b.getF32FloatAttr(epsilon),
        b.getF32FloatAttr(alpha));
}

/// Checks shared by yat.conv and yat.conv_with_norms.
template <typename OpTy> static LogicalResult verifyConvLike(OpTy conv) {
  Operation *op = conv.getOperation();
  auto inputType = conv.getInput().getType();
  auto filterType = conv.getFilter().getType();
  int64_t rank = inputType.getRank();
  if (rank < 3 || rank > 5)
    return conv.emitOpError() << "expected input of rank 3 to 5 (N, 1 to 3 "
                                 "spatial dims, C), got rank "
                              << rank;
  int64_t numSpatial = rank - 2;
  if (failed(checkRank(op, "filter", filterType, rank)))
    return failure();
  Type elementType = inputType.getElementType();
  if (failed(checkElementType(op, "filter", filterType, elementType, "input")))
    return failure();

  auto checkCount = [&](StringRef name, std::optional<ArrayRef<int64_t>> attr,
                        int64_t expected, int64_t minValue) -> LogicalResult {
    if (!attr)
      return success();
    if (static_cast<int64_t>(attr->size()) != expected)
      return conv.emitOpError()
             << "expected " << expected << " " << name << " values for "
             << numSpatial << " spatial dims, got " << attr->size();
    for (int64_t value : *attr)
      if (value < minValue)
        return conv.emitOpError()
               << "expected " << name << " values >= " << minValue << ", got "
               << value;
    return success();
  };
  if (failed(checkCount("strides", conv.getStrides(), numSpatial, 1)) ||
      failed(checkCount("padding", conv.getPadding(), 2 * numSpatial, 0)) ||
      failed(checkCount("dilations", conv.getDilations(), numSpatial, 1)))
    return failure();

  int64_t groups = conv.getGroups();
  if (groups < 1)
    return conv.emitOpError() << "expected groups >= 1, got " << groups;
  int64_t channels = inputType.getShape().back();
  int64_t groupChannels = filterType.getDimSize(numSpatial);
  int64_t filters = filterType.getDimSize(numSpatial + 1);
  if (ShapedType::isStatic(channels) && channels % groups != 0)
    return conv.emitOpError()
           << "expected groups (" << groups
           << ") to divide the input channels (" << channels << ")";
  if (ShapedType::isStatic(filters) && filters % groups != 0)
    return conv.emitOpError()
           << "expected groups (" << groups << ") to divide the filter count ("
           << filters << ")";
  if (ShapedType::isStatic(channels) &&
      staticMismatch(channels / groups, groupChannels))
    return conv.emitOpError()
           << "expected filter channel dim (" << groupChannels
           << ") to be input channels / groups (" << channels / groups << ")";
  if (Value bias = conv.getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (failed(checkRank(op, "bias", biasType, 1)) ||
        failed(checkElementType(op, "bias", biasType, elementType, "input")))
      return failure();
    if (staticMismatch(biasType.getDimSize(0), filters))
      return conv.emitOpError()
             << "expected bias length " << biasType.getDimSize(0)
             << " to match the filter count (" << filters << ")";
  }
  if (failed(
          checkNonNegative(op, "epsilon", conv.getEpsilon().convertToFloat())))
    return failure();

  SmallVector<int64_t> strides = conv.getStridesOrDefault();
  SmallVector<int64_t> padding = conv.getPaddingOrDefault();
  SmallVector<int64_t> dilations = conv.getDilationsOrDefault();
  SmallVector<int64_t> expected =
      convResultShape(inputType, filterType, strides, padding, dilations);
  for (int64_t d = 0; d < numSpatial; ++d) {
    if (expected[d + 1] != 0)
      continue;
    return conv.emitOpError()
           << "expected the padded input (" << inputType.getDimSize(d + 1)
           << " + " << padding[2 * d] << " + " << padding[2 * d + 1]
           << ") of spatial dim " << d << " to cover the dilated filter ("
           << filterType.getDimSize(d) << " with dilation " << dilations[d]
           << ")";
  }
  auto resultType = conv.getResult().getType();
  if (failed(checkElementType(op, "result", resultType, elementType, "input")))
    return failure();
  return checkResultShape(op, "result", resultType, expected);
}

LogicalResult ConvOp::verify() { return verifyConvLike(*this); }

LogicalResult ConvWithNormsOp::verify() {
  if (failed(verifyConvLike(*this)))
    return failure();
  auto filterType = getFilter().getType();
  return checkNorms(getOperation(), "filter_norms", getFilterNorms().getType(),
                    filterType.getDimSize(filterType.getRank() - 1));
}

template <typename OpTy>
static LogicalResult
reifyConvLikeShapes(OpTy conv, OpBuilder &b,
                    ReifiedRankedShapedTypeDims &reifiedShapes) {
  Location loc = conv.getLoc();
  int64_t numSpatial = conv.getNumSpatialDims();
  SmallVector<int64_t> strides = conv.getStridesOrDefault();
  SmallVector<int64_t> padding = conv.getPaddingOrDefault();
  SmallVector<int64_t> dilations = conv.getDilationsOrDefault();
  SmallVector<OpFoldResult> sizes = {
      tensor::getMixedSize(b, loc, conv.getInput(), 0)};
  auto cst = [&](int64_t v) -> Value {
    return arith::ConstantIndexOp::create(b, loc, v);
  };
  auto resultType = conv.getResult().getType();
  for (int64_t d = 0; d < numSpatial; ++d) {
    if (ShapedType::isStatic(resultType.getDimSize(d + 1))) {
      sizes.push_back(b.getIndexAttr(resultType.getDimSize(d + 1)));
      continue;
    }
    // max(floor((size + lo + hi - dilation * (kernel - 1) - 1) / stride) + 1,
    // 0): a window that does not fit gives an empty dim, as in the verifier.
    Value size = getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, conv.getInput(), d + 1));
    Value kernel = getValueOrCreateConstantIndexOp(
        b, loc, tensor::getMixedSize(b, loc, conv.getFilter(), d));
    Value one = cst(1);
    Value span = arith::AddIOp::create(
        b, loc, size, cst(padding[2 * d] + padding[2 * d + 1] - 1));
    Value reach = arith::MulIOp::create(
        b, loc, cst(dilations[d]), arith::SubIOp::create(b, loc, kernel, one));
    span = arith::SubIOp::create(b, loc, span, reach);
    Value out = arith::AddIOp::create(
        b, loc, arith::FloorDivSIOp::create(b, loc, span, cst(strides[d])),
        one);
    sizes.push_back(arith::MaxSIOp::create(b, loc, out, cst(0)).getResult());
  }
  sizes.push_back(
      tensor::getMixedSize(b, loc, conv.getFilter(), numSpatial + 1));
  reifiedShapes.push_back(sizes);
  return success();
}

LogicalResult
ConvOp::reifyResultShapes(OpBuilder &b,
                          ReifiedRankedShapedTypeDims &reifiedShapes) {
  return reifyConvLikeShapes(*this, b, reifiedShapes);
}

LogicalResult
ConvWithNormsOp::reifyResultShapes(OpBuilder &b,
                                   ReifiedRankedShapedTypeDims &reifiedShapes) {
  return reifyConvLikeShapes(*this, b, reifiedShapes);
}

//===----------------------------------------------------------------------===//
// AttentionOp
//===----------------------------------------------------------------------===//

void AttentionOp::build(OpBuilder &b, OperationState &state, Value q, Value k,
                        Value v, bool causal) {
  auto qType = cast<RankedTensorType>(q.getType());
  auto vType = cast<RankedTensorType>(v.getType());
  auto resultType = qType.clone(replaceLastDim(qType, vType.getDimSize(3)));
  build(b, state, resultType, q, k, v, /*scale=*/nullptr,
        b.getF32FloatAttr(1.0e-5f), causal ? b.getUnitAttr() : nullptr,
        NormalizationAttr::get(b.getContext(), Normalization::softmax),
        b.getF32FloatAttr(1.0e-12f));
}

float AttentionOp::getScaleOrDefault() {
  if (auto scale = getScale())
    return scale->convertToFloat();
  int64_t depth = getQ().getType().getDimSize(3);
  return 1.0f / std::sqrt(static_cast<float>(depth));
}

LogicalResult AttentionOp::verify() {
  Operation *op = getOperation();
  auto qType = getQ().getType();
  auto kType = getK().getType();
  auto vType = getV().getType();
  if (failed(checkRank(op, "q", qType, 4)) ||
      failed(checkRank(op, "k", kType, 4)) ||
      failed(checkRank(op, "v", vType, 4)))
    return failure();
  Type elementType = qType.getElementType();
  if (failed(checkElementType(op, "k", kType, elementType, "q")) ||
      failed(checkElementType(op, "v", vType, elementType, "q")))
    return failure();
  auto checkDim = [&](StringRef lhsName, ShapedType lhs, int64_t lhsDim,
                      StringRef rhsName, ShapedType rhs, int64_t rhsDim,
                      StringRef what) -> LogicalResult {
    if (!staticMismatch(lhs.getDimSize(lhsDim), rhs.getDimSize(rhsDim)))
      return success();
    return emitOpError() << "expected " << what << " of " << lhsName << " ("
                         << lhs.getDimSize(lhsDim) << ") to match " << rhsName
                         << " (" << rhs.getDimSize(rhsDim) << ")";
  };
  if (failed(checkDim("q", qType, 0, "k", kType, 0, "batch size")) ||
      failed(checkDim("q", qType, 0, "v", vType, 0, "batch size")) ||
      failed(checkDim("k", kType, 1, "v", vType, 1, "kv head count")) ||
      failed(checkDim("k", kType, 2, "v", vType, 2, "key count")) ||
      failed(checkDim("q", qType, 3, "k", kType, 3, "head dim")))
    return failure();
  int64_t heads = qType.getDimSize(1);
  int64_t kvHeads = kType.getDimSize(1);
  if (kvHeads == 0)
    return emitOpError("expected at least one kv head");
  if (ShapedType::isStatic(heads) && ShapedType::isStatic(kvHeads) &&
      heads % kvHeads != 0)
    return emitOpError() << "expected the query head count (" << heads
                         << ") to be a multiple of the kv head count ("
                         << kvHeads << ")";
  int64_t queries = qType.getDimSize(2);
  int64_t keys = kType.getDimSize(2);
  if (getCausal() && ShapedType::isStatic(queries) &&
      ShapedType::isStatic(keys) && queries > keys)
    return emitOpError() << "expected causal attention to have no more "
                            "queries ("
                         << queries << ") than keys (" << keys << ")";
  if (!getScale() && ShapedType::isDynamic(qType.getDimSize(3)))
    return emitOpError("expected an explicit scale when the head dim is "
                       "dynamic");
  if (auto scale = getScale(); scale && !std::isfinite(scale->convertToFloat()))
    return emitOpError() << "expected a finite scale, got "
                         << scale->convertToFloat();
  if (failed(checkNonNegative(op, "epsilon", getEpsilon().convertToFloat())) ||
      failed(
          checkNonNegative(op, "l1_epsilon", getL1Epsilon().convertToFloat())))
    return failure();
  auto resultType = getResult().getType();
  if (failed(checkElementType(op, "result", resultType, elementType, "q")))
    return failure();
  return checkResultShape(
      op, "result", resultType,
      {qType.getDimSize(0), heads, queries, vType.getDimSize(3)});
}

LogicalResult
AttentionOp::reifyResultShapes(OpBuilder &b,
                               ReifiedRankedShapedTypeDims &reifiedShapes) {
  reifiedShapes.push_back(
      mixedSizesReplacingLast(b, getLoc(), getQ(), getV(), 3));
  return success();
}

//===----------------------------------------------------------------------===//
// RmsNormOp
//===----------------------------------------------------------------------===//

void RmsNormOp::build(OpBuilder &b, OperationState &state, Value x, Value gamma,
                      float epsilon) {
  build(b, state, x.getType(), x, gamma, b.getF32FloatAttr(epsilon));
}

LogicalResult RmsNormOp::verify() {
  Operation *op = getOperation();
  auto xType = getX().getType();
  if (xType.getRank() < 1)
    return emitOpError("expected x to have rank >= 1, got 0");
  Type elementType = xType.getElementType();
  if (Value gamma = getGamma()) {
    auto gammaType = cast<RankedTensorType>(gamma.getType());
    if (failed(checkRank(op, "gamma", gammaType, 1)) ||
        failed(checkElementType(op, "gamma", gammaType, elementType, "x")))
      return failure();
    if (staticMismatch(gammaType.getDimSize(0), xType.getShape().back()))
      return emitOpError() << "expected gamma length "
                           << gammaType.getDimSize(0)
                           << " to match the last dim of x ("
                           << xType.getShape().back() << ")";
  }
  if (failed(checkNonNegative(op, "epsilon", getEpsilon().convertToFloat())))
    return failure();
  auto resultType = getResult().getType();
  if (failed(checkElementType(op, "result", resultType, elementType, "x")))
    return failure();
  return checkResultShape(op, "result", resultType, xType.getShape());
}

LogicalResult
RmsNormOp::reifyResultShapes(OpBuilder &b,
                             ReifiedRankedShapedTypeDims &reifiedShapes) {
  reifiedShapes.push_back(tensor::getMixedSizes(b, getLoc(), getX()));
  return success();
}

//===----------------------------------------------------------------------===//
// TernarizeOp
//===----------------------------------------------------------------------===//

void TernarizeOp::build(OpBuilder &b, OperationState &state, Value w) {
  auto wType = cast<RankedTensorType>(w.getType());
  int64_t k = wType.getDimSize(1);
  auto packedType = RankedTensorType::get(
      {wType.getDimSize(0), ShapedType::isStatic(k) ? k / 4 : k},
      b.getIntegerType(8));
  build(b, state, packedType, RankedTensorType::get({}, b.getF32Type()), w);
}

LogicalResult TernarizeOp::verify() {
  Operation *op = getOperation();
  auto wType = getW().getType();
  if (failed(checkRank(op, "w", wType, 2)))
    return failure();
  int64_t k = wType.getDimSize(1);
  if (ShapedType::isStatic(k) && k % 4 != 0)
    return emitOpError() << "expected the input dim of w (" << k
                         << ") to be a multiple of 4";
  int64_t packedK = ShapedType::isStatic(k) ? k / 4 : ShapedType::kDynamic;
  if (failed(checkResultShape(op, "packed", getPacked().getType(),
                              {wType.getDimSize(0), packedK})))
    return failure();
  return checkResultShape(op, "scale", getScale().getType(), {});
}

/// The fold of yat.ternarize in compute type `T` (float for f16, bf16 and
/// f32 weights, double for f64), in the reference lowering's order.
template <typename T>
static void ternarizeConstant(DenseElementsAttr weights, int64_t rows,
                              int64_t columns, SmallVectorImpl<int8_t> &packed,
                              float &scale) {
  SmallVector<T> values;
  values.reserve(rows * columns);
  for (const APFloat &value : weights.getValues<APFloat>())
    values.push_back(static_cast<T>(value.convertToDouble()));
  T total = 0;
  for (int64_t n = 0; n < rows; ++n) {
    T rowSum = 0;
    for (int64_t k = 0; k < columns; ++k)
      rowSum += std::abs(values[n * columns + k]);
    total += rowSum;
  }
  T mean = total / (static_cast<T>(rows) * static_cast<T>(columns));
  scale = static_cast<float>(std::max(mean, static_cast<T>(1e-5)));
  packed.assign(rows * (columns / 4), 0);
  for (int64_t n = 0; n < rows; ++n)
    for (int64_t k = 0; k < columns; ++k) {
      T rounded =
          std::nearbyint(values[n * columns + k] / static_cast<T>(scale));
      int ternary = static_cast<int>(std::clamp(rounded, T(-1), T(1)));
      packed[n * (columns / 4) + k / 4] |=
          static_cast<int8_t>((ternary & 3) << (2 * (k % 4)));
    }
}

LogicalResult TernarizeOp::fold(FoldAdaptor adaptor,
                                SmallVectorImpl<OpFoldResult> &results) {
  auto weights = dyn_cast_if_present<DenseElementsAttr>(adaptor.getW());
  RankedTensorType wType = getW().getType();
  RankedTensorType packedType = getPacked().getType();
  RankedTensorType scaleType = getScale().getType();
  if (!weights || !wType.hasStaticShape() || !packedType.hasStaticShape() ||
      !scaleType.hasStaticShape())
    return failure();
  int64_t rows = wType.getDimSize(0), columns = wType.getDimSize(1);
  if (columns % 4 != 0)
    return failure();
  SmallVector<int8_t> packed;
  float scale = 0.0f;
  // std::nearbyint rounds half to even in the default rounding mode.
  if (wType.getElementType().isF64())
    ternarizeConstant<double>(weights, rows, columns, packed, scale);
  else
    ternarizeConstant<float>(weights, rows, columns, packed, scale);
  results.push_back(
      DenseElementsAttr::get(packedType, ArrayRef<int8_t>(packed)));
  results.push_back(DenseElementsAttr::get(scaleType, ArrayRef<float>(scale)));
  return success();
}

LogicalResult
TernarizeOp::reifyResultShapes(OpBuilder &b,
                               ReifiedRankedShapedTypeDims &reifiedShapes) {
  Location loc = getLoc();
  OpFoldResult packedK;
  if (int64_t k = getW().getType().getDimSize(1); ShapedType::isStatic(k))
    packedK = b.getIndexAttr(k / 4);
  else
    packedK =
        arith::DivUIOp::create(b, loc, tensor::DimOp::create(b, loc, getW(), 1),
                               arith::ConstantIndexOp::create(b, loc, 4))
            .getResult();
  reifiedShapes.push_back({tensor::getMixedSize(b, loc, getW(), 0), packedK});
  reifiedShapes.push_back({});
  return success();
}

//===----------------------------------------------------------------------===//
// TernaryMatmulOp
//===----------------------------------------------------------------------===//

void TernaryMatmulOp::build(OpBuilder &b, OperationState &state, Value x,
                            Value packed, Value scale, int64_t activationBits) {
  auto xType = cast<RankedTensorType>(x.getType());
  auto packedType = cast<RankedTensorType>(packed.getType());
  auto resultType =
      xType.clone(replaceLastDim(xType, packedType.getDimSize(0)));
  build(b, state, resultType, x, packed, scale,
        b.getI64IntegerAttr(activationBits));
}

LogicalResult TernaryMatmulOp::verify() {
  Operation *op = getOperation();
  auto xType = getX().getType();
  auto packedType = getPacked().getType();
  auto scaleType = getScale().getType();
  if (xType.getRank() < 1)
    return emitOpError("expected x to have rank >= 1, got 0");
  if (failed(checkRank(op, "packed", packedType, 2)))
    return failure();
  int64_t k = xType.getShape().back();
  int64_t packedK = packedType.getDimSize(1);
  if (ShapedType::isStatic(k) && k % 4 != 0)
    return emitOpError() << "expected the last dim of x (" << k
                         << ") to be a multiple of 4";
  if (ShapedType::isStatic(k) && staticMismatch(k / 4, packedK))
    return emitOpError() << "expected dim 1 of packed (" << packedK
                         << ") to be the last dim of x / 4 (" << k / 4 << ")";
  int64_t n = packedType.getDimSize(0);
  if (scaleType.getRank() > 1)
    return emitOpError() << "expected scale of rank 0 (per tensor) or 1 (per "
                            "output channel), got rank "
                         << scaleType.getRank();
  if (scaleType.getRank() == 1 && staticMismatch(scaleType.getDimSize(0), n))
    return emitOpError() << "expected per-channel scale length "
                         << scaleType.getDimSize(0)
                         << " to match dim 0 of packed (" << n << ")";
  int64_t bits = getActivationBits();
  if (bits != 0 && bits != 8)
    return emitOpError() << "expected activation_bits to be 8 or 0, got "
                         << bits;
  auto resultType = getResult().getType();
  if (failed(checkElementType(op, "result", resultType, xType.getElementType(),
                              "x")))
    return failure();
  return checkResultShape(op, "result", resultType, replaceLastDim(xType, n));
}

LogicalResult
TernaryMatmulOp::reifyResultShapes(OpBuilder &b,
                                   ReifiedRankedShapedTypeDims &reifiedShapes) {
  reifiedShapes.push_back(
      mixedSizesReplacingLast(b, getLoc(), getX(), getPacked(), 0));
  return success();
}

//===----------------------------------------------------------------------===//
// LinearRecurrenceOp
//===----------------------------------------------------------------------===//

void LinearRecurrenceOp::build(OpBuilder &b, OperationState &state, Value a,
                               Value bValues, Value h0, bool reverse) {
  auto aType = cast<RankedTensorType>(a.getType());
  auto stateType = aType.clone({aType.getDimSize(0), aType.getDimSize(2)});
  build(b, state, aType, stateType, a, bValues, h0,
        reverse ? b.getUnitAttr() : nullptr);
}

LogicalResult LinearRecurrenceOp::verify() {
  Operation *op = getOperation();
  auto aType = getA().getType();
  auto bType = getB().getType();
  if (failed(checkRank(op, "a", aType, 3)) ||
      failed(checkRank(op, "b", bType, 3)))
    return failure();
  Type elementType = aType.getElementType();
  if (failed(checkElementType(op, "b", bType, elementType, "a")))
    return failure();
  if (failed(verifyCompatibleShape(aType.getShape(), bType.getShape())))
    return emitOpError() << "expected a " << formatShape(aType.getShape())
                         << " and b " << formatShape(bType.getShape())
                         << " to have the same shape";
  // Where one of a and b has a dynamic dim, take the other's size.
  SmallVector<int64_t> shape(aType.getShape());
  for (auto [dim, other] : llvm::zip(shape, bType.getShape()))
    if (ShapedType::isDynamic(dim))
      dim = other;
  SmallVector<int64_t> stateShape = {shape[0], shape[2]};
  if (Value h0 = getH0()) {
    auto h0Type = cast<RankedTensorType>(h0.getType());
    if (failed(checkElementType(op, "h0", h0Type, elementType, "a")))
      return failure();
    if (h0Type.getRank() != 2 ||
        failed(verifyCompatibleShape(h0Type.getShape(), stateShape)))
      return emitOpError() << "expected h0 of shape " << formatShape(stateShape)
                           << " (B x D), got "
                           << formatShape(h0Type.getShape());
  }
  if (failed(checkElementType(op, "h", getH().getType(), elementType, "a")) ||
      failed(checkElementType(op, "h_last", getHLast().getType(), elementType,
                              "a")))
    return failure();
  if (failed(checkResultShape(op, "h", getH().getType(), shape)))
    return failure();
  return checkResultShape(op, "h_last", getHLast().getType(), stateShape);
}

LogicalResult LinearRecurrenceOp::reifyResultShapes(
    OpBuilder &b, ReifiedRankedShapedTypeDims &reifiedShapes) {
  Location loc = getLoc();
  reifiedShapes.push_back(tensor::getMixedSizes(b, loc, getA()));
  reifiedShapes.push_back(
      mixedSizes(b, loc, {DimSource{getA(), 0}, DimSource{getA(), 2}}));
  return success();
}

//===----------------------------------------------------------------------===//
// SquaredNormsOp
//===----------------------------------------------------------------------===//

/// The dims of `type` that `dims` does not reduce, in order.
static SmallVector<int64_t> keptDims(ShapedType type, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> kept;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      kept.push_back(d);
  return kept;
}

void SquaredNormsOp::build(OpBuilder &b, OperationState &state, Value w,
                           ArrayRef<int64_t> dims) {
  auto wType = cast<RankedTensorType>(w.getType());
  SmallVector<int64_t> shape;
  for (int64_t d : keptDims(wType, dims))
    shape.push_back(wType.getDimSize(d));
  build(b, state, RankedTensorType::get(shape, b.getF32Type()), w,
        b.getDenseI64ArrayAttr(dims));
}

LogicalResult SquaredNormsOp::verify() {
  auto wType = getW().getType();
  ArrayRef<int64_t> dims = getDims();
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= wType.getRank())
      return emitOpError() << "expected dims in [0, " << wType.getRank()
                           << "), got " << d;
    if (i > 0 && dims[i - 1] >= d)
      return emitOpError("expected dims to be strictly increasing");
  }
  SmallVector<int64_t> expected;
  for (int64_t d : keptDims(wType, dims))
    expected.push_back(wType.getDimSize(d));
  return checkResultShape(getOperation(), "result", getResult().getType(),
                          expected);
}

OpFoldResult SquaredNormsOp::fold(FoldAdaptor adaptor) {
  auto weights = dyn_cast_if_present<DenseElementsAttr>(adaptor.getW());
  auto resultType = getResult().getType();
  if (!weights || !resultType.hasStaticShape())
    return {};
  ShapedType wType = weights.getType();
  ArrayRef<int64_t> shape = wType.getShape();
  SmallVector<int64_t> kept = keptDims(wType, getDims());
  SmallVector<double> sums(resultType.getNumElements(), 0.0);
  // Walk w in row-major order and map each element to its kept position.
  SmallVector<int64_t> index(shape.size(), 0);
  for (const APFloat &value : weights.getValues<APFloat>()) {
    int64_t flat = 0;
    for (int64_t d : kept)
      flat = flat * shape[d] + index[d];
    double v = value.convertToDouble();
    sums[flat] += v * v;
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  SmallVector<float> values(sums.begin(), sums.end());
  return DenseElementsAttr::get(resultType, ArrayRef<float>(values));
}

LogicalResult
SquaredNormsOp::reifyResultShapes(OpBuilder &b,
                                  ReifiedRankedShapedTypeDims &reifiedShapes) {
  SmallVector<DimSource> sources;
  for (int64_t d : keptDims(getW().getType(), getDims()))
    sources.push_back({getW(), d});
  reifiedShapes.push_back(mixedSizes(b, getLoc(), sources));
  return success();
}
