//===- LegalizeCompositeToCall.cpp - composites become calls --------------===//

#include "yat/Dialect/StableHLO/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "stablehlo-legalize-composite-to-call"

namespace mlir::yat {
#define GEN_PASS_DEF_STABLEHLOLEGALIZECOMPOSITETOCALL
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
namespace shlo = mlir::yat::stablehlo;

namespace {

struct StablehloLegalizeCompositeToCallPass
    : public mlir::yat::impl::StablehloLegalizeCompositeToCallBase<
          StablehloLegalizeCompositeToCallPass> {
  void runOnOperation() override {
    SmallVector<shlo::CompositeOp> composites;
    getOperation().walk(
        [&](shlo::CompositeOp op) { composites.push_back(op); });
    for (shlo::CompositeOp composite : composites) {
      OpBuilder builder(composite);
      auto call = func::CallOp::create(
          builder, composite.getLoc(), composite.getDecompositionAttr(),
          composite.getResultTypes(), composite.getOperands());
      composite.replaceAllUsesWith(call.getResults());
      composite.erase();
    }
  }
};

} // namespace
