//===- Diagnostics.cpp - collecting diagnostics as text -------------------===//

#include "CAPIWrap.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Support.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::yat::capi;

static MlirDiagnosticSeverity wrapSeverity(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return MlirDiagnosticError;
  case DiagnosticSeverity::Warning:
    return MlirDiagnosticWarning;
  case DiagnosticSeverity::Note:
    return MlirDiagnosticNote;
  case DiagnosticSeverity::Remark:
    return MlirDiagnosticRemark;
  }
  llvm_unreachable("unknown diagnostic severity");
}

/// "file:line:col" of the first file position in `location`, or "".
static std::string formatLocation(Location location) {
  auto fileLoc = location->findInstanceOf<FileLineColLoc>();
  if (!fileLoc)
    return "";
  return (fileLoc.getFilename().getValue() + ":" +
          llvm::Twine(fileLoc.getLine()) + ":" +
          llvm::Twine(fileLoc.getColumn()))
      .str();
}

DiagnosticCapture::DiagnosticCapture(MLIRContext *context) : context(context) {
  handlerId =
      context->getDiagEngine().registerHandler([this](Diagnostic &diagnostic) {
        record(diagnostic);
        return success();
      });
}

DiagnosticCapture::~DiagnosticCapture() {
  context->getDiagEngine().eraseHandler(handlerId);
}

void DiagnosticCapture::record(Diagnostic &diagnostic) {
  entries.push_back({wrapSeverity(diagnostic.getSeverity()),
                     formatLocation(diagnostic.getLocation()),
                     diagnostic.str()});
  for (Diagnostic &note : diagnostic.getNotes())
    entries.push_back(
        {MlirDiagnosticNote, formatLocation(note.getLocation()), note.str()});
}

YatDiagnosticCapture yatDiagnosticCaptureCreate(MlirContext context) {
  return wrap(new DiagnosticCapture(unwrap(context)));
}

void yatDiagnosticCaptureDestroy(YatDiagnosticCapture capture) {
  delete unwrap(capture);
}

intptr_t yatDiagnosticCaptureGetNumDiagnostics(YatDiagnosticCapture capture) {
  return unwrap(capture)->getEntries().size();
}

MlirDiagnosticSeverity
yatDiagnosticCaptureGetSeverity(YatDiagnosticCapture capture, intptr_t pos) {
  return unwrap(capture)->getEntries()[pos].severity;
}

MlirStringRef yatDiagnosticCaptureGetLocation(YatDiagnosticCapture capture,
                                              intptr_t pos) {
  return wrap(llvm::StringRef(unwrap(capture)->getEntries()[pos].location));
}

MlirStringRef yatDiagnosticCaptureGetMessage(YatDiagnosticCapture capture,
                                             intptr_t pos) {
  return wrap(llvm::StringRef(unwrap(capture)->getEntries()[pos].message));
}

void yatDiagnosticCaptureClear(YatDiagnosticCapture capture) {
  unwrap(capture)->clear();
}
