//===- ElementwiseKernels.cpp - vector loops for elementwise ops ----------===//
//
// Elementwise linalg.generic ops (with any number of outputs) and
// reductions along the innermost dim on buffers as loops over vectors of
// the host's width.
//
// Why hand-written: upstream's vectorization of the same row tiles (a
// 16-wide partial reduction from tile_reduction_using_for, 16-element
// elementwise tiles, linalg::vectorize and the multi-reduction lowering;
// bench/upstream_rows.mlir) is slower. `python3 bench/run.py --only
// codegen`, softmax 256x4096 f32, 2 threads, AMD EPYC (2026-12-01): these
// loops 0.28-0.33 ms, upstream 0.53-0.57 ms (best medians of three
// interleaved rounds, two runs).
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::cpu;

namespace {

/// The reduction a generic's body performs into its output, when it has one.
struct ReductionInfo {
  Operation *combiner = nullptr;
  Attribute neutral;
};

/// Recognizes `yield combine(out, v)` (or `combine(v, out)`) with `combine`
/// one of addf, mulf, maximumf, minimumf, maxnumf, minnumf, the output used
/// nowhere else.
std::optional<ReductionInfo> matchReduction(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  if (yield.getNumOperands() != 1)
    return std::nullopt;
  BlockArgument out = body.getArgument(op.getNumDpsInputs());
  Operation *combiner = yield.getOperand(0).getDefiningOp();
  if (!combiner || combiner->getNumOperands() != 2 ||
      combiner->getBlock() != &body || !out.hasOneUse() ||
      !llvm::is_contained(combiner->getOperands(), Value(out)))
    return std::nullopt;
  Type type = out.getType();
  if (!isFloat(type))
    return std::nullopt;
  auto floatType = cast<FloatType>(type);
  const llvm::fltSemantics &semantics = floatType.getFloatSemantics();
  ReductionInfo info;
  info.combiner = combiner;
  if (isa<arith::AddFOp>(combiner))
    info.neutral = FloatAttr::get(type, 0.0);
  else if (isa<arith::MulFOp>(combiner))
    info.neutral = FloatAttr::get(type, 1.0);
  else if (isa<arith::MaximumFOp, arith::MaxNumFOp>(combiner))
    info.neutral = FloatAttr::get(type, llvm::APFloat::getInf(semantics, true));
  else if (isa<arith::MinimumFOp, arith::MinNumFOp>(combiner))
    info.neutral =
        FloatAttr::get(type, llvm::APFloat::getInf(semantics, false));
  else
    return std::nullopt;
  return info;
}

/// True when `op` can be cloned with vector operands and results.
bool isVectorizableBodyOp(Operation &op) {
  if (isa<linalg::IndexOp, linalg::YieldOp>(op))
    return true;
  if (auto constant = dyn_cast<arith::ConstantOp>(op))
    return constant.getType().isIntOrIndexOrFloat();
  if (op.getNumRegions() != 0 || op.getNumResults() != 1 ||
      !op.hasTrait<OpTrait::Elementwise>())
    return false;
  if (!isa<arith::ArithDialect, math::MathDialect>(op.getDialect()))
    return false;
  // Integer division traps on a zero divisor, which masked-off lanes may
  // hold.
  if (isa<arith::DivSIOp, arith::DivUIOp, arith::RemSIOp, arith::RemUIOp,
          arith::CeilDivSIOp, arith::CeilDivUIOp, arith::FloorDivSIOp>(op))
    return false;
  return llvm::all_of(op.getOperandTypes(),
                      [](Type t) { return t.isIntOrIndexOrFloat(); }) &&
         op.getResult(0).getType().isIntOrIndexOrFloat();
}

/// How one operand of a vectorized generic is read: at `map` of the loop
/// indices, whose results are any affine functions of the outer loops but
/// for the innermost loop, which may only be the last one, as is.
struct OperandAccess {
  bool vector = false; // along the innermost loop, else broadcast
  AffineMap map;
};

class GenericVectorizer {
public:
  GenericVectorizer(linalg::GenericOp op, int64_t width)
      : op(op), width(width) {}

