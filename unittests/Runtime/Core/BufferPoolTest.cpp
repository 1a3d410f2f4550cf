//===- BufferPoolTest.cpp - the runtime's buffer pool ---------------------===//

#include "yat/Runtime/Core/BufferPool.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>

using namespace mlir::yat::runtime;

namespace {

bool isAligned(void *buffer, size_t alignment) {
  return reinterpret_cast<uintptr_t>(buffer) % alignment == 0;
}

class BufferPoolTest : public ::testing::Test {
protected:
  void SetUp() override { trimBufferPool(); }
  void TearDown() override { trimBufferPool(); }
};

TEST_F(BufferPoolTest, BuffersAreAlignedAndWritable) {
  for (size_t alignment : {1, 16, 64, 4096})
    for (size_t size : {1, 7, 4096, 65536 + 3, 1 << 22}) {
      void *buffer = allocateBuffer(size, alignment);
      ASSERT_NE(buffer, nullptr) << size << " bytes at " << alignment;
      EXPECT_TRUE(isAligned(buffer, std::max<size_t>(alignment, 16)));
      std::memset(buffer, 0xab, size);
      releaseBuffer(buffer);
    }
}

TEST_F(BufferPoolTest, LargeBuffersAreReused) {
  void *first = allocateBuffer(1 << 20, 64);
  ASSERT_NE(first, nullptr);
  releaseBuffer(first);
  if (!isBufferPoolEnabled()) {
    // Sanitizer builds keep nothing.
    EXPECT_EQ(getBufferPoolIdleBytes(), 0u);
    return;
  }
  EXPECT_EQ(getBufferPoolIdleBytes(), size_t(1) << 20);
  // The same size, within the same page, takes the idle buffer back.
  void *second = allocateBuffer((1 << 20) - 100, 64);
  EXPECT_EQ(second, first);
  EXPECT_EQ(getBufferPoolIdleBytes(), 0u);
  // A buffer in use is not handed out twice.
  void *third = allocateBuffer(1 << 20, 64);
  EXPECT_NE(third, second);
  releaseBuffer(second);
  releaseBuffer(third);
  EXPECT_EQ(getBufferPoolIdleBytes(), size_t(2) << 20);
  trimBufferPool();
  EXPECT_EQ(getBufferPoolIdleBytes(), 0u);
}

TEST_F(BufferPoolTest, SmallBuffersGoBackToTheSystem) {
  releaseBuffer(allocateBuffer(1024, 64));
  EXPECT_EQ(getBufferPoolIdleBytes(), 0u);
}

TEST_F(BufferPoolTest, HugePageAdviceKeepsContents) {
  // Advice on written memory must not drop it (as MADV_DONTNEED would), and
  // ranges too small or misaligned for a huge page are left alone.
  constexpr size_t kBytes = size_t(9) << 20;
  auto *block = static_cast<unsigned char *>(std::malloc(kBytes));
  ASSERT_NE(block, nullptr);
  for (size_t i = 0; i < kBytes; i += 4093)
    block[i] = static_cast<unsigned char>(i * 7 + 1);
  adviseHugePages(block, kBytes);
  adviseHugePages(block + 3, 100);
  adviseHugePages(block + 1, 0);
  for (size_t i = 0; i < kBytes; i += 4093)
    ASSERT_EQ(block[i], static_cast<unsigned char>(i * 7 + 1)) << i;
  std::free(block);
  // Large pooled buffers are advised when allocated and stay writable.
  void *buffer = allocateBuffer(kBytes, 64);
  ASSERT_NE(buffer, nullptr);
  std::memset(buffer, 0x5a, kBytes);
  EXPECT_EQ(static_cast<unsigned char *>(buffer)[kBytes - 1], 0x5a);
  releaseBuffer(buffer);
}

TEST_F(BufferPoolTest, InvalidRequestsGetNull) {
  EXPECT_EQ(allocateBuffer(64, 0), nullptr);
  EXPECT_EQ(allocateBuffer(64, 48), nullptr);
  EXPECT_EQ(allocateBuffer(SIZE_MAX - 8, 64), nullptr);
  releaseBuffer(nullptr);
}

TEST_F(BufferPoolTest, GenericAllocationFunctions) {
  void *buffer = yatMemrefAlignedAlloc(128, 1000);
  ASSERT_NE(buffer, nullptr);
  EXPECT_TRUE(isAligned(buffer, 128));
  yatMemrefFree(buffer);
  buffer = yatMemrefAlloc(10);
  ASSERT_NE(buffer, nullptr);
  yatMemrefFree(buffer);
}

} // namespace
