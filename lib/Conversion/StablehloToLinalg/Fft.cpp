//===- Fft.cpp - stablehlo.fft to linalg ----------------------------------===//
//
// A multi-dimensional DFT is one 1-d DFT per transformed dimension. Each is
// a linalg.generic contraction over the summation index whose weights
// e^{±2πi·(n·k mod N)/N} are computed in the body (the reduction mod N
// keeps the angle exact), in f64 whatever the operand's precision: O(N²)
// per transform, which suits the lengths JAX's programs use; a fast FFT
// belongs to the codegen work.
//
// RFFT starts with the real-to-half transform along the last dimension,
// IRFFT ends with the half-to-real one, x[n] = Re Σ_k c_k X[k] e^{2πikn/N}
// / N with c_k = 2 for the frequencies whose conjugate the half leaves
// out; like pocketfft, it ignores the imaginary parts of X[0] and of
// X[N/2] for even N.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#include "llvm/Support/MathExtras.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

enum class DftKind {
  /// X[k] = Σ_n x[n] e^{-2πikn/N}; x may be real.
  Forward,
  /// x[n] = Σ_k X[k] e^{2πikn/N} / N.
  Inverse,
  /// x[n] = Re Σ_k c_k X[k] e^{2πikn/N} / N over the half spectrum.
  HalfToReal,
};

/// One DFT of length `length` along `dim` of `input` (complex<f64>, or f64
/// for the real input of a forward transform), giving `outSize` values
/// along `dim`.
static Value emitDft(OpBuilder &b, Location loc, Value input, int64_t dim,
                     int64_t length, int64_t outSize, DftKind kind) {
  MLIRContext *ctx = b.getContext();
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t rank = inputType.getRank();
  Type f64 = b.getF64Type();
  auto c64 = ComplexType::get(f64);
  SmallVector<int64_t> shape(inputType.getShape());
  shape[dim] = outSize;
  auto resultType =
      RankedTensorType::get(shape, kind == DftKind::HalfToReal ? f64 : c64);
  Value init = emitFilledTensor(b, loc, resultType,
                                emitZero(b, loc, resultType.getElementType()));

  // Loops: the result dims, then the summation index.
  SmallVector<AffineExpr> inputExprs;
  for (int64_t d = 0; d < rank; ++d)
    inputExprs.push_back(getAffineDimExpr(d == dim ? rank : d, ctx));
  auto inputMap = AffineMap::get(rank + 1, 0, inputExprs, ctx);
  auto outputMap =
      AffineMap::getMultiDimIdentityMap(rank + 1, ctx).getMajorSubMap(rank);
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);

  auto generic = linalg::GenericOp::create(
      b, loc, resultType, ValueRange{input}, ValueRange{init},
      ArrayRef<AffineMap>{inputMap, outputMap}, iterators,
      [&](OpBuilder &gb, Location gl, ValueRange args) {
        auto f64Constant = [&](double value) -> Value {
          return arith::ConstantOp::create(gb, gl, gb.getF64FloatAttr(value));
        };
        Value sum = linalg::IndexOp::create(gb, gl, rank);
        Value out = linalg::IndexOp::create(gb, gl, dim);
        Value lengthValue = arith::ConstantIndexOp::create(gb, gl, length);
        Value turn = arith::RemUIOp::create(
            gb, gl, arith::MulIOp::create(gb, gl, sum, out), lengthValue);
        Value turnF64 = arith::UIToFPOp::create(
            gb, gl, f64,
            arith::IndexCastUIOp::create(gb, gl, gb.getI64Type(), turn));
        Value angle = arith::MulFOp::create(
            gb, gl, turnF64, f64Constant(2 * llvm::numbers::pi / length));
        Value cos = math::CosOp::create(gb, gl, angle);
        Value sin = math::SinOp::create(gb, gl, angle);
        if (kind == DftKind::Forward)
          sin = arith::NegFOp::create(gb, gl, sin);
        if (kind != DftKind::Forward) {
          Value scale = f64Constant(1.0 / length);
          if (kind == DftKind::HalfToReal) {
            // c_k: 1 for k = 0 and k = N/2, 2 otherwise.
            Value twice = arith::AddIOp::create(gb, gl, sum, sum);
            Value isZero = arith::CmpIOp::create(
                gb, gl, arith::CmpIPredicate::eq, sum,
                arith::ConstantIndexOp::create(gb, gl, 0));
            Value isNyquist = arith::CmpIOp::create(
                gb, gl, arith::CmpIPredicate::eq, twice, lengthValue);
            Value single = arith::OrIOp::create(gb, gl, isZero, isNyquist);
            scale = arith::SelectOp::create(gb, gl, single, scale,
                                            f64Constant(2.0 / length));
          }
          cos = arith::MulFOp::create(gb, gl, cos, scale);
          sin = arith::MulFOp::create(gb, gl, sin, scale);
        }
        Value x = args[0], acc = args[1];
        Value result;
        if (kind == DftKind::HalfToReal) {
          // acc + Re(x) cos - Im(x) sin.
          Value re = complex::ReOp::create(gb, gl, x);
          Value im = complex::ImOp::create(gb, gl, x);
          Value term = arith::SubFOp::create(
              gb, gl, arith::MulFOp::create(gb, gl, re, cos),
              arith::MulFOp::create(gb, gl, im, sin));
          result = arith::AddFOp::create(gb, gl, acc, term);
        } else {
          if (!isa<ComplexType>(x.getType()))
            x = complex::CreateOp::create(gb, gl, c64, x, f64Constant(0));
          Value weight = complex::CreateOp::create(gb, gl, c64, cos, sin);
          result = complex::AddOp::create(
              gb, gl, acc, complex::MulOp::create(gb, gl, x, weight));
        }
        linalg::YieldOp::create(gb, gl, result);
      });
  return generic.getResult(0);
}

