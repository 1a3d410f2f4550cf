//===- BufferPool.h - reuse of the compiled code's large buffers -*- C++
//-*-===//
//
// Compiled functions allocate their intermediate and result buffers through
// MLIR's generic allocation functions (`finalize-memref-to-llvm` with
// `use-generic-functions`), which the runtime binds to this pool. Large
// buffers are kept when freed and handed out again to the next request of
// the same size: a model called in a loop then allocates the same buffers
// on every call, and returning them to the system each time would make
// every call page-fault them in afresh (2 ms for two 4 MiB buffers).
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_BUFFERPOOL_H
#define YAT_RUNTIME_CORE_BUFFERPOOL_H

#include <cstddef>
#include <cstdint>

namespace mlir::yat::runtime {

/// A buffer of `size` bytes aligned to `alignment` (a power of two; at least
/// 16 is used), or null when memory is exhausted or the request is invalid.
/// Release it with releaseBuffer.
void *allocateBuffer(size_t size, size_t alignment);

/// Asks the kernel to back the 2 MiB-aligned pages inside `[block, block +
/// size)` with transparent huge pages (Linux, where it is enabled for
/// madvise'd memory; elsewhere nothing), as numpy does for large arrays:
/// streaming through tens of MiB then takes a TLB miss per 2 MiB instead of
/// per 4 KiB. Blocks smaller than a huge page are left alone.
void adviseHugePages(void *block, size_t size);

/// Returns a buffer of allocateBuffer to the pool, or to the system when
/// the pool holds enough; null is ignored.
void releaseBuffer(void *buffer);

/// Returns every idle buffer of the pool to the system.
void trimBufferPool();

/// Bytes of idle buffers the pool holds.
size_t getBufferPoolIdleBytes();

/// Whether freed buffers are kept. Sanitizer builds return every buffer to
/// the system at once, so that a use after free is still caught.
bool isBufferPoolEnabled();

} // namespace mlir::yat::runtime

// The generic allocation functions of MLIR's memref-to-LLVM lowering, as
// the compiled code calls them.
extern "C" {
void *yatMemrefAlloc(uint64_t size);
void *yatMemrefAlignedAlloc(uint64_t alignment, uint64_t size);
void yatMemrefFree(void *buffer);
}

#endif // YAT_RUNTIME_CORE_BUFFERPOOL_H
