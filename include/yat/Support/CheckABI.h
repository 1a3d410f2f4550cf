//===- CheckABI.h - the ABI of StableHLO check.* calls ----------*- C++ -*-===//
//
// What the compiler and the runtime agree on for
// `stablehlo.custom_call @check.<kind>(%actual, %expected)`:
// `convert-stablehlo-to-linalg` lowers it to a call of the C function
// `yat_check_<kind>_<type>` (with `llvm.emit_c_interface`, so the symbol the
// JIT resolves is `_mlir_ciface_yat_check_<kind>_<type>`):
//
//   int32_t fn(UnrankedMemRef *actual, UnrankedMemRef *expected,
//              UnrankedMemRef *label /* i8 */, int32_t flags);
//
// which returns 1 when the check passes and 0 when it fails. This header
// holds the kinds, element types, names, flags and tolerances; the
// runtime's side is yat/Runtime/JIT/Checks.h.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_SUPPORT_CHECKABI_H
#define YAT_SUPPORT_CHECKABI_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir::yat::checks {

/// The check.* custom_call targets.
enum class CheckKind { ExpectEq, ExpectClose, ExpectAlmostEq, Eq };

/// Their names in StableHLO files.
inline constexpr llvm::StringLiteral kCheckExpectEq = "check.expect_eq";
inline constexpr llvm::StringLiteral kCheckExpectClose = "check.expect_close";
inline constexpr llvm::StringLiteral kCheckExpectAlmostEq =
    "check.expect_almost_eq";
inline constexpr llvm::StringLiteral kCheckEq = "check.eq";

/// Element types with a check entry point.
enum class CheckElementType {
  I1,
  I8,
  I16,
  I32,
  I64,
  UI8,
  UI16,
  UI32,
  UI64,
  F16,
  BF16,
  F32,
  F64,
  C64,
  C128
};

/// Flag bit: the actual value was computed through a dot_general,
/// convolution, reduce, triangular_solve or fft, whose summation order
/// yat may change.
inline constexpr int32_t kCheckFlagReassociated = 1;

/// The comparison rules, in one place (see
/// docs/STABLEHLO.md, which follows the conformance files' own README):
/// - expect_eq: exact (NaN equals NaN, +0 equals -0).
/// - expect_close: within kCloseMaxUlps units in the last place; when the
///   actual value comes from a reassociated reduction (kCheckFlag-
///   Reassociated), an error up to kReassociatedRelTolWide (f32, f64) or
///   kReassociatedRelTolNarrow (f16, bf16) times the larger of the
///   element's magnitude and the largest finite magnitude of the expected
///   tensor is accepted as well.
/// - expect_almost_eq: |actual - expected| <= kAlmostEqTolerance.
/// - eq: exact equality (booleans and integers; floats as expect_eq).
/// Integers are always compared exactly.
struct CheckTolerances {
  static constexpr int64_t kCloseMaxUlps = 3;
  static constexpr double kReassociatedRelTolWide = 1e-5;
  static constexpr double kReassociatedRelTolNarrow = 1e-2;
  static constexpr double kAlmostEqTolerance = 1e-3;
};

/// check.expect_eq -> ExpectEq, ...; nullopt for other targets.
inline std::optional<CheckKind> parseCheckTarget(llvm::StringRef target) {
  if (target == kCheckExpectEq)
    return CheckKind::ExpectEq;
  if (target == kCheckExpectClose)
    return CheckKind::ExpectClose;
  if (target == kCheckExpectAlmostEq)
    return CheckKind::ExpectAlmostEq;
  if (target == kCheckEq)
    return CheckKind::Eq;
  return std::nullopt;
}

/// The short names of the element types, as in MLIR: "i1", ..., "bf16".
inline const char *getCheckElementTypeName(CheckElementType type) {
  switch (type) {
  case CheckElementType::I1:
    return "i1";
  case CheckElementType::I8:
    return "i8";
  case CheckElementType::I16:
    return "i16";
  case CheckElementType::I32:
    return "i32";
  case CheckElementType::I64:
    return "i64";
  case CheckElementType::UI8:
    return "ui8";
  case CheckElementType::UI16:
    return "ui16";
  case CheckElementType::UI32:
    return "ui32";
  case CheckElementType::UI64:
    return "ui64";
  case CheckElementType::F16:
    return "f16";
  case CheckElementType::BF16:
    return "bf16";
  case CheckElementType::F32:
    return "f32";
  case CheckElementType::F64:
    return "f64";
  case CheckElementType::C64:
    return "c64";
  case CheckElementType::C128:
    return "c128";
  }
  return "";
}

/// "i1", "i8", ..., "bf16", "f32", "f64" -> the element type.
inline std::optional<CheckElementType>
parseCheckElementType(llvm::StringRef name) {
  for (CheckElementType type :
       {CheckElementType::I1, CheckElementType::I8, CheckElementType::I16,
        CheckElementType::I32, CheckElementType::I64, CheckElementType::UI8,
        CheckElementType::UI16, CheckElementType::UI32, CheckElementType::UI64,
        CheckElementType::F16, CheckElementType::BF16, CheckElementType::F32,
        CheckElementType::F64, CheckElementType::C64, CheckElementType::C128})
    if (name == getCheckElementTypeName(type))
      return type;
  return std::nullopt;
}

/// "expect_eq", "expect_close", "expect_almost_eq" or "eq".
inline const char *getCheckKindName(CheckKind kind) {
  switch (kind) {
  case CheckKind::ExpectEq:
    return "expect_eq";
  case CheckKind::ExpectClose:
    return "expect_close";
  case CheckKind::ExpectAlmostEq:
    return "expect_almost_eq";
  case CheckKind::Eq:
    return "eq";
  }
  return "";
}

/// "yat_check_expect_close_f32" and so on: the name the lowering calls.
inline std::string getCheckSymbolName(CheckKind kind, CheckElementType type) {
  return std::string("yat_check_") + getCheckKindName(kind) + "_" +
         getCheckElementTypeName(type);
}

} // namespace mlir::yat::checks

#endif // YAT_SUPPORT_CHECKABI_H
