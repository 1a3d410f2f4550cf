//===- TaskPool.cpp - the worker threads of parallel tile loops -----------===//

#include "yat/Runtime/Core/TaskPool.h"

#include "mlir/ExecutionEngine/AsyncRuntime.h"
#include "llvm/Support/Threading.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace mlir::yat::runtime;

namespace {

/// How long an idle worker polls for a new task before it sleeps.
constexpr std::chrono::microseconds kPollTime(100);

struct Task {
  void *coroutine;
  void (*resume)(void *);
};

class TaskPool {
public:
  explicit TaskPool(unsigned workerCount) : workerCount(workerCount) {
    for (unsigned i = 0; i < workerCount; ++i)
      std::thread([this] { workerLoop(); }).detach();
  }

  void submit(Task task) {
    bool wake;
    {
      std::lock_guard<std::mutex> lock(mutex);
      queue.push_back(task);
      queued.fetch_add(1, std::memory_order_release);
      wake = sleeping > 0;
    }
    if (wake)
      wakeup.notify_one();
  }

  bool runOne() {
    if (queued.load(std::memory_order_acquire) == 0)
      return false;
    Task task;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (queue.empty())
        return false;
      task = queue.front();
      queue.pop_front();
      // Counted as running before it stops being queued, so that waitIdle
      // never sees it as neither.
      running.fetch_add(1);
      queued.fetch_sub(1);
    }
    task.resume(task.coroutine);
    running.fetch_sub(1);
    return true;
  }

  void waitIdle() {
    while (queued.load() != 0 || running.load() != 0)
      if (!runOne())
        std::this_thread::yield();
  }

  unsigned getWorkerCount() const { return workerCount; }

private:
  void workerLoop() {
    for (;;) {
      if (runOne())
        continue;
      auto deadline = std::chrono::steady_clock::now() + kPollTime;
      bool found = false;
      while (!found && std::chrono::steady_clock::now() < deadline) {
        for (int i = 0; i < 64 && !found; ++i)
          found = queued.load(std::memory_order_acquire) != 0;
        if (!found)
          std::this_thread::yield();
      }
      if (found)
        continue;
      std::unique_lock<std::mutex> lock(mutex);
      ++sleeping;
      wakeup.wait(lock, [this] { return !queue.empty(); });
      --sleeping;
    }
  }

  const unsigned workerCount;
  std::mutex mutex;
  std::condition_variable wakeup;
  std::deque<Task> queue;
  std::atomic<size_t> queued{0};
  /// Tasks taken from the queue whose resume function has not returned.
  std::atomic<size_t> running{0};
  unsigned sleeping = 0;
};

/// The process-wide pool, never destroyed: its detached workers outlive
/// static destructors.
TaskPool &getPool() {
  static TaskPool *pool = new TaskPool(
      std::max(1u, llvm::hardware_concurrency().compute_thread_count() - 1));
  return *pool;
}

} // namespace

unsigned mlir::yat::runtime::getTaskPoolWorkerCount() {
  return getPool().getWorkerCount();
}

bool mlir::yat::runtime::runQueuedTask() { return getPool().runOne(); }

void mlir::yat::runtime::waitForIdleTaskPool() { getPool().waitIdle(); }

extern "C" void yatAsyncRuntimeExecute(void *coroutine,
                                       void (*resume)(void *)) {
  getPool().submit({coroutine, resume});
}

extern "C" void yatAsyncRuntimeAwaitToken(mlir::runtime::AsyncToken *token) {
  while (runQueuedTask()) {
  }
  mlir::runtime::mlirAsyncRuntimeAwaitToken(token);
}

extern "C" void
yatAsyncRuntimeAwaitAllInGroup(mlir::runtime::AsyncGroup *group) {
  while (runQueuedTask()) {
  }
  mlir::runtime::mlirAsyncRuntimeAwaitAllInGroup(group);
}
