//===- Npy.h - numpy .npy files ---------------------------------*- C++ -*-===//
//
// Reads and writes numpy's .npy format (versions 1.0 to 3.0 when reading,
// 1.0 when writing): C order, little-endian dtypes <f4 <f8 <f2 |i1 <i2 <i4
// <i8 |b1. numpy has no bfloat16: bf16 tensors are written as <f4, and reading
// gives an f32 tensor that callers convert.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_TOOLING_NPY_H
#define YAT_RUNTIME_TOOLING_NPY_H

#include "yat/Runtime/Core/HostTensor.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir::yat::runtime {

/// Parses the bytes of an .npy file; `name` appears in error messages.
llvm::Expected<HostTensor> parseNpy(llvm::StringRef bytes,
                                    llvm::StringRef name);

/// Reads an .npy file.
llvm::Expected<HostTensor> readNpyFile(llvm::StringRef path);

/// Writes `tensor` in .npy format 1.0 (bf16 as <f4).
void writeNpy(llvm::raw_ostream &os, const HostTensor &tensor);

/// Writes `tensor` to an .npy file at `path`.
llvm::Error writeNpyFile(llvm::StringRef path, const HostTensor &tensor);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_TOOLING_NPY_H
