//===- RuntimeError.cpp - the runtime's error type ------------------------===//

#include "yat/Runtime/Core/RuntimeError.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir::yat::runtime;

char RuntimeError::ID = 0;

void RuntimeError::log(llvm::raw_ostream &os) const { os << message; }

std::error_code RuntimeError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}
