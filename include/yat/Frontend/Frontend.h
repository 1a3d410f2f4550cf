//===- Frontend.h - the input languages yat imports -------------*- C++ -*-===//
//
// A front-end (today StableHLO) plugs into the tools, the pipelines and the
// runtime through one hook, `mlir::yat::get<Name>Frontend()`, defined in
// lib/Frontend/<Name>Frontend.cpp. CMake lists the enabled front-ends
// (YAT_ENABLE_STABLEHLO adds StableHLO) and `getFrontends()` returns them;
// nothing else in yat names a front-end or tests whether it was built.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_FRONTEND_FRONTEND_H
#define YAT_FRONTEND_FRONTEND_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir {
class DialectRegistry;
class OpPassManager;
} // namespace mlir

namespace mlir::yat {

/// What yat needs from an input language. Every pass a front-end adds runs
/// on modules and leaves a module without the front-end's ops unchanged.
struct Frontend {
  /// The language, for diagnostics and docs ("StableHLO").
  StringRef name;
  /// Adds the front-end's dialects to `registry`.
  void (*registerDialects)(DialectRegistry &registry);
  /// Registers the front-end's passes and pipelines.
  void (*registerPasses)();
  /// Adds the passes that replace subgraphs computing a yat op by that op
  /// (the pipeline's raise-stablehlo option).
  void (*addRaisingPasses)(OpPassManager &pm);
  /// Adds the passes that lower the front-end's ops to linalg, tensor,
  /// arith and math on tensors, the input of yat's codegen.
  void (*addLoweringPasses)(OpPassManager &pm);
};

/// The front-ends this build of yat has, in a fixed order.
ArrayRef<Frontend> getFrontends();

} // namespace mlir::yat

#endif // YAT_FRONTEND_FRONTEND_H
