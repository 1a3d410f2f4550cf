//===- RngBitGenerator.cpp - stablehlo.rng_bit_generator to linalg --------===//
//
// THREE_FRY produces the bits XLA does, so that programs seeded alike draw
// alike: the state is [key, counter]; element i draws Threefry-2x32 with 20
// rounds (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
// SC 2011) of the 64-bit block counter + i under the 64-bit key, both split
// into (low, high) 32-bit words. A 64-bit element takes both output words
// (low first); narrower elements take one word each, from half as many
// blocks: the first even dimension (else the largest) is halved, and
// positions 2q and 2q + 1 along it read words 0 and 1 of block q. The new
// state is [key, counter + blocks]. One linalg.generic computes every
// element from its indices.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

#include <array>

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Threefry-2x32 with 20 rounds on i32 words.
std::array<Value, 2> emitThreefry2x32(OpBuilder &b, Location loc,
                                      std::array<Value, 2> block,
                                      std::array<Value, 2> key) {
  auto constant = [&](uint32_t value) -> Value {
    return arith::ConstantOp::create(
        b, loc, b.getI32IntegerAttr(static_cast<int32_t>(value)));
  };
  auto add = [&](Value x, Value y) -> Value {
    return arith::AddIOp::create(b, loc, x, y);
  };
  auto rotateLeft = [&](Value v, int distance) -> Value {
    return arith::OrIOp::create(
        b, loc, arith::ShLIOp::create(b, loc, v, constant(distance)),
        arith::ShRUIOp::create(b, loc, v, constant(32 - distance)));
  };
  static constexpr int kRotations[8] = {13, 15, 26, 6, 17, 29, 16, 24};
  // The third key word makes the schedule's parity 0x1BD11BDA.
  std::array<Value, 3> schedule = {
      key[0], key[1],
      arith::XOrIOp::create(b, loc, constant(0x1BD11BDA),
                            arith::XOrIOp::create(b, loc, key[0], key[1]))};
  Value x0 = add(block[0], schedule[0]);
  Value x1 = add(block[1], schedule[1]);
  for (int group = 0; group < 5; ++group) {
    for (int r = 0; r < 4; ++r) {
      x0 = add(x0, x1);
      x1 = rotateLeft(x1, kRotations[(group % 2) * 4 + r]);
      x1 = arith::XOrIOp::create(b, loc, x0, x1);
    }
    // Key injection after every four rounds.
    x0 = add(x0, schedule[(group + 1) % 3]);
    x1 = add(add(x1, schedule[(group + 2) % 3]), constant(group + 1));
  }
  return {x0, x1};
}

/// The low and high words of i64 `value`.
std::array<Value, 2> splitWords(OpBuilder &b, Location loc, Value value) {
  Type i32 = b.getI32Type();
  Value high = arith::ShRUIOp::create(
      b, loc, value,
      arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(32)));
  return {arith::TruncIOp::create(b, loc, i32, value),
          arith::TruncIOp::create(b, loc, i32, high)};
}

struct RngBitGeneratorToLinalg
    : public OpConversionPattern<shlo::RngBitGeneratorOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::RngBitGeneratorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getRngAlgorithm() != shlo::RngAlgorithm::THREE_FRY)
      return rewriter.notifyMatchFailure(op, "only THREE_FRY is implemented");
    auto outputType = cast<RankedTensorType>(op.getOutput().getType());
    if (!outputType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic output shape");
    Location loc = op.getLoc();
    Type i64 = rewriter.getI64Type();
    Value state = adaptor.getInitialState();
    auto extractWord = [&](int64_t position) -> Value {
      return tensor::ExtractOp::create(
          rewriter, loc, state,
          ValueRange{arith::ConstantIndexOp::create(rewriter, loc, position)});
    };
    Value key = extractWord(0), counter = extractWord(1);

    Type element = outputType.getElementType();
    unsigned width = element.getIntOrFloatBitWidth();
    ArrayRef<int64_t> shape = outputType.getShape();
    int64_t rank = shape.size();
    // The blocks: one per element for 64 bits, else one per pair along
    // `splitDim` (none for a 0-d output: one block, word 0).
    int64_t splitDim = -1;
    SmallVector<int64_t> blockShape(shape);
    if (width < 64 && rank > 0) {
      auto even = llvm::find_if(shape, [](int64_t d) { return d % 2 == 0; });
      splitDim = even != shape.end() ? even - shape.begin()
                                     : llvm::max_element(shape) - shape.begin();
      blockShape[splitDim] = (shape[splitDim] + 1) / 2;
    }
    int64_t blocks = ShapedType::getNumElements(blockShape);

    auto storageType = getStorageType(outputType);
    Type storageElement = storageType.getElementType();
    auto generic = emitParallelGeneric(
        rewriter, loc, storageType, ValueRange{}, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          // Row-major index of the element's block.
          Value linear = arith::ConstantIndexOp::create(b, l, 0);
          Value word = nullptr;
          for (int64_t d = 0; d < rank; ++d) {
            Value index = linalg::IndexOp::create(b, l, d);
            if (d == splitDim) {
              Value two = arith::ConstantIndexOp::create(b, l, 2);
              word = arith::RemUIOp::create(b, l, index, two);
              index = arith::DivUIOp::create(b, l, index, two);
            }
            linear = arith::AddIOp::create(
                b, l,
                arith::MulIOp::create(
                    b, l, linear,
                    arith::ConstantIndexOp::create(b, l, blockShape[d])),
                index);
          }
          Value block = arith::AddIOp::create(
              b, l, counter, arith::IndexCastUIOp::create(b, l, i64, linear));
          std::array<Value, 2> bits = emitThreefry2x32(
              b, l, splitWords(b, l, block), splitWords(b, l, key));
          Value result;
          if (width == 64) {
            Value low = arith::ExtUIOp::create(b, l, i64, bits[0]);
            Value high = arith::ExtUIOp::create(b, l, i64, bits[1]);
            result = arith::OrIOp::create(
                b, l, low,
                arith::ShLIOp::create(
                    b, l, high,
                    arith::ConstantOp::create(b, l, b.getI64IntegerAttr(32))));
          } else {
            result = bits[0];
            if (word) {
              Value second = arith::CmpIOp::create(
                  b, l, arith::CmpIPredicate::ne, word,
                  arith::ConstantIndexOp::create(b, l, 0));
              result = arith::SelectOp::create(b, l, second, bits[1], bits[0]);
            }
            if (width < 32)
              result = arith::TruncIOp::create(b, l, b.getIntegerType(width),
                                               result);
          }
          if (isa<FloatType>(storageElement))
            result = arith::BitcastOp::create(b, l, storageElement, result);
          return result;
        });
    Value advanced = arith::AddIOp::create(
        rewriter, loc, counter,
        arith::ConstantOp::create(rewriter, loc,
                                  rewriter.getI64IntegerAttr(blocks)));
    Value newState = tensor::FromElementsOp::create(
        rewriter, loc, state.getType(), ValueRange{key, advanced});
    rewriter.replaceOp(op, {newState, generic.getResult(0)});
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateRngBitGeneratorPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<RngBitGeneratorToLinalg>(typeConverter, patterns.getContext());
}
