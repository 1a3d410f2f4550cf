//===- ConstantEval.cpp - evaluate constant StableHLO subgraphs -----------===//
//
// Masks, scales and epsilons reach the patterns as small subgraphs over
// stablehlo.constant and stablehlo.iota (`sqrt(8.0)`, iota comparisons
// broadcast to the scores). These helpers compute their values: the exact
// elementwise ops with the semantics their fold hooks use
// (yat/Dialect/StableHLO/IR/ElementwiseEval.h), compare and convert with
// the semantics of theirs, the transcendental ones in double, each result
// rounded to its element type like the op would.
//
//===----------------------------------------------------------------------===//

#include "MatchUtils.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeUtilities.h"
#include "yat/Dialect/StableHLO/IR/ElementwiseEval.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>
#include <memory>

#define DEBUG_TYPE "yat-raise-stablehlo"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::raising;
namespace shlo = mlir::yat::stablehlo;

/// Bounds the recursion of the full evaluation.
static constexpr int kMaxDepth = 48;
/// Deepest recursion of getSplatValue (its results are memoized, so this
/// only bounds the stack).
static constexpr int kMaxSplatDepth = 256;
/// Largest tensor that evaluateConstant expands.
static constexpr int64_t kMaxEvaluatedElements = int64_t(1) << 20;
/// Largest non-splat constant that getSplatValue expands to check that its
/// elements are equal.
static constexpr int64_t kMaxSplatCheckElements = 4096;

//===----------------------------------------------------------------------===//
// Scalar semantics shared by the constant evaluators
//===----------------------------------------------------------------------===//

/// Rounds `value` to what an element of type `type` can hold.
static double roundToType(double value, Type type) {
  if (type.isF64())
    return value;
  if (type.isF32())
    return static_cast<double>(static_cast<float>(value));
  if (auto floatType = dyn_cast<FloatType>(type)) {
    APFloat rounded(value);
    bool losesInfo = false;
    rounded.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
    return rounded.convertToDouble();
  }
  if (type.isInteger(1))
    return value != 0.0 ? 1.0 : 0.0;
  if (isa<IntegerType>(type))
    return std::isfinite(value) ? std::trunc(value) : 0.0;
  return value;
}

/// `value` as an integer of `width` bits, if it is one.
static std::optional<APInt> toInteger(double value, unsigned width) {
  if (value >= 0.0 && value < 0x1p64)
    return APInt(width, static_cast<uint64_t>(value), /*isSigned=*/false,
                 /*implicitTrunc=*/true);
  if (value < 0.0 && value >= -0x1p63)
    return APInt(width, static_cast<uint64_t>(static_cast<int64_t>(value)),
                 /*isSigned=*/true, /*implicitTrunc=*/true);
  return std::nullopt;
}

/// `op` on `operands` (elements of `elementType`) with the ops' own element
/// semantics (yat/Dialect/StableHLO/IR/ElementwiseEval.h, which their fold
/// hooks use too); nullopt where those leave the op alone.
static std::optional<double>
evaluateExactly(Operation *op, ArrayRef<double> operands, Type elementType) {
  if (auto floatType = dyn_cast<FloatType>(elementType)) {
    SmallVector<APFloat> values;
    for (double operand : operands) {
      APFloat value(operand);
      bool losesInfo = false;
      value.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
      values.push_back(value);
    }
    std::optional<APFloat> result = shlo::evaluateElementwise(op, values);
    if (!result)
      return std::nullopt;
    bool losesInfo = false;
    result->convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                    &losesInfo);
    return result->convertToDouble();
  }
  auto intType = dyn_cast<IntegerType>(elementType);
  if (!intType)
    return std::nullopt;
  SmallVector<APInt> values;
  for (double operand : operands) {
    std::optional<APInt> value = toInteger(operand, intType.getWidth());
    if (!value)
      return std::nullopt;
    values.push_back(*value);
  }
  bool isUnsigned = intType.isUnsigned() || intType.getWidth() == 1;
  std::optional<APInt> result =
      shlo::evaluateElementwise(op, values, isUnsigned);
  if (!result)
    return std::nullopt;
  return isUnsigned ? static_cast<double>(result->getZExtValue())
                    : static_cast<double>(result->getSExtValue());
}

