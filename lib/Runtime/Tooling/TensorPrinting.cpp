//===- TensorPrinting.cpp - host tensors printed the way numpy does -------===//

#include "yat/Runtime/Tooling/TensorPrinting.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>
#include <string>

using namespace mlir;
using namespace mlir::yat::runtime;

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
