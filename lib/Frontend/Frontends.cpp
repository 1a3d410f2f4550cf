//===- Frontends.cpp - the front-ends this build has ----------------------===//

#include "yat/Frontend/Frontend.h"

#include "llvm/ADT/SmallVector.h"

using namespace mlir;

// Frontends.def, written by CMake, holds one YAT_FRONTEND(Name) line per
// enabled front-end; each defines its hook get<Name>Frontend().
namespace mlir::yat {
#define YAT_FRONTEND(Name) Frontend get##Name##Frontend();
#include "Frontends.def"
#undef YAT_FRONTEND
} // namespace mlir::yat

ArrayRef<yat::Frontend> mlir::yat::getFrontends() {
  static const llvm::SmallVector<Frontend> frontends = {
#define YAT_FRONTEND(Name) get##Name##Frontend(),
#include "Frontends.def"
#undef YAT_FRONTEND
  };
  return frontends;
}