/// The transcendental ops and sign, which have no exact value, are
/// computed in double and rounded to the element type: close enough to
/// match scales such as sqrt(8).
static std::optional<double> applyUnary(Operation *op, double x,
                                        Type elementType) {
  if (shlo::hasExactElementwiseValue(op))
    return evaluateExactly(op, {x}, elementType);
  std::optional<double> result =
      llvm::TypeSwitch<Operation *, std::optional<double>>(op)
          .Case<shlo::SqrtOp>([&](auto) { return std::sqrt(x); })
          .Case<shlo::RsqrtOp>([&](auto) { return 1.0 / std::sqrt(x); })
          .Case<shlo::ExpOp>([&](auto) { return std::exp(x); })
          .Case<shlo::LogOp>([&](auto) { return std::log(x); })
          .Case<shlo::TanhOp>([&](auto) { return std::tanh(x); })
          .Case<shlo::SignOp>([&](auto) -> double {
            if (std::isnan(x) || x == 0.0)
              return x;
            return x > 0.0 ? 1.0 : -1.0;
          })
          .Default([](Operation *) { return std::nullopt; });
  if (!result)
    return std::nullopt;
  return roundToType(*result, elementType);
}

static std::optional<double> applyBinary(Operation *op, double a, double b,
                                         Type elementType) {
  if (shlo::hasExactElementwiseValue(op))
    return evaluateExactly(op, {a, b}, elementType);
  if (!isa<shlo::PowOp>(op))
    return std::nullopt;
  return roundToType(std::pow(a, b), elementType);
}

/// `value` (a double holding an element of `type`) as an integer of
/// `type`'s width.
static std::optional<APInt> toElementInteger(double value, Type type) {
  return toInteger(value, cast<IntegerType>(type).getWidth());
}

/// An integer element of `type` as a double, by the type's signedness.
static double fromElementInteger(const APInt &value, Type type) {
  bool isUnsigned = type.isUnsignedInteger() || type.isInteger(1);
  return isUnsigned ? static_cast<double>(value.getZExtValue())
                    : static_cast<double>(value.getSExtValue());
}

/// `op` on two elements with the op's own semantics (evaluateCompare);
/// nullopt for TOTALORDER.
static std::optional<double> applyCompare(shlo::CompareOp op, double a,
                                          double b) {
  shlo::ComparisonDirection direction = op.getComparisonDirection();
  shlo::ComparisonType compareType = op.getEffectiveCompareType();
  Type element = getElementTypeOrSelf(op.getLhs().getType());
  // Doubles hold every element of the narrower float types exactly.
  if (compareType == shlo::ComparisonType::FLOAT && isa<FloatType>(element))
    return shlo::evaluateCompare(direction, APFloat(a), APFloat(b));
  if (compareType == shlo::ComparisonType::TOTALORDER ||
      !isa<IntegerType>(element))
    return std::nullopt;
  std::optional<APInt> lhs = toElementInteger(a, element);
  std::optional<APInt> rhs = toElementInteger(b, element);
  if (!lhs || !rhs)
    return std::nullopt;
  return shlo::evaluateCompare(direction, *lhs, *rhs,
                               compareType == shlo::ComparisonType::UNSIGNED);
}

/// stablehlo.convert of one element from `from` to `to` with the op's own
/// semantics (convertElement).
static std::optional<double> applyConvert(double value, Type from, Type to) {
  auto toFloat = dyn_cast<FloatType>(to);
  auto toInt = dyn_cast<IntegerType>(to);
  if (isa<FloatType>(from)) {
    APFloat element(value);
    if (toFloat)
      return shlo::convertElement(element, toFloat.getFloatSemantics())
          .convertToDouble();
    if (toInt)
      return fromElementInteger(
          shlo::convertElement(element, toInt.getWidth(), toInt.isUnsigned()),
          to);
    return std::nullopt;
  }
  if (!isa<IntegerType>(from))
    return std::nullopt;
  std::optional<APInt> element = toElementInteger(value, from);
  if (!element)
    return std::nullopt;
  bool isUnsigned = from.isUnsignedInteger();
  if (toFloat)
    return shlo::convertElement(*element, isUnsigned,
                                toFloat.getFloatSemantics())
        .convertToDouble();
  if (toInt)
    return fromElementInteger(
        shlo::convertElement(*element, isUnsigned, toInt.getWidth()), to);
  return std::nullopt;
}

