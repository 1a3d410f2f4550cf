//===- ModuleLoading.h - parse the modules the runtime compiles -*- C++ -*-===//
//
// The registry and the parser of the modules that yat-run and the runtime
// compile, with their problems as one-line errors.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_JIT_MODULELOADING_H
#define YAT_RUNTIME_JIT_MODULELOADING_H

#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/Error.h"

namespace mlir {
class DialectRegistry;
class MLIRContext;
class ModuleOp;
} // namespace mlir

namespace mlir::yat::runtime {

/// Adds everything the runtime's modules may contain (yat, upstream
/// dialects and their extensions, translations to LLVM IR) to `registry`.
void registerRuntimeDialects(DialectRegistry &registry);

/// Parses and verifies the module in `path`. Any diagnostic becomes a
/// one-line InvalidModule error "file:line:col: message".
llvm::Expected<OwningOpRef<ModuleOp>> parseModuleFile(StringRef path,
                                                      MLIRContext &context);

/// Parses and verifies the module text `source`, named `bufferName` in
/// locations, with the errors of parseModuleFile. With `propagateDiagnostics`
/// the diagnostics also reach the context's own handlers.
llvm::Expected<OwningOpRef<ModuleOp>>
parseModuleString(StringRef source, StringRef bufferName, MLIRContext &context,
                  bool propagateDiagnostics = false);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_MODULELOADING_H
