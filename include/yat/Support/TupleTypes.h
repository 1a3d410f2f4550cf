//===- TupleTypes.h - tuples passed as their elements -----------*- C++ -*-===//

#ifndef YAT_SUPPORT_TUPLETYPES_H
#define YAT_SUPPORT_TUPLETYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/TypeRange.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir::yat {

/// `types` with every (nested) tuple replaced by its elements, depth first:
/// the order in which yat passes a tuple's tensors.
inline SmallVector<Type> flattenTupleTypes(TypeRange types) {
  SmallVector<Type> flat;
  for (Type type : types) {
    if (auto tuple = dyn_cast<TupleType>(type))
      tuple.getFlattenedTypes(flat);
    else
      flat.push_back(type);
  }
  return flat;
}

} // namespace mlir::yat

#endif // YAT_SUPPORT_TUPLETYPES_H
