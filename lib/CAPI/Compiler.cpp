//===- Compiler.cpp - parse, transform and compile modules ----------------===//

#include "yat-c/Compiler.h"

#include "CAPIWrap.h"

#include "yat/Runtime/Cuda/CudaDriver.h"
#include "yat/Runtime/JIT/Checks.h"
#include "yat/Runtime/JIT/ModuleLoading.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::yat;

namespace {
/// Makes sure that a failed operation reports at least one error diagnostic
/// on its context: errors of the runtime that are not diagnostics (a missing
/// entry, an unavailable target) are emitted unless a diagnostic already
/// said what went wrong. Every diagnostic passes on to the caller's handlers.
class ErrorReporter {
public:
  explicit ErrorReporter(MLIRContext *context)
      : context(context), handler(context, [this](Diagnostic &diagnostic) {
          sawError |= diagnostic.getSeverity() == DiagnosticSeverity::Error;
          return failure();
        }) {}

  void report(const llvm::Twine &message) {
    if (!sawError)
      emitError(UnknownLoc::get(context)) << message;
  }
  void report(llvm::Error error) { report(llvm::toString(std::move(error))); }

private:
  MLIRContext *context;
  bool sawError = false;
  ScopedDiagnosticHandler handler;
};
} // namespace

MlirModule yatParseModule(MlirContext context, MlirStringRef source,
                          MlirStringRef sourceName) {
  ErrorReporter reporter(unwrap(context));
  llvm::Expected<OwningOpRef<ModuleOp>> module = runtime::parseModuleString(
      unwrap(source), unwrap(sourceName), *unwrap(context),
      /*propagateDiagnostics=*/true);
  if (!module) {
    reporter.report(module.takeError());
    return MlirModule{nullptr};
  }
  return wrap(module->release());
}

MlirLogicalResult yatRunPassPipeline(MlirModule module,
                                     MlirStringRef pipeline) {
  ModuleOp moduleOp = unwrap(module);
  MLIRContext *context = moduleOp.getContext();
  ErrorReporter reporter(context);
  llvm::StringRef text = llvm::StringRef(unwrap(pipeline)).trim();
  std::string anchored = text.starts_with("builtin.module(")
                             ? text.str()
                             : ("builtin.module(" + text + ")").str();
  std::string parseErrors;
  llvm::raw_string_ostream errorStream(parseErrors);
  FailureOr<OpPassManager> parsed = parsePassPipeline(anchored, errorStream);
  if (failed(parsed)) {
    reporter.report("invalid pass pipeline '" + text +
                    "': " + llvm::StringRef(parseErrors).trim());
    return mlirLogicalResultFailure();
  }
  PassManager passManager(context);
  static_cast<OpPassManager &>(passManager) = *parsed;
  if (failed(passManager.run(moduleOp))) {
    reporter.report("the pass pipeline '" + text + "' failed");
    return mlirLogicalResultFailure();
  }
  return mlirLogicalResultSuccess();
}

YatCompileOptions yatCompileOptionsGetDefault(void) {
  return {mlirStringRefCreateFromCString("main"), mlirStringRefCreate("", 0),
          YatTargetCpu, 3};
}

/// Whether the lowered `module` calls a check.* runtime function.
static bool callsChecks(ModuleOp module) {
  llvm::StringSet<> checkSymbols;
  for (const runtime::CheckSymbol &symbol : runtime::getCheckRuntimeSymbols())
    checkSymbols.insert(symbol.name);
  return llvm::any_of(module.getOps<LLVM::LLVMFuncOp>(),
                      [&](LLVM::LLVMFuncOp function) {
                        return checkSymbols.contains(function.getName());
                      });
}

YatExecutable yatCompileModule(MlirModule module, YatCompileOptions options) {
  ModuleOp moduleOp = unwrap(module);
  ErrorReporter reporter(moduleOp.getContext());
  if (options.target == YatTargetCuda) {
    const runtime::CudaDriverStatus &status = runtime::probeCudaDriver();
    if (!status.usable) {
      reporter.report("target cuda needs an NVIDIA GPU and driver (" +
                      status.reason + ")");
      return YatExecutable{nullptr};
    }
  } else if (options.target != YatTargetCpu) {
    reporter.report("unknown target " + llvm::Twine(options.target));
    return YatExecutable{nullptr};
  }
  if (options.llvmOptLevel < 0 || options.llvmOptLevel > 3) {
    reporter.report("the LLVM optimization level must be 0 to 3, not " +
                    llvm::Twine(options.llvmOptLevel));
    return YatExecutable{nullptr};
  }
  runtime::CompileOptions compileOptions;
  compileOptions.entry = unwrap(options.entry).str();
  compileOptions.target = options.target == YatTargetCuda
                              ? runtime::Target::Cuda
                              : runtime::Target::Cpu;
  compileOptions.pipelineOptions = unwrap(options.pipelineOptions).str();
  compileOptions.llvmOptLevel = options.llvmOptLevel;
  compileOptions.propagateDiagnostics = true;
  llvm::Expected<std::unique_ptr<runtime::JitExecutable>> executable =
      runtime::JitExecutable::compile(moduleOp, compileOptions);
  if (!executable) {
    reporter.report(executable.takeError());
    return YatExecutable{nullptr};
  }
  auto *result = new capi::Executable{std::move(*executable)};
  result->hasChecks = callsChecks(moduleOp);
  return wrap(result);
}
