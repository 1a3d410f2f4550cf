//===- InitAll.cpp - register everything yat provides ---------------------===//

#include "yat/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "yat/Codegen/CPU/Passes.h"
#include "yat/Codegen/GPU/Passes.h"
#include "yat/Conversion/Passes.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "yat/Frontend/Frontend.h"
#include "yat/Pipelines/Pipelines.h"

void mlir::yat::registerAllYatDialects(DialectRegistry &registry) {
  registry.insert<YatDialect>();
  for (const Frontend &frontend : getFrontends())
    frontend.registerDialects(registry);
}

void mlir::yat::registerUpstreamDialects(DialectRegistry &registry) {
  // Upstream registers each dialect together with the external interface
  // models (bufferization, tiling, value bounds, conversion to LLVM) that
  // yat's pipelines rely on; picking dialects one by one would silently drop
  // some of those models. Registration is lazy, so this costs nothing until
  // a dialect is loaded.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  // yat-gpu-pipeline translates its GPU modules to LLVM IR for ptxas.
  mlir::registerAllToLLVMIRTranslations(registry);
}

void mlir::yat::registerAllYatPasses() {
  registerYatPasses();
  registerYatConversionPasses();
  registerYatCpuCodegenPasses();
  registerYatGpuCodegenPasses();
  for (const Frontend &frontend : getFrontends())
    frontend.registerPasses();
  registerYatPipelines();
}

void mlir::yat::registerUpstreamPasses() { mlir::registerAllPasses(); }
