//===- Npy.cpp - numpy .npy files -----------------------------------------===//
//
// Format reference: numpy's `numpy.lib.format` documentation. A file is the
// magic "\x93NUMPY", a major and minor version byte, the header length
// (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then an ASCII
// (3.0: UTF-8) Python dict literal with the keys 'descr', 'fortran_order'
// and 'shape', padded with spaces and ended by '\n', then the raw data.
//
//===----------------------------------------------------------------------===//

#include "yat/Runtime/Tooling/Npy.h"

#include "yat/Runtime/Core/RuntimeError.h"

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <optional>

using namespace mlir;
using namespace mlir::yat::runtime;

static constexpr llvm::StringLiteral kMagic("\x93NUMPY");

/// The npy dtype string written for `type` (bf16 is stored as f32).
static llvm::StringRef getNpyDescr(ElementType type) {
  switch (type) {
  case ElementType::F32:
  case ElementType::BF16:
    return "<f4";
  case ElementType::F64:
    return "<f8";
  case ElementType::F16:
    return "<f2";
  case ElementType::I8:
    return "|i1";
  case ElementType::I16:
    return "<i2";
  case ElementType::I32:
    return "<i4";
  case ElementType::I64:
    return "<i8";
  case ElementType::U8:
    return "|u1";
  case ElementType::U16:
    return "<u2";
  case ElementType::U32:
    return "<u4";
  case ElementType::U64:
    return "<u8";
  case ElementType::I1:
    return "|b1";
  case ElementType::C64:
    return "<c8";
  case ElementType::C128:
    return "<c16";
  }
  llvm_unreachable("unknown element type");
}

/// Parses a dtype string such as '<f4'. '|' (not applicable) and '=' (native,
/// which is little-endian on every host yat runs on) are accepted for
/// one-byte types; multi-byte types must say '<'.
static std::optional<ElementType> parseDescr(llvm::StringRef descr) {
  if (descr.size() < 3)
    return std::nullopt;
  char order = descr[0];
  llvm::StringRef kind = descr.drop_front();
  if (order != '<' && order != '|' && order != '=')
    return std::nullopt;
  bool singleByte = kind == "i1" || kind == "u1" || kind == "b1" || kind == "?";
  if (!singleByte && order != '<')
    return std::nullopt;
  return llvm::StringSwitch<std::optional<ElementType>>(kind)
      .Case("f4", ElementType::F32)
      .Case("f8", ElementType::F64)
      .Case("f2", ElementType::F16)
      .Case("i1", ElementType::I8)
      .Case("i2", ElementType::I16)
      .Case("i4", ElementType::I32)
      .Case("i8", ElementType::I64)
      .Case("u1", ElementType::U8)
      .Case("u2", ElementType::U16)
      .Case("u4", ElementType::U32)
      .Case("u8", ElementType::U64)
      .Case("c8", ElementType::C64)
      .Case("c16", ElementType::C128)
      .Case("b1", ElementType::I1)
      .Default(std::nullopt);
}

/// Header text quoted in a message, with non-printable bytes escaped so that
/// the message stays on one line.
static std::string escape(llvm::StringRef text) {
  std::string escaped;
  llvm::raw_string_ostream os(escaped);
  llvm::printEscapedString(text, os);
  return escaped;
}

namespace {
/// The fields of an .npy header dict.
struct NpyHeader {
  std::string descr;
  bool fortranOrder = false;
  SmallVector<int64_t> shape;
};

/// A recursive-descent parser for the Python literal subset npy headers use:
/// a dict of string keys to strings, True/False and tuples of integers.
class HeaderParser {
public:
  explicit HeaderParser(llvm::StringRef text) : text(text) {}

  /// Parses the whole header or returns a description of the first problem.
  std::optional<std::string> parse(NpyHeader &header);

private:
  void skipSpaces() { text = text.ltrim(" \t\r\n"); }
  bool consume(char c) {
    skipSpaces();
    if (!text.consume_front(llvm::StringRef(&c, 1)))
      return false;
    return true;
  }
  std::optional<std::string> parseString(std::string &value);
  std::optional<std::string> parseBool(bool &value);
  std::optional<std::string> parseShape(SmallVector<int64_t> &shape);

  llvm::StringRef text;
};
} // namespace

