//===- Checks.h - runtime side of StableHLO check.* calls -------*- C++ -*-===//
//
// The implementations of the `yat_check_<kind>_<type>` functions that
// yat/Support/CheckABI.h describes. Each records its failures (the label
// "check.<kind> at file:line:col", the largest error and the first
// mismatching index) for the tool to report.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_RUNTIME_JIT_CHECKS_H
#define YAT_RUNTIME_JIT_CHECKS_H

#include "yat/Support/CheckABI.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::yat::runtime {

/// A symbol the JIT must resolve: `_mlir_ciface_<getCheckSymbolName>` and
/// the address of its implementation.
struct CheckSymbol {
  std::string name;
  void *address;
};

/// Every check entry point, to register with the JIT (e.g.
/// ExecutionEngine::registerSymbols).
std::vector<CheckSymbol> getCheckRuntimeSymbols();

/// One failed check.
struct CheckFailure {
  /// "check.expect_close at file.mlir:12:5".
  std::string label;
  /// What went wrong, e.g. "element [3, 1]: got 1.5, expected 1.25 (max
  /// error 0.25 over 7 mismatching elements)".
  std::string message;
};

/// Forgets every recorded check (call before running a module).
void resetCheckResults();

/// Number of checks run since the last reset.
uint64_t getNumChecksRun();

/// The failures recorded since the last reset, in execution order.
std::vector<CheckFailure> getCheckFailures();

/// The first recorded failure as one line, "check.expect_close at f:1:2
/// failed: ... (2 more check(s) failed)", or nothing when every check passed.
std::optional<std::string> describeCheckFailures();

} // namespace mlir::yat::runtime

#endif // YAT_RUNTIME_JIT_CHECKS_H