static bool isUnaryElementwise(Operation *op) {
  return isa<shlo::NegOp, shlo::AbsOp, shlo::SqrtOp, shlo::RsqrtOp, shlo::ExpOp,
             shlo::LogOp, shlo::FloorOp, shlo::CeilOp, shlo::TanhOp,
             shlo::SignOp, shlo::NotOp>(op);
}

static bool isBinaryElementwise(Operation *op) {
  return isa<shlo::AddOp, shlo::SubtractOp, shlo::MulOp, shlo::DivOp,
             shlo::RemOp, shlo::MaxOp, shlo::MinOp, shlo::PowOp, shlo::AndOp,
             shlo::OrOp, shlo::XorOp>(op);
}

/// The elements of a dense attribute as doubles, if there are at most
/// `limit` of them.
static std::optional<std::vector<double>>
readDenseElements(DenseElementsAttr dense, int64_t limit) {
  int64_t count = dense.getNumElements();
  if (count > limit)
    return std::nullopt;
  std::vector<double> values;
  values.reserve(count);
  Type elementType = dense.getElementType();
  if (isa<FloatType>(elementType)) {
    for (const APFloat &v : dense.getValues<APFloat>())
      values.push_back(v.convertToDouble());
  } else if (elementType.isInteger(1)) {
    for (bool v : dense.getValues<bool>())
      values.push_back(v ? 1.0 : 0.0);
  } else if (auto intType = dyn_cast<IntegerType>(elementType)) {
    for (const APInt &v : dense.getValues<APInt>())
      values.push_back(intType.isUnsigned()
                           ? static_cast<double>(v.getZExtValue())
                           : static_cast<double>(v.getSExtValue()));
  } else {
    return std::nullopt;
  }
  return values;
}

