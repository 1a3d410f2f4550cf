//===- MemRefABITest.cpp - host tensors as memref descriptors -------------===//

#include "yat/Runtime/Core/MemRefABI.h"

#include "gtest/gtest.h"

#include <complex>
#include <cstring>
#include <numeric>

using namespace mlir::yat::runtime;

namespace {

HostTensor allocateOrDie(ElementType type, llvm::ArrayRef<int64_t> shape) {
  llvm::Expected<HostTensor> tensor = HostTensor::allocate(type, shape);
  if (!tensor) {
    ADD_FAILURE() << llvm::toString(tensor.takeError());
    std::abort();
  }
  return std::move(*tensor);
}

TEST(MemRefABITest, TensorDescriptorIsAStridedMemRef) {
  HostTensor tensor = allocateOrDie(ElementType::F32, {2, 3, 4});
  TensorDescriptor descriptor(tensor);
  auto *memref = static_cast<StridedMemRefType<float, 3> *>(descriptor.get());
  EXPECT_EQ(static_cast<void *>(memref->basePtr), tensor.getData());
  EXPECT_EQ(static_cast<void *>(memref->data), tensor.getData());
  EXPECT_EQ(memref->offset, 0);
  EXPECT_EQ(llvm::ArrayRef<int64_t>(memref->sizes), tensor.getShape());
  EXPECT_EQ(llvm::ArrayRef<int64_t>(memref->strides),
            llvm::ArrayRef<int64_t>({12, 4, 1}));
  EXPECT_EQ(getAllocatedPointer(memref), tensor.getData());
  static_assert(sizeof(StridedMemRefType<float, 3>) ==
                getDescriptorWords(3) * sizeof(int64_t));
}

// A transposed view with an offset comes back in row-major order.
TEST(MemRefABITest, CopiesStridedMemRefsInRowMajorOrder) {
  std::vector<float> buffer(1 + 3 * 2);
  std::iota(buffer.begin(), buffer.end(), 0.0f);
  // A 2x3 view of the 3x2 matrix at buffer[1]: element (i, j) is
  // buffer[1 + j * 2 + i].
  StridedMemRefType<float, 2> memref{
      buffer.data(), buffer.data(), /*offset=*/1, {2, 3}, {1, 2}};
  llvm::Expected<HostTensor> tensor =
      copyMemRefToTensor(ElementType::F32, 2, &memref);
  ASSERT_TRUE(static_cast<bool>(tensor)) << llvm::toString(tensor.takeError());
  EXPECT_EQ(tensor->getShape(), llvm::ArrayRef<int64_t>({2, 3}));
  const float expected[] = {1, 3, 5, 2, 4, 6};
  for (int64_t i = 0; i < 6; ++i)
    EXPECT_EQ(tensor->getDouble(i), expected[i]) << "element " << i;
}

TEST(MemRefABITest, CopiesRankZeroAndEmptyMemRefs) {
  double scalar[] = {0.0, 2.5};
  StridedMemRefType<double, 0> rank0{scalar, scalar, /*offset=*/1};
  llvm::Expected<HostTensor> one =
      copyMemRefToTensor(ElementType::F64, 0, &rank0);
  ASSERT_TRUE(static_cast<bool>(one)) << llvm::toString(one.takeError());
  EXPECT_EQ(one->getRank(), 0);
  EXPECT_EQ(one->getDouble(0), 2.5);

  // No element is read from an empty memref, not even through its (null)
  // pointer.
  StridedMemRefType<int32_t, 2> empty{nullptr, nullptr, 0, {3, 0}, {0, 1}};
  llvm::Expected<HostTensor> none =
      copyMemRefToTensor(ElementType::I32, 2, &empty);
  ASSERT_TRUE(static_cast<bool>(none)) << llvm::toString(none.takeError());
  EXPECT_EQ(none->getShape(), llvm::ArrayRef<int64_t>({3, 0}));
  EXPECT_EQ(none->getNumElements(), 0);
}

TEST(MemRefABITest, CopiesEveryElementWidth) {
  std::complex<double> wide[] = {{1, 2}, {3, 4}, {5, 6}};
  StridedMemRefType<std::complex<double>, 1> reversed{
      wide, wide, /*offset=*/2, {3}, {-1}};
  llvm::Expected<HostTensor> complex =
      copyMemRefToTensor(ElementType::C128, 1, &reversed);
  ASSERT_TRUE(static_cast<bool>(complex))
      << llvm::toString(complex.takeError());
  std::complex<double> copied[3];
  std::memcpy(copied, complex->getData(), sizeof(copied));
  EXPECT_EQ(copied[0], wide[2]);
  EXPECT_EQ(copied[2], wide[0]);

  uint16_t halves[] = {0x3c00, 0x4000};
  StridedMemRefType<uint16_t, 1> pair{halves, halves, 0, {2}, {1}};
  llvm::Expected<HostTensor> f16 =
      copyMemRefToTensor(ElementType::F16, 1, &pair);
  ASSERT_TRUE(static_cast<bool>(f16)) << llvm::toString(f16.takeError());
  EXPECT_EQ(f16->getDouble(0), 1.0);
  EXPECT_EQ(f16->getDouble(1), 2.0);

  bool flags[] = {true, false, true};
  StridedMemRefType<bool, 1> every2nd{flags, flags, 0, {2}, {2}};
  llvm::Expected<HostTensor> i1 =
      copyMemRefToTensor(ElementType::I1, 1, &every2nd);
  ASSERT_TRUE(static_cast<bool>(i1)) << llvm::toString(i1.takeError());
  EXPECT_EQ(i1->getInt(0), 1);
  EXPECT_EQ(i1->getInt(1), 1);
}

} // namespace
