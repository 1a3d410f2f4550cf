//===- Runner.cpp - run a function of an .mlir file on .npy data ----------===//

#include "yat/Runtime/Tooling/Runner.h"
#include "yat/Runtime/Tooling/TensorPrinting.h"

#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Runtime/Cuda/CudaDriver.h"
#include "yat/Runtime/JIT/Checks.h"
#include "yat/Runtime/JIT/ModuleLoading.h"
#include "yat/Runtime/Tooling/Npy.h"
#include "yat/Runtime/Tooling/RandomInputs.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::yat::runtime;

/// Fails unless the requested target can run here.
static llvm::Error checkTarget(Target target) {
  if (target == Target::Cpu)
    return llvm::Error::success();
  const CudaDriverStatus &status = probeCudaDriver();
  if (!status.usable)
    return makeUnavailableError(
        "--target=cuda needs an NVIDIA GPU and driver (" + status.reason + ")");
  return llvm::Error::success();
}

/// Reads or draws the arguments and checks them against `signature`.
static llvm::Expected<SmallVector<HostTensor>>
getArguments(const RunOptions &options, const FunctionSignature &signature) {
  if (options.randomInputs) {
    if (!options.inputPaths.empty())
      return makeInputError("--random-inputs cannot be combined with --input");
    return makeRandomArguments(signature, options.seed);
  }
  if (options.inputPaths.size() != signature.arguments.size())
    return makeInputError(
        "'@" + signature.name + "' takes " +
        llvm::Twine(signature.arguments.size()) + " argument" +
        (signature.arguments.size() == 1 ? "" : "s") + " but " +
        llvm::Twine(options.inputPaths.size()) + " --input file" +
        (options.inputPaths.size() == 1 ? " was" : "s were") + " given");
  SmallVector<HostTensor> arguments;
  for (auto [index, path] : llvm::enumerate(options.inputPaths)) {
    llvm::Expected<HostTensor> tensor = readNpyFile(path);
    if (!tensor) {
      std::string message = llvm::toString(tensor.takeError());
      return makeInputError("argument " + llvm::Twine(index) + ": " + message);
    }
    arguments.push_back(std::move(*tensor));
  }
  return prepareArguments(signature, std::move(arguments));
}

llvm::Error mlir::yat::runtime::runModuleFile(const RunOptions &options,
                                              llvm::raw_ostream &out) {
  if (llvm::Error error = checkTarget(options.target))
    return error;
  if (options.benchmarkIterations && *options.benchmarkIterations == 0)
    return makeInputError("--benchmark needs a positive number of calls");

  DialectRegistry registry;
  registerRuntimeDialects(registry);
  MLIRContext context(registry);
  llvm::Expected<OwningOpRef<ModuleOp>> module =
      parseModuleFile(options.modulePath, context);
  if (!module)
    return module.takeError();

  // Check everything about the inputs before spending time compiling.
  llvm::Expected<FunctionSignature> signature =
      getEntrySignature(**module, options.entry);
  if (!signature)
    return signature.takeError();
  llvm::Expected<SmallVector<HostTensor>> arguments =
      getArguments(options, *signature);
  if (!arguments)
    return arguments.takeError();
  size_t numResults = signature->results.size();
  if (!options.outputPaths.empty() && options.outputPaths.size() != numResults)
    return makeInputError(
        "'@" + signature->name + "' returns " + llvm::Twine(numResults) +
        " result" + (numResults == 1 ? "" : "s") + " but " +
        llvm::Twine(options.outputPaths.size()) + " --output file" +
        (options.outputPaths.size() == 1 ? " was" : "s were") + " given");

  CompileOptions compileOptions;
  compileOptions.entry = options.entry;
  compileOptions.target = options.target;
  compileOptions.prePipelineHook = options.prePipelineHook;
  compileOptions.pipelineOptions = options.pipelineOptions;
  llvm::Expected<std::unique_ptr<JitExecutable>> executable =
      JitExecutable::compile(**module, compileOptions);
  if (!executable)
    return executable.takeError();

  SmallVector<TensorRef> argumentRefs(arguments->begin(), arguments->end());
  resetCheckResults();
  llvm::Expected<SmallVector<HostTensor>> results =
      (*executable)->call(argumentRefs);
  if (!results)
    return results.takeError();
  // A failed check.* call fails the run, naming the check.
  if (std::optional<std::string> failure = describeCheckFailures())
    return makeModuleError(*failure);
  for (auto [path, result] : llvm::zip(options.outputPaths, *results))
    if (llvm::Error error = writeNpyFile(path, result))
      return error;

  if (options.benchmarkIterations) {
    llvm::Expected<BenchmarkResult> timing =
        (*executable)->benchmark(argumentRefs, *options.benchmarkIterations);
    if (!timing)
      return timing.takeError();
    out << llvm::format("median_ms=%.6f min_ms=%.6f\n", timing->medianMs,
                        timing->minMs);
    return llvm::Error::success();
  }
  if (options.outputPaths.empty()) {
    for (auto [index, result] : llvm::enumerate(*results)) {
      out << "result " << index << ": " << result.getTypeString() << "\n";
      printTensor(out, result);
    }
  }
  return llvm::Error::success();
}

int mlir::yat::runtime::reportRunError(llvm::Error error, llvm::StringRef tool,
                                       llvm::raw_ostream &errs) {
  int status = 1;
  std::string message;
  llvm::handleAllErrors(
      std::move(error),
      [&](const RuntimeError &runtimeError) {
        message = runtimeError.getMessage();
        status =
            runtimeError.getKind() == RuntimeErrorKind::InvalidModule ? 1 : 2;
      },
      [&](const llvm::ErrorInfoBase &other) { message = other.message(); });
  // One line, whatever the message quotes from the input.
  for (char &c : message)
    if (c == '\n' || c == '\r')
      c = ' ';
  errs << tool << ": error: " << message << "\n";
  return status;
}
