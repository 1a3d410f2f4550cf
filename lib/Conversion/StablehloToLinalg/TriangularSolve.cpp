//===- TriangularSolve.cpp - stablehlo.triangular_solve to scf loops ------===//
//
// Every form of the op is one substitution `T x = c`, column by column of
// the right-hand side, where T is a or its transpose (conjugated for
// ADJOINT) and c a column of b, or a row when a is on the right:
// `x op(a) = b` is `op(a)^T x^T = b^T`. A lower T is solved forwards, an
// upper one backwards; each unknown reads only the ones solved before it,
// so nothing outside the referenced triangle is ever read. f16 and bf16
// solve in f32 and round once at the end.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Scalar arithmetic on a float or complex compute type.
struct ScalarArith {
  OpBuilder &b;
  Location loc;
  bool isComplex;

  Value mul(Value x, Value y) const {
    return isComplex ? Value(complex::MulOp::create(b, loc, x, y))
                     : Value(arith::MulFOp::create(b, loc, x, y));
  }
  Value sub(Value x, Value y) const {
    return isComplex ? Value(complex::SubOp::create(b, loc, x, y))
                     : Value(arith::SubFOp::create(b, loc, x, y));
  }
  Value div(Value x, Value y) const {
    return isComplex ? Value(complex::DivOp::create(b, loc, x, y))
                     : Value(arith::DivFOp::create(b, loc, x, y));
  }
};

struct TriangularSolveToLoops
    : public OpConversionPattern<shlo::TriangularSolveOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::TriangularSolveOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    Location loc = op.getLoc();
    auto bType = cast<RankedTensorType>(op.getB().getType());
    Type element = bType.getElementType();
    // f16 and bf16 solve in f32, as contractions accumulate.
    Type computeType = getAccumulatorType(element, element);
    bool isComplex = isa<ComplexType>(element);
    int64_t rank = bType.getRank();
    int64_t size = bType.getDimSize(op.getLeftSide() ? rank - 2 : rank - 1);
    int64_t columns = bType.getDimSize(op.getLeftSide() ? rank - 1 : rank - 2);
    if (bType.getNumElements() == 0) {
      rewriter.replaceOp(op, adaptor.getB());
      return success();
    }

    bool transposed = op.getTransposeA() != shlo::Transpose::NO_TRANSPOSE;
    // T is read as a^T when exactly one of "a on the right" and
    // "transpose_a" holds; transposing swaps lower and upper.
    bool readTransposed = op.getLeftSide() == transposed;
    bool forward = readTransposed ? !op.getLower() : op.getLower();
    bool conjugate =
        isComplex && op.getTransposeA() == shlo::Transpose::ADJOINT;

    auto constant = [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, value);
    };
    Value zero = constant(0), one = constant(1), sizeValue = constant(size);
    SmallVector<Value> lower, upper, steps;
    for (int64_t d = 0; d < rank - 2; ++d) {
      lower.push_back(zero);
      upper.push_back(constant(bType.getDimSize(d)));
      steps.push_back(one);
    }
    lower.push_back(zero);
    upper.push_back(constant(columns));
    steps.push_back(one);

    auto solutionType = RankedTensorType::get(bType.getShape(), computeType);
    Value solution = emitEmptyTensor(rewriter, loc, solutionType);
    Value a = adaptor.getA(), b = adaptor.getB();

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lower, upper, steps, ValueRange{solution},
        [&](OpBuilder &nb, Location nl, ValueRange outer,
            ValueRange carried) -> scf::ValueVector {
          ValueRange batch = outer.drop_back();
          Value column = outer.back();
          // The index into b or x of unknown `i` of this column.
          auto rhsIndex = [&](Value i) {
            SmallVector<Value> index(batch);
            index.push_back(op.getLeftSide() ? i : column);
            index.push_back(op.getLeftSide() ? column : i);
            return index;
          };
          auto readT = [&](OpBuilder &rb, Location rl, Value i, Value j) {
            SmallVector<Value> index(batch);
            index.push_back(readTransposed ? j : i);
            index.push_back(readTransposed ? i : j);
            Value value = tensor::ExtractOp::create(rb, rl, a, index);
            value = emitScalarConvert(rb, rl, value, element, computeType);
            return conjugate ? Value(complex::ConjOp::create(rb, rl, value))
                             : value;
          };
          auto substitution = scf::ForOp::create(
              nb, nl, zero, sizeValue, one, carried,
              [&](OpBuilder &sb, Location sl, Value step, ValueRange x) {
                ScalarArith ops{sb, sl, isComplex};
                // Unknown i, and the range of the ones solved before it.
                Value i = forward ? step
                                  : arith::SubIOp::create(
                                        sb, sl, constant(size - 1), step);
                Value from =
                    forward ? zero : arith::AddIOp::create(sb, sl, i, one);
                Value to = forward ? i : sizeValue;
                Value rhs = tensor::ExtractOp::create(sb, sl, b, rhsIndex(i));
                rhs = emitScalarConvert(sb, sl, rhs, element, computeType);
                auto dot = scf::ForOp::create(
                    sb, sl, from, to, one, ValueRange{rhs},
                    [&](OpBuilder &db, Location dl, Value j, ValueRange acc) {
                      ScalarArith inner{db, dl, isComplex};
                      Value known =
                          tensor::ExtractOp::create(db, dl, x[0], rhsIndex(j));
                      Value product = inner.mul(readT(db, dl, i, j), known);
                      scf::YieldOp::create(db, dl, inner.sub(acc[0], product));
                    });
                Value value = dot.getResult(0);
                if (!op.getUnitDiagonal())
                  value = ops.div(value, readT(sb, sl, i, i));
                scf::YieldOp::create(sb, sl,
                                     ValueRange{tensor::InsertOp::create(
                                         sb, sl, value, x[0], rhsIndex(i))});
              });
          return substitution.getResults();
        });
    Value result = nest.results.front();
    if (computeType != element)
      result = emitConvertedTensor(rewriter, loc, result, computeType,
                                   getStorageType(bType));
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateTriangularSolvePatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<TriangularSolveToLoops>(typeConverter, patterns.getContext());
}
