//===- yat-run.cpp - compile and run a function on tensors ----------------===//
//
// Flag parsing only; the work is done by yat's runtime library
// (yat/Runtime/Tooling/Runner.h).
//
//===----------------------------------------------------------------------===//

#include "yat/Runtime/Tooling/Runner.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;
using namespace mlir::yat::runtime;

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);

  cl::OptionCategory category("yat-run options");
  cl::opt<std::string> modulePath(cl::Positional, cl::Required,
                                  cl::desc("<module.mlir>"), cl::cat(category));
  cl::opt<std::string> entry("entry", cl::init("main"),
                             cl::desc("Function to run (default: main)"),
                             cl::value_desc("name"), cl::cat(category));
  cl::opt<Target> target(
      "target", cl::init(Target::Cpu), cl::desc("Where to run"),
      cl::values(clEnumValN(Target::Cpu, "cpu", "the host CPU (default)"),
                 clEnumValN(Target::Cuda, "cuda", "an NVIDIA GPU")),
      cl::cat(category));
  cl::list<std::string> inputs("input",
                               cl::desc("An .npy file per argument, in order"),
                               cl::value_desc("file.npy"), cl::cat(category));
  cl::list<std::string> outputs(
      "output",
      cl::desc("An .npy file per result, in order (default: print results)"),
      cl::value_desc("file.npy"), cl::cat(category));
  cl::opt<bool> randomInputs(
      "random-inputs",
      cl::desc("Random arguments: floats in [-1, 1), integers in [-8, 8], "
               "random bools"),
      cl::cat(category));
  cl::opt<uint64_t> seed("seed", cl::init(0),
                         cl::desc("Seed of --random-inputs (default: 0)"),
                         cl::cat(category));
  cl::opt<unsigned> benchmark("benchmark",
                              cl::desc("Time N calls after a warm-up and print "
                                       "'median_ms=<x> min_ms=<y>'"),
                              cl::value_desc("N"), cl::cat(category));
  cl::opt<std::string> pipelineOptions(
      "pipeline-options",
      cl::desc(
          "Options of the target's pipeline (yat-cpu-pipeline, or "
          "yat-gpu-pipeline with --target=cuda), e.g. \"fuse=false\" for the "
          "plain reference lowering or \"threads=1\""),
      cl::value_desc("options"), cl::cat(category));
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "yat-run: compile a function on tensors with yat-cpu-pipeline (or "
      "yat-gpu-pipeline) and run it\n\nExit status: 0 on success, 1 for a "
      "module that cannot be parsed "
      "or compiled, 2 for bad inputs or an unavailable target.\n");

  RunOptions options;
  options.modulePath = modulePath;
  options.entry = entry;
  options.target = target;
  options.inputPaths.assign(inputs.begin(), inputs.end());
  options.outputPaths.assign(outputs.begin(), outputs.end());
  options.randomInputs = randomInputs;
  options.pipelineOptions = pipelineOptions;
  options.seed = seed;
  if (benchmark.getNumOccurrences())
    options.benchmarkIterations = benchmark;

  if (llvm::Error error = runModuleFile(options, llvm::outs()))
    return reportRunError(std::move(error), "yat-run", llvm::errs());
  return 0;
}
