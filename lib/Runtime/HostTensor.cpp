//===- HostTensor.cpp - dense tensors in host memory ----------------------===//

#include "yat/Runtime/HostTensor.h"

#include "yat/Runtime/RuntimeError.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

char RuntimeError::ID = 0;

void RuntimeError::log(llvm::raw_ostream &os) const { os << message; }

std::error_code RuntimeError::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

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

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

namespace {
/// numpy's print options: elide beyond this many elements, keeping this many
/// at each edge, wrapping lines at this width.
constexpr int64_t kSummaryThreshold = 1000;
constexpr int64_t kEdgeItems = 3;
constexpr size_t kLineWidth = 75;
constexpr int kMaxFractionDigits = 8;

/// Formats the displayed elements of one tensor with a common layout.
class ElementFormatter {
public:
  ElementFormatter(const HostTensor &tensor, ArrayRef<int64_t> shownIndices);

  std::string format(int64_t index) const;

private:
  /// Whether `text` parses back to exactly `value` in the element type.
  bool roundTrips(const std::string &text, double value) const;
  /// The shortest fixed or scientific rendering of `value` that round-trips,
  /// with at most kMaxFractionDigits digits after the point.
  std::string shortest(double value, bool scientific) const;

  const HostTensor &tensor;
  bool scientific = false;
  size_t integerWidth = 0;
  size_t fractionWidth = 0;
  size_t width = 0;
};
} // namespace

ElementFormatter::ElementFormatter(const HostTensor &tensor,
                                   ArrayRef<int64_t> shownIndices)
    : tensor(tensor) {
  ElementType type = tensor.getElementType();
  if (!isFloatingPoint(type)) {
    // numpy pads "True" to the width of "False" in every array that is not
    // a scalar.
    if (type == ElementType::I1 && tensor.getRank() > 0)
      width = 5;
    for (int64_t index : shownIndices)
      width = std::max(width, format(index).size());
    return;
  }
  // numpy switches to scientific notation when magnitudes are very large,
  // very small, or spread over more than three decades.
  double maxMagnitude = 0, minMagnitude = INFINITY;
  for (int64_t index : shownIndices) {
    double value = std::fabs(tensor.getDouble(index));
    if (!std::isfinite(value) || value == 0)
      continue;
    maxMagnitude = std::max(maxMagnitude, value);
    minMagnitude = std::min(minMagnitude, value);
  }
  scientific = maxMagnitude >= 1e8 ||
               (maxMagnitude > 0 &&
                (minMagnitude < 1e-4 || maxMagnitude / minMagnitude > 1e3));
  for (int64_t index : shownIndices) {
    double value = tensor.getDouble(index);
    if (!std::isfinite(value))
      continue;
    std::string text = shortest(value, scientific);
    size_t point = text.find('.');
    size_t exponent = text.find('e');
    integerWidth = std::max(integerWidth, point);
    size_t fractionEnd = exponent == std::string::npos ? text.size() : exponent;
    fractionWidth = std::max(fractionWidth, fractionEnd - point - 1);
  }
  // Right-align everything (non-finite values included) to the widest.
  for (int64_t index : shownIndices)
    width = std::max(width, format(index).size());
}

bool ElementFormatter::roundTrips(const std::string &text, double value) const {
  double parsed = std::strtod(text.c_str(), nullptr);
  switch (tensor.getElementType()) {
  case ElementType::F64:
    return parsed == value;
  case ElementType::F32:
    return static_cast<float>(parsed) == static_cast<float>(value);
  case ElementType::F16:
    return convertFloatToHalf(static_cast<float>(parsed)) ==
           convertFloatToHalf(static_cast<float>(value));
  case ElementType::BF16:
    return convertFloatToBFloat16(static_cast<float>(parsed)) ==
           convertFloatToBFloat16(static_cast<float>(value));
  default:
    return true;
  }
}

std::string ElementFormatter::shortest(double value, bool scientific) const {
  std::string text;
  for (int digits = 0; digits <= kMaxFractionDigits; ++digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), scientific ? "%.*e" : "%.*f", digits,
                  value);
    text = buffer;
    if (roundTrips(text, value))
      break;
  }
  // Past kMaxFractionDigits (f64), the rounded digits end in zeros that
  // numpy does not show.
  if (!scientific && text.find('.') != std::string::npos) {
    size_t last = text.find_last_not_of('0');
    text.resize(last + 1);
  }
  // numpy always shows the point: "1." and "1.e-05".
  if (text.find('.') == std::string::npos) {
    size_t exponent = text.find('e');
    text.insert(exponent == std::string::npos ? text.size() : exponent, ".");
  }
  return text;
}