struct FftToLinalg : public OpConversionPattern<shlo::FftOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::FftOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(requireStaticShapes(rewriter, op, op->getOperandTypes())))
      return failure();
    Location loc = op.getLoc();
    auto operandType = cast<RankedTensorType>(op.getOperand().getType());
    auto resultType = cast<RankedTensorType>(op.getType());
    if (resultType.getNumElements() == 0) {
      rewriter.replaceOp(op, emitEmptyTensor(rewriter, loc, resultType));
      return success();
    }
    ArrayRef<int64_t> lengths = op.getFftLength();
    int64_t rank = operandType.getRank();
    int64_t count = lengths.size();
    int64_t lastDim = rank - 1;
    shlo::FftType type = op.getFftType();

    Type f64 = rewriter.getF64Type();
    Type computeElement =
        type == shlo::FftType::RFFT ? f64 : Type(ComplexType::get(f64));
    Value value = emitConvertedTensor(
        rewriter, loc, adaptor.getOperand(), operandType.getElementType(),
        RankedTensorType::get(operandType.getShape(), computeElement));

    // A full DFT along each transformed dim but the last.
    auto transformLeadingDims = [&](DftKind kind) {
      for (int64_t i = 0; i + 1 < count; ++i)
        value = emitDft(rewriter, loc, value, rank - count + i, lengths[i],
                        lengths[i], kind);
    };
    int64_t lastLength = lengths.back();
    switch (type) {
    case shlo::FftType::FFT:
    case shlo::FftType::IFFT: {
      DftKind kind =
          type == shlo::FftType::FFT ? DftKind::Forward : DftKind::Inverse;
      transformLeadingDims(kind);
      value =
          emitDft(rewriter, loc, value, lastDim, lastLength, lastLength, kind);
      break;
    }
    case shlo::FftType::RFFT:
      value = emitDft(rewriter, loc, value, lastDim, lastLength,
                      lastLength / 2 + 1, DftKind::Forward);
      transformLeadingDims(DftKind::Forward);
      break;
    case shlo::FftType::IRFFT:
      transformLeadingDims(DftKind::Inverse);
      value = emitDft(rewriter, loc, value, lastDim, lastLength, lastLength,
                      DftKind::HalfToReal);
      break;
    }
    Type computed = cast<RankedTensorType>(value.getType()).getElementType();
    rewriter.replaceOp(op, emitConvertedTensor(rewriter, loc, value, computed,
                                               getStorageType(resultType)));
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateFftPatterns(const TypeConverter &typeConverter,
                                             RewritePatternSet &patterns) {
  patterns.add<FftToLinalg>(typeConverter, patterns.getContext());
}
