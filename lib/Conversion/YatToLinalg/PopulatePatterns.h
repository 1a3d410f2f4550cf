//===- PopulatePatterns.h - per-family yat-to-linalg patterns ---*- C++ -*-===//
//
// Private to the YatToLinalg library: each op family adds its patterns from
// its own file.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_YATTOLINALG_POPULATEPATTERNS_H
#define YAT_LIB_CONVERSION_YATTOLINALG_POPULATEPATTERNS_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace mlir::yat::lowering {

void populateProductToLinalgPatterns(RewritePatternSet &patterns);
void populateConvToLinalgPatterns(RewritePatternSet &patterns);
void populateAttentionToLinalgPatterns(RewritePatternSet &patterns);
void populateRmsNormToLinalgPatterns(RewritePatternSet &patterns);
void populateTernaryToLinalgPatterns(RewritePatternSet &patterns);
void populateRecurrenceToLinalgPatterns(RewritePatternSet &patterns);
/// The internal ops of yat-cache-norms (`yat.squared_norms`); the
/// `*_with_norms` ops lower with their product and conv families.
void populateNormsToLinalgPatterns(RewritePatternSet &patterns);

} // namespace mlir::yat::lowering

#endif // YAT_LIB_CONVERSION_YATTOLINALG_POPULATEPATTERNS_H
