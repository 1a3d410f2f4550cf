//===- ShapeFormat.h - shapes in diagnostics --------------------*- C++ -*-===//

#ifndef YAT_SUPPORT_SHAPEFORMAT_H
#define YAT_SUPPORT_SHAPEFORMAT_H

#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::yat {

/// `[2, ?, 8]`: how yat's diagnostics print a shape, `?` for a dynamic size.
inline std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << '[';
  llvm::interleaveComma(shape, os, [&](int64_t size) {
    if (ShapedType::isDynamic(size))
      os << '?';
    else
      os << size;
  });
  os << ']';
  return text;
}

} // namespace mlir::yat

#endif // YAT_SUPPORT_SHAPEFORMAT_H
