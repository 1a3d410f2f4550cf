//===- Reduce.cpp - stablehlo.reduce and reduce_window to linalg ----------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

/// Ops that only move a 0-d value around inside a reduce body.
static bool isScalarIdentity(Operation *op) {
  if (!isa<shlo::ReshapeOp, shlo::BroadcastInDimOp>(op))
    return false;
  auto operand = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  return operand && result && operand == result && operand.getRank() == 0;
}

/// The value of `value` when a stablehlo.constant defines it as a splat (a
/// body's scalar constants, also once hoisted out of the body).
static DenseElementsAttr getSplatConstant(Value value) {
  auto constant = value.getDefiningOp<shlo::ConstantOp>();
  auto dense =
      constant ? dyn_cast<DenseElementsAttr>(constant.getValue()) : nullptr;
  if (!dense || !dense.isSplat())
    return {};
  return dense;
}

/// The scalar constant of splat `dense`.
static Value emitSplatScalar(OpBuilder &b, Location loc,
                             DenseElementsAttr dense) {
  Type element = dense.getElementType();
  if (auto complexType = dyn_cast<ComplexType>(element)) {
    auto value = dense.getSplatValue<std::complex<APFloat>>();
    Type part = complexType.getElementType();
    return complex::ConstantOp::create(
        b, loc, complexType,
        b.getArrayAttr({FloatAttr::get(part, value.real()),
                        FloatAttr::get(part, value.imag())}));
  }
  return arith::ConstantOp::create(
      b, loc,
      getStorageAttr(cast<TypedAttr>(dense.getSplatValue<Attribute>())));
}

bool stablehlo_lowering::isTranslatableScalarBody(Operation *withBody,
                                                  Operation *&offending) {
  return isTranslatableScalarBody(withBody->getRegion(0), offending);
}

bool stablehlo_lowering::isTranslatableScalarBody(Region &body,
                                                  Operation *&offending) {
  offending = nullptr;
  for (Operation &op : body.front()) {
    // Values captured from outside the body have no scalar counterpart,
    // except splat constants (which canonicalization hoists out of bodies).
    bool capturesOuterValue = llvm::any_of(op.getOperands(), [&](Value v) {
      return v.getParentRegion() != &body && !getSplatConstant(v);
    });
    if (capturesOuterValue || op.getNumResults() > 1) {
      offending = &op;
      return false;
    }
    if (isa<shlo::ReturnOp>(op) || isScalarizable(&op) || isScalarIdentity(&op))
      continue;
    if (auto constant = dyn_cast<shlo::ConstantOp>(op)) {
      auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
      if (dense && dense.isSplat())
        continue;
    }
    offending = &op;
    return false;
  }
  return true;
}

SmallVector<Value> stablehlo_lowering::emitScalarBody(OpBuilder &builder,
                                                      Block &body,
                                                      ValueRange args) {
  IRMapping mapping;
  mapping.map(body.getArguments(), args);
  // A body value, or the scalar of a splat constant from outside the body.
  auto lookup = [&](Value value) -> Value {
    if (Value mapped = mapping.lookupOrNull(value))
      return mapped;
    Value scalar =
        emitSplatScalar(builder, value.getLoc(), getSplatConstant(value));
    mapping.map(value, scalar);
    return scalar;
  };
  for (Operation &inner : body) {
    if (auto ret = dyn_cast<shlo::ReturnOp>(inner))
      return llvm::map_to_vector(ret.getOperands(), lookup);
    Value result;
    if (isa<shlo::ConstantOp>(inner)) {
      result = lookup(inner.getResult(0));
    } else if (isScalarIdentity(&inner)) {
      result = lookup(inner.getOperand(0));
    } else {
      SmallVector<Value> operands;
      for (Value operand : inner.getOperands())
        operands.push_back(lookup(operand));
      result = emitScalarOp(builder, inner.getLoc(), &inner, operands);
    }
    mapping.map(inner.getResult(0), result);
  }
  return {};
}

namespace {

/// Rewrites stablehlo.reduce into one linalg.generic with an input per
/// operand and an output per result (initialized with linalg.fill of the
/// init values). Reduced dimensions are reduction iterators; the body is the
/// reduce body translated op by op into scalar arith, taking the
/// accumulators first and the new elements second, as StableHLO does.
struct ReduceToGeneric : public OpConversionPattern<shlo::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *offending;
    if (!isTranslatableScalarBody(op, offending))
      return rewriter.notifyMatchFailure(op, "body cannot be translated");
    auto inputType = cast<RankedTensorType>(op.getInputs()[0].getType());
    if (!inputType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "expected static shapes");
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    int64_t rank = inputType.getRank();
    size_t count = op.getInputs().size();
    ArrayRef<int64_t> reduced = op.getDimensions();

    SmallVector<utils::IteratorType> iterators;
    SmallVector<AffineExpr> outputExprs;
    for (int64_t d = 0; d < rank; ++d) {
      bool isReduced = llvm::is_contained(reduced, d);
      iterators.push_back(isReduced ? utils::IteratorType::reduction
                                    : utils::IteratorType::parallel);
      if (!isReduced)
        outputExprs.push_back(rewriter.getAffineDimExpr(d));
    }
    AffineMap inputMap = rewriter.getMultiDimIdentityMap(rank);
    AffineMap outputMap = AffineMap::get(rank, 0, outputExprs, ctx);
    SmallVector<AffineMap> maps(count, inputMap);
    maps.append(count, outputMap);