std::optional<std::string> HeaderParser::parseString(std::string &value) {
  skipSpaces();
  if (text.empty() || (text.front() != '\'' && text.front() != '"'))
    return std::string("expected a quoted string");
  char quote = text.front();
  size_t end = text.find(quote, 1);
  if (end == llvm::StringRef::npos)
    return std::string("unterminated string");
  value = text.substr(1, end - 1).str();
  text = text.drop_front(end + 1);
  return std::nullopt;
}

std::optional<std::string> HeaderParser::parseBool(bool &value) {
  skipSpaces();
  if (text.consume_front("True")) {
    value = true;
    return std::nullopt;
  }
  if (text.consume_front("False")) {
    value = false;
    return std::nullopt;
  }
  return std::string("expected True or False for 'fortran_order'");
}

std::optional<std::string>
HeaderParser::parseShape(SmallVector<int64_t> &shape) {
  if (!consume('('))
    return std::string("expected a tuple for 'shape'");
  while (true) {
    if (consume(')'))
      return std::nullopt;
    skipSpaces();
    size_t digits = 0;
    while (digits < text.size() && llvm::isDigit(text[digits]))
      ++digits;
    if (digits == 0)
      return std::string("expected a non-negative integer in 'shape'");
    int64_t size;
    // Sizes past 2^62 cannot describe a real array; reject before they
    // overflow any later arithmetic.
    if (digits > 18 || text.take_front(digits).getAsInteger(10, size))
      return std::string("size in 'shape' is too large");
    text = text.drop_front(digits);
    text.consume_front("L"); // Python 2 longs
    shape.push_back(size);
    if (consume(')'))
      return std::nullopt;
    if (!consume(','))
      return std::string("expected ',' or ')' in 'shape'");
  }
}

std::optional<std::string> HeaderParser::parse(NpyHeader &header) {
  if (!consume('{'))
    return std::string("expected '{'");
  bool seenDescr = false, seenOrder = false, seenShape = false;
  while (!consume('}')) {
    std::string key;
    if (auto error = parseString(key))
      return error;
    if (!consume(':'))
      return "expected ':' after '" + escape(key) + "'";
    std::optional<std::string> error;
    if (key == "descr") {
      skipSpaces();
      if (text.starts_with("["))
        return std::string("structured dtypes are not supported");
      error = parseString(header.descr);
      seenDescr = true;
    } else if (key == "fortran_order") {
      error = parseBool(header.fortranOrder);
      seenOrder = true;
    } else if (key == "shape") {
      error = parseShape(header.shape);
      seenShape = true;
    } else {
      return "unexpected key '" + escape(key) + "'";
    }
    if (error)
      return error;
    if (consume('}'))
      break;
    if (!consume(','))
      return std::string("expected ',' or '}'");
  }
  if (!seenDescr || !seenOrder || !seenShape)
    return std::string(
        "missing one of the keys 'descr', 'fortran_order', 'shape'");
  skipSpaces();
  if (!text.empty())
    return std::string("unexpected text after the header dict");
  return std::nullopt;
}

static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text = "(";
  for (int64_t size : shape)
    text += std::to_string(size) + (shape.size() == 1 ? ",)" : ", ");
  if (shape.size() != 1) {
    if (!shape.empty())
      text.resize(text.size() - 2);
    text += ")";
  }
  return text;
}

