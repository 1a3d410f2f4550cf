//===- MatchBuilders.cpp - building the values that raised ops take -------===//

#include "MatchUtils.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"

#include <cmath>
#include <numeric>
#include <string>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

//===----------------------------------------------------------------------===//
// Building
//===----------------------------------------------------------------------===//

bool mlir::yat::raising::canBuildVector(const BroadcastView &view, int64_t n) {
  auto type = getStaticTensorType(view.source);
  if (!type)
    return false;
  return type.getNumElements() == n || type.getNumElements() == 1;
}

Value mlir::yat::raising::buildVector(OpBuilder &builder, Location loc,
                                      const BroadcastView &view, int64_t n,
                                      Type elementType) {
  auto type = getStaticTensorType(view.source);
  if (!type || !canBuildVector(view, n))
    return {};
  Value vector = view.source;
  auto vectorType = RankedTensorType::get({n}, type.getElementType());
  if (type != vectorType) {
    if (type.getNumElements() == n) {
      vector = shlo::ReshapeOp::create(builder, loc, vectorType, vector);
    } else {
      auto scalarType = RankedTensorType::get({}, type.getElementType());
      Value scalar = shlo::ReshapeOp::create(builder, loc, scalarType, vector);
      vector = shlo::BroadcastInDimOp::create(builder, loc, vectorType, scalar,
                                              ArrayRef<int64_t>{});
    }
  }
  if (type.getElementType() != elementType)
    vector = shlo::ConvertOp::create(
        builder, loc, RankedTensorType::get({n}, elementType), vector);
  return vector;
}

Value mlir::yat::raising::buildSplatVector(OpBuilder &builder, Location loc,
                                           double value, int64_t n,
                                           Type elementType) {
  auto type = RankedTensorType::get({n}, elementType);
  auto floatType = cast<FloatType>(elementType);
  APFloat element(value);
  bool losesInfo = false;
  element.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
  return shlo::ConstantOp::create(builder, loc,
                                  DenseElementsAttr::get(type, element));
}

Value mlir::yat::raising::buildTranspose(OpBuilder &builder, Location loc,
                                         Value value,
                                         ArrayRef<int64_t> permutation) {
  SmallVector<int64_t> combined(permutation);
  // Fold into a transpose that produced `value`: result dim i is dim
  // permutation[i] of value, which is dim inner[permutation[i]] of its
  // operand.
  if (auto inner = value.getDefiningOp<shlo::TransposeOp>()) {
    ArrayRef<int64_t> innerPermutation = inner.getPermutation();
    for (int64_t &dim : combined)
      dim = innerPermutation[dim];
    value = inner.getOperand();
  }
  bool isIdentity = llvm::all_of(llvm::enumerate(combined), [](auto pair) {
    return static_cast<int64_t>(pair.index()) == pair.value();
  });
  if (isIdentity)
    return value;
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  for (int64_t dim : combined)
    shape.push_back(type.getDimSize(dim));
  return shlo::TransposeOp::create(
      builder, loc, RankedTensorType::get(shape, type.getElementType()), value,
      combined);
}

Value mlir::yat::raising::buildMultiplyByFactors(OpBuilder &builder,
                                                 Location loc, Value value,
                                                 ArrayRef<Value> factors) {
  for (Value factor : factors)
    value = shlo::MulOp::create(builder, loc, value.getType(), factor, value);
  return value;
}
