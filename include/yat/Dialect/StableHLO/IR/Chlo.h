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

#endif // YAT_DIALECT_STABLEHLO_IR_CHLO_H
