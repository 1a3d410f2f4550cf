//===- HostTensor.h - dense tensors in host memory --------------*- C++ -*-===//
//
// The runtime's value type: a row-major (C order) tensor of one of the
// element types yat functions take and return, in 64-byte aligned host
// memory.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_HOSTTENSOR_H
#define YAT_RUNTIME_CORE_HOSTTENSOR_H

#include "yat/Runtime/Core/ElementType.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace mlir::yat::runtime {

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

/// A dense row-major tensor that someone else owns (a HostTensor, or a
/// caller's buffer through the C API), as compiled functions take it.
struct TensorRef {
  TensorRef(ElementType elementType, llvm::ArrayRef<int64_t> shape,
            const void *data)
      : elementType(elementType), shape(shape), data(data) {}
  TensorRef(const HostTensor &tensor)
      : elementType(tensor.getElementType()), shape(tensor.getShape()),
        data(tensor.getData()) {}

  int64_t getRank() const { return shape.size(); }
  size_t getByteSize() const {
    size_t count = 1;
    for (int64_t size : shape)
      count *= size;
    return count * getElementByteWidth(elementType);
  }
  /// "tensor<2x3xf32>".
  std::string getTypeString() const {
    return formatTensorType(elementType, shape);
  }

  ElementType elementType;
  llvm::ArrayRef<int64_t> shape;
  const void *data;
};

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CORE_HOSTTENSOR_H
