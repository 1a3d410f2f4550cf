//===- JitExecutable.h - JIT-compiled functions on host tensors -*- C++ -*-===//
//
// Compiles a module with yat-cpu-pipeline (or yat-gpu-pipeline) into host
// code with MLIR's ExecutionEngine and calls one of its functions on host
// tensors. The entry function takes and returns ranked tensors; it is called
// through its C interface (`_mlir_ciface_<name>`), which receives a pointer
// to the result descriptor(s) first and then one pointer per argument memref
// descriptor {allocated, aligned, offset, sizes[rank], strides[rank]}.
//
// For the CUDA target the host code launches the kernels through the mgpu*
// runtime (yat/Runtime/Cuda/CudaRuntime.h): arguments are copied into
// host-shared memory first, results come back in it and are copied out.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_JIT_JITEXECUTABLE_H
#define YAT_RUNTIME_JIT_JITEXECUTABLE_H

#include "yat/Runtime/Core/HostTensor.h"
#include "yat/Runtime/JIT/Signature.h"

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

/// Where a compiled function runs.
enum class Target { Cpu, Cuda };

struct CompileOptions {
  /// The function to call.
  std::string entry = "main";
  /// Run on the parsed module before the pipeline (after the entry has been
  /// checked), e.g. to rewrite test-only ops; a failure has already emitted
  /// its diagnostic.
  std::function<LogicalResult(ModuleOp)> prePipelineHook;
  Target target = Target::Cpu;
  /// Options of the target's pipeline (yat-cpu-pipeline or
  /// yat-gpu-pipeline) in their textual form, e.g. "fuse=false" for the
  /// plain reference lowering on the CPU; empty for the defaults.
  std::string pipelineOptions;
  /// LLVM optimization level for the generated code (0 to 3).
  unsigned llvmOptLevel = 3;
  /// Let the diagnostics of the pipeline also reach the context's own
  /// handlers; by default they are swallowed and the first error becomes the
  /// returned error's message.
  bool propagateDiagnostics = false;
};

struct BenchmarkResult {
  double medianMs = 0;
  double minMs = 0;
};

/// A compiled module with one callable entry function.
class JitExecutable {
public:
  ~JitExecutable();

  /// Checks the entry of `module`, lowers the module in place with the
  /// target's pipeline and JIT-compiles its host code.
  static llvm::Expected<std::unique_ptr<JitExecutable>>
  compile(ModuleOp module, const CompileOptions &options = {});

  const FunctionSignature &getSignature() const { return signature; }

  /// Calls the entry. Arguments are checked with `checkArguments` first and
  /// never written to; results are fresh tensors.
  llvm::Expected<SmallVector<HostTensor>>
  call(ArrayRef<TensorRef> arguments) const;

  /// Times `iterations` calls after one warm-up call (arguments checked as
  /// in `call`); on the CUDA target with CUDA events.
  llvm::Expected<BenchmarkResult> benchmark(ArrayRef<TensorRef> arguments,
                                            unsigned iterations) const;

  Target getTarget() const { return target; }

private:
  JitExecutable(std::unique_ptr<ExecutionEngine> engine,
                FunctionSignature signature, void (*packedEntry)(void **),
                Target target);

  /// One call on checked arguments: fills `resultWords` with the result
  /// descriptors.
  void invoke(ArrayRef<TensorRef> arguments,
              SmallVectorImpl<int64_t> &resultWords) const;
  /// Copies the results out of `resultWords` and frees their buffers.
  llvm::Expected<SmallVector<HostTensor>>
  takeResults(ArrayRef<TensorRef> arguments,
              ArrayRef<int64_t> resultWords) const;
  void freeResults(ArrayRef<TensorRef> arguments,
                   ArrayRef<int64_t> resultWords) const;

  std::unique_ptr<ExecutionEngine> engine;
  FunctionSignature signature;
  Target target;
  /// The packed wrapper of `_mlir_ciface_<entry>`: takes a pointer to each
  /// of its arguments.
  void (*packedEntry)(void **);
};

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_JITEXECUTABLE_H
