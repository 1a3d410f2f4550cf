//===- TensorPrinting.h - host tensors printed the way numpy does -*- C++
//-*-===//

#ifndef YAT_RUNTIME_TOOLING_TENSORPRINTING_H
#define YAT_RUNTIME_TOOLING_TENSORPRINTING_H

#include "yat/Runtime/Core/HostTensor.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir::yat::runtime {

/// Prints `tensor` the way numpy's `print(array)` does: nested brackets,
/// aligned columns, elements elided with `...` beyond 1000 elements.
void printTensor(llvm::raw_ostream &os, const HostTensor &tensor);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_TOOLING_TENSORPRINTING_H
