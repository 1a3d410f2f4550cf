//===- Yat.h - the yat dialect and its ops ----------------------*- C++ -*-===//

#ifndef YAT_DIALECT_YAT_IR_YAT_H
#define YAT_DIALECT_YAT_IR_YAT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/TilingInterface.h"

#include "yat/Dialect/Yat/IR/YatDialect.h.inc"
#include "yat/Dialect/Yat/IR/YatEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "yat/Dialect/Yat/IR/YatAttrs.h.inc"

#define GET_OP_CLASSES
#include "yat/Dialect/Yat/IR/YatOps.h.inc"

#endif // YAT_DIALECT_YAT_IR_YAT_H
