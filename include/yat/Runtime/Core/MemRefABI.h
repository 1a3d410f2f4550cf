//===- MemRefABI.h - host tensors as MLIR memref descriptors ----*- C++ -*-===//
//
// Compiled functions take and return memrefs through MLIR's C interface:
// each ranked memref is a StridedMemRefType<T, rank> (allocated and aligned
// pointers, offset, sizes, strides), and an unranked one an
// UnrankedMemRefType<T> (rank, pointer to the ranked descriptor). These
// helpers build the descriptors of host tensors and read descriptors back
// through upstream's DynamicMemRefType, whatever the rank.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_MEMREFABI_H
#define YAT_RUNTIME_CORE_MEMREFABI_H

#include "yat/Runtime/Core/HostTensor.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>

namespace mlir::yat::runtime {

/// The 8-byte words of a rank-`rank` StridedMemRefType: two pointers, the
/// offset, the sizes and the strides.
constexpr size_t getDescriptorWords(size_t rank) { return 3 + 2 * rank; }

/// Reads the rank-`rank` descriptor at `descriptor` as upstream's
/// DynamicMemRefType (a view: nothing is copied).
template <typename T>
DynamicMemRefType<T> viewMemRef(int64_t rank, void *descriptor) {
  return DynamicMemRefType<T>(::UnrankedMemRefType<T>{rank, descriptor});
}

/// The number of elements of `memref` (1 for rank 0).
template <typename T>
int64_t getNumElements(const DynamicMemRefType<T> &memref) {
  int64_t count = 1;
  for (int64_t dim = 0; dim < memref.rank; ++dim)
    count *= memref.sizes[dim];
  return count;
}

/// The descriptor of a tensor's buffer, laid out as StridedMemRefType<T,
/// rank>: offset 0, row-major strides, and the buffer as both the allocated
/// and the aligned pointer.
class TensorDescriptor {
public:
  explicit TensorDescriptor(TensorRef tensor);

  /// What the C interface takes for a ranked memref argument.
  void *get() { return words.data(); }

private:
  llvm::SmallVector<int64_t, 8> words;
};

/// Copies the rank-`rank` memref of `elementType` at `descriptor`, in
/// row-major order whatever its strides, into a new tensor.
llvm::Expected<HostTensor> copyMemRefToTensor(ElementType elementType,
                                              int64_t rank,
                                              const void *descriptor);

/// The allocated pointer of the ranked descriptor at `descriptor` (what the
/// buffer's owner frees).
void *getAllocatedPointer(const void *descriptor);

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_CORE_MEMREFABI_H
