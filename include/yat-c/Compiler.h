/*===-- yat-c/Compiler.h - parse, transform and compile modules --*- C -*-===*\
|*                                                                            *|
|* Parses yat, linalg or StableHLO text, runs textual pass pipelines on it,   *|
|* and compiles a module into a YatExecutable. Every problem is reported as   *|
|* an error diagnostic on the module's context (collect them with a           *|
|* YatDiagnosticCapture, or any handler of MLIR's C API).                     *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef YAT_C_COMPILER_H
#define YAT_C_COMPILER_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"
#include "yat-c/Executable.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Parses and verifies `source`; locations name it `sourceName` (e.g. a file
/// name). Returns a null module (mlirModuleIsNull) on failure.
MLIR_CAPI_EXPORTED MlirModule yatParseModule(MlirContext context,
                                             MlirStringRef source,
                                             MlirStringRef sourceName);

/// Runs a textual pass pipeline on `module`: either a whole one,
/// "builtin.module(...)", or a list of passes to nest in the module, such as
/// "yat-cache-norms,canonicalize". The context must know the passes
/// (yatRegisterAllPasses).
MLIR_CAPI_EXPORTED MlirLogicalResult yatRunPassPipeline(MlirModule module,
                                                        MlirStringRef pipeline);

typedef enum YatTarget { YatTargetCpu = 0, YatTargetCuda = 1 } YatTarget;

typedef struct YatCompileOptions {
  /// The function to call.
  MlirStringRef entry;
  /// Options of the target's pipeline (yat-cpu-pipeline or
  /// yat-gpu-pipeline) in their textual form, e.g. "fuse=false" or
  /// "threads=1"; empty for the defaults.
  MlirStringRef pipelineOptions;
  YatTarget target;
  /// LLVM optimization level of the generated code, 0 to 3.
  int llvmOptLevel;
} YatCompileOptions;

/// Entry "main", the pipeline's defaults, the CPU, level 3.
MLIR_CAPI_EXPORTED YatCompileOptions yatCompileOptionsGetDefault(void);

/// Lowers `module` in place with the target's pipeline and JIT-compiles its
/// host code into an executable that no longer needs the module or its
/// context. The CUDA target needs a GPU and its driver. Returns a null
/// executable on failure.
MLIR_CAPI_EXPORTED YatExecutable yatCompileModule(MlirModule module,
                                                  YatCompileOptions options);

#ifdef __cplusplus
}
#endif

#endif // YAT_C_COMPILER_H
