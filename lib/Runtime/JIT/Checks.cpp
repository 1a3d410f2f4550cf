//===- Checks.cpp - runtime side of StableHLO check.* calls ---------------===//
//
// The functions that compiled check.* custom_calls call. They read the two
// tensors through MLIR's memref descriptors (any rank and strides), compare
// them with the rule of their kind (yat/Support/CheckABI.h), and record
// failures for the tool to report after the run.
//
//===----------------------------------------------------------------------===//

#include "yat/Runtime/JIT/Checks.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>
#include <type_traits>

using namespace mlir::yat::checks;
using namespace mlir::yat::runtime;

namespace {

/// A strided view of a memref's elements, copied out of its descriptor.
template <typename Storage> struct View {
  const Storage *aligned = nullptr;
  int64_t offset = 0;
  std::vector<int64_t> sizes;
  std::vector<int64_t> strides;

  explicit View(const ::UnrankedMemRefType<Storage> *memref) {
    if (!memref || !memref->descriptor || memref->rank < 0)
      return;
    DynamicMemRefType<Storage> view(*memref);
    aligned = view.data;
    offset = view.offset;
    sizes.assign(view.sizes, view.sizes + view.rank);
    strides.assign(view.strides, view.strides + view.rank);
  }

  int64_t getNumElements() const {
    int64_t count = 1;
    for (int64_t size : sizes)
      count *= size;
    return count;
  }

  /// The element at row-major position `linear`.
  Storage at(int64_t linear) const {
    int64_t position = offset;
    for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
      int64_t size = sizes[d];
      position += (linear % size) * strides[d];
      linear /= size;
    }
    return aligned[position];
  }

  /// The multi-index of row-major position `linear`, as "[i, j]".
  std::string formatIndex(int64_t linear) const {
    std::vector<int64_t> index(sizes.size());
    for (int64_t d = static_cast<int64_t>(sizes.size()) - 1; d >= 0; --d) {
      index[d] = linear % sizes[d];
      linear /= sizes[d];
    }
    std::string text = "[";
    for (size_t d = 0; d < index.size(); ++d) {
      if (d)
        text += ", ";
      text += std::to_string(index[d]);
    }
    return text + "]";
  }
};

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

double halfToDouble(uint16_t bits) {
  int sign = bits >> 15;
  int exponent = (bits >> 10) & 0x1f;
  int mantissa = bits & 0x3ff;
  double value;
  if (exponent == 0)
    value = std::ldexp(mantissa, -24);
  else if (exponent == 31)
    value = mantissa ? std::numeric_limits<double>::quiet_NaN()
                     : std::numeric_limits<double>::infinity();
  else
    value = std::ldexp(mantissa + 1024, exponent - 25);
  return sign ? -value : value;
}

double bfloat16ToDouble(uint16_t bits) {
  uint32_t wide = static_cast<uint32_t>(bits) << 16;
  float value;
  std::memcpy(&value, &wide, sizeof(value));
  return value;
}

/// How to read and compare one element type. `Storage` is the in-memory
/// representation; floats also expose their bit pattern for ULP distances.
struct BoolTraits {
  using Storage = uint8_t;
  static constexpr bool isFloat = false;
  static int64_t toInt(Storage v) { return v != 0; }
};
template <typename T> struct IntTraits {
  using Storage = T;
  static constexpr bool isFloat = false;
  static Storage toInt(Storage v) { return v; }
};
/// f16 and bf16: stored as their 16-bit pattern and widened by `decode`.
template <double (*decode)(uint16_t)> struct NarrowFloatTraits {
  using Storage = uint16_t;
  static constexpr bool isFloat = true;
  static constexpr bool isNarrow = true;
  static double toDouble(Storage v) { return decode(v); }
  static uint64_t bits(Storage v) { return v; }
  static constexpr int width = 16;
};
using HalfTraits = NarrowFloatTraits<halfToDouble>;
using BFloat16Traits = NarrowFloatTraits<bfloat16ToDouble>;

