//===- CAPIWrap.h - yat's C handles and the C++ objects behind them -------===//
//
// The wrap/unwrap pairs of the yat C API's opaque handles, in the manner of
// mlir/CAPI/Wrap.h.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CAPI_CAPIWRAP_H
#define YAT_LIB_CAPI_CAPIWRAP_H

#include "yat-c/Diagnostics.h"
#include "yat-c/Executable.h"
#include "yat/Runtime/Core/HostTensor.h"
#include "yat/Runtime/JIT/JitExecutable.h"

#include "mlir/CAPI/Wrap.h"
#include "mlir/IR/Diagnostics.h"

#include <memory>
#include <string>
#include <vector>

namespace mlir::yat::capi {

/// What a YatExecutable points to.
struct Executable {
  std::unique_ptr<runtime::JitExecutable> executable;
  /// The module calls check.* functions, whose results are process-wide.
  bool hasChecks = false;
};

/// What a YatDiagnosticCapture points to: the diagnostics of one context,
/// as strings.
class DiagnosticCapture {
public:
  struct Entry {
    MlirDiagnosticSeverity severity;
    std::string location;
    std::string message;
  };

  explicit DiagnosticCapture(MLIRContext *context);
  ~DiagnosticCapture();

  const std::vector<Entry> &getEntries() const { return entries; }
  void clear() { entries.clear(); }

private:
  void record(Diagnostic &diagnostic);

  MLIRContext *context;
  DiagnosticEngine::HandlerID handlerId;
  std::vector<Entry> entries;
};

} // namespace mlir::yat::capi

DEFINE_C_API_PTR_METHODS(YatExecutable, mlir::yat::capi::Executable)
DEFINE_C_API_PTR_METHODS(YatTensor, mlir::yat::runtime::HostTensor)
DEFINE_C_API_PTR_METHODS(YatDiagnosticCapture,
                         mlir::yat::capi::DiagnosticCapture)

#endif // YAT_LIB_CAPI_CAPIWRAP_H
