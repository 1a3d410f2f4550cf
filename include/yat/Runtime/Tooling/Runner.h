//===- Runner.h - run a function of an .mlir file on .npy data --*- C++ -*-===//
//
// The whole of `yat-run` except flag parsing: read the module and the
// arguments, check them, compile, call, print or save the results, time.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_TOOLING_RUNNER_H
#define YAT_RUNTIME_TOOLING_RUNNER_H

#include "yat/Runtime/JIT/JitExecutable.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir::yat::runtime {

struct RunOptions {
  std::string modulePath;
  std::string entry = "main";
  Target target = Target::Cpu;
  /// One .npy file per argument, in order.
  std::vector<std::string> inputPaths;
  /// One .npy file per result, in order; empty prints the results instead.
  std::vector<std::string> outputPaths;
  /// Draw the arguments with makeRandomArguments(seed) instead of reading
  /// them.
  bool randomInputs = false;
  uint64_t seed = 0;
  /// Time this many calls after a warm-up and print
  /// `median_ms=<x> min_ms=<y>` instead of the results.
  std::optional<unsigned> benchmarkIterations;
  /// Forwarded to CompileOptions::pipelineOptions.
  std::string pipelineOptions;
  /// Forwarded to CompileOptions::prePipelineHook.
  std::function<LogicalResult(ModuleOp)> prePipelineHook;
};

/// Runs `options.entry` of `options.modulePath`, writing results to `out`.
/// Every failure is a RuntimeError; nothing is written to `out` for a
/// failed run except results of a completed call.
llvm::Error runModuleFile(const RunOptions &options, llvm::raw_ostream &out);

/// Prints "<tool>: error: <message>" for `error` on `errs` and returns the
/// exit status for it: 1 for module problems, 2 for input and availability
/// problems.
int reportRunError(llvm::Error error, llvm::StringRef tool,
                   llvm::raw_ostream &errs);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_TOOLING_RUNNER_H