/// float and double: native values whose bit pattern is a `Bits` integer.
template <typename T, typename Bits> struct NativeFloatTraits {
  static_assert(sizeof(T) == sizeof(Bits), "bit pattern must match the float");
  using Storage = T;
  static constexpr bool isFloat = true;
  static constexpr bool isNarrow = false;
  static double toDouble(Storage v) { return v; }
  static uint64_t bits(Storage v) {
    Bits b;
    std::memcpy(&b, &v, sizeof(b));
    return b;
  }
  static constexpr int width = 8 * sizeof(T);
};
using Float32Traits = NativeFloatTraits<float, uint32_t>;
using Float64Traits = NativeFloatTraits<double, uint64_t>;

/// complex<f32> and complex<f64>: (real, imaginary) pairs whose parts are
/// compared as `PartTraits` floats, each with the check's own rule.
template <typename PartTraits> struct ComplexTraits {
  struct Storage {
    typename PartTraits::Storage re, im;
  };
  using Part = PartTraits;
  static constexpr bool isFloat = false;
};
using Complex64Traits = ComplexTraits<Float32Traits>;
using Complex128Traits = ComplexTraits<Float64Traits>;

template <typename Traits, typename = void>
struct IsComplexTraits : std::false_type {};
template <typename Traits>
struct IsComplexTraits<Traits, std::void_t<typename Traits::Part>>
    : std::true_type {};

/// Distance in units in the last place between two non-NaN floats of
/// `width` bits given as bit patterns; +0 and -0 are the same point.
uint64_t ulpDistance(uint64_t a, uint64_t e, int width) {
  uint64_t signBit = uint64_t(1) << (width - 1);
  auto key = [&](uint64_t bits) -> long double {
    long double magnitude = static_cast<long double>(bits & (signBit - 1));
    return (bits & signBit) ? -magnitude : magnitude;
  };
  long double distance = key(a) - key(e);
  return static_cast<uint64_t>(distance < 0 ? -distance : distance);
}

std::string formatDouble(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.9g", value);
  return buffer;
}

//===----------------------------------------------------------------------===//
// Recording
//===----------------------------------------------------------------------===//

struct CheckRecords {
  std::mutex mutex;
  uint64_t numRun = 0;
  std::vector<CheckFailure> failures;
};

CheckRecords &getRecords() {
  static CheckRecords records;
  return records;
}

