//===- TaskPool.h - the worker threads of parallel tile loops ---*- C++ -*-===//
//
// yat-cpu-pipeline runs parallel tile loops as tasks of MLIR's async
// runtime (async-parallel-for). The runtime binds the calls that start a
// task and that wait for a group of tasks to this pool instead of the
// async runtime's own thread pool, which has a thread per hardware thread:
// with the caller computing the first block of every loop as well, there
// was one thread more than cores, and a loop of 0.3 ms took twice as long
// in about one run of three, when the caller and a worker shared a core.
//
// The pool has one worker fewer than the host has hardware threads. A
// worker that runs out of tasks polls for new ones for a short while
// before it sleeps, since the next tile loop usually follows within
// microseconds, and a caller waiting for its tasks runs queued ones
// itself.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_CORE_TASKPOOL_H
#define YAT_RUNTIME_CORE_TASKPOOL_H

#include <cstdint>

namespace mlir::runtime {
struct AsyncToken;
struct AsyncGroup;
} // namespace mlir::runtime

namespace mlir::yat::runtime {

/// Worker threads of the pool (at least one).
unsigned getTaskPoolWorkerCount();

/// Runs one queued task on the calling thread; returns whether there was
/// one.
bool runQueuedTask();

/// Returns once no task is queued or running, helping with queued ones. A
/// task signals its completion before its last instructions, so this is
/// what makes it safe to unmap the code of finished tasks.
void waitForIdleTaskPool();

} // namespace mlir::yat::runtime

// The async runtime entry points that the pool replaces, as the compiled
// code calls them (mlirAsyncRuntimeExecute, mlirAsyncRuntimeAwaitToken,
// mlirAsyncRuntimeAwaitAllInGroup).
extern "C" {
void yatAsyncRuntimeExecute(void *coroutine, void (*resume)(void *));
void yatAsyncRuntimeAwaitToken(mlir::runtime::AsyncToken *token);
void yatAsyncRuntimeAwaitAllInGroup(mlir::runtime::AsyncGroup *group);
}

#endif // YAT_RUNTIME_CORE_TASKPOOL_H
