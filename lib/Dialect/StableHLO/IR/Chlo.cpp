//===- Chlo.cpp - the CHLO ops that JAX prints ----------------------------===//
//
// The chlo dialect, its syntax, the diagnostic for ops yat does not define
// and the expansion into stablehlo.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/StableHLO/IR/Chlo.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/InliningUtils.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat::chlo;
namespace shlo = mlir::yat::stablehlo;

#include "yat/Dialect/StableHLO/IR/ChloDialect.cpp.inc"

namespace {
/// CHLO ops are pure functions of their operands: calls of functions that
/// hold them (JAX's helpers, such as `_normal_real` around chlo.erf_inv)
/// inline like any other.
struct ChloInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void ChloDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "yat/Dialect/StableHLO/IR/ChloOps.cpp.inc"
      >();
  addInterfaces<ChloInlinerInterface>();
}

/// Parse hook for `chlo.*` names that yat does not define. The parser
/// prefixes the diagnostic with "custom op 'chlo.NAME'".
static ParseResult rejectUnsupportedChloOp(OpAsmParser &parser,
                                           OperationState &) {
  return parser.emitError(parser.getNameLoc())
         << "is not in yat's StableHLO subset (see docs/STABLEHLO.md for the "
            "CHLO ops it has)";
}

std::optional<Dialect::ParseOpHook>
ChloDialect::getParseOperationHook(StringRef opName) const {
  if (std::optional<ParseOpHook> hook = Dialect::getParseOperationHook(opName))
    return hook;
  return ParseOpHook(rejectUnsupportedChloOp);
}

/// Parses CHLO's `T -> T` and the short `T` (operand and result alike).
static ParseResult parseUnaryTypes(OpAsmParser &parser, Type &operand,
                                   Type &result) {
  if (parser.parseType(operand))
    return failure();
  if (failed(parser.parseOptionalArrow())) {
    result = operand;
    return success();
  }
  return parser.parseType(result);
}

/// Prints the types as CHLO does: `T -> T`.
static void printUnaryTypes(OpAsmPrinter &printer, Operation *, Type operand,
                            Type result) {
  printer << operand << " -> " << result;
}

#define GET_OP_CLASSES
#include "yat/Dialect/StableHLO/IR/ChloOps.cpp.inc"

LogicalResult TopKOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  if (operand.getRank() == 0)
    return emitOpError() << "expected an operand of rank 1 or more";
  auto k = static_cast<int64_t>(getK());
  int64_t last = operand.getShape().back();
  if (k < 0 || (!ShapedType::isDynamic(last) && k > last))
    return emitOpError() << "k = " << k << " is not in [0, " << last
                         << "], the size of the last dimension";
  SmallVector<int64_t> shape(operand.getShape());
  shape.back() = k;
  auto values = RankedTensorType::get(shape, operand.getElementType());
  auto indices =
      RankedTensorType::get(shape, IntegerType::get(getContext(), 32));
  if (getValues().getType() != values || getIndices().getType() != indices)
    return emitOpError() << "expected results of types " << values << " and "
                         << indices;
  return success();
}

/// `chlo.top_k`: sort (operand, iota) along the last dimension with a
/// "greater" comparator (total order for floats; the sort is stable, so
/// ties keep the lower index first) and slice the first k of both.
static void expandTopK(IRRewriter &rewriter, TopKOp topK) {
  Location loc = topK.getLoc();
  auto type = cast<RankedTensorType>(topK.getOperand().getType());
  int64_t rank = type.getRank();
  auto indexType =
      RankedTensorType::get(type.getShape(), rewriter.getI32Type());
  Value iota = shlo::IotaOp::create(rewriter, loc, indexType,
                                    rewriter.getI64IntegerAttr(rank - 1));
  auto sort = shlo::SortOp::create(rewriter, loc, TypeRange{type, indexType},
                                   ValueRange{topK.getOperand(), iota},
                                   rewriter.getI64IntegerAttr(rank - 1),
                                   rewriter.getBoolAttr(true));
  Block *block = rewriter.createBlock(&sort.getComparator());
  auto scalar = RankedTensorType::get({}, type.getElementType());
  auto scalarIndex = RankedTensorType::get({}, rewriter.getI32Type());
  for (Type argType :
       {Type(scalar), Type(scalar), Type(scalarIndex), Type(scalarIndex)})
    block->addArgument(argType, loc);
  Type element = type.getElementType();
  auto compareType = isa<FloatType>(element) ? shlo::ComparisonType::TOTALORDER
                     : element.isUnsignedInteger() || element.isInteger(1)
                         ? shlo::ComparisonType::UNSIGNED
                         : shlo::ComparisonType::SIGNED;
  MLIRContext *ctx = rewriter.getContext();
  Value greater = shlo::CompareOp::create(
      rewriter, loc, RankedTensorType::get({}, rewriter.getI1Type()),
      block->getArgument(0), block->getArgument(1),
      shlo::ComparisonDirectionAttr::get(ctx, shlo::ComparisonDirection::GT),
      shlo::ComparisonTypeAttr::get(ctx, compareType));
  shlo::ReturnOp::create(rewriter, loc, greater);
  rewriter.setInsertionPointAfter(sort);
  SmallVector<int64_t> start(rank, 0), limit(type.getShape()), strides(rank, 1);
  limit.back() = static_cast<int64_t>(topK.getK());
  SmallVector<Value> results;
  for (Value sorted : sort.getResults())
    results.push_back(shlo::SliceOp::create(
        rewriter, loc,
        RankedTensorType::get(
            limit, cast<RankedTensorType>(sorted.getType()).getElementType()),
        sorted, rewriter.getDenseI64ArrayAttr(start),
        rewriter.getDenseI64ArrayAttr(limit),
        rewriter.getDenseI64ArrayAttr(strides)));
  rewriter.replaceOp(topK, results);
}

void mlir::yat::chlo::expandChloOps(Operation *root) {
  SmallVector<Operation *> expandable;
  root->walk([&](Operation *op) {
    if (isa<SquareOp, TopKOp>(op))
      expandable.push_back(op);
  });
  IRRewriter rewriter(root->getContext());
  for (Operation *op : expandable) {
    rewriter.setInsertionPoint(op);
    if (auto square = dyn_cast<SquareOp>(op))
      rewriter.replaceOpWithNewOp<stablehlo::MulOp>(square, square.getOperand(),
                                                    square.getOperand());
    else
      expandTopK(rewriter, cast<TopKOp>(op));
  }
}
