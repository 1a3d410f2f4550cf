//===- HostTensor.h - dense tensors in host memory --------------*- C++ -*-===//
//
// The runtime's value type: a row-major (C order) tensor of one of the
// element types yat functions take and return, in 64-byte aligned host
// memory.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_HOSTTENSOR_H
#define YAT_RUNTIME_CORE_HOSTTENSOR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

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

/// A dense row-major tensor in host memory.
class HostTensor {
public:
  /// Allocates a zero-filled tensor. Fails (instead of aborting) on negative
  /// dims, overflowing sizes and allocation failure.
  static llvm::Expected<HostTensor> allocate(ElementType elementType,
                                             llvm::ArrayRef<int64_t> shape);

  ElementType getElementType() const { return elementType; }
  llvm::ArrayRef<int64_t> getShape() const { return shape; }
  int64_t getRank() const { return shape.size(); }
  int64_t getNumElements() const { return numElements; }
  size_t getByteSize() const {
    return numElements * getElementByteWidth(elementType);
  }
  uint8_t *getData() { return storage.get(); }
  const uint8_t *getData() const { return storage.get(); }

  /// Reads element `index` (row-major) widened to double; exact for every
  /// element type except i64 values beyond 2^53.
  double getDouble(int64_t index) const;
  /// Reads integer or bool element `index`.
  int64_t getInt(int64_t index) const;
  /// Writes element `index`, rounding floats to nearest even and truncating
  /// integers to the element width.
  void setDouble(int64_t index, double value);
  void setInt(int64_t index, int64_t value);

  /// Returns a copy with every element converted to `type` (floats round to
  /// nearest even).
  llvm::Expected<HostTensor> convertTo(ElementType type) const;

  /// "tensor<2x3xf32>".
  std::string getTypeString() const;

private:
  struct FreeDeleter {
    void operator()(uint8_t *pointer) const { std::free(pointer); }
  };

  HostTensor(ElementType elementType, llvm::ArrayRef<int64_t> shape,
             int64_t numElements, std::unique_ptr<uint8_t[], FreeDeleter> data)
      : elementType(elementType), shape(shape), numElements(numElements),
        storage(std::move(data)) {}

  ElementType elementType;
  llvm::SmallVector<int64_t> shape;
  int64_t numElements;
  std::unique_ptr<uint8_t[], FreeDeleter> storage;
};

/// "tensor<2x?xf32>" for `shape` with `kDynamic` entries written as `?`.
std::string formatTensorType(ElementType elementType,
                             llvm::ArrayRef<int64_t> shape);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CORE_HOSTTENSOR_H
