//===- HostTensor.cpp - dense tensors in host memory ----------------------===//

#include "yat/Runtime/Core/HostTensor.h"
#include "yat/Runtime/Core/BufferPool.h"

#include "yat/Runtime/Core/RuntimeError.h"

#include "mlir/Support/LLVM.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

llvm::Expected<HostTensor> HostTensor::allocate(ElementType elementType,
                                                ArrayRef<int64_t> shape) {
  llvm::Expected<uint64_t> byteSize = getTensorByteSize(elementType, shape);
  if (!byteSize)
    return byteSize.takeError();
  // Exact: the byte size is bounded, so it did not saturate (an empty
  // shape's partial products may have, but its byte size is 0).
  uint64_t numElements = *byteSize / getElementByteWidth(elementType);
  // 64-byte alignment suits every vector width the compiled code may use; a
  // zero-size tensor still gets a valid pointer.
  size_t allocationSize = llvm::alignTo(std::max<uint64_t>(*byteSize, 1), 64);
  auto *data = static_cast<uint8_t *>(std::aligned_alloc(64, allocationSize));
  if (!data)
    return makeInputError("cannot allocate " + llvm::Twine(*byteSize) +
                          " bytes for " + formatTensorType(elementType, shape));
  adviseHugePages(data, allocationSize);
  std::memset(data, 0, allocationSize);
  return HostTensor(elementType, shape, static_cast<int64_t>(numElements),
                    std::unique_ptr<uint8_t[], FreeDeleter>(data));
}

template <typename T> static T loadElement(const uint8_t *data, int64_t index) {
  T value;
  std::memcpy(&value, data + index * sizeof(T), sizeof(T));
  return value;
}

template <typename T>
static void storeElement(uint8_t *data, int64_t index, T value) {
  std::memcpy(data + index * sizeof(T), &value, sizeof(T));
}

double HostTensor::getDouble(int64_t index) const {
  const uint8_t *data = getData();
  switch (elementType) {
  case ElementType::F32:
    return loadElement<float>(data, index);
  case ElementType::F64:
    return loadElement<double>(data, index);
  case ElementType::F16:
    return convertHalfToFloat(loadElement<uint16_t>(data, index));
  case ElementType::BF16:
    return convertBFloat16ToFloat(loadElement<uint16_t>(data, index));
  case ElementType::U64:
    return static_cast<double>(loadElement<uint64_t>(data, index));
  // The real part (the imaginary one follows it).
  case ElementType::C64:
    return loadElement<float>(data, 2 * index);
  case ElementType::C128:
    return loadElement<double>(data, 2 * index);
  default:
    return static_cast<double>(getInt(index));
  }
}

int64_t HostTensor::getInt(int64_t index) const {
  const uint8_t *data = getData();
  switch (elementType) {
  case ElementType::I8:
    return loadElement<int8_t>(data, index);
  case ElementType::I16:
    return loadElement<int16_t>(data, index);
  case ElementType::I32:
    return loadElement<int32_t>(data, index);
  case ElementType::I64:
    return loadElement<int64_t>(data, index);
  case ElementType::U8:
    return loadElement<uint8_t>(data, index);
  case ElementType::U16:
    return loadElement<uint16_t>(data, index);
  case ElementType::U32:
    return loadElement<uint32_t>(data, index);
  case ElementType::U64:
    // Values past INT64_MAX keep their bits: conversions between integer
    // types truncate, as StableHLO's convert does.
    return static_cast<int64_t>(loadElement<uint64_t>(data, index));
  case ElementType::I1:
    return loadElement<uint8_t>(data, index) != 0;
  default:
    return static_cast<int64_t>(getDouble(index));
  }
}

void HostTensor::setDouble(int64_t index, double value) {
  uint8_t *data = getData();
  switch (elementType) {
  case ElementType::F32:
    return storeElement<float>(data, index, static_cast<float>(value));
  case ElementType::F64:
    return storeElement<double>(data, index, value);
  case ElementType::F16:
    return storeElement<uint16_t>(
        data, index, convertFloatToHalf(static_cast<float>(value)));
  case ElementType::BF16:
    return storeElement<uint16_t>(
        data, index, convertFloatToBFloat16(static_cast<float>(value)));
  case ElementType::C64:
    storeElement<float>(data, 2 * index + 1, 0.0f);
    return storeElement<float>(data, 2 * index, static_cast<float>(value));
  case ElementType::C128:
    storeElement<double>(data, 2 * index + 1, 0.0);
    return storeElement<double>(data, 2 * index, value);
  default:
    // Out-of-range and NaN values have no integer meaning; clamp them
    // instead of invoking undefined behavior.
    if (std::isnan(value))
      return setInt(index, 0);
    value = std::min(std::max(value, -9.2e18), 9.2e18);
    return setInt(index, static_cast<int64_t>(value));
  }
}

void HostTensor::setInt(int64_t index, int64_t value) {
  uint8_t *data = getData();
  switch (elementType) {
  case ElementType::I8:
    return storeElement<int8_t>(data, index, static_cast<int8_t>(value));
  case ElementType::I16:
    return storeElement<int16_t>(data, index, static_cast<int16_t>(value));
  case ElementType::I32:
    return storeElement<int32_t>(data, index, static_cast<int32_t>(value));
  case ElementType::I64:
    return storeElement<int64_t>(data, index, value);
  case ElementType::U8:
    return storeElement<uint8_t>(data, index, static_cast<uint8_t>(value));
  case ElementType::U16:
    return storeElement<uint16_t>(data, index, static_cast<uint16_t>(value));
  case ElementType::U32:
    return storeElement<uint32_t>(data, index, static_cast<uint32_t>(value));
  case ElementType::U64:
    return storeElement<uint64_t>(data, index, static_cast<uint64_t>(value));
  case ElementType::I1:
    return storeElement<uint8_t>(data, index, value != 0);
  default:
    return setDouble(index, static_cast<double>(value));
  }
}

llvm::Expected<HostTensor> HostTensor::convertTo(ElementType type) const {
  llvm::Expected<HostTensor> converted = allocate(type, shape);
  if (!converted)
    return converted.takeError();
  bool integral = !isFloatingPoint(type) && !isFloatingPoint(elementType);
  for (int64_t i = 0; i < numElements; ++i) {
    if (integral)
      converted->setInt(i, getInt(i));
    else
      converted->setDouble(i, getDouble(i));
  }
  return converted;
}

std::string HostTensor::getTypeString() const {
  return formatTensorType(elementType, shape);
}