/// The element of a splat dense attribute as a double.
static std::optional<double> readSplatElement(DenseElementsAttr dense) {
  Type elementType = dense.getElementType();
  if (isa<FloatType>(elementType))
    return dense.getSplatValue<APFloat>().convertToDouble();
  if (elementType.isInteger(1))
    return dense.getSplatValue<bool>() ? 1.0 : 0.0;
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    APInt v = dense.getSplatValue<APInt>();
    return intType.isUnsigned() ? static_cast<double>(v.getZExtValue())
                                : static_cast<double>(v.getSExtValue());
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Splat constants
//===----------------------------------------------------------------------===//

namespace {
/// Splat values already computed during one getSplatValue call: shared
/// subgraphs are evaluated once.
using SplatCache = llvm::DenseMap<Value, std::optional<double>>;
} // namespace

static std::optional<double> computeSplat(Value value, int depth,
                                          SplatCache &cache);

static std::optional<double> evaluateSplat(Value value, int depth,
                                           SplatCache &cache) {
  if (auto it = cache.find(value); it != cache.end())
    return it->second;
  std::optional<double> result = computeSplat(value, depth, cache);
  cache[value] = result;
  return result;
}

static std::optional<double> computeSplat(Value value, int depth,
                                          SplatCache &cache) {
  if (depth > kMaxSplatDepth)
    return std::nullopt;
  Operation *op = value.getDefiningOp();
  if (!op)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  Type elementType = type.getElementType();

  if (auto constant = dyn_cast<shlo::ConstantOp>(op)) {
    auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
    if (!dense)
      return std::nullopt;
    if (dense.isSplat())
      return readSplatElement(dense);
    std::optional<std::vector<double>> values =
        readDenseElements(dense, kMaxSplatCheckElements);
    if (!values || values->empty() || !llvm::all_equal(*values))
      return std::nullopt;
    return values->front();
  }
  if (isa<shlo::BroadcastInDimOp, shlo::ReshapeOp, shlo::TransposeOp>(op))
    return evaluateSplat(op->getOperand(0), depth + 1, cache);
  if (isa<shlo::ConvertOp>(op)) {
    std::optional<double> operand =
        evaluateSplat(op->getOperand(0), depth + 1, cache);
    if (!operand)
      return std::nullopt;
    return applyConvert(*operand,
                        getElementTypeOrSelf(op->getOperand(0).getType()),
                        elementType);
  }
  if (isUnaryElementwise(op)) {
    std::optional<double> operand =
        evaluateSplat(op->getOperand(0), depth + 1, cache);
    if (!operand)
      return std::nullopt;
    return applyUnary(op, *operand, elementType);
  }
  if (isBinaryElementwise(op)) {
    std::optional<double> lhs =
        evaluateSplat(op->getOperand(0), depth + 1, cache);
    if (!lhs)
      return std::nullopt;
    std::optional<double> rhs =
        evaluateSplat(op->getOperand(1), depth + 1, cache);
    if (!rhs)
      return std::nullopt;
    return applyBinary(op, *lhs, *rhs, elementType);
  }
  if (auto compare = dyn_cast<shlo::CompareOp>(op)) {
    std::optional<double> lhs =
        evaluateSplat(compare.getLhs(), depth + 1, cache);
    if (!lhs)
      return std::nullopt;
    std::optional<double> rhs =
        evaluateSplat(compare.getRhs(), depth + 1, cache);
    if (!rhs)
      return std::nullopt;
    return applyCompare(compare, *lhs, *rhs);
  }
  if (auto select = dyn_cast<shlo::SelectOp>(op)) {
    std::optional<double> pred =
        evaluateSplat(select.getPred(), depth + 1, cache);
    if (!pred)
      return std::nullopt;
    return evaluateSplat(*pred != 0.0 ? select.getOnTrue()
                                      : select.getOnFalse(),
                         depth + 1, cache);
  }
  if (type.getNumElements() <= 64) {
    // Small non-splat-looking constants (an iota of one element, a
    // compare of two iotas) are expanded.
    std::optional<ConstantTensor> full = evaluateConstant(value);
    if (full && !full->values.empty() && llvm::all_equal(full->values))
      return full->values.front();
  }
  return std::nullopt;
}

/// The cache of the innermost live MatchScope on this thread, if any.
static thread_local SplatCache *activeSplatCache = nullptr;

MatchScope::MatchScope() : owner(activeSplatCache == nullptr) {
  if (owner)
    activeSplatCache = new SplatCache();
}

MatchScope::~MatchScope() {
  if (!owner)
    return;
  delete activeSplatCache;
  activeSplatCache = nullptr;
}

std::optional<double> mlir::yat::raising::getSplatValue(Value value) {
  if (activeSplatCache)
    return evaluateSplat(value, 0, *activeSplatCache);
  SplatCache cache;
  return evaluateSplat(value, 0, cache);
}

//===----------------------------------------------------------------------===//
// Full constant evaluation
//===----------------------------------------------------------------------===//

namespace {

/// Evaluates constant subgraphs with memoization (masks share subgraphs).
class ConstantEvaluator {
public:
  const ConstantTensor *evaluate(Value value, int depth);

private:
  std::optional<ConstantTensor> compute(Value value, int depth);
  llvm::DenseMap<Value, std::unique_ptr<ConstantTensor>> cache;
  llvm::DenseSet<Value> failed;
};

} // namespace

const ConstantTensor *ConstantEvaluator::evaluate(Value value, int depth) {
  if (auto it = cache.find(value); it != cache.end())
    return it->second.get();
  if (failed.contains(value) || depth > kMaxDepth)
    return nullptr;
  std::optional<ConstantTensor> result = compute(value, depth);
  if (!result) {
    failed.insert(value);
    return nullptr;
  }
  auto stored = std::make_unique<ConstantTensor>(std::move(*result));
  const ConstantTensor *pointer = stored.get();
  cache[value] = std::move(stored);
  return pointer;
}

std::optional<ConstantTensor> ConstantEvaluator::compute(Value value,
                                                         int depth) {
  Operation *op = value.getDefiningOp();
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!op || !type || !type.hasStaticShape() ||
      type.getNumElements() > kMaxEvaluatedElements)
    return std::nullopt;
  Type elementType = type.getElementType();
  ConstantTensor result;
  result.shape.assign(type.getShape().begin(), type.getShape().end());
  int64_t count = type.getNumElements();
  SmallVector<int64_t> strides = computeSuffixProduct(result.shape);
  int64_t rank = type.getRank();

  // Multi-index of flat position `flat` in the result.
  auto unravel = [&](int64_t flat, SmallVectorImpl<int64_t> &index) {
    index.resize(rank);
    for (int64_t d = 0; d < rank; ++d) {
      index[d] = strides[d] ? flat / strides[d] : 0;
      flat -= index[d] * strides[d];
    }
  };
  auto operand = [&](unsigned i) {
    return evaluate(op->getOperand(i), depth + 1);
  };

  if (auto constant = dyn_cast<shlo::ConstantOp>(op)) {
    auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
    if (!dense)
      return std::nullopt;
    if (dense.isSplat()) {
      std::optional<double> splat = getSplatValue(value);
      if (!splat)
        return std::nullopt;
      result.values.assign(count, *splat);
      return result;
    }
    std::optional<std::vector<double>> values =
        readDenseElements(dense, kMaxEvaluatedElements);
    if (!values)
      return std::nullopt;
    result.values = std::move(*values);
    return result;
  }
  if (auto iota = dyn_cast<shlo::IotaOp>(op)) {
    int64_t dim = iota.getIotaDimension();
    SmallVector<int64_t> index;
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      unravel(i, index);
      result.values[i] =
          roundToType(static_cast<double>(index[dim]), elementType);
    }
    return result;
  }
  if (auto broadcast = dyn_cast<shlo::BroadcastInDimOp>(op)) {
    const ConstantTensor *source = operand(0);
    if (!source)
      return std::nullopt;
    ArrayRef<int64_t> dims = broadcast.getBroadcastDimensions();
    SmallVector<int64_t> sourceStrides = computeSuffixProduct(source->shape);
    SmallVector<int64_t> index;
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      unravel(i, index);
      int64_t flat = 0;
      for (auto [k, dim] : llvm::enumerate(dims))
        if (source->shape[k] != 1)
          flat += index[dim] * sourceStrides[k];
      result.values[i] = source->values[flat];
    }
    return result;
  }
  if (isa<shlo::ReshapeOp>(op)) {
    const ConstantTensor *source = operand(0);
    if (!source)
      return std::nullopt;
    result.values = source->values;
    return result;
  }
  if (auto transpose = dyn_cast<shlo::TransposeOp>(op)) {
    const ConstantTensor *source = operand(0);
    if (!source)
      return std::nullopt;
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    SmallVector<int64_t> sourceStrides = computeSuffixProduct(source->shape);
    SmallVector<int64_t> index;
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      unravel(i, index);
      int64_t flat = 0;
      for (int64_t d = 0; d < rank; ++d)
        flat += index[d] * sourceStrides[permutation[d]];
      result.values[i] = source->values[flat];
    }
    return result;
  }
  if (isa<shlo::ConvertOp>(op)) {
    const ConstantTensor *source = operand(0);
    if (!source)
      return std::nullopt;
    Type sourceElement = getElementTypeOrSelf(op->getOperand(0).getType());
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      std::optional<double> v =
          applyConvert(source->values[i], sourceElement, elementType);
      if (!v)
        return std::nullopt;
      result.values[i] = *v;
    }
    return result;
  }
  if (isUnaryElementwise(op)) {
    const ConstantTensor *source = operand(0);
    if (!source)
      return std::nullopt;
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      std::optional<double> v = applyUnary(op, source->values[i], elementType);
      if (!v)
        return std::nullopt;
      result.values[i] = *v;
    }
    return result;
  }
  if (isBinaryElementwise(op) || isa<shlo::CompareOp>(op)) {
    const ConstantTensor *lhs = operand(0);
    if (!lhs)
      return std::nullopt;
    const ConstantTensor *rhs = operand(1);
    if (!rhs)
      return std::nullopt;
    auto compare = dyn_cast<shlo::CompareOp>(op);
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      double a = lhs->values[i], b = rhs->values[i];
      if (compare) {
        std::optional<double> v = applyCompare(compare, a, b);
        if (!v)
          return std::nullopt;
        result.values[i] = *v;
        continue;
      }
      std::optional<double> v = applyBinary(op, a, b, elementType);
      if (!v)
        return std::nullopt;
      result.values[i] = *v;
    }
    return result;
  }
  if (isa<shlo::SelectOp, shlo::ClampOp>(op)) {
    const ConstantTensor *first = operand(0);
    if (!first)
      return std::nullopt;
    const ConstantTensor *second = operand(1);
    if (!second)
      return std::nullopt;
    const ConstantTensor *third = operand(2);
    if (!third)
      return std::nullopt;
    // 0-d operands broadcast.
    auto at = [](const ConstantTensor *t, int64_t i) {
      return t->values.size() == 1 ? t->values[0] : t->values[i];
    };
    bool isSelect = isa<shlo::SelectOp>(op);
    result.values.resize(count);
    for (int64_t i = 0; i < count; ++i) {
      if (isSelect) {
        result.values[i] = at(first, i) != 0.0 ? at(second, i) : at(third, i);
        continue;
      }
      double lo = at(first, i), x = at(second, i), hi = at(third, i);
      result.values[i] = std::min(std::max(x, lo), hi);
    }
    return result;
  }
  if (auto reduce = dyn_cast<shlo::ReduceOp>(op)) {
    if (reduce.getInputs().size() != 1)
      return std::nullopt;
    Block &body = reduce.getBody().front();
    auto terminator = dyn_cast<shlo::ReturnOp>(body.getTerminator());
    if (!terminator || terminator.getResults().size() != 1 ||
        body.getNumArguments() != 2)
      return std::nullopt;
    Operation *combiner = terminator.getResults()[0].getDefiningOp();
    if (!combiner || combiner->getBlock() != &body ||
        !isBinaryElementwise(combiner) || &body.front() != combiner ||
        combiner->getNextNode() != terminator.getOperation())
      return std::nullopt;
    if (!llvm::is_contained(combiner->getOperands(), body.getArgument(0)) ||
        !llvm::is_contained(combiner->getOperands(), body.getArgument(1)))
      return std::nullopt;
    const ConstantTensor *input = evaluate(reduce.getInputs()[0], depth + 1);
    if (!input)
      return std::nullopt;
    std::optional<double> init = getSplatValue(reduce.getInitValues()[0]);
    if (!init)
      return std::nullopt;
    ArrayRef<int64_t> dims = reduce.getDimensions();
    int64_t inputRank = input->shape.size();
    SmallVector<int64_t> inputStrides = computeSuffixProduct(input->shape);
    // Each input element's position in the result: drop the reduced dims.
    result.values.assign(count, *init);
    int64_t inputCount = input->values.size();
    SmallVector<int64_t> index(inputRank);
    for (int64_t i = 0; i < inputCount; ++i) {
      int64_t flat = i, target = 0, resultDim = 0;
      for (int64_t d = 0; d < inputRank; ++d) {
        index[d] = flat / inputStrides[d];
        flat -= index[d] * inputStrides[d];
      }
      for (int64_t d = 0; d < inputRank; ++d) {
        if (llvm::is_contained(dims, d))
          continue;
        target += index[d] * strides[resultDim++];
      }
      std::optional<double> combined = applyBinary(
          combiner, result.values[target], input->values[i], elementType);
      if (!combined)
        return std::nullopt;
      result.values[target] = *combined;
    }
    return result;
  }
  return std::nullopt;
}

std::optional<ConstantTensor>
mlir::yat::raising::evaluateConstant(Value value) {
  ConstantEvaluator evaluator;
  if (const ConstantTensor *result = evaluator.evaluate(value, 0))
    return *result;
  return std::nullopt;
}
