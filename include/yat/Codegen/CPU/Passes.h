//===- Passes.h - CPU code generation ---------------------------*- C++ -*-===//
//
// The target-specific half of yat's code generator for host CPUs: choosing
// tile sizes, tiling and fusing on tensors, and (after bufferization) the
// register-tiled kernels.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_CODEGEN_CPU_PASSES_H
#define YAT_CODEGEN_CPU_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Pass/Pass.h"
#include "yat/Dialect/Yat/IR/Yat.h"

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Codegen/CPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Codegen/CPU/Passes.h.inc"

} // namespace mlir::yat

#endif // YAT_CODEGEN_CPU_PASSES_H
