//===- Stablehlo.h - yat's StableHLO front-end dialect ----------*- C++ -*-===//

#ifndef YAT_DIALECT_STABLEHLO_IR_STABLEHLO_H
#define YAT_DIALECT_STABLEHLO_IR_STABLEHLO_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "yat/Dialect/StableHLO/IR/StablehloDialect.h.inc"
#include "yat/Dialect/StableHLO/IR/StablehloEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "yat/Dialect/StableHLO/IR/StablehloAttrs.h.inc"

#define GET_OP_CLASSES
#include "yat/Dialect/StableHLO/IR/StablehloOps.h.inc"

namespace mlir::yat::stablehlo {

/// True for the `check.*` custom_call targets that yat runs
/// (yat/Support/CheckABI.h).
bool isSupportedCheckTarget(StringRef target);

/// The bits one element of `type` takes (both parts of a complex number).
unsigned getElementBitWidth(Type type);

} // namespace mlir::yat::stablehlo

#endif // YAT_DIALECT_STABLEHLO_IR_STABLEHLO_H