std::string readLabel(const ::UnrankedMemRefType<char> *label) {
  View<char> view(label);
  if (!view.aligned)
    return "check";
  std::string text;
  int64_t count = view.getNumElements();
  for (int64_t i = 0; i < count; ++i)
    text.push_back(view.at(i));
  return text;
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//

/// Whether one pair of float elements passes check `kind`; `error` gets the
/// absolute error (and `ulps` the ULP distance) for the report. `scale` is
/// the largest finite magnitude of the expected tensor.
template <typename Traits>
bool compareFloats(CheckKind kind, int32_t flags,
                   typename Traits::Storage actualRaw,
                   typename Traits::Storage expectedRaw, double scale,
                   double &error, uint64_t &ulps) {
  double actual = Traits::toDouble(actualRaw);
  double expected = Traits::toDouble(expectedRaw);
  bool actualNan = std::isnan(actual), expectedNan = std::isnan(expected);
  error = 0;
  ulps = 0;
  if (actualNan || expectedNan) {
    error =
        actualNan == expectedNan ? 0 : std::numeric_limits<double>::infinity();
    return actualNan == expectedNan;
  }
  if (actual == expected)
    return true;
  error = std::fabs(actual - expected);
  ulps = ulpDistance(Traits::bits(actualRaw), Traits::bits(expectedRaw),
                     Traits::width);
  switch (kind) {
  case CheckKind::ExpectEq:
  case CheckKind::Eq:
    return false;
  case CheckKind::ExpectAlmostEq:
    return error <= CheckTolerances::kAlmostEqTolerance;
  case CheckKind::ExpectClose: {
    if (std::isinf(actual) || std::isinf(expected))
      return false;
    if (ulps <= static_cast<uint64_t>(CheckTolerances::kCloseMaxUlps))
      return true;
    if (!(flags & kCheckFlagReassociated))
      return false;
    // The rounding error of a sum is bounded relative to the magnitudes
    // summed, not to the result, which may cancel to near zero: compare
    // with the tensor's scale (normwise) as well as the element's own.
    double tolerance = Traits::isNarrow
                           ? CheckTolerances::kReassociatedRelTolNarrow
                           : CheckTolerances::kReassociatedRelTolWide;
    return error <= tolerance * std::max({std::fabs(actual),
                                          std::fabs(expected), scale});
  }
  }
  return false;
}

template <typename Traits>
int32_t
runCheck(CheckKind kind,
         const ::UnrankedMemRefType<typename Traits::Storage> *actualMemref,
         const ::UnrankedMemRefType<typename Traits::Storage> *expectedMemref,
         const ::UnrankedMemRefType<char> *labelMemref, int32_t flags) {
  using Storage = typename Traits::Storage;
  View<Storage> actual(actualMemref), expected(expectedMemref);
  std::string message;
  if (!actual.aligned && actual.getNumElements() != 0)
    message = "the actual value could not be read";
  else if (actual.sizes != expected.sizes)
    message = "the actual and expected values have different shapes";

  int64_t count = actual.getNumElements();
  int64_t mismatches = 0, firstMismatch = -1;
  double maxError = 0;
  uint64_t maxUlps = 0;
  if (message.empty()) {
    double scale = 0;
    if (flags & kCheckFlagReassociated) {
      auto include = [&](double value) {
        if (std::isfinite(value))
          scale = std::max(scale, std::fabs(value));
      };
      for (int64_t i = 0; i < count; ++i) {
        Storage e = expected.at(i);
        if constexpr (IsComplexTraits<Traits>::value) {
          include(Traits::Part::toDouble(e.re));
          include(Traits::Part::toDouble(e.im));
        } else if constexpr (Traits::isFloat) {
          include(Traits::toDouble(e));
        }
      }
    }
    for (int64_t i = 0; i < count; ++i) {
      Storage a = actual.at(i), e = expected.at(i);
      bool passed;
      double error = 0;
      uint64_t ulps = 0;
      if constexpr (IsComplexTraits<Traits>::value) {
        using Part = typename Traits::Part;
        double reError, imError;
        uint64_t reUlps, imUlps;
        bool reOk = compareFloats<Part>(kind, flags, a.re, e.re, scale, reError,
                                        reUlps);
        bool imOk = compareFloats<Part>(kind, flags, a.im, e.im, scale, imError,
                                        imUlps);
        passed = reOk && imOk;
        error = std::max(reError, imError);
        ulps = std::max(reUlps, imUlps);
      } else if constexpr (Traits::isFloat) {
        passed = compareFloats<Traits>(kind, flags, a, e, scale, error, ulps);
      } else {
        auto ai = Traits::toInt(a), ei = Traits::toInt(e);
        passed = ai == ei;
        error = passed ? 0 : std::fabs(double(ai) - double(ei));
      }
      if (passed)
        continue;
      ++mismatches;
      if (firstMismatch < 0)
        firstMismatch = i;
      maxError = std::max(maxError, error);
      maxUlps = std::max(maxUlps, ulps);
    }
    if (mismatches) {
      auto format = [&](Storage v) {
        if constexpr (IsComplexTraits<Traits>::value)
          return "(" + formatDouble(Traits::Part::toDouble(v.re)) + ", " +
                 formatDouble(Traits::Part::toDouble(v.im)) + ")";
        else if constexpr (Traits::isFloat)
          return formatDouble(Traits::toDouble(v));
        else
          return std::to_string(Traits::toInt(v));
      };
      message = "element " + actual.formatIndex(firstMismatch) + ": got " +
                format(actual.at(firstMismatch)) + ", expected " +
                format(expected.at(firstMismatch)) + " (" +
                std::to_string(mismatches) + " of " + std::to_string(count) +
                " elements differ, max error " + formatDouble(maxError);
      if constexpr (Traits::isFloat || IsComplexTraits<Traits>::value)
        message += " = " + std::to_string(maxUlps) + " ulp";
      message += ")";
    }
  }

  CheckRecords &records = getRecords();
  std::lock_guard<std::mutex> lock(records.mutex);
  ++records.numRun;
  if (message.empty())
    return 1;
  records.failures.push_back({readLabel(labelMemref), message});
  return 0;
}

} // namespace

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

