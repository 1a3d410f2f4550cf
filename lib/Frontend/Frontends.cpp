//===- Frontends.cpp - the front-ends this build has ----------------------===//

#include "yat/Frontend/Frontend.h"

#include "llvm/ADT/SmallVector.h"

using namespace mlir;

ArrayRef<yat::Frontend> mlir::yat::getFrontends() {
  // Frontends.def, written by CMake, holds one YAT_FRONTEND(Name) line per
  // enabled front-end.
  static const llvm::SmallVector<Frontend> frontends = {
#define YAT_FRONTEND(Name) get##Name##Frontend(),
#include "Frontends.def"
#undef YAT_FRONTEND
  };
  return frontends;
}
