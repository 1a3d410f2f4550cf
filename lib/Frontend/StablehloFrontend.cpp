//===- StablehloFrontend.cpp - the StableHLO front-end's hook -------------===//
//
// JAX exports: the stablehlo and chlo dialects, their preprocessing passes,
// the raising to yat ops and the lowering of everything else to linalg.
//
//===----------------------------------------------------------------------===//

#include "yat/Frontend/Frontend.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "yat/Conversion/StablehloToLinalg/Passes.h"
#include "yat/Conversion/StablehloToYat/Passes.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/StableHLO/Transforms/Passes.h"

namespace mlir::yat {

/// The StableHLO front-end's hook (see yat/Frontend/Frontend.h).
Frontend getStablehloFrontend() {
  Frontend frontend;
  frontend.name = "StableHLO";
  frontend.registerDialects = [](DialectRegistry &registry) {
    registry.insert<chlo::ChloDialect, stablehlo::StablehloDialect>();
  };
  frontend.registerPasses = [] {
    registerStablehloTransformsPasses();
    registerYatStablehloConversionPasses();
    registerYatStablehloToYatPasses();
  };
  frontend.addRaisingPasses = [](OpPassManager &pm) {
    pm.addPass(createRaiseStablehloToYat());
  };
  frontend.addLoweringPasses = [](OpPassManager &pm) {
    pm.addPass(createConvertStablehloToLinalg());
  };
  return frontend;
}

} // namespace mlir::yat
