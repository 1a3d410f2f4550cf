//===- YatToLinalg.h - lower yat ops to linalg on tensors -------*- C++ -*-===//

#ifndef YAT_CONVERSION_YATTOLINALG_YATTOLINALG_H
#define YAT_CONVERSION_YATTOLINALG_YATTOLINALG_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace mlir::yat {

/// Adds the patterns that rewrite every yat op into linalg, tensor, arith,
/// math and scf ops on tensors (the reference lowering of
/// `convert-yat-to-linalg`).
void populateYatToLinalgConversionPatterns(RewritePatternSet &patterns);

} // namespace mlir::yat

#endif // YAT_CONVERSION_YATTOLINALG_YATTOLINALG_H
