//===- IntListSyntax.h - `[1, 2, 3]` in stablehlo syntax --------*- C++ -*-===//
//
// The bracketed integer list that the custom syntax of the stablehlo ops and
// attributes uses for dimension numbers, window sizes and the like.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_DIALECT_STABLEHLO_IR_INTLISTSYNTAX_H
#define YAT_LIB_DIALECT_STABLEHLO_IR_INTLISTSYNTAX_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

namespace mlir::yat::stablehlo {

/// Parses `[1, 2, 3]`, appending the integers to `values`.
inline ParseResult parseIntList(AsmParser &parser,
                                SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
    int64_t value;
    if (parser.parseInteger(value))
      return failure();
    values.push_back(value);
    return success();
  });
}

/// Prints `values` as `[1, 2, 3]`.
template <typename Range>
void printBracketedList(AsmPrinter &printer, const Range &values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

inline void printIntList(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printBracketedList(printer, values);
}

/// `[0, 1, 2]` as a DenseI64ArrayAttr.
inline ParseResult parseDims(OpAsmParser &parser, DenseI64ArrayAttr &dims) {
  SmallVector<int64_t> values;
  if (parseIntList(parser, values))
    return failure();
  dims = parser.getBuilder().getDenseI64ArrayAttr(values);
  return success();
}

} // namespace mlir::yat::stablehlo

#endif // YAT_LIB_DIALECT_STABLEHLO_IR_INTLISTSYNTAX_H
