//===- YatToLinalg.cpp - the convert-yat-to-linalg pass -------------------===//

#include "yat/Conversion/YatToLinalg/YatToLinalg.h"
#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Conversion/Passes.h"
#include "yat/Dialect/Yat/IR/Yat.h"

#define DEBUG_TYPE "convert-yat-to-linalg"

namespace mlir::yat {
#define GEN_PASS_DEF_CONVERTYATTOLINALG
#include "yat/Conversion/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

void mlir::yat::populateYatToLinalgConversionPatterns(
    RewritePatternSet &patterns) {
  lowering::populateProductToLinalgPatterns(patterns);
  lowering::populateConvToLinalgPatterns(patterns);
  lowering::populateAttentionToLinalgPatterns(patterns);
  lowering::populateRmsNormToLinalgPatterns(patterns);
  lowering::populateTernaryToLinalgPatterns(patterns);
  lowering::populateRecurrenceToLinalgPatterns(patterns);
  lowering::populateNormsToLinalgPatterns(patterns);
}

namespace {

struct ConvertYatToLinalgPass
    : mlir::yat::impl::ConvertYatToLinalgBase<ConvertYatToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    // Every yat op must go; everything else (func, the upstream dialects the
    // patterns produce, ops of other dialects around yat) stays as it is.
    target.addIllegalDialect<YatDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });

    RewritePatternSet patterns(context);
    populateYatToLinalgConversionPatterns(patterns);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
