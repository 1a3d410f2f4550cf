//===- HostTensor.cpp - dense tensors in host memory ----------------------===//

#include "yat/Runtime/Core/HostTensor.h"

#include "yat/Runtime/Core/RuntimeError.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

size_t mlir::yat::runtime::getElementByteWidth(ElementType type) {
  switch (type) {
  case ElementType::C128:
    return 16;
  case ElementType::F64:
  case ElementType::I64:
  case ElementType::U64:
  case ElementType::C64:
    return 8;
  case ElementType::F32:
  case ElementType::I32:
  case ElementType::U32:
    return 4;
  case ElementType::F16:
  case ElementType::BF16:
  case ElementType::I16:
  case ElementType::U16:
    return 2;
  case ElementType::I8:
  case ElementType::U8:
  case ElementType::I1:
    return 1;
  }
  llvm_unreachable("unknown element type");
}

llvm::StringRef mlir::yat::runtime::getElementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return "f32";
  case ElementType::F64:
    return "f64";
  case ElementType::F16:
    return "f16";
  case ElementType::BF16:
    return "bf16";
  case ElementType::I8:
    return "i8";
  case ElementType::I16:
    return "i16";
  case ElementType::I32:
    return "i32";
  case ElementType::I64:
    return "i64";
  case ElementType::U8:
    return "ui8";
  case ElementType::U16:
    return "ui16";
  case ElementType::U32:
    return "ui32";
  case ElementType::U64:
    return "ui64";
  case ElementType::C64:
    return "complex<f32>";
  case ElementType::C128:
    return "complex<f64>";
  case ElementType::I1:
    return "i1";
  }
  llvm_unreachable("unknown element type");
}

std::optional<ElementType> mlir::yat::runtime::getElementTypeFor(Type type) {
  if (type.isF32())
    return ElementType::F32;
  if (type.isF64())
    return ElementType::F64;
  if (type.isF16())
    return ElementType::F16;
  if (type.isBF16())
    return ElementType::BF16;
  // Signless integers are signed; `si` types have no meaning in the
  // compiled code and are refused.
  if (auto complexType = dyn_cast<ComplexType>(type)) {
    if (complexType.getElementType().isF32())
      return ElementType::C64;
    if (complexType.getElementType().isF64())
      return ElementType::C128;
    return std::nullopt;
  }
  if (type.isUnsignedInteger(8))
    return ElementType::U8;
  if (type.isUnsignedInteger(16))
    return ElementType::U16;
  if (type.isUnsignedInteger(32))
    return ElementType::U32;
  if (type.isUnsignedInteger(64))
    return ElementType::U64;
  if (type.isSignlessInteger(8))
    return ElementType::I8;
  if (type.isSignlessInteger(16))
    return ElementType::I16;
  if (type.isSignlessInteger(32))
    return ElementType::I32;
  if (type.isSignlessInteger(64))
    return ElementType::I64;
  if (type.isSignlessInteger(1))
    return ElementType::I1;
  return std::nullopt;
}

bool mlir::yat::runtime::isFloatingPoint(ElementType type) {
  return type == ElementType::F32 || type == ElementType::F64 ||
         type == ElementType::F16 || type == ElementType::BF16;
}

bool mlir::yat::runtime::isComplex(ElementType type) {
  return type == ElementType::C64 || type == ElementType::C128;
}

bool mlir::yat::runtime::isUnsignedInteger(ElementType type) {
  return type == ElementType::U8 || type == ElementType::U16 ||
         type == ElementType::U32 || type == ElementType::U64;
}

uint16_t mlir::yat::runtime::convertFloatToHalf(float value) {
  llvm::APFloat converted(value);
  bool losesInfo = false;
  converted.convert(llvm::APFloat::IEEEhalf(),
                    llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint16_t>(converted.bitcastToAPInt().getZExtValue());
}

float mlir::yat::runtime::convertHalfToFloat(uint16_t bits) {
  llvm::APFloat half(llvm::APFloat::IEEEhalf(), llvm::APInt(16, bits));
  bool losesInfo = false;
  half.convert(llvm::APFloat::IEEEsingle(), llvm::APFloat::rmNearestTiesToEven,
               &losesInfo);
  return half.convertToFloat();
}

uint16_t mlir::yat::runtime::convertFloatToBFloat16(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  if (std::isnan(value))
    return static_cast<uint16_t>((bits >> 16) | 0x0040); // keep it quiet NaN
  // Round to nearest, ties to even, on the 16 dropped bits.
  uint32_t roundingBias = 0x7fff + ((bits >> 16) & 1);
  return static_cast<uint16_t>((bits + roundingBias) >> 16);
}

float mlir::yat::runtime::convertBFloat16ToFloat(uint16_t bits) {
  uint32_t wide = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &wide, sizeof(value));
  return value;
}

//===----------------------------------------------------------------------===//
// HostTensor
//===----------------------------------------------------------------------===//

std::string mlir::yat::runtime::formatTensorType(ElementType elementType,
                                                 ArrayRef<int64_t> shape) {
  std::string text = "tensor<";
  for (int64_t size : shape) {
    text += ShapedType::isDynamic(size) ? "?" : std::to_string(size);
    text += "x";
  }
  text += getElementTypeName(elementType);
  text += ">";
  return text;
}

llvm::Expected<uint64_t>
mlir::yat::runtime::getTensorByteSize(ElementType elementType,
                                      ArrayRef<int64_t> shape) {
  // Tensors beyond 2^40 bytes are certainly a corrupted shape, not data.
  constexpr uint64_t kMaxBytes = uint64_t(1) << 40;
  uint64_t numElements = 1;
  for (int64_t size : shape) {
    if (size < 0)
      return makeInputError("invalid tensor shape: negative size " +
                            llvm::Twine(size));
    numElements = llvm::SaturatingMultiply(numElements, uint64_t(size));
  }
  uint64_t byteSize = llvm::SaturatingMultiply(
      numElements, uint64_t(getElementByteWidth(elementType)));
  if (byteSize > kMaxBytes)
    return makeInputError("a " + formatTensorType(elementType, shape) +
                          " is too large (" + llvm::Twine(byteSize) +
                          " bytes)");
  return byteSize;
}

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