    SmallVector<Value> inits;
    SmallVector<Type> resultTypes;
    for (size_t i = 0; i < count; ++i) {
      auto resultType = cast<RankedTensorType>(op.getResult(i).getType());
      Value initValue =
          emitExtractScalar(rewriter, loc, adaptor.getInitValues()[i]);
      inits.push_back(emitFilledTensor(rewriter, loc, resultType, initValue));
      resultTypes.push_back(getStorageType(resultType));
    }

    Block &body = op.getBody().front();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultTypes, adaptor.getInputs(), inits, maps, iterators,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          // Generic arguments: elements then accumulators. Body arguments:
          // accumulators then elements.
          SmallVector<Value> bodyArgs(args.drop_front(count));
          llvm::append_range(bodyArgs, args.take_front(count));
          linalg::YieldOp::create(b, bodyLoc,
                                  emitScalarBody(b, body, bodyArgs));
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

/// Rewrites stablehlo.reduce_window into one linalg.generic over the result
/// positions (parallel) and the window positions (reduction). Each input is
/// first padded and base-dilated with its init value; a tensor.empty of the
/// window's shape gives the window loops their bounds (as linalg's pooling
/// ops do), and the body is the reduce_window body translated to scalars.
struct ReduceWindowToGeneric
    : public OpConversionPattern<shlo::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::ReduceWindowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *offending;
    if (!isTranslatableScalarBody(op, offending))
      return rewriter.notifyMatchFailure(op, "body cannot be translated");
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())) ||
        failed(requireStaticShapes(rewriter, op, op->getResultTypes())))
      return failure();
    Location loc = op.getLoc();
    MLIRContext *ctx = rewriter.getContext();
    auto inputType = cast<RankedTensorType>(op.getInputs()[0].getType());
    int64_t rank = inputType.getRank();
    size_t count = op.getInputs().size();
    ArrayRef<int64_t> window = op.getWindowDimensions();
    SmallVector<int64_t> strides = op.getWindowStridesOrDefault();
    SmallVector<int64_t> baseDilations = op.getBaseDilationsOrDefault();
    SmallVector<int64_t> windowDilations = op.getWindowDilationsOrDefault();
    SmallVector<std::pair<int64_t, int64_t>> padding = op.getPaddingOrDefault();

    SmallVector<int64_t> low, high, interior, paddedShape;
    bool needsPadding = false;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = inputType.getDimSize(d);
      int64_t dilated = size == 0 ? 0 : (size - 1) * baseDilations[d] + 1;
      low.push_back(padding[d].first);
      high.push_back(padding[d].second);
      interior.push_back(baseDilations[d] - 1);
      paddedShape.push_back(low.back() + dilated + high.back());
      needsPadding |= low.back() != 0 || high.back() != 0 || interior.back();
    }

    SmallVector<Value> inputs, inits;
    SmallVector<Type> resultTypes;
    for (size_t i = 0; i < count; ++i) {
      Value initValue =
          emitExtractScalar(rewriter, loc, adaptor.getInitValues()[i]);
      Value input = adaptor.getInputs()[i];
      if (needsPadding)
        input = emitPaddedTensor(
            rewriter, loc, input, initValue, low, high, interior,
            RankedTensorType::get(paddedShape, initValue.getType()));
      inputs.push_back(input);
      auto resultType = cast<RankedTensorType>(op.getResult(i).getType());
      inits.push_back(emitFilledTensor(rewriter, loc, resultType, initValue));
      resultTypes.push_back(getStorageType(resultType));
    }
    inputs.push_back(
        tensor::EmptyOp::create(rewriter, loc, window, rewriter.getI1Type()));

    // Loops 0..rank-1: result positions; rank..2*rank-1: window positions.
    SmallVector<AffineExpr> inputExprs, windowExprs, resultExprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr position = rewriter.getAffineDimExpr(d);
      AffineExpr offset = rewriter.getAffineDimExpr(rank + d);
      inputExprs.push_back(position * strides[d] + offset * windowDilations[d]);
      windowExprs.push_back(offset);
      resultExprs.push_back(position);
    }
    SmallVector<AffineMap> maps(count,
                                AffineMap::get(2 * rank, 0, inputExprs, ctx));
    maps.push_back(AffineMap::get(2 * rank, 0, windowExprs, ctx));
    maps.append(count, AffineMap::get(2 * rank, 0, resultExprs, ctx));
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.append(rank, utils::IteratorType::reduction);

    Block &body = op.getBody().front();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, resultTypes, inputs, inits, maps, iterators,
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          // Generic arguments: elements, the window's placeholder, then
          // accumulators. Body arguments: accumulators then elements.
          SmallVector<Value> bodyArgs(args.take_back(count));
          llvm::append_range(bodyArgs, args.take_front(count));
          linalg::YieldOp::create(b, bodyLoc,
                                  emitScalarBody(b, body, bodyArgs));
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateReducePatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<ReduceToGeneric, ReduceWindowToGeneric>(typeConverter,
                                                       patterns.getContext());
}
