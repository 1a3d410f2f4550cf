//===- PopulatePatterns.h - per-family raising patterns ---------*- C++ -*-===//
//
// Private to the StablehloToYat library: each op family adds its patterns
// from its own file.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CONVERSION_STABLEHLOTOYAT_POPULATEPATTERNS_H
#define YAT_LIB_CONVERSION_STABLEHLOTOYAT_POPULATEPATTERNS_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace mlir::yat::raising {

void populateRaiseProductPatterns(RewritePatternSet &patterns);
void populateRaiseConvPatterns(RewritePatternSet &patterns);
void populateRaiseAttentionPatterns(RewritePatternSet &patterns);
void populateRaiseRmsNormPatterns(RewritePatternSet &patterns);
void populateRaiseRecurrencePatterns(RewritePatternSet &patterns);
void populateRaiseTernaryPatterns(RewritePatternSet &patterns);

} // namespace mlir::yat::raising

#endif // YAT_LIB_CONVERSION_STABLEHLOTOYAT_POPULATEPATTERNS_H
