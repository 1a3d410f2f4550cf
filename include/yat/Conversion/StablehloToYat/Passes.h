//===- Passes.h - raising StableHLO to yat ----------------------*- C++ -*-===//

#ifndef YAT_CONVERSION_STABLEHLOTOYAT_PASSES_H
#define YAT_CONVERSION_STABLEHLOTOYAT_PASSES_H

#include "mlir/Pass/Pass.h"
#include "yat/Conversion/StablehloToYat/StablehloToYat.h"

namespace mlir::yat {

#define GEN_PASS_DECL
#include "yat/Conversion/StablehloToYat/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "yat/Conversion/StablehloToYat/Passes.h.inc"

} // namespace mlir::yat

#endif // YAT_CONVERSION_STABLEHLOTOYAT_PASSES_H
