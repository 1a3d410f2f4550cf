/*===-- yat-c/Registration.h - yat's dialects and passes ---------*- C -*-===*\
|*                                                                            *|
|* Registers yat's dialects and passes with MLIR's C API objects.            *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef YAT_C_REGISTRATION_H
#define YAT_C_REGISTRATION_H

#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Adds every dialect yat's modules may contain to `registry`: yat, yat's
/// StableHLO front-end, the upstream dialects its pipelines use, and their
/// translations to LLVM IR.
MLIR_CAPI_EXPORTED void yatRegisterAllDialects(MlirDialectRegistry registry);

/// Registers yat's passes and pipelines and the upstream passes a user needs
/// around them, so that textual pipelines can name them. Idempotent.
MLIR_CAPI_EXPORTED void yatRegisterAllPasses(void);

/// A context whose registry holds every dialect of yatRegisterAllDialects,
/// with the passes registered too. Destroy it with mlirContextDestroy.
MLIR_CAPI_EXPORTED MlirContext yatContextCreate(void);

#ifdef __cplusplus
}
#endif

#endif // YAT_C_REGISTRATION_H
