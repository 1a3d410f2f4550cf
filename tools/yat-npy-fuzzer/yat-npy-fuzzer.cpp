//===- yat-npy-fuzzer.cpp - libFuzzer target for yat-run's inputs ---------===//
//
// What yat-run does with an --input file before compiling anything: parse
// the .npy bytes, then check and convert the tensor for the entry's
// parameter. The first input byte picks the parameter from kParameters; the
// rest is the file. Malformed files (truncated headers, huge or negative
// shapes, unknown dtypes, Fortran order) must end in an error, and the
// error must print as one line, as yat-run prints it.
//
// Properties checked on the way, each an abort when broken:
// - a parsed tensor written back with writeNpy parses to the same type and
//   bytes;
// - a tensor that prepareArguments accepts has the parameter's element type
//   and rank, and every static size of the parameter;
// - reportRunError prints exactly one line and returns status 1 or 2.
//
//===----------------------------------------------------------------------===//

#include "yat/Runtime/Core/HostTensor.h"
#include "yat/Runtime/JIT/JitExecutable.h"
#include "yat/Runtime/Tooling/Npy.h"
#include "yat/Runtime/Tooling/Runner.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <cstring>

using namespace mlir;
using namespace mlir::yat::runtime;

namespace {

constexpr int64_t kDyn = ShapedType::kDynamic;

/// Entry parameters of the kinds yat-run passes: static and dynamic
/// shapes, scalars, every element type, bf16 (which numpy writes as f32).
const TensorSpec kParameters[] = {
    {ElementType::F32, {2, 3}},       {ElementType::F32, {kDyn, 4}},
    {ElementType::F32, {}},           {ElementType::F64, {kDyn}},
    {ElementType::F16, {3, kDyn}},    {ElementType::BF16, {2, 2}},
    {ElementType::BF16, {kDyn}},      {ElementType::I8, {4}},
    {ElementType::I16, {kDyn, kDyn}}, {ElementType::I32, {1, 1, 1}},
    {ElementType::I64, {}},           {ElementType::I1, {kDyn}},
    {ElementType::U8, {2}},           {ElementType::U16, {kDyn}},
    {ElementType::U32, {kDyn, 2}},    {ElementType::U64, {}},
    {ElementType::C64, {2}},          {ElementType::C128, {kDyn}},
};

void check(bool condition, const char *property) {
  if (condition)
    return;
  llvm::errs() << "yat-npy-fuzzer: property broken: " << property << "\n";
  std::abort();
}

/// Reports `error` as yat-run does and checks that the report is one line.
void checkReport(llvm::Error error) {
  std::string text;
  llvm::raw_string_ostream os(text);
  int status = reportRunError(std::move(error), "yat-run", os);
  check(status == 1 || status == 2, "an error exits with status 1 or 2");
  check(!text.empty() && text.back() == '\n' &&
            text.find('\n') == text.size() - 1,
        "an error is reported on one line");
}

void checkRoundTrip(const HostTensor &tensor) {
  std::string bytes;
  llvm::raw_string_ostream os(bytes);
  writeNpy(os, tensor);
  llvm::Expected<HostTensor> reread = parseNpy(bytes, "round-trip");
  if (!reread) {
    llvm::consumeError(reread.takeError());
    check(false, "writeNpy's output parses");
  }
  // bf16 is written as f32 (numpy has no bf16); compare it after the same
  // conversion yat-run applies.
  HostTensor expected = std::move(*reread);
  if (tensor.getElementType() == ElementType::BF16) {
    llvm::Expected<HostTensor> converted =
        expected.convertTo(ElementType::BF16);
    check(static_cast<bool>(converted), "f32 converts back to bf16");
    expected = std::move(*converted);
  }
  check(expected.getElementType() == tensor.getElementType() &&
            expected.getShape() == tensor.getShape(),
        "a round trip through writeNpy keeps the type");
  check(std::memcmp(expected.getData(), tensor.getData(),
                    tensor.getByteSize()) == 0,
        "a round trip through writeNpy keeps the bytes");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return -1;
  const TensorSpec &parameter = kParameters[data[0] % std::size(kParameters)];
  llvm::StringRef file(reinterpret_cast<const char *>(data + 1), size - 1);

  llvm::Expected<HostTensor> tensor = parseNpy(file, "fuzz-input.npy");
  if (!tensor) {
    checkReport(tensor.takeError());
    return 0;
  }
  checkRoundTrip(*tensor);

  FunctionSignature signature;
  signature.name = "main";
  signature.arguments.push_back(parameter);
  SmallVector<HostTensor> arguments;
  arguments.push_back(std::move(*tensor));
  llvm::Expected<SmallVector<HostTensor>> prepared =
      prepareArguments(signature, std::move(arguments));
  if (!prepared) {
    checkReport(prepared.takeError());
    return 0;
  }
  const HostTensor &argument = prepared->front();
  check(argument.getElementType() == parameter.elementType &&
            argument.getRank() == static_cast<int64_t>(parameter.shape.size()),
        "an accepted argument has the parameter's element type and rank");
  for (auto [size, expected] : llvm::zip(argument.getShape(), parameter.shape))
    check(expected == kDyn || size == expected,
          "an accepted argument has the parameter's static sizes");
  return 0;
}
