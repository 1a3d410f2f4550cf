//===- Chlo.cpp - the CHLO ops that JAX prints ----------------------------===//
//
// The chlo dialect, its syntax, the diagnostic for ops yat does not define
// and the expansion into stablehlo.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/StableHLO/IR/Chlo.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"

using namespace mlir;
using namespace mlir::yat::chlo;

#include "yat/Dialect/StableHLO/IR/ChloDialect.cpp.inc"

void ChloDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "yat/Dialect/StableHLO/IR/ChloOps.cpp.inc"
      >();
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

void mlir::yat::chlo::expandChloOps(Operation *root) {
  SmallVector<SquareOp> squares;
  root->walk([&](SquareOp square) { squares.push_back(square); });
  IRRewriter rewriter(root->getContext());
  for (SquareOp square : squares) {
    rewriter.setInsertionPoint(square);
    rewriter.replaceOpWithNewOp<stablehlo::MulOp>(square, square.getOperand(),
                                                  square.getOperand());
  }
}