  /// Checks that the op is supported and records how to access operands.
  LogicalResult analyze() {
    if (!op.hasPureBufferSemantics() || op.getNumDpsInits() == 0)
      return failure();
    unsigned numLoops = op.getNumLoops();
    if (numLoops == 0)
      return failure();
    innermost = numLoops - 1;
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    reduction = iterators[innermost] == utils::IteratorType::reduction;
    // With a parallel innermost dim the lanes are independent iterations and
    // the outer loops (reductions included) run in order, each step reading
    // and writing its output vector. A reduced innermost dim needs parallel
    // outer dims: each row is reduced in registers.
    if (reduction)
      for (unsigned d = 0; d < innermost; ++d)
        if (iterators[d] != utils::IteratorType::parallel)
          return failure();
    if (reduction) {
      reductionInfo = op.getNumDpsInits() == 1 ? matchReduction(op)
                                               : std::optional<ReductionInfo>();
      if (!reductionInfo)
        return failure();
    }
    for (OpOperand &operand : op->getOpOperands()) {
      // Buffers and scalar inputs (a fill's value, broadcast). i1 takes a
      // byte per element in memory but a bit per lane in a vector<Nxi1>
      // load or store, and vectors cannot hold complex numbers: both are
      // left to scalar loops.
      Type type = operand.get().getType();
      Type elementType = getElementTypeOrSelf(type);
      bool scalarInput = !isa<ShapedType>(type) && op.isDpsInput(&operand);
      if ((!isa<MemRefType>(type) && !scalarInput) ||
          elementType.isInteger(1) ||
          !VectorType::isValidElementType(elementType))
        return failure();
      OperandAccess access;
      access.map = op.getMatchingIndexingMap(&operand);
      ArrayRef<AffineExpr> results = access.map.getResults();
      AffineExpr innermostExpr = getAffineDimExpr(innermost, op.getContext());
      for (auto [position, expr] : llvm::enumerate(results)) {
        bool last = position + 1 == results.size();
        if (expr.isFunctionOfDim(innermost) && (!last || expr != innermostExpr))
          return failure();
      }
      if (!results.empty() && results.back() == innermostExpr) {
        auto type = dyn_cast<MemRefType>(operand.get().getType());
        if (!type || !hasUnitInnerStride(type))
          return failure();
        access.vector = true;
      }
      accesses.push_back(access);
    }
    // Reductions write a scalar per row; elementwise ops (any number of
    // outputs) a vector per step into each output.
    for (OpOperand &init : op.getDpsInitsMutable())
      if (reduction == accesses[init.getOperandNumber()].vector)
        return failure();
    for (Operation &bodyOp : op.getRegion().front())
      if (!isVectorizableBodyOp(bodyOp))
        return failure();
    return success();
  }

  void rewrite(RewriterBase &rewriter) {
    Location loc = op.getLoc();
    rewriter.setInsertionPoint(op);
    SmallVector<Range, 4> ranges = cast<linalg::LinalgOp>(op.getOperation())
                                       .createLoopRanges(rewriter, loc);
    SmallVector<Value> lbs, ubs, steps;
    for (unsigned d = 0; d < innermost; ++d) {
      lbs.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, ranges[d].offset));
      ubs.push_back(
          getValueOrCreateConstantIndexOp(rewriter, loc, ranges[d].size));
      steps.push_back(indexConstant(rewriter, loc, 1));
    }
    Value extent =
        getValueOrCreateConstantIndexOp(rewriter, loc, ranges[innermost].size);
    scf::buildLoopNest(rewriter, loc, lbs, ubs, steps,
                       [&](OpBuilder &b, Location l, ValueRange outer) {
                         emitRow(b, l, outer, extent);
                       });
    rewriter.eraseOp(op);
  }

