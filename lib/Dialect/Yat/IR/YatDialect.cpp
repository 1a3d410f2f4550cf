//===- YatDialect.cpp - the yat dialect -----------------------------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::yat;

#include "yat/Dialect/Yat/IR/YatDialect.cpp.inc"
#include "yat/Dialect/Yat/IR/YatEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "yat/Dialect/Yat/IR/YatAttrs.cpp.inc"

void YatDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "yat/Dialect/Yat/IR/YatAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "yat/Dialect/Yat/IR/YatOps.cpp.inc"
      >();
}

Operation *YatDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  if (auto typed = dyn_cast<TypedAttr>(value))
    if (arith::ConstantOp::isBuildableWith(typed, type))
      return arith::ConstantOp::create(builder, loc, type, typed);
  return nullptr;
}

LogicalResult
LoweringConfigAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                           ArrayRef<int64_t> tileSizes,
                           ArrayRef<int64_t> innerTileSizes) {
  for (int64_t size : llvm::concat<const int64_t>(tileSizes, innerTileSizes))
    if (size < 0)
      return emitError() << "tile sizes must be non-negative, got " << size;
  if (!innerTileSizes.empty() && innerTileSizes.size() != tileSizes.size())
    return emitError() << "has " << tileSizes.size() << " tile sizes but "
                       << innerTileSizes.size() << " inner tile sizes";
  return success();
}

LogicalResult YatDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attribute) {
  // The StableHLO lowering marks checks of reassociated sums with a unit
  // `yat.reassociated`.
  if (attribute.getName() == "yat.reassociated") {
    if (!isa<UnitAttr>(attribute.getValue()))
      return op->emitError() << "'yat.reassociated' must be a unit attribute";
    return success();
  }
  if (attribute.getName() != LoweringConfigAttr::getAttributeName())
    return op->emitError() << "unknown yat attribute '"
                           << attribute.getName().getValue() << "'";
  auto config = dyn_cast<LoweringConfigAttr>(attribute.getValue());
  if (!config)
    return op->emitError() << "'" << attribute.getName().getValue()
                           << "' must be a #yat.lowering_config, got "
                           << attribute.getValue();
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp)
    return op->emitError() << "'" << attribute.getName().getValue()
                           << "' is only valid on linalg ops";
  int64_t numLoops = linalgOp.getNumLoops();
  int64_t numSizes = config.getTileSizes().size();
  if (numSizes != numLoops)
    return op->emitError() << "has " << numSizes
                           << " lowering_config tile sizes for " << numLoops
                           << " loops";
  SmallVector<utils::IteratorType> iterators = linalgOp.getIteratorTypesArray();
  for (ArrayRef<int64_t> sizes :
       {config.getTileSizes(), config.getInnerTileSizes()})
    for (auto [size, iterator] : llvm::zip(sizes, iterators))
      if (size != 0 && iterator != utils::IteratorType::parallel)
        return op->emitError()
               << "lowering_config tiles a reduction loop (tile size " << size
               << "); only parallel loops are tiled";
  return success();
}
