//===- Chlo.h - the CHLO ops that JAX prints --------------------*- C++ -*-===//

#ifndef YAT_DIALECT_STABLEHLO_IR_CHLO_H
#define YAT_DIALECT_STABLEHLO_IR_CHLO_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "yat/Dialect/StableHLO/IR/ChloDialect.h.inc"

#define GET_OP_CLASSES
#include "yat/Dialect/StableHLO/IR/ChloOps.h.inc"

namespace mlir::yat::chlo {

/// Replaces chlo.square and chlo.top_k nested under `root` by the stablehlo
/// ops they stand for (`chlo.square x` becomes `stablehlo.multiply x, x`;
/// top_k a stablehlo.sort and slices). The special functions stay: the
/// lowering computes them element by element.
void expandChloOps(Operation *root);

} // namespace mlir::yat::chlo

#endif // YAT_DIALECT_STABLEHLO_IR_CHLO_H