private:
  /// The innermost loop for fixed outer loop indices.
  void emitRow(OpBuilder &b, Location loc, ValueRange outer, Value extent) {
    Value zero = indexConstant(b, loc, 0);
    Value full = roundDown(b, loc, extent, width);
    std::optional<int64_t> staticExtent = getConstantIntValue(extent);
    bool needsTail = !staticExtent || *staticExtent % width != 0;
    if (!reduction) {
      buildFor(b, loc, zero, full, width,
               [&](OpBuilder &nb, Location nl, Value iv) {
                 emitElementwiseStep(nb, nl, outer, iv, Value());
               });
      if (needsTail) {
        Value remaining = arith::SubIOp::create(b, loc, extent, full);
        emitElementwiseStep(b, loc, outer, full,
                            createMask(b, loc, remaining, width));
      }
      return;
    }
    Type accType = cast<TypedAttr>(reductionInfo->neutral).getType();
    VectorType vectorType = vectorOf(accType, width);
    Value neutral = splat(b, loc, vectorType, reductionInfo->neutral);
    auto loop = scf::ForOp::create(
        b, loc, zero, full, indexConstant(b, loc, width), ValueRange{neutral},
        [&](OpBuilder &nb, Location nl, Value iv, ValueRange carried) {
          Value value = emitBody(nb, nl, outer, iv, Value()).front();
          scf::YieldOp::create(nb, nl, combine(nb, nl, carried[0], value));
        });
    Value acc = loop.getResult(0);
    if (needsTail) {
      Value remaining = arith::SubIOp::create(b, loc, extent, full);
      Value mask = createMask(b, loc, remaining, width);
      Value value = emitBody(b, loc, outer, full, mask).front();
      value = arith::SelectOp::create(b, loc, mask, value, neutral);
      acc = combine(b, loc, acc, value);
    }
    Value reduced = reduceLanes(
        b, loc, acc, [&](OpBuilder &nb, Location nl, Value lhs, Value rhs) {
          return combine(nb, nl, lhs, rhs);
        });
    OpOperand *init = op.getDpsInitOperand(0);
    SmallVector<Value> indices =
        operandIndices(b, loc, accesses[init->getOperandNumber()], outer, zero);
    Value old = memref::LoadOp::create(b, loc, init->get(), indices);
    memref::StoreOp::create(b, loc, combine(b, loc, old, reduced), init->get(),
                            indices);
  }

  /// Clones the reduction's combiner on `lhs` and `rhs`.
  Value combine(OpBuilder &b, Location loc, Value lhs, Value rhs) {
    Operation *clone = b.clone(*reductionInfo->combiner);
    clone->setOperands({lhs, rhs});
    clone->getResult(0).setType(lhs.getType());
    return clone->getResult(0);
  }

  /// The indices `access` reads at outer loop indices `outer` and innermost
  /// index `inner`.
  SmallVector<Value> operandIndices(OpBuilder &b, Location loc,
                                    const OperandAccess &access,
                                    ValueRange outer, Value inner) {
    SmallVector<Value> loopIndices(outer);
    loopIndices.push_back(inner);
    SmallVector<Value> indices;
    for (AffineExpr expr : access.map.getResults()) {
      if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
        indices.push_back(loopIndices[dim.getPosition()]);
        continue;
      }
      indices.push_back(affine::makeComposedAffineApply(
          b, loc, AffineMap::get(access.map.getNumDims(), 0, expr),
          getAsOpFoldResult(loopIndices)));
    }
    return indices;
  }

  /// Computes the body for lanes `iv .. iv + width` and returns, as
  /// vectors, the yielded values (for a reduction, the value fed to the
  /// combiner).
  SmallVector<Value> emitBody(OpBuilder &b, Location loc, ValueRange outer,
                              Value iv, Value mask) {
    Block &body = op.getRegion().front();
    IRMapping mapping;
    for (auto [index, operand] : llvm::enumerate(op->getOpOperands())) {
      BlockArgument arg = body.getArgument(index);
      if (arg.use_empty())
        continue;
      if (!isa<ShapedType>(operand.get().getType())) {
        mapping.map(arg, operand.get());
        continue;
      }
      const OperandAccess &access = accesses[index];
      SmallVector<Value> indices = operandIndices(b, loc, access, outer, iv);
      if (access.vector)
        mapping.map(arg,
                    loadVector(b, loc, operand.get(), indices, width, mask));
      else
        mapping.map(arg,
                    memref::LoadOp::create(b, loc, operand.get(), indices));
    }
    for (Operation &bodyOp : body.without_terminator()) {
      if (auto index = dyn_cast<linalg::IndexOp>(bodyOp)) {
        unsigned dim = index.getDim();
        if (dim != innermost) {
          mapping.map(index.getResult(), outer[dim]);
          continue;
        }
        VectorType type = vectorOf(b.getIndexType(), width);
        Value lanes = vector::StepOp::create(b, loc, type);
        Value base = vector::BroadcastOp::create(b, loc, type, iv);
        mapping.map(index.getResult(),
                    arith::AddIOp::create(b, loc, base, lanes));
        continue;
      }
      bool anyVector = llvm::any_of(bodyOp.getOperands(), [&](Value v) {
        return isa<VectorType>(mapping.lookupOrDefault(v).getType());
      });
      if (!anyVector) {
        b.clone(bodyOp, mapping);
        continue;
      }
      SmallVector<Value> operands;
      for (Value operand : bodyOp.getOperands()) {
        Value mapped = mapping.lookupOrDefault(operand);
        if (!isa<VectorType>(mapped.getType()))
          mapped = vector::BroadcastOp::create(
              b, loc, vectorOf(mapped.getType(), width), mapped);
        operands.push_back(mapped);
      }
      Operation *clone = b.clone(bodyOp);
      clone->setOperands(operands);
      Type resultType = bodyOp.getResult(0).getType();
      clone->getResult(0).setType(vectorOf(resultType, width));
      mapping.map(bodyOp.getResult(0), clone->getResult(0));
    }
    auto asVector = [&](Value scalarOrVector) -> Value {
      Value value = mapping.lookupOrDefault(scalarOrVector);
      if (isa<VectorType>(value.getType()))
        return value;
      return vector::BroadcastOp::create(
          b, loc, vectorOf(value.getType(), width), value);
    };
    if (reduction) {
      Operation *combiner = reductionInfo->combiner;
      BlockArgument out = body.getArgument(op.getNumDpsInputs());
      return {asVector(combiner->getOperand(0) == out
                           ? combiner->getOperand(1)
                           : combiner->getOperand(0))};
    }
    return llvm::map_to_vector(
        cast<linalg::YieldOp>(body.getTerminator()).getOperands(), asVector);
  }

  void emitElementwiseStep(OpBuilder &b, Location loc, ValueRange outer,
                           Value iv, Value mask) {
    SmallVector<Value> values = emitBody(b, loc, outer, iv, mask);
    for (auto [value, init] : llvm::zip_equal(values, op.getDpsInitsMutable()))
      storeVector(
          b, loc, value, init.get(),
          operandIndices(b, loc, accesses[init.getOperandNumber()], outer, iv),
          mask);
  }

  linalg::GenericOp op;
  int64_t width;
  unsigned innermost = 0;
  bool reduction = false;
  std::optional<ReductionInfo> reductionInfo;
  SmallVector<OperandAccess> accesses;
};

} // namespace

LogicalResult cpu::rewriteElementwise(RewriterBase &rewriter,
                                      linalg::GenericOp op, int64_t width) {
  GenericVectorizer vectorizer(op, width);
  if (failed(vectorizer.analyze()))
    return failure();
  vectorizer.rewrite(rewriter);
  return success();
}
