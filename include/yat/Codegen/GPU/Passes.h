//===- Passes.h - yat's GPU code generation passes --------------*- C++ -*-===//

#ifndef YAT_CODEGEN_GPU_PASSES_H
#define YAT_CODEGEN_GPU_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Codegen/GPU/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Codegen/GPU/Passes.h.inc"

} // namespace mlir::yat

#endif // YAT_CODEGEN_GPU_PASSES_H
