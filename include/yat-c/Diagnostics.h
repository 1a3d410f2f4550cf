/*===-- yat-c/Diagnostics.h - collecting diagnostics as text -----*- C -*-===*\
|*                                                                            *|
|* A diagnostic handler that keeps what a context reports (errors, warnings,  *|
|* remarks and their notes) as location and message strings, for callers that *|
|* want the messages of a failure rather than a callback per diagnostic.      *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef YAT_C_DIAGNOSTICS_H
#define YAT_C_DIAGNOSTICS_H

#include "mlir-c/Diagnostics.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct YatDiagnosticCapture {
  void *ptr;
} YatDiagnosticCapture;

/// Attaches a handler to `context` that keeps, and swallows, every
/// diagnostic reported until the capture is destroyed; a note attached to a
/// diagnostic becomes an entry of its own right after it.
MLIR_CAPI_EXPORTED YatDiagnosticCapture
yatDiagnosticCaptureCreate(MlirContext context);

/// Detaches the handler and frees the entries.
MLIR_CAPI_EXPORTED void
yatDiagnosticCaptureDestroy(YatDiagnosticCapture capture);

MLIR_CAPI_EXPORTED intptr_t
yatDiagnosticCaptureGetNumDiagnostics(YatDiagnosticCapture capture);

MLIR_CAPI_EXPORTED MlirDiagnosticSeverity
yatDiagnosticCaptureGetSeverity(YatDiagnosticCapture capture, intptr_t pos);

/// "file:line:col" of entry `pos`, or an empty string when its location names
/// no file position. Valid until the capture is cleared or destroyed.
MLIR_CAPI_EXPORTED MlirStringRef
yatDiagnosticCaptureGetLocation(YatDiagnosticCapture capture, intptr_t pos);

/// The message of entry `pos`; valid until the capture is cleared or
/// destroyed.
MLIR_CAPI_EXPORTED MlirStringRef
yatDiagnosticCaptureGetMessage(YatDiagnosticCapture capture, intptr_t pos);

/// Forgets every entry.
MLIR_CAPI_EXPORTED void yatDiagnosticCaptureClear(YatDiagnosticCapture capture);

#ifdef __cplusplus
}
#endif

#endif // YAT_C_DIAGNOSTICS_H
