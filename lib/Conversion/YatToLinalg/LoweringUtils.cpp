//===- LoweringUtils.cpp - helpers shared by the yat-to-linalg patterns ---===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::lowering;

FloatType lowering::getComputeType(Type elementType) {
  MLIRContext *context = elementType.getContext();
  if (elementType.isF64())
    return Float64Type::get(context);
  return Float32Type::get(context);
}

Value lowering::convertFloat(OpBuilder &b, Location loc, Value value,
                             Type type) {
  Type from = value.getType();
  if (from == type)
    return value;
  auto fromFloat = cast<FloatType>(from);
  auto toFloat = cast<FloatType>(type);
  if (fromFloat.getWidth() < toFloat.getWidth())
    return arith::ExtFOp::create(b, loc, type, value);
  return arith::TruncFOp::create(b, loc, type, value);
}

Value lowering::createFloatConstant(OpBuilder &b, Location loc, Type type,
                                    double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value lowering::createGeneric(OpBuilder &b, Location loc, ValueRange inputs,
                              Value init, ArrayRef<AffineMap> maps,
                              ArrayRef<utils::IteratorType> iterators,
                              GenericBodyBuilder body) {
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        Value yielded = body(nested, nestedLoc, args);
        linalg::YieldOp::create(nested, nestedLoc, yielded);
      });
  return generic.getResult(0);
}

OpFoldResult lowering::divideSize(OpBuilder &b, Location loc, OpFoldResult size,
                                  OpFoldResult divisor) {
  std::optional<int64_t> staticSize = getConstantIntValue(size);
  std::optional<int64_t> staticDivisor = getConstantIntValue(divisor);
  if (staticDivisor && *staticDivisor == 1)
    return size;
  if (staticSize && staticDivisor && *staticDivisor != 0)
    return b.getIndexAttr(*staticSize / *staticDivisor);
  return arith::DivUIOp::create(
             b, loc, getValueOrCreateConstantIndexOp(b, loc, size),
             getValueOrCreateConstantIndexOp(b, loc, divisor))
      .getResult();
}

Value lowering::subtractSizes(OpBuilder &b, Location loc, OpFoldResult lhs,
                              OpFoldResult rhs) {
  std::optional<int64_t> staticLhs = getConstantIntValue(lhs);
  std::optional<int64_t> staticRhs = getConstantIntValue(rhs);
  if (staticLhs && staticRhs)
    return arith::ConstantIndexOp::create(b, loc, *staticLhs - *staticRhs);
  return arith::SubIOp::create(b, loc,
                               getValueOrCreateConstantIndexOp(b, loc, lhs),
                               getValueOrCreateConstantIndexOp(b, loc, rhs));
}

Value lowering::createExpandShape(OpBuilder &b, Location loc, Value source,
                                  ArrayRef<ReassociationIndices> reassociation,
                                  ArrayRef<OpFoldResult> outputShape) {
  SmallVector<OpFoldResult> folded = foldConstantSizes(outputShape);
  SmallVector<int64_t> staticShape;
  for (OpFoldResult size : folded) {
    if (auto attr = dyn_cast<Attribute>(size))
      staticShape.push_back(cast<IntegerAttr>(attr).getInt());
    else
      staticShape.push_back(ShapedType::kDynamic);
  }
  auto sourceType = cast<RankedTensorType>(source.getType());
  auto resultType =
      RankedTensorType::get(staticShape, sourceType.getElementType());
  return tensor::ExpandShapeOp::create(b, loc, resultType, source,
                                       reassociation, folded);
}

Value lowering::createSizeAsFloat(OpBuilder &b, Location loc, OpFoldResult size,
                                  Type floatType) {
  if (std::optional<int64_t> staticSize = getConstantIntValue(size))
    return createFloatConstant(b, loc, floatType,
                               static_cast<double>(*staticSize));
  Value index = getValueOrCreateConstantIndexOp(b, loc, size);
  Value asInt = arith::IndexCastUIOp::create(b, loc, b.getI64Type(), index);
  return arith::UIToFPOp::create(b, loc, floatType, asInt);
}

