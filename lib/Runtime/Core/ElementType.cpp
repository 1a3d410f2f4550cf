//===- ElementType.cpp - the element types of host tensors ----------------===//

#include "yat/Runtime/Core/ElementType.h"

#include "yat/Runtime/Core/RuntimeError.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/MathExtras.h"

#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

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
// Tensor types and sizes
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
