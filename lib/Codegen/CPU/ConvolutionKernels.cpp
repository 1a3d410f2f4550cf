//===- ConvolutionKernels.cpp - channels-last convolutions ----------------===//
//
// Named channels-last convolutions on buffers as loops over the batch and
// the outer output positions around the outer-product kernel (kept for the
// matmul's reasons: MatmulKernels.cpp has the measurement).
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

/// Rewrites `linalg.conv_{1d_nwc_wcf,2d_nhwc_hwcf,3d_ndhwc_dhwcf}` with an
/// f32 output into loops over the batch and outer output positions around
/// the outer-product kernel, whose rows are the positions along the
/// innermost spatial dim and whose columns are the output channels.
LogicalResult rewriteChannelsLastConvolution(RewriterBase &rewriter,
                                             linalg::LinalgOp op,
                                             ArrayRef<int64_t> strides,
                                             ArrayRef<int64_t> dilations,
                                             const KernelShape &shape) {
  if (!op.hasPureBufferSemantics())
    return failure();
  Value input = op.getDpsInputOperand(0)->get();
  Value filter = op.getDpsInputOperand(1)->get();
  Value output = op.getDpsInitOperand(0)->get();
  if (!isFloatBuffer(input) || !isFloatBuffer(filter) || !isF32Buffer(output))
    return failure();
  if (!hasUnitInnerStride(cast<MemRefType>(filter.getType())) ||
      !hasUnitInnerStride(cast<MemRefType>(output.getType())))
    return failure();
  int64_t numSpatial = strides.size();
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);

  // Loops over the batch and all spatial output dims but the innermost.
  SmallVector<Value> lbs, ubs, steps;
  for (int64_t d = 0; d < numSpatial; ++d) {
    lbs.push_back(indexConstant(rewriter, loc, 0));
    ubs.push_back(rewriter.createOrFold<memref::DimOp>(loc, output, d));
    steps.push_back(indexConstant(rewriter, loc, 1));
  }
  Value positions =
      rewriter.createOrFold<memref::DimOp>(loc, output, numSpatial);
  Value channels =
      rewriter.createOrFold<memref::DimOp>(loc, output, numSpatial + 1);
  SmallVector<Value> extents;
  for (int64_t d = 0; d <= numSpatial; ++d)
    extents.push_back(rewriter.createOrFold<memref::DimOp>(loc, filter, d));
  int64_t width = shape.vectorWidth;
  SmallVector<int64_t> strideList(strides), dilationList(dilations);

  scf::buildLoopNest(
      rewriter, loc, lbs, ubs, steps,
      [&](OpBuilder &b, Location l, ValueRange outer) {
        SmallVector<Value> outerIvs(outer.begin(), outer.end());
        OuterProduct problem;
        problem.output = output;
        problem.rows = positions;
        problem.cols = channels;
        problem.reductionExtents = extents;
        // input[n, o_i·s_i + k_i·d_i ..., c], the last o being the row.
        problem.loadLhs = [=](OpBuilder &nb, Location nl, Value row,
                              ValueRange r) -> Value {
          SmallVector<Value> indices = {outerIvs[0]};
          for (int64_t d = 0; d < numSpatial; ++d) {
            Value position = d + 1 < numSpatial ? outerIvs[d + 1] : row;
            AffineExpr o = nb.getAffineDimExpr(0), k = nb.getAffineDimExpr(1);
            indices.push_back(affine::makeComposedAffineApply(
                nb, nl, o * strideList[d] + k * dilationList[d],
                {position, r[d]}));
          }
          indices.push_back(r[numSpatial]);
          return memref::LoadOp::create(nb, nl, input, indices);
        };
        problem.loadRhs = [=](OpBuilder &nb, Location nl, ValueRange r,
                              Value col, Value mask) -> Value {
          SmallVector<Value> indices(r.begin(), r.end());
          indices.push_back(col);
          return loadVector(nb, nl, filter, indices, width, mask);
        };
        problem.outputIndices = [=](OpBuilder &, Location, Value row,
                                    Value col) -> SmallVector<Value> {
          SmallVector<Value> indices(outerIvs);
          indices.push_back(row);
          indices.push_back(col);
          return indices;
        };
        emitOuterProduct(b, l, problem, shape);
      });
  rewriter.eraseOp(op);
  return success();
}

template <typename ConvOpTy>
LogicalResult rewriteNamedConvolution(RewriterBase &rewriter, ConvOpTy op,
                                      const KernelShape &shape) {
  SmallVector<int64_t> strides =
      llvm::to_vector(op.getStrides().template getValues<int64_t>());
  SmallVector<int64_t> dilations =
      llvm::to_vector(op.getDilations().template getValues<int64_t>());
  return rewriteChannelsLastConvolution(rewriter, cast<linalg::LinalgOp>(*op),
                                        strides, dilations, shape);
}

} // namespace

LogicalResult cpu::rewriteConvolution(RewriterBase &rewriter, Operation *op,
                                      const KernelShape &shape) {
  if (auto conv = dyn_cast<linalg::Conv1DNwcWcfOp>(op))
    return rewriteNamedConvolution(rewriter, conv, shape);
  if (auto conv = dyn_cast<linalg::Conv2DNhwcHwcfOp>(op))
    return rewriteNamedConvolution(rewriter, conv, shape);
  if (auto conv = dyn_cast<linalg::Conv3DNdhwcDhwcfOp>(op))
    return rewriteNamedConvolution(rewriter, conv, shape);
  return failure();
}
