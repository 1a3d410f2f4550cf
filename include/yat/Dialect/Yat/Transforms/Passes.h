//===- Passes.h - yat dialect transformations -------------------*- C++ -*-===//

#ifndef YAT_DIALECT_YAT_TRANSFORMS_PASSES_H
#define YAT_DIALECT_YAT_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Pass/Pass.h"

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Dialect/Yat/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Dialect/Yat/Transforms/Passes.h.inc"

} // namespace mlir::yat

#endif // YAT_DIALECT_YAT_TRANSFORMS_PASSES_H
