//===- StablehloToYat.cpp - the yat-raise-stablehlo pass ------------------===//

#include "yat/Conversion/StablehloToYat/StablehloToYat.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "yat/Conversion/StablehloToYat/Passes.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/StableHLO/Transforms/Passes.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "llvm/ADT/StringSet.h"

#define DEBUG_TYPE "yat-raise-stablehlo"

namespace mlir::yat {
#define GEN_PASS_DEF_RAISESTABLEHLOTOYAT
#include "yat/Conversion/StablehloToYat/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

void mlir::yat::populateRaiseStablehloToYatPatterns(
    RewritePatternSet &patterns) {
  raising::populateRaiseProductPatterns(patterns);
  raising::populateRaiseConvPatterns(patterns);
  raising::populateRaiseAttentionPatterns(patterns);
  raising::populateRaiseRmsNormPatterns(patterns);
  raising::populateRaiseRecurrencePatterns(patterns);
  raising::populateRaiseTernaryPatterns(patterns);
}

/// Whether `module` holds an op of the stablehlo or chlo dialect.
static bool hasStablehloOps(ModuleOp module) {
  MLIRContext *context = module.getContext();
  Dialect *stablehlo = context->getLoadedDialect<stablehlo::StablehloDialect>();
  Dialect *chlo = context->getLoadedDialect<chlo::ChloDialect>();
  if (!stablehlo && !chlo)
    return false;
  return module
      .walk([&](Operation *op) {
        Dialect *dialect = op->getDialect();
        return dialect && (dialect == stablehlo || dialect == chlo)
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

namespace {

/// Turns the reasons patterns give for rejecting a candidate into remarks,
/// once per location and reason.
struct RemarkListener : RewriterBase::Listener {
  void
  notifyMatchFailure(Location loc,
                     function_ref<void(Diagnostic &)> reasonCallback) override {
    Diagnostic reason(loc, DiagnosticSeverity::Remark);
    reasonCallback(reason);
    std::string key;
    llvm::raw_string_ostream os(key);
    os << loc << ": " << reason.str();
    if (!reported.insert(key).second)
      return;
    emitRemark(loc) << "not raised: " << reason.str();
  }
  llvm::StringSet<> reported;
};

struct RaiseStablehloToYatPass
    : mlir::yat::impl::RaiseStablehloToYatBase<RaiseStablehloToYatPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    if (!hasStablehloOps(module))
      return;
    // Patterns match `multiply x, x`, not JAX's `chlo.square x`, and must
    // see through composites and the private helpers (jnp.where and
    // friends) that JAX emits.
    OpPassManager preprocess(ModuleOp::getOperationName());
    addStablehloPreprocessingPasses(preprocess, /*flattenTuples=*/false);
    if (failed(runPipeline(preprocess, module)))
      return signalPassFailure();

    RewritePatternSet patterns(context);
    populateRaiseStablehloToYatPatterns(patterns);
    // Leave everything the patterns do not rewrite where it is: no folding,
    // no constant hoisting, no region simplification.
    GreedyRewriteConfig config;
    config.enableFolding(false)
        .enableConstantCSE(false)
        .setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    RemarkListener listener;
    if (emitRemarks)
      config.setListener(&listener);
    // Raising is an optimization: a worklist that does not converge within
    // the iteration limit still leaves valid IR.
    (void)applyPatternsGreedily(module, std::move(patterns), config);
  }
};

} // namespace
