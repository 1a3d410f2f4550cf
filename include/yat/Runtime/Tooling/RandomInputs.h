//===- RandomInputs.h - deterministic random arguments ----------*- C++ -*-===//
//
// yat-run's inputs when no .npy file is given.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_TOOLING_RANDOMINPUTS_H
#define YAT_RUNTIME_TOOLING_RANDOMINPUTS_H

#include "yat/Runtime/JIT/Signature.h"

#include <cstdint>

namespace mlir::yat::runtime {

/// Deterministic random arguments for `signature`: floats uniform in
/// [-1, 1), integers uniform in [-8, 8], bools fair coin flips, drawn from
/// std::mt19937_64 seeded with `seed` in argument order. Every argument must
/// have a static shape.
llvm::Expected<SmallVector<HostTensor>>
makeRandomArguments(const FunctionSignature &signature, uint64_t seed);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_TOOLING_RANDOMINPUTS_H
