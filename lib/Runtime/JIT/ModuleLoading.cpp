//===- ModuleLoading.cpp - parse the modules the runtime compiles ---------===//

#include "yat/Runtime/JIT/ModuleLoading.h"

#include "FirstErrorCapture.h"

#include "yat/InitAll.h"
#include "yat/Runtime/Core/RuntimeError.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::yat::runtime;

void mlir::yat::runtime::registerRuntimeDialects(DialectRegistry &registry) {
  registerAllYatDialects(registry);
  registerUpstreamDialects(registry);
  registerAllToLLVMIRTranslations(registry);
}

/// MLIR 22's parser allocates a placeholder for every result number below
/// the one a use names, so `%0#2147483647` exhausts memory (not yet filed
/// upstream). No op has millions of results: such a use, outside comments
/// and strings, is reported here before parsing, as "file:line:col: ...".
static std::optional<std::string>
findHugeResultNumber(StringRef text, StringRef path,
                     const llvm::SourceMgr &sourceMgr) {
  constexpr size_t kMaxDigits = 6;
  auto isNameChar = [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
  };
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (c == '/' && text.substr(i).starts_with("//")) {
      i = std::min(text.find('\n', i), e);
      continue;
    }
    if (c == '"') {
      for (++i; i < e && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      continue;
    }
    if (c != '%')
      continue;
    size_t end = i + 1;
    while (end < e && isNameChar(text[end]))
      ++end;
    if (end == i + 1 || end >= e || text[end] != '#') {
      i = end - 1;
      continue;
    }
    StringRef digits = text.substr(end + 1).take_while(llvm::isDigit);
    if (digits.size() > kMaxDigits) {
      StringRef use = text.substr(i, end + 1 + digits.size() - i);
      auto [line, column] =
          sourceMgr.getLineAndColumn(llvm::SMLoc::getFromPointer(use.data()));
      return (path + ":" + llvm::Twine(line) + ":" + llvm::Twine(column) +
              ": result number " + digits + " of '" + use + "' is out of range")
          .str();
    }
    i = end;
  }
  return std::nullopt;
}

/// Parses the one buffer of `sourceMgr`, named `name` in errors.
static llvm::Expected<OwningOpRef<ModuleOp>>
parseModuleBuffer(llvm::SourceMgr &sourceMgr, StringRef name,
                  MLIRContext &context, bool propagateDiagnostics) {
  if (std::optional<std::string> problem = findHugeResultNumber(
          sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())->getBuffer(),
          name, sourceMgr))
    return makeModuleError(*problem);
  FirstErrorCapture capture(context, propagateDiagnostics);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return makeModuleError(capture.take("cannot parse '" + name.str() + "'"));
  return module;
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::yat::runtime::parseModuleFile(StringRef path, MLIRContext &context) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeModuleError("cannot read '" + path +
                           "': " + buffer.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return parseModuleBuffer(sourceMgr, path, context,
                           /*propagateDiagnostics=*/false);
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::yat::runtime::parseModuleString(StringRef source, StringRef bufferName,
                                      MLIRContext &context,
                                      bool propagateDiagnostics) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(source, bufferName), llvm::SMLoc());
  return parseModuleBuffer(sourceMgr, bufferName, context,
                           propagateDiagnostics);
}
