//===- InitAll.cpp - register everything yat provides ---------------------===//

#include "yat/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "yat/Codegen/CPU/Passes.h"
#include "yat/Conversion/Passes.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "yat/Pipelines/Pipelines.h"
#ifdef YAT_ENABLE_STABLEHLO
#include "yat/Conversion/StablehloToLinalg/Passes.h"
#include "yat/Conversion/StablehloToYat/Passes.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#endif

void mlir::yat::registerAllYatDialects(DialectRegistry &registry) {
  registry.insert<YatDialect>();
#ifdef YAT_ENABLE_STABLEHLO
  registry.insert<chlo::ChloDialect, stablehlo::StablehloDialect>();
#endif
}

void mlir::yat::registerUpstreamDialects(DialectRegistry &registry) {
  // Upstream registers each dialect together with the external interface
  // models (bufferization, tiling, value bounds, conversion to LLVM) that
  // yat's pipelines rely on; picking dialects one by one would silently drop
  // some of those models. Registration is lazy, so this costs nothing until
  // a dialect is loaded.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void mlir::yat::registerAllYatPasses() {
  registerYatPasses();
  registerYatConversionPasses();
  registerYatCpuCodegenPasses();
#ifdef YAT_ENABLE_STABLEHLO
  registerYatStablehloConversionPasses();
  registerYatStablehloToYatPasses();
#endif
  registerYatPipelines();
}

void mlir::yat::registerUpstreamPasses() { mlir::registerAllPasses(); }
