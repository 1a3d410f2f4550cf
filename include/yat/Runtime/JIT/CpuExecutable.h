//===- CpuExecutable.h - JIT-compiled functions on host tensors -*- C++ -*-===//
//
// Compiles a module with yat-cpu-pipeline into host code with MLIR's
// ExecutionEngine and calls one of its functions on HostTensors. The entry
// function takes and returns ranked tensors; it is called through its C
// interface (`_mlir_ciface_<name>`), which receives a pointer to the result
// descriptor(s) first and then one pointer per argument memref descriptor
// {allocated, aligned, offset, sizes[rank], strides[rank]}.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_JIT_CPUEXECUTABLE_H
#define YAT_RUNTIME_JIT_CPUEXECUTABLE_H

#include "yat/Runtime/Core/HostTensor.h"

#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <string>

namespace mlir {
class DialectRegistry;
class ExecutionEngine;
class MLIRContext;
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

struct CompileOptions {
  /// The function to call.
  std::string entry = "main";
  /// Run on the parsed module before the pipeline (after the entry has been
  /// checked), e.g. to rewrite test-only ops; a failure has already emitted
  /// its diagnostic.
  std::function<LogicalResult(ModuleOp)> prePipelineHook;
  /// Options of yat-cpu-pipeline in its textual form, e.g. "fuse=false" for
  /// the plain reference lowering; empty for the defaults.
  std::string pipelineOptions;
  /// LLVM optimization level for the generated code (0 to 3).
  unsigned llvmOptLevel = 3;
};

struct BenchmarkResult {
  double medianMs = 0;
  double minMs = 0;
};

/// Checks that `module` has a function `entry` with a body whose arguments
/// and results are all supported tensors, and returns its signature.
llvm::Expected<FunctionSignature> getEntrySignature(ModuleOp module,
                                                    StringRef entry);

/// Checks `arguments` against `signature`: count, then for each argument
/// element type, rank and every static size. Errors name the argument index
/// and the expected and given types.
llvm::Error checkArguments(const FunctionSignature &signature,
                           ArrayRef<HostTensor> arguments);

/// Converts f32 tensors given for bf16 parameters to bf16 (numpy has no
/// bf16), then checks the arguments with `checkArguments`.
llvm::Expected<SmallVector<HostTensor>>
prepareArguments(const FunctionSignature &signature,
                 SmallVector<HostTensor> arguments);

/// Adds everything the runtime's modules may contain (yat, upstream
/// dialects and their extensions, translations to LLVM IR) to `registry`.
void registerRuntimeDialects(DialectRegistry &registry);

/// Parses and verifies the module in `path`. Any diagnostic becomes a
/// one-line InvalidModule error "file:line:col: message".
llvm::Expected<OwningOpRef<ModuleOp>> parseModuleFile(StringRef path,
                                                      MLIRContext &context);

/// A compiled module with one callable entry function.
class CpuExecutable {
public:
  ~CpuExecutable();

  /// Checks the entry of `module`, lowers the module in place with
  /// yat-cpu-pipeline and JIT-compiles it.
  static llvm::Expected<std::unique_ptr<CpuExecutable>>
  compile(ModuleOp module, const CompileOptions &options = {});

  const FunctionSignature &getSignature() const { return signature; }

  /// Calls the entry. Arguments are checked with `checkArguments` first and
  /// never written to; results are fresh tensors.
  llvm::Expected<SmallVector<HostTensor>>
  call(ArrayRef<HostTensor> arguments) const;

  /// Times `iterations` calls after one warm-up call (arguments checked as
  /// in `call`).
  llvm::Expected<BenchmarkResult> benchmark(ArrayRef<HostTensor> arguments,
                                            unsigned iterations) const;

private:
  CpuExecutable(std::unique_ptr<ExecutionEngine> engine,
                FunctionSignature signature, void (*packedEntry)(void **));

  /// One call on checked arguments: fills `resultWords` with the result
  /// descriptors.
  void invoke(ArrayRef<HostTensor> arguments,
              SmallVectorImpl<int64_t> &resultWords) const;
  /// Copies the results out of `resultWords` and frees their buffers.
  llvm::Expected<SmallVector<HostTensor>>
  takeResults(ArrayRef<HostTensor> arguments,
              ArrayRef<int64_t> resultWords) const;
  void freeResults(ArrayRef<HostTensor> arguments,
                   ArrayRef<int64_t> resultWords) const;

  std::unique_ptr<ExecutionEngine> engine;
  FunctionSignature signature;
  /// The packed wrapper of `_mlir_ciface_<entry>`: takes a pointer to each
  /// of its arguments.
  void (*packedEntry)(void **);
};

/// Deterministic random arguments for `signature`: floats uniform in
/// [-1, 1), integers uniform in [-8, 8], bools fair coin flips, drawn from
/// std::mt19937_64 seeded with `seed` in argument order. Every argument must
/// have a static shape.
llvm::Expected<SmallVector<HostTensor>>
makeRandomArguments(const FunctionSignature &signature, uint64_t seed);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_CPUEXECUTABLE_H
