//===- YatDialect.cpp - the yat dialect -----------------------------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
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
