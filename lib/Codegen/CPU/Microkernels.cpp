//===- Microkernels.cpp - register-tiled vector code for tiles ------------===//
//
// yat-cpu-microkernels: after bufferization, rewrites the tile-level linalg
// ops on buffers (contractions, convolutions, epilogues, reductions,
// transposes and copies) into scf loops over vector operations sized for
// the host's vector registers, one kernel family per file of this folder.
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "yat/Codegen/CPU/Passes.h"
#include "llvm/ADT/StringSwitch.h"

#define DEBUG_TYPE "yat-cpu-microkernels"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCPUMICROKERNELS
#include "yat/Codegen/CPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

struct YatCpuMicrokernelsPass
    : public mlir::yat::impl::YatCpuMicrokernelsBase<YatCpuMicrokernelsPass> {
  using YatCpuMicrokernelsBase::YatCpuMicrokernelsBase;

  void runOnOperation() override {
    KernelShape shape;
    shape.vectorWidth = vectorWidth;
    shape.microRows = microRows;
    shape.microVectors = microVectors;
    shape.dotRows = dotRows;
    shape.dotColumns = dotColumns;
    shape.emulateX86Instructions = emulateX86Instructions;
    for (auto [name, value] :
         {std::pair<StringRef, int64_t>{"vector-width", vectorWidth},
          {"micro-rows", microRows},
          {"micro-vectors", microVectors},
          {"dot-rows", dotRows},
          {"dot-cols", dotColumns}}) {
      if (value < 1) {
        getOperation()->emitError() << "yat-cpu-microkernels option '" << name
                                    << "' must be positive, got " << value;
        return signalPassFailure();
      }
    }

    std::optional<Int8DotKind> int8Dot =
        llvm::StringSwitch<std::optional<Int8DotKind>>(int8DotProducts)
            .Case("none", Int8DotKind::None)
            .Case("vnni", Int8DotKind::Vnni)
            .Case("maddubs", Int8DotKind::Maddubs)
            .Default(std::nullopt);
    if (!int8Dot) {
      getOperation()->emitError()
          << "yat-cpu-microkernels option 'int8-dot' must be none, vnni or "
             "maddubs, got '"
          << int8DotProducts << "'";
      return signalPassFailure();
    }

    IRRewriter rewriter(&getContext());
    // Ternary contractions first, while the zero fills of their
    // accumulators are still fills.
    SmallVector<linalg::GenericOp> generics;
    getOperation()->walk(
        [&](linalg::GenericOp generic) { generics.push_back(generic); });
    for (linalg::GenericOp generic : generics)
      (void)rewriteTernaryDot(rewriter, generic, *int8Dot, shape);

    SmallVector<Operation *> candidates;
    getOperation()->walk([&](Operation *op) {
      if (isa<linalg::LinalgOp, memref::CopyOp>(op))
        candidates.push_back(op);
    });
    SmallVector<vector::TransposeOp> transposes;
    for (Operation *op : candidates) {
      if (isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op)) {
        (void)rewriteMatrixProduct(rewriter, cast<linalg::LinalgOp>(op), shape);
        continue;
      }
      if (succeeded(rewriteConvolution(rewriter, op, shape)))
        continue;
      if (auto copy = dyn_cast<memref::CopyOp>(op)) {
        (void)rewriteStridedCopy(rewriter, copy, shape.vectorWidth);
        continue;
      }
      // A linalg.copy on buffers (the weight panels of
      // yat-cpu-tile-and-fuse) is the same copy.
      if (auto copy = dyn_cast<linalg::CopyOp>(op);
          copy && copy.hasPureBufferSemantics()) {
        rewriter.setInsertionPoint(copy);
        auto memrefCopy = rewriter.replaceOpWithNewOp<memref::CopyOp>(
            copy, copy.getInputs()[0], copy.getOutputs()[0]);
        (void)rewriteStridedCopy(rewriter, memrefCopy, shape.vectorWidth);
        continue;
      }
      if (succeeded(rewriteTransposedCopy(rewriter, op, shape.vectorWidth,
                                          transposes)))
        continue;
      // A fill on buffers (of a padded tensor, of a tile's accumulator) is
      // the elementwise generic that stores its value.
      if (auto fill = dyn_cast<linalg::FillOp>(op);
          fill && fill.hasPureBufferSemantics()) {
        rewriter.setInsertionPoint(fill);
        FailureOr<linalg::GenericOp> generic =
            linalg::generalizeNamedOp(rewriter, fill);
        if (succeeded(generic))
          (void)rewriteElementwise(rewriter, *generic, shape.vectorWidth);
        continue;
      }
      if (auto generic = dyn_cast<linalg::GenericOp>(op)) {
        if (succeeded(rewriteBf16PairProduct(rewriter, generic, shape)) ||
            succeeded(rewriteBf16PairPack(rewriter, generic, transposes)))
          continue;
        (void)rewriteElementwise(rewriter, generic, shape.vectorWidth);
      }
    }

    // Register transposes become shuffles (16 x 16 f32 blocks have a
    // dedicated AVX-512-friendly sequence), and vector math (exp, tanh, erf)
    // becomes polynomial approximations instead of one libm call per lane.
    RewritePatternSet lowering(&getContext());
    vector::populateVectorTransposeLoweringPatterns(
        lowering, vector::VectorTransposeLowering::Shuffle16x16);
    // tanh and erf (gelu's two forms) too: left alone, each lane of a vector
    // tanh becomes a libm call, 20 ns an element where XLA's vector
    // approximation takes 0.5 ns (jax.nn.gelu on 256x4096: 21 ms vs 0.57).
    auto isApproximated = [](StringRef name) {
      return name == math::ExpOp::getOperationName() ||
             name == math::TanhOp::getOperationName() ||
             name == math::ErfOp::getOperationName();
    };
    populateMathPolynomialApproximationPatterns(lowering, isApproximated);
    SmallVector<Operation *> targets;
    for (vector::TransposeOp transpose : transposes)
      targets.push_back(transpose);
    getOperation()->walk([&](Operation *op) {
      if (isApproximated(op->getName().getStringRef()) &&
          isa<VectorType>(op->getResult(0).getType()))
        targets.push_back(op);
    });
    if (!targets.empty() &&
        failed(applyOpPatternsGreedily(targets, std::move(lowering))))
      return signalPassFailure();

    // Masks and lane indices become arith ops on constant index vectors now,
    // while arith is still to be lowered, rather than inside the vector to
    // LLVM conversion.
    RewritePatternSet masks(&getContext());
    vector::populateVectorMaskMaterializationPatterns(
        masks, /*force32BitVectorIndices=*/true);
    vector::populateVectorStepLoweringPatterns(masks);
    if (failed(applyPatternsGreedily(getOperation(), std::move(masks))))
      return signalPassFailure();
  }
};

} // namespace
