//===- InitAll.h - register everything yat provides -------------*- C++ -*-===//
//
// One place that every tool, the plugin, the C API and the Python package
// call to see the same dialects and passes.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_INITALL_H
#define YAT_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::yat {

/// Adds the yat dialects (and their external interface models) to
/// `registry`.
void registerAllYatDialects(DialectRegistry &registry);

/// Adds the upstream dialects a yat user needs around yat ops: func, arith,
/// math, tensor, linalg, scf, memref, bufferization, vector, gpu, nvvm, llvm
/// and the interfaces that let them bufferize and lower.
void registerUpstreamDialects(DialectRegistry &registry);

/// Registers yat's passes and pipelines with the global pass registry.
void registerAllYatPasses();

/// Registers the upstream passes a yat user needs around yat's.
void registerUpstreamPasses();

} // namespace mlir::yat

#endif // YAT_INITALL_H
