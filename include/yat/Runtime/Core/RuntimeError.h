//===- RuntimeError.h - errors reported by yat's runtime --------*- C++ -*-===//
//
// Every failure of the runtime (a bad .npy file, a module that does not
// compile, arguments that do not fit the function) is an llvm::Error carrying
// one line of text and a kind, so that tools map it to an exit status and the
// Python package to an exception without parsing messages.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_RUNTIMEERROR_H
#define YAT_RUNTIME_CORE_RUNTIMEERROR_H

#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir::yat::runtime {

enum class RuntimeErrorKind {
  /// The module cannot be parsed, has no such entry, or does not compile.
  InvalidModule,
  /// The arguments or output requests do not fit the function, or an .npy
  /// file cannot be read or written.
  InvalidInput,
  /// The requested target cannot run on this machine.
  Unavailable,
};

/// A one-line runtime failure.
class RuntimeError : public llvm::ErrorInfo<RuntimeError> {
public:
  static char ID;

  RuntimeError(RuntimeErrorKind kind, std::string message)
      : kind(kind), message(std::move(message)) {}

  RuntimeErrorKind getKind() const { return kind; }
  const std::string &getMessage() const { return message; }

  void log(llvm::raw_ostream &os) const override;
  std::error_code convertToErrorCode() const override;

private:
  RuntimeErrorKind kind;
  std::string message;
};

inline llvm::Error makeModuleError(const llvm::Twine &message) {
  return llvm::make_error<RuntimeError>(RuntimeErrorKind::InvalidModule,
                                        message.str());
}

inline llvm::Error makeInputError(const llvm::Twine &message) {
  return llvm::make_error<RuntimeError>(RuntimeErrorKind::InvalidInput,
                                        message.str());
}

inline llvm::Error makeUnavailableError(const llvm::Twine &message) {
  return llvm::make_error<RuntimeError>(RuntimeErrorKind::Unavailable,
                                        message.str());
}

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CORE_RUNTIMEERROR_H
