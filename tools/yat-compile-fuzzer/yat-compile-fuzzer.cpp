//===- yat-compile-fuzzer.cpp - libFuzzer target for the compiler ---------===//
//
// Each input is the text of a module. It is parsed and verified with every
// dialect yat-opt knows; when all of its ops belong to yat, StableHLO, CHLO,
// func or builtin, it is then compiled by yat-cpu-pipeline down to the LLVM
// dialect: yat-raise-stablehlo, convert-stablehlo-to-linalg, yat-cache-norms,
// yat-fuse-epilogue, convert-yat-to-linalg and the rest. One bit of the
// input's hash picks the fast path or the plain reference lowering, so that
// both are covered and an input always takes the same one.
//
// Diagnostics are expected and dropped. A crash, a sanitizer report, a leak
// or a hang is a finding. Modules made of other upstream ops (linalg, tensor,
// ...) are parsed and verified only: compiling hand-written upstream IR
// fuzzes upstream's passes, not yat's.
//
// Inputs that hit a known MLIR 22 bug are rejected before parsing; each
// entry of kKnownUpstreamBugs names its upstream issue.
//
//===----------------------------------------------------------------------===//

#include "yat/InitAll.h"
#include "yat/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/xxhash.h"

#include <cstddef>
#include <cstdint>

using namespace mlir;

namespace {

/// An MLIR 22 bug that a fuzzer input can reach, and how to recognize such
/// an input before it reaches it.
struct KnownUpstreamBug {
  const char *upstreamIssue;
  const char *description;
  const char *inputPattern; // an llvm::Regex (extended)
};

const KnownUpstreamBug kKnownUpstreamBugs[] = {
    {"llvm/llvm-project#132747",
     "linalg.reduce's custom parser crashes on a malformed `dimensions` list",
     "linalg\\.reduce"},
    {"not yet filed upstream",
     "a use of a result number such as %0#2147483647 makes the parser "
     "allocate a placeholder per number below it and run out of memory",
     "#[0-9]{6,}"},
};

bool hitsKnownUpstreamBug(llvm::StringRef text) {
  for (const KnownUpstreamBug &bug : kKnownUpstreamBugs)
    if (llvm::Regex(bug.inputPattern, llvm::Regex::Newline).match(text))
      return true;
  return false;
}

/// Whether yat-cpu-pipeline is the code under test for `module`: every op
/// is one of yat's or a StableHLO program's.
bool isYatOrStablehloProgram(ModuleOp module) {
  bool onlyKnown = true;
  module->walk([&](Operation *op) {
    llvm::StringRef dialect = op->getName().getDialectNamespace();
    if (dialect != "yat" && dialect != "stablehlo" && dialect != "chlo" &&
        dialect != "func" && dialect != "builtin") {
      onlyKnown = false;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return onlyKnown;
}

const DialectRegistry &getRegistry() {
  static const DialectRegistry *registry = [] {
    auto *result = new DialectRegistry();
    yat::registerAllYatDialects(*result);
    yat::registerUpstreamDialects(*result);
    registerAllToLLVMIRTranslations(*result);
    return result;
  }();
  return *registry;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (hitsKnownUpstreamBug(text))
    return -1; // Not added to the corpus.

  MLIRContext context(getRegistry(), MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler dropDiagnostics(
      &context, [](Diagnostic &) { return success(); });

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz-input.mlir"),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module || !isYatOrStablehloProgram(*module))
    return 0;

  yat::YatCpuPipelineOptions options;
  options.fuse = (llvm::xxh3_64bits(text) & 1) == 0;
  PassManager pm(&context);
  yat::buildYatCpuPipeline(pm, options);
  (void)pm.run(*module);
  return 0;
}
