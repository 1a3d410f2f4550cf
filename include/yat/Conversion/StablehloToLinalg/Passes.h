//===- Passes.h - StableHLO conversion passes -------------------*- C++ -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_H
#define YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_H

#include "mlir/Pass/Pass.h"
#include "yat/Conversion/StablehloToLinalg/StablehloToLinalg.h"

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Conversion/StablehloToLinalg/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Conversion/StablehloToLinalg/Passes.h.inc"

} // namespace mlir::yat

#endif // YAT_CONVERSION_STABLEHLOTOLINALG_PASSES_H
