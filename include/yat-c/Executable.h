/*===-- yat-c/Executable.h - compiled functions on host buffers --*- C -*-===*\
|*                                                                            *|
|* A YatExecutable is one compiled entry function. It is called on buffers    *|
|* the caller owns (dense, row-major, of any rank) and returns YatTensors     *|
|* that yat allocates and the caller frees with yatTensorDestroy.             *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef YAT_C_EXECUTABLE_H
#define YAT_C_EXECUTABLE_H

#include "mlir-c/Support.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The element types of arguments and results (the dtypes of yat-run, plus
/// bf16, the remaining integer widths and complex numbers).
typedef enum YatElementType {
  YatElementTypeF32,
  YatElementTypeF64,
  YatElementTypeF16,
  YatElementTypeBF16,
  YatElementTypeI8,
  YatElementTypeI16,
  YatElementTypeI32,
  YatElementTypeI64,
  YatElementTypeU8,
  YatElementTypeU16,
  YatElementTypeU32,
  YatElementTypeU64,
  /// bool: one byte holding 0 or 1.
  YatElementTypeI1,
  /// complex<f32> and complex<f64>: (real, imaginary) pairs.
  YatElementTypeC64,
  YatElementTypeC128,
} YatElementType;

/// The size of a dimension that is known only at call time.
#define YAT_DYNAMIC_SIZE INT64_MIN

/// Bytes per element.
MLIR_CAPI_EXPORTED size_t yatElementTypeGetByteWidth(YatElementType type);

/// The MLIR spelling: "f32", "bf16", "i1", ...
MLIR_CAPI_EXPORTED MlirStringRef yatElementTypeGetName(YatElementType type);

/// A caller-owned dense row-major buffer, read and never written by a call.
typedef struct YatTensorView {
  YatElementType elementType;
  intptr_t rank;
  /// `rank` sizes.
  const int64_t *shape;
  const void *data;
} YatTensorView;

/// A result tensor, owned by the caller once a call returns it.
typedef struct YatTensor {
  void *ptr;
} YatTensor;

MLIR_CAPI_EXPORTED YatElementType yatTensorGetElementType(YatTensor tensor);
MLIR_CAPI_EXPORTED intptr_t yatTensorGetRank(YatTensor tensor);
MLIR_CAPI_EXPORTED const int64_t *yatTensorGetShape(YatTensor tensor);
/// The elements, row-major, 64-byte aligned.
MLIR_CAPI_EXPORTED void *yatTensorGetData(YatTensor tensor);
MLIR_CAPI_EXPORTED size_t yatTensorGetByteSize(YatTensor tensor);
MLIR_CAPI_EXPORTED void yatTensorDestroy(YatTensor tensor);

typedef struct YatExecutable {
  void *ptr;
} YatExecutable;

static inline bool yatExecutableIsNull(YatExecutable executable) {
  return !executable.ptr;
}

MLIR_CAPI_EXPORTED void yatExecutableDestroy(YatExecutable executable);

/// The entry's signature: arity, then per argument or result its element
/// type and shape (YAT_DYNAMIC_SIZE for a size known at call time). Tuples
/// count as their tensors, depth first. The shape pointers live as long as
/// the executable.
MLIR_CAPI_EXPORTED intptr_t yatExecutableGetNumArguments(YatExecutable exe);
MLIR_CAPI_EXPORTED intptr_t yatExecutableGetNumResults(YatExecutable exe);
MLIR_CAPI_EXPORTED YatElementType
yatExecutableGetArgumentElementType(YatExecutable exe, intptr_t pos);
MLIR_CAPI_EXPORTED intptr_t yatExecutableGetArgumentRank(YatExecutable exe,
                                                         intptr_t pos);
MLIR_CAPI_EXPORTED const int64_t *
yatExecutableGetArgumentShape(YatExecutable exe, intptr_t pos);
MLIR_CAPI_EXPORTED YatElementType
yatExecutableGetResultElementType(YatExecutable exe, intptr_t pos);
MLIR_CAPI_EXPORTED intptr_t yatExecutableGetResultRank(YatExecutable exe,
                                                       intptr_t pos);
MLIR_CAPI_EXPORTED const int64_t *yatExecutableGetResultShape(YatExecutable exe,
                                                              intptr_t pos);

/// Calls the entry on `arguments` and stores its `numResults` results into
/// `results` (which must have room for yatExecutableGetNumResults). Checks
/// the arity, element types and static sizes first. A check.* call of the
/// module that fails makes the call fail. On failure nothing is stored in
/// `results` and `onError` (if not null) receives one line naming the
/// problem. An executable may be called from one thread at a time.
MLIR_CAPI_EXPORTED MlirLogicalResult yatExecutableCall(
    YatExecutable exe, intptr_t numArguments, const YatTensorView *arguments,
    intptr_t numResults, YatTensor *results, MlirStringCallback onError,
    void *userData);

/// Calls the entry once, then `iterations` times more, timed; reports the
/// median and the fastest of the timed calls in milliseconds.
MLIR_CAPI_EXPORTED MlirLogicalResult yatExecutableBenchmark(
    YatExecutable exe, intptr_t numArguments, const YatTensorView *arguments,
    unsigned iterations, double *medianMs, double *minMs,
    MlirStringCallback onError, void *userData);

#ifdef __cplusplus
}
#endif

#endif // YAT_C_EXECUTABLE_H
