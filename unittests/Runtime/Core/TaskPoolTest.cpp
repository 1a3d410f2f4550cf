//===- TaskPoolTest.cpp - the runtime's task pool -------------------------===//

#include "yat/Runtime/Core/TaskPool.h"

#include "gtest/gtest.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

using namespace mlir::yat::runtime;

namespace {

struct Counter {
  std::atomic<int> runs{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
};

void countRun(void *counter) {
  auto *state = static_cast<Counter *>(counter);
  {
    std::lock_guard<std::mutex> lock(state->mutex);
    state->threads.insert(std::this_thread::get_id());
  }
  // Long enough that the workers take some of the tasks.
  std::this_thread::sleep_for(std::chrono::microseconds(200));
  state->runs.fetch_add(1);
}

TEST(TaskPoolTest, RunsEveryTaskOnTheWorkers) {
  Counter counter;
  constexpr int kTasks = 64;
  for (int i = 0; i < kTasks; ++i)
    yatAsyncRuntimeExecute(&counter, &countRun);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (counter.runs.load() < kTasks &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(counter.runs.load(), kTasks);
  std::lock_guard<std::mutex> lock(counter.mutex);
  EXPECT_EQ(counter.threads.count(std::this_thread::get_id()), 0u);
}

TEST(TaskPoolTest, AWaitingCallerRunsQueuedTasks) {
  Counter counter;
  // More tasks than the workers take while the caller starts draining.
  const int kTasks = 16 * (getTaskPoolWorkerCount() + 1);
  for (int i = 0; i < kTasks; ++i)
    yatAsyncRuntimeExecute(&counter, &countRun);
  int ranHere = 0;
  while (runQueuedTask())
    ++ranHere;
  EXPECT_FALSE(runQueuedTask());
  // The queue is empty; the workers finish what they took.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (counter.runs.load() < kTasks &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(counter.runs.load(), kTasks);
  EXPECT_GT(ranHere, 0);
}

} // namespace
