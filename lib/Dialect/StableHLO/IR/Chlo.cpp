//===- Chlo.cpp - the CHLO ops that JAX prints ----------------------------===//
//
// The chlo dialect, its syntax, the diagnostic for ops yat does not define
// (the expansion into stablehlo is the stablehlo-expand-chlo pass).
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
