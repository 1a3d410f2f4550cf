//===- BufferPool.cpp - reuse of the compiled code's large buffers --------===//

#include "yat/Runtime/Core/BufferPool.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"

#include <cstdint>
#include <cstdlib>
#include <mutex>

#ifdef __linux__
#include <sys/mman.h>
#endif

using namespace mlir::yat::runtime;

#if defined(__SANITIZE_ADDRESS__)
#define YAT_BUFFER_POOL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define YAT_BUFFER_POOL_SANITIZED 1
#endif
#endif

namespace {

/// Buffers smaller than this go straight back to the system allocator,
/// which keeps them in its own free lists; larger ones it returns to the
/// kernel (glibc's mmap threshold starts at 128 KiB).
constexpr size_t kMinPooledBytes = 64 * 1024;

/// Most bytes of idle buffers the pool keeps; beyond it, freed buffers go
/// back to the system.
constexpr size_t kMaxIdleBytes = size_t(2) << 30;

/// Sits right before each buffer the pool hands out.
struct BlockHeader {
  void *block;     // what the system allocator returned
  size_t capacity; // usable bytes from the buffer on
  size_t offset;   // bytes from `block` to the buffer
};

struct BlockKey {
  size_t capacity;
  size_t offset;
};

} // namespace

namespace llvm {
template <> struct DenseMapInfo<BlockKey> {
  static BlockKey getEmptyKey() { return {~size_t(0), 0}; }
  static BlockKey getTombstoneKey() { return {~size_t(0) - 1, 0}; }
  static unsigned getHashValue(const BlockKey &key) {
    return detail::combineHashValue(
        DenseMapInfo<size_t>::getHashValue(key.capacity),
        DenseMapInfo<size_t>::getHashValue(key.offset));
  }
  static bool isEqual(const BlockKey &lhs, const BlockKey &rhs) {
    return lhs.capacity == rhs.capacity && lhs.offset == rhs.offset;
  }
};
} // namespace llvm

namespace {

class Pool {
public:
  void *take(BlockKey key) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = idle.find(key);
    if (it == idle.end() || it->second.empty())
      return nullptr;
    idleBytes -= key.capacity;
    return it->second.pop_back_val();
  }

  /// Keeps `buffer` unless the pool is full; returns whether it did.
  bool keep(BlockKey key, void *buffer) {
    std::lock_guard<std::mutex> lock(mutex);
    if (idleBytes + key.capacity > kMaxIdleBytes)
      return false;
    idle[key].push_back(buffer);
    idleBytes += key.capacity;
    return true;
  }

  llvm::SmallVector<void *> takeAll() {
    std::lock_guard<std::mutex> lock(mutex);
    llvm::SmallVector<void *> all;
    for (auto &entry : idle)
      all.append(entry.second.begin(), entry.second.end());
    idle.clear();
    idleBytes = 0;
    return all;
  }

  size_t getIdleBytes() {
    std::lock_guard<std::mutex> lock(mutex);
    return idleBytes;
  }

private:
  std::mutex mutex;
  llvm::DenseMap<BlockKey, llvm::SmallVector<void *, 2>> idle;
  size_t idleBytes = 0;
};

/// The process-wide pool. Never destroyed: compiled code may still free
/// buffers while static destructors run.
Pool &getPool() {
  static Pool *pool = new Pool;
  return *pool;
}

BlockHeader *getHeader(void *buffer) {
  return reinterpret_cast<BlockHeader *>(buffer) - 1;
}

void releaseToSystem(void *buffer) { std::free(getHeader(buffer)->block); }

} // namespace

void *mlir::yat::runtime::allocateBuffer(size_t size, size_t alignment) {
  if (alignment == 0 || !llvm::isPowerOf2_64(alignment))
    return nullptr;
  alignment = std::max<size_t>(alignment, alignof(std::max_align_t));
  // The header fits in the bytes before the buffer that keep it aligned.
  size_t offset = llvm::alignTo(sizeof(BlockHeader), alignment);
  bool pooled = size >= kMinPooledBytes;
  // Whole pages for pooled buffers, so that sizes within a page share a
  // free list;
  // aligned_alloc takes multiples of the alignment.
  size_t granule = pooled ? std::max<size_t>(alignment, 4096) : alignment;
  size_t capacity = llvm::alignTo(std::max<size_t>(size, 1), granule);
  if (capacity < size || offset + capacity < capacity)
    return nullptr;
  BlockKey key{capacity, offset};
#ifndef YAT_BUFFER_POOL_SANITIZED
  if (pooled)
    if (void *buffer = getPool().take(key))
      return buffer;
#endif
  void *block = std::aligned_alloc(alignment, offset + capacity);
  if (!block)
    return nullptr;
  if (pooled)
    adviseHugePages(block, offset + capacity);
  void *buffer = static_cast<char *>(block) + offset;
  *getHeader(buffer) = {block, capacity, offset};
  return buffer;
}

void mlir::yat::runtime::adviseHugePages(void *block, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePageBytes = uintptr_t(2) << 20;
  uintptr_t begin =
      llvm::alignTo(reinterpret_cast<uintptr_t>(block), kHugePageBytes);
  uintptr_t end = llvm::alignDown(reinterpret_cast<uintptr_t>(block) + size,
                                  kHugePageBytes);
  // Advice only: without transparent huge pages the memory stays as it is.
  if (begin < end)
    (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)block;
  (void)size;
#endif
}

void mlir::yat::runtime::releaseBuffer(void *buffer) {
  if (!buffer)
    return;
  BlockHeader *header = getHeader(buffer);
#ifndef YAT_BUFFER_POOL_SANITIZED
  if (header->capacity >= kMinPooledBytes &&
      getPool().keep({header->capacity, header->offset}, buffer))
    return;
#endif
  std::free(header->block);
}

void mlir::yat::runtime::trimBufferPool() {
  for (void *buffer : getPool().takeAll())
    releaseToSystem(buffer);
}

size_t mlir::yat::runtime::getBufferPoolIdleBytes() {
  return getPool().getIdleBytes();
}

bool mlir::yat::runtime::isBufferPoolEnabled() {
#ifdef YAT_BUFFER_POOL_SANITIZED
  return false;
#else
  return true;
#endif
}

extern "C" void *yatMemrefAlloc(uint64_t size) {
  return allocateBuffer(size, alignof(std::max_align_t));
}

extern "C" void *yatMemrefAlignedAlloc(uint64_t alignment, uint64_t size) {
  return allocateBuffer(size, alignment);
}

extern "C" void yatMemrefFree(void *buffer) { releaseBuffer(buffer); }
