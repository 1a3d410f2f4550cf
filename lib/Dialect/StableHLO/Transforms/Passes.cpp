//===- Passes.cpp - the StableHLO preprocessing pipeline ------------------===//

#include "yat/Dialect/StableHLO/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

void mlir::yat::addStablehloPreprocessingPasses(OpPassManager &pm,
                                                bool flattenTuples) {
  pm.addPass(createStablehloExpandChlo());
  pm.addPass(createStablehloLegalizeCompositeToCall());
  pm.addPass(createStablehloInlinePrivateCalls());
  if (flattenTuples)
    pm.addPass(createStablehloFlattenTuples());
}

void mlir::yat::registerStablehloTransformsPasses() {
  registerYatStablehloTransformsPasses();
  PassPipelineRegistration<>(
      "stablehlo-preprocess",
      "Bring a JAX export into the form that raising and lowering expect: "
      "stablehlo-expand-chlo, stablehlo-legalize-composite-to-call, "
      "stablehlo-inline-private-calls, stablehlo-flatten-tuples",
      [](OpPassManager &pm) {
        addStablehloPreprocessingPasses(pm, /*flattenTuples=*/true);
      });
}