Value lowering::createSumOfSquares(OpBuilder &b, Location loc, Value x,
                                   Type computeType) {
  auto type = cast<RankedTensorType>(x.getType());
  unsigned rank = type.getRank();
  SmallVector<OpFoldResult> sizes;
  for (unsigned d = 0; d + 1 < rank; ++d)
    sizes.push_back(tensor::getMixedSize(b, loc, x, d));
  Value init =
      createFilledTensor(b, loc, sizes, b.getFloatAttr(computeType, 0.0));
  MLIRContext *context = b.getContext();
  SmallVector<unsigned> leading;
  for (unsigned d = 0; d + 1 < rank; ++d)
    leading.push_back(d);
  SmallVector<AffineMap> maps = {
      AffineMap::getMultiDimIdentityMap(rank, context),
      getDimsMap(context, rank, leading)};
  return createGeneric(
      b, loc, x, init, maps, getIterators(rank - 1, 1),
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        Value value = convertFloat(nb, nl, args[0], computeType);
        Value square = arith::MulFOp::create(nb, nl, value, value);
        return arith::AddFOp::create(nb, nl, args[1], square);
      });
}

Value lowering::createYatValue(OpBuilder &b, Location loc, Value dot,
                               Value lhsNorm, Value rhsNorm, Value bias,
                               double epsilon, double alpha, Type resultType) {
  Value value =
      createYatScore(b, loc, dot, lhsNorm, rhsNorm, bias, epsilon, alpha);
  return convertFloat(b, loc, value, resultType);
}

Value lowering::castScalar(OpBuilder &b, Location loc, Value value, Type type) {
  Type from = value.getType();
  if (from == type)
    return value;
  if (isa<FloatType>(from) && isa<FloatType>(type))
    return convertFloat(b, loc, value, type);
  if (isa<IntegerType>(from) && isa<FloatType>(type))
    return arith::SIToFPOp::create(b, loc, type, value);
  if (from.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth())
    return arith::ExtSIOp::create(b, loc, type, value);
  return arith::TruncIOp::create(b, loc, type, value);
}

Value lowering::createContractionWithTransposedRhs(OpBuilder &b, Location loc,
                                                   Value lhs, Value rhs,
                                                   Value init) {
  MLIRContext *context = b.getContext();
  unsigned rank = cast<RankedTensorType>(lhs.getType()).getRank();
  // Loops: the leading dims of lhs, then n, then the reduced k.
  unsigned numLoops = rank + 1;
  unsigned n = rank - 1, k = rank;
  SmallVector<unsigned> lhsDims, outDims;
  for (unsigned d = 0; d < n; ++d) {
    lhsDims.push_back(d);
    outDims.push_back(d);
  }
  lhsDims.push_back(k);
  outDims.push_back(n);
  SmallVector<AffineMap> maps = {getDimsMap(context, numLoops, lhsDims),
                                 getDimsMap(context, numLoops, {n, k}),
                                 getDimsMap(context, numLoops, outDims)};
  if (rank == 2)
    return linalg::MatmulOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{lhs, rhs},
               ValueRange{init},
               {b.getNamedAttr("indexing_maps", b.getAffineMapArrayAttr(maps))})
        .getResult(0);
  Type accumulatorType =
      cast<RankedTensorType>(init.getType()).getElementType();
  bool isFloat = isa<FloatType>(accumulatorType);
  return createGeneric(
      b, loc, ValueRange{lhs, rhs}, init, maps, getIterators(rank, 1),
      [&](OpBuilder &nb, Location nl, ValueRange args) -> Value {
        Value lhsValue = castScalar(nb, nl, args[0], accumulatorType);
        Value rhsValue = castScalar(nb, nl, args[1], accumulatorType);
        if (isFloat)
          return arith::AddFOp::create(
              nb, nl, args[2],
              arith::MulFOp::create(nb, nl, lhsValue, rhsValue));
        return arith::AddIOp::create(
            nb, nl, args[2], arith::MulIOp::create(nb, nl, lhsValue, rhsValue));
      });
}

Value lowering::castToType(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(b, loc, type, value);
}

FailureOr<SmallVector<OpFoldResult>>
lowering::reifyResultSizes(OpBuilder &b, Operation *op, unsigned resultIndex) {
  ReifiedRankedShapedTypeDims reified;
  if (failed(reifyResultShapes(b, op, reified)) ||
      reified.size() <= resultIndex)
    return failure();
  return reified[resultIndex];
}