llvm::Expected<HostTensor> mlir::yat::runtime::parseNpy(llvm::StringRef bytes,
                                                        llvm::StringRef name) {
  auto malformed = [&](const llvm::Twine &problem) {
    return makeInputError("'" + name +
                          "' is not a valid .npy file: " + problem);
  };
  if (!bytes.starts_with(kMagic))
    return malformed("missing the \\x93NUMPY magic");
  if (bytes.size() < kMagic.size() + 2)
    return malformed("truncated before the version");
  uint8_t major = bytes[kMagic.size()];
  uint8_t minor = bytes[kMagic.size() + 1];
  size_t lengthBytes;
  if (major == 1)
    lengthBytes = 2;
  else if (major == 2 || major == 3)
    lengthBytes = 4;
  else
    return malformed("unsupported format version " +
                     llvm::Twine(unsigned(major)) + "." +
                     llvm::Twine(unsigned(minor)));
  size_t prefixSize = kMagic.size() + 2 + lengthBytes;
  if (bytes.size() < prefixSize)
    return malformed("truncated before the header length");
  const char *lengthPointer = bytes.data() + kMagic.size() + 2;
  uint64_t headerLength = lengthBytes == 2
                              ? llvm::support::endian::read16le(lengthPointer)
                              : llvm::support::endian::read32le(lengthPointer);
  if (bytes.size() - prefixSize < headerLength)
    return malformed("header length " + llvm::Twine(headerLength) +
                     " runs past the end of the file");
  llvm::StringRef headerText = bytes.substr(prefixSize, headerLength);
  if (llvm::any_of(headerText, [](char c) { return c == '\0'; }))
    return malformed("header contains a NUL byte");

  NpyHeader header;
  if (std::optional<std::string> problem =
          HeaderParser(headerText).parse(header))
    return malformed("bad header: " + *problem);
  if (header.fortranOrder)
    return makeInputError("'" + name +
                          "' is stored in Fortran order; only C order is "
                          "supported (save np.ascontiguousarray(a))");
  std::optional<ElementType> elementType = parseDescr(header.descr);
  if (!elementType)
    return makeInputError(
        "'" + name + "' has unsupported dtype '" + escape(header.descr) +
        "'; expected one of <f4 <f8 <f2 |i1 <i2 <i4 <i8 |u1 <u2 "
        "<u4 <u8 |b1 <c8 <c16");

  // The shape is only a claim until the data backs it: check the size
  // before allocating, so that a corrupted shape never allocates.
  llvm::Expected<uint64_t> byteSize =
      getTensorByteSize(*elementType, header.shape);
  if (!byteSize)
    return malformed(llvm::toString(byteSize.takeError()));
  llvm::StringRef data = bytes.drop_front(prefixSize + headerLength);
  if (data.size() != *byteSize)
    return malformed("data is " + llvm::Twine(data.size()) +
                     " bytes but shape " + formatShape(header.shape) + " of " +
                     escape(header.descr) + " needs " + llvm::Twine(*byteSize));
  llvm::Expected<HostTensor> tensor =
      HostTensor::allocate(*elementType, header.shape);
  if (!tensor)
    return malformed(llvm::toString(tensor.takeError()));
  std::memcpy(tensor->getData(), data.data(), data.size());
  if (*elementType == ElementType::I1) {
    // Compiled code assumes booleans are exactly 0 or 1.
    for (int64_t i = 0, e = tensor->getNumElements(); i < e; ++i)
      tensor->getData()[i] = tensor->getData()[i] != 0;
  }
  return tensor;
}

llvm::Expected<HostTensor>
mlir::yat::runtime::readNpyFile(llvm::StringRef path) {
  if (llvm::sys::fs::is_directory(path))
    return makeInputError("cannot read '" + path + "': is a directory");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return makeInputError("cannot read '" + path +
                          "': " + buffer.getError().message());
  return parseNpy((*buffer)->getBuffer(), path);
}

void mlir::yat::runtime::writeNpy(llvm::raw_ostream &os,
                                  const HostTensor &tensor) {
  std::string header =
      "{'descr': '" + getNpyDescr(tensor.getElementType()).str() +
      "', 'fortran_order': False, 'shape': " + formatShape(tensor.getShape()) +
      ", }";
  // Pad with spaces so that the data starts on a 64-byte boundary, ending
  // the header with '\n' as numpy does.
  size_t prefixSize = kMagic.size() + 2 + 2;
  size_t total = llvm::alignTo(prefixSize + header.size() + 1, 64);
  header.append(total - prefixSize - header.size() - 1, ' ');
  header += '\n';

  os << kMagic;
  os << char(1) << char(0);
  char length[2];
  llvm::support::endian::write16le(length,
                                   static_cast<uint16_t>(header.size()));
  os.write(length, 2);
  os << header;
  if (tensor.getElementType() == ElementType::BF16) {
    for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i) {
      float value = static_cast<float>(tensor.getDouble(i));
      os.write(reinterpret_cast<const char *>(&value), sizeof(value));
    }
    return;
  }
  os.write(reinterpret_cast<const char *>(tensor.getData()),
           tensor.getByteSize());
}

llvm::Error mlir::yat::runtime::writeNpyFile(llvm::StringRef path,
                                             const HostTensor &tensor) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
  if (error)
    return makeInputError("cannot write '" + path + "': " + error.message());
  writeNpy(os, tensor);
  os.close();
  if (os.has_error()) {
    std::string message = os.error().message();
    os.clear_error();
    return makeInputError("cannot write '" + path + "': " + message);
  }
  return llvm::Error::success();
}
