//===- ElementType.h - the element types of host tensors -------*- C++ -*-===//
//
// The element types that yat functions take and return, their MLIR names
// and widths, and the 16-bit float conversions.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_ELEMENTTYPE_H
#define YAT_RUNTIME_CORE_ELEMENTTYPE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace mlir {
class Type;
} // namespace mlir

namespace mlir::yat::runtime {

/// Element types a host tensor can hold.
enum class ElementType {
  F32,
  F64,
  F16,
  BF16,
  I8,
  I16,
  I32,
  I64,
  U8,
  U16,
  U32,
  U64,
  I1,
  C64,
  C128
};

/// Bytes per element (i1 is stored as one byte holding 0 or 1).
size_t getElementByteWidth(ElementType type);

/// The MLIR spelling: "f32", "bf16", "i1", ...
llvm::StringRef getElementTypeName(ElementType type);

/// Maps an MLIR element type to a host element type, if supported.
std::optional<ElementType> getElementTypeFor(mlir::Type type);

bool isFloatingPoint(ElementType type);

/// ui8, ui16, ui32 and ui64 (not i1).
bool isUnsignedInteger(ElementType type);

/// complex<f32> and complex<f64>, stored as (real, imaginary) pairs.
bool isComplex(ElementType type);

/// IEEE binary16 and bfloat16 conversions, rounding to nearest even.
uint16_t convertFloatToHalf(float value);
float convertHalfToFloat(uint16_t bits);
uint16_t convertFloatToBFloat16(float value);
float convertBFloat16ToFloat(uint16_t bits);

/// The bytes a tensor of `shape` takes; an error for negative sizes and for
/// sizes no real tensor has (beyond 2^40 bytes), so that callers can check a
/// claimed shape against the data they hold before allocating.
llvm::Expected<uint64_t> getTensorByteSize(ElementType elementType,
                                           llvm::ArrayRef<int64_t> shape);

/// "tensor<2x?xf32>" for `shape` with `kDynamic` entries written as `?`.
std::string formatTensorType(ElementType elementType,
                             llvm::ArrayRef<int64_t> shape);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CORE_ELEMENTTYPE_H
