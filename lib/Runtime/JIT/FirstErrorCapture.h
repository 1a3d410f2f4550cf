//===- FirstErrorCapture.h - the first error of a context -------*- C++ -*-===//
//
// The runtime reports a module's problems as one-line errors; this keeps the
// first error diagnostic emitted while it is alive.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_RUNTIME_JIT_FIRSTERRORCAPTURE_H
#define YAT_LIB_RUNTIME_JIT_FIRSTERRORCAPTURE_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::yat::runtime {

/// Keeps the first error emitted on a context while alive as one line,
/// "file:line:col: message". Every diagnostic is swallowed, unless
/// `propagate` lets it reach the handlers registered before (those of a C API
/// caller).
class FirstErrorCapture {
public:
  explicit FirstErrorCapture(MLIRContext &context, bool propagate = false)
      : handler(&context, [this, propagate](Diagnostic &diagnostic) {
          record(diagnostic);
          return failure(propagate);
        }) {}

  /// The first error, or `fallback` when none was emitted.
  std::string take(llvm::StringRef fallback) const {
    return message.empty() ? fallback.str() : message;
  }

private:
  void record(Diagnostic &diagnostic) {
    if (diagnostic.getSeverity() != DiagnosticSeverity::Error ||
        !message.empty())
      return;
    std::string text;
    llvm::raw_string_ostream os(text);
    if (auto fileLoc =
            diagnostic.getLocation()->findInstanceOf<FileLineColLoc>())
      os << fileLoc.getFilename().getValue() << ":" << fileLoc.getLine() << ":"
         << fileLoc.getColumn() << ": ";
    os << diagnostic.str();
    // Diagnostics that print IR span several lines; keep the first.
    message = llvm::StringRef(text).split('\n').first.rtrim().str();
  }

  ScopedDiagnosticHandler handler;
  std::string message;
};

} // namespace mlir::yat::runtime

#endif // YAT_LIB_RUNTIME_JIT_FIRSTERRORCAPTURE_H