std::string ElementFormatter::format(int64_t index) const {
  ElementType type = tensor.getElementType();
  std::string text;
  if (isComplex(type)) {
    // numpy's form, re+imj, with the digits each part needs.
    bool single = type == ElementType::C64;
    double parts[2];
    if (single) {
      float values[2];
      std::memcpy(values, tensor.getData() + 8 * index, sizeof(values));
      parts[0] = values[0];
      parts[1] = values[1];
    } else {
      std::memcpy(parts, tensor.getData() + 16 * index, sizeof(parts));
    }
    char buffer[96];
    std::snprintf(buffer, sizeof(buffer), "%.*g%+.*gj", single ? 9 : 17,
                  parts[0], single ? 9 : 17, parts[1]);
    text = buffer;
  } else if (type == ElementType::I1) {
    text = tensor.getInt(index) ? "True" : "False";
  } else if (!isFloatingPoint(type)) {
    int64_t value = tensor.getInt(index);
    text = type == ElementType::U64
               ? std::to_string(static_cast<uint64_t>(value))
               : std::to_string(value);
  } else {
    double value = tensor.getDouble(index);
    if (std::isnan(value)) {
      text = "nan";
    } else if (std::isinf(value)) {
      text = value < 0 ? "-inf" : "inf";
    } else {
      if (scientific) {
        // numpy prints every mantissa with the common number of digits.
        char buffer[64];
        std::snprintf(buffer, sizeof(buffer), "%.*e",
                      static_cast<int>(fractionWidth), value);
        text = buffer;
        if (fractionWidth == 0)
          text.insert(text.find('e'), ".");
      } else {
        // Fixed notation: each value in its shortest form, padded with
        // spaces after the point so that the points line up.
        text = shortest(value, /*scientific=*/false);
        size_t fraction = text.size() - text.find('.') - 1;
        text.append(fractionWidth - fraction, ' ');
      }
      size_t point = text.find('.');
      if (point < integerWidth)
        text.insert(0, integerWidth - point, ' ');
    }
  }
  if (text.size() < width)
    text.insert(0, width - text.size(), ' ');
  return text;
}

/// The indices shown along a dimension of `size`; -1 marks the elision.
static SmallVector<int64_t> getShownPositions(int64_t size, bool summarize) {
  SmallVector<int64_t> positions;
  if (summarize && size > 2 * kEdgeItems) {
    for (int64_t i = 0; i < kEdgeItems; ++i)
      positions.push_back(i);
    positions.push_back(-1);
    for (int64_t i = size - kEdgeItems; i < size; ++i)
      positions.push_back(i);
    return positions;
  }
  for (int64_t i = 0; i < size; ++i)
    positions.push_back(i);
  return positions;
}

static void collectShownIndices(ArrayRef<int64_t> shape, bool summarize,
                                int64_t axis, int64_t offset,
                                SmallVectorImpl<int64_t> &indices) {
  if (axis == static_cast<int64_t>(shape.size())) {
    indices.push_back(offset);
    return;
  }
  for (int64_t position : getShownPositions(shape[axis], summarize))
    if (position >= 0)
      collectShownIndices(shape, summarize, axis + 1,
                          offset * shape[axis] + position, indices);
}

static void printBlock(std::string &out, const ElementFormatter &formatter,
                       ArrayRef<int64_t> shape, bool summarize, int64_t axis,
                       int64_t offset) {
  int64_t rank = shape.size();
  std::string indent(axis + 1, ' ');
  out += '[';
  SmallVector<int64_t> positions = getShownPositions(shape[axis], summarize);
  if (axis == rank - 1) {
    // Innermost axis: elements separated by spaces, wrapped at kLineWidth.
    size_t lineStart = out.rfind('\n');
    size_t column = lineStart == std::string::npos ? out.size()
                                                   : out.size() - lineStart - 1;
    for (auto [i, position] : llvm::enumerate(positions)) {
      std::string text =
          position < 0 ? std::string("...")
                       : formatter.format(offset * shape[axis] + position);
      if (i > 0) {
        if (column + 1 + text.size() + 1 > kLineWidth) {
          // numpy drops the padding at the end of a wrapped line.
          while (!out.empty() && out.back() == ' ')
            out.pop_back();
          out += '\n';
          out += indent;
          column = indent.size();
        } else {
          out += ' ';
          ++column;
        }
      }
      out += text;
      column += text.size();
    }
  } else {
    std::string separator = std::string(rank - axis - 1, '\n') + indent;
    for (auto [i, position] : llvm::enumerate(positions)) {
      if (i > 0)
        out += separator;
      if (position < 0)
        out += "...";
      else
        printBlock(out, formatter, shape, summarize, axis + 1,
                   offset * shape[axis] + position);
    }
  }
  out += ']';
}

void mlir::yat::runtime::printTensor(llvm::raw_ostream &os,
                                     const HostTensor &tensor) {
  ArrayRef<int64_t> shape = tensor.getShape();
  if (tensor.getNumElements() == 0) {
    os << "[]\n";
    return;
  }
  bool summarize = tensor.getNumElements() > kSummaryThreshold;
  SmallVector<int64_t> shown;
  collectShownIndices(shape, summarize, 0, 0, shown);
  ElementFormatter formatter(tensor, shown);
  if (shape.empty()) {
    std::string text = formatter.format(0);
    os << llvm::StringRef(text).ltrim() << '\n';
    return;
  }
  std::string out;
  printBlock(out, formatter, shape, summarize, 0, 0);
  os << out << '\n';
}
