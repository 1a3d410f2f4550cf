//===- StablehloToYat.h - raise StableHLO patterns to yat ops ---*- C++ -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOYAT_STABLEHLOTOYAT_H
#define YAT_CONVERSION_STABLEHLOTOYAT_STABLEHLOTOYAT_H

namespace mlir {
class RewritePatternSet;
} // namespace mlir

namespace mlir::yat {

/// Adds the patterns that recognize ⵟ-product, ⵟ-convolution, ⵟ-attention
/// and RMS normalization written in StableHLO and replace them by
/// `yat.product`, `yat.conv`, `yat.attention` and `yat.rms_norm`. A pattern
/// that does not match leaves the IR unchanged.
void populateRaiseStablehloToYatPatterns(RewritePatternSet &patterns);

} // namespace mlir::yat

#endif // YAT_CONVERSION_STABLEHLOTOYAT_STABLEHLOTOYAT_H