/// Expands `X(KIND_NAME, KIND, TYPE_NAME, TRAITS)` once per check kind and
/// element type that the runtime implements.
#define YAT_CHECK_TYPES_FOR_KIND(X, KIND_NAME, KIND)                           \
  X(KIND_NAME, KIND, i1, BoolTraits)                                           \
  X(KIND_NAME, KIND, i8, IntTraits<int8_t>)                                    \
  X(KIND_NAME, KIND, i16, IntTraits<int16_t>)                                  \
  X(KIND_NAME, KIND, i32, IntTraits<int32_t>)                                  \
  X(KIND_NAME, KIND, i64, IntTraits<int64_t>)                                  \
  X(KIND_NAME, KIND, ui8, IntTraits<uint8_t>)                                  \
  X(KIND_NAME, KIND, ui16, IntTraits<uint16_t>)                                \
  X(KIND_NAME, KIND, ui32, IntTraits<uint32_t>)                                \
  X(KIND_NAME, KIND, ui64, IntTraits<uint64_t>)                                \
  X(KIND_NAME, KIND, f16, HalfTraits)                                          \
  X(KIND_NAME, KIND, bf16, BFloat16Traits)                                     \
  X(KIND_NAME, KIND, f32, Float32Traits)                                       \
  X(KIND_NAME, KIND, f64, Float64Traits)                                       \
  X(KIND_NAME, KIND, c64, Complex64Traits)                                     \
  X(KIND_NAME, KIND, c128, Complex128Traits)
#define YAT_FOR_EACH_CHECK(X)                                                  \
  YAT_CHECK_TYPES_FOR_KIND(X, expect_eq, CheckKind::ExpectEq)                  \
  YAT_CHECK_TYPES_FOR_KIND(X, expect_close, CheckKind::ExpectClose)            \
  YAT_CHECK_TYPES_FOR_KIND(X, expect_almost_eq, CheckKind::ExpectAlmostEq)     \
  YAT_CHECK_TYPES_FOR_KIND(X, eq, CheckKind::Eq)

#define YAT_CHECK_ENTRY(KIND_NAME, KIND, TYPE_NAME, TRAITS)                    \
  extern "C" int32_t _mlir_ciface_yat_check_##KIND_NAME##_##TYPE_NAME(         \
      ::UnrankedMemRefType<TRAITS::Storage> *actual,                           \
      ::UnrankedMemRefType<TRAITS::Storage> *expected,                         \
      ::UnrankedMemRefType<char> *label, int32_t flags) {                      \
    return runCheck<TRAITS>(KIND, actual, expected, label, flags);             \
  }
YAT_FOR_EACH_CHECK(YAT_CHECK_ENTRY)
#undef YAT_CHECK_ENTRY

std::vector<CheckSymbol> mlir::yat::runtime::getCheckRuntimeSymbols() {
  std::vector<CheckSymbol> symbols;
#define YAT_CHECK_SYMBOL(KIND_NAME, KIND, TYPE_NAME, TRAITS)                   \
  symbols.push_back({"_mlir_ciface_yat_check_" #KIND_NAME "_" #TYPE_NAME,      \
                     reinterpret_cast<void *>(                                 \
                         &_mlir_ciface_yat_check_##KIND_NAME##_##TYPE_NAME)});
  YAT_FOR_EACH_CHECK(YAT_CHECK_SYMBOL)
#undef YAT_CHECK_SYMBOL
  return symbols;
}

#undef YAT_FOR_EACH_CHECK
#undef YAT_CHECK_TYPES_FOR_KIND

void mlir::yat::runtime::resetCheckResults() {
  CheckRecords &records = getRecords();
  std::lock_guard<std::mutex> lock(records.mutex);
  records.numRun = 0;
  records.failures.clear();
}

uint64_t mlir::yat::runtime::getNumChecksRun() {
  CheckRecords &records = getRecords();
  std::lock_guard<std::mutex> lock(records.mutex);
  return records.numRun;
}

std::vector<CheckFailure> mlir::yat::runtime::getCheckFailures() {
  CheckRecords &records = getRecords();
  std::lock_guard<std::mutex> lock(records.mutex);
  return records.failures;
}

std::optional<std::string> mlir::yat::runtime::describeCheckFailures() {
  std::vector<CheckFailure> failures = getCheckFailures();
  if (failures.empty())
    return std::nullopt;
  std::string more;
  if (failures.size() > 1)
    more =
        " (" + std::to_string(failures.size() - 1) + " more check(s) failed)";
  return failures.front().label + " failed: " + failures.front().message + more;
}
