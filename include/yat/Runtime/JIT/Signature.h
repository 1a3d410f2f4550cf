//===- Signature.h - the tensor signature of an entry function --*- C++ -*-===//
//
// What a compiled entry takes and returns, read from its func.func, and the
// checks of host tensors against it.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_JIT_SIGNATURE_H
#define YAT_RUNTIME_JIT_SIGNATURE_H

#include "yat/Runtime/Core/HostTensor.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace mlir::yat::runtime {

/// The type of one argument or result of the entry function.
struct TensorSpec {
  ElementType elementType;
  /// Static sizes, or ShapedType::kDynamic.
  SmallVector<int64_t> shape;

  bool hasStaticShape() const;
  std::string str() const { return formatTensorType(elementType, shape); }
};

/// The tensor signature of the entry function.
struct FunctionSignature {
  std::string name;
  SmallVector<TensorSpec> arguments;
  SmallVector<TensorSpec> results;
};

/// Checks that `module` has a function `entry` with a body whose arguments
/// and results are all supported tensors, and returns its signature.
llvm::Expected<FunctionSignature> getEntrySignature(ModuleOp module,
                                                    StringRef entry);

/// Checks `arguments` against `signature`: count, then for each argument
/// element type, rank and every static size. Errors name the argument index
/// and the expected and given types.
llvm::Error checkArguments(const FunctionSignature &signature,
                           ArrayRef<TensorRef> arguments);

/// Converts f32 tensors given for bf16 parameters to bf16 (numpy has no
/// bf16), then checks the arguments with `checkArguments`.
llvm::Expected<SmallVector<HostTensor>>
prepareArguments(const FunctionSignature &signature,
                 SmallVector<HostTensor> arguments);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_SIGNATURE_H
