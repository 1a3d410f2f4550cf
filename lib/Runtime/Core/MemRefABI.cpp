//===- MemRefABI.cpp - host tensors as MLIR memref descriptors ------------===//

#include "yat/Runtime/Core/MemRefABI.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"

#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

TensorDescriptor::TensorDescriptor(TensorRef tensor) {
  auto pointer = reinterpret_cast<intptr_t>(tensor.data);
  words = {pointer, pointer, /*offset=*/0};
  llvm::append_range(words, tensor.shape);
  llvm::append_range(words, computeSuffixProduct(tensor.shape));
}

namespace {
/// The storage of a 16-byte element (complex<f64>).
struct Bytes16 {
  uint64_t words[2];
};
} // namespace

/// Copies the elements of the memref in row-major order to `destination`,
/// as values of `Storage` (a type of the element's width).
template <typename Storage>
static void copyElements(int64_t rank, void *descriptor, uint8_t *destination) {
  DynamicMemRefType<Storage> memref = viewMemRef<Storage>(rank, descriptor);
  int64_t count = getNumElements(memref);
  // DynamicMemRefIterator visits one element even when a size is 0.
  if (count == 0)
    return;
  // Row-major buffers (what the pipeline returns) are one block; the
  // element iterator is about ten times slower than memcpy.
  bool rowMajor = true;
  for (int64_t dim = rank - 1, stride = 1; dim >= 0; --dim) {
    rowMajor &= memref.sizes[dim] == 1 || memref.strides[dim] == stride;
    stride *= memref.sizes[dim];
  }
  if (rowMajor) {
    std::memcpy(destination, memref.data + memref.offset,
                count * sizeof(Storage));
    return;
  }
  for (const Storage &element : memref) {
    std::memcpy(destination, &element, sizeof(Storage));
    destination += sizeof(Storage);
  }
}

llvm::Expected<HostTensor>
mlir::yat::runtime::copyMemRefToTensor(ElementType elementType, int64_t rank,
                                       const void *constDescriptor) {
  // Upstream's views take a mutable pointer; nothing here writes through it.
  void *descriptor = const_cast<void *>(constDescriptor);
  DynamicMemRefType<uint8_t> shape = viewMemRef<uint8_t>(rank, descriptor);
  llvm::Expected<HostTensor> tensor = HostTensor::allocate(
      elementType, llvm::ArrayRef<int64_t>(shape.sizes, rank));
  if (!tensor)
    return tensor.takeError();
  uint8_t *destination = tensor->getData();
  switch (getElementByteWidth(elementType)) {
  case 1:
    copyElements<uint8_t>(rank, descriptor, destination);
    break;
  case 2:
    copyElements<uint16_t>(rank, descriptor, destination);
    break;
  case 4:
    copyElements<uint32_t>(rank, descriptor, destination);
    break;
  case 8:
    copyElements<uint64_t>(rank, descriptor, destination);
    break;
  case 16:
    copyElements<Bytes16>(rank, descriptor, destination);
    break;
  default:
    llvm_unreachable("element widths are 1, 2, 4, 8 or 16 bytes");
  }
  return tensor;
}

void *mlir::yat::runtime::getAllocatedPointer(const void *descriptor) {
  return viewMemRef<uint8_t>(0, const_cast<void *>(descriptor)).basePtr;
}
