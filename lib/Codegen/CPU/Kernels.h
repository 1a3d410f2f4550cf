//===- Kernels.h - yat-cpu-microkernels' kernel families -------*- C++ -*-===//
//
// Private to lib/Codegen/CPU: the register-tile shapes and small vector
// builders every kernel family uses, and each family's entry point.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_LIB_CODEGEN_CPU_KERNELS_H
#define YAT_LIB_CODEGEN_CPU_KERNELS_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"

#include <functional>

namespace mlir::yat::cpu {

//===----------------------------------------------------------------------===//
// Register tiles and small builders (KernelBuilders.cpp)
//===----------------------------------------------------------------------===//

/// Register-tile shapes (the pass options).
struct KernelShape {
  int64_t vectorWidth = 16;
  int64_t microRows = 6;
  int64_t microVectors = 4;
  int64_t dotRows = 4;
  int64_t dotColumns = 4;
  /// Generic arithmetic in place of the x86 dot-product instructions.
  bool emulateX86Instructions = false;
};

Value indexConstant(OpBuilder &b, Location loc, int64_t value);

/// `size` rounded down to a multiple of `step`.
Value roundDown(OpBuilder &b, Location loc, Value size, int64_t step);

Value add(OpBuilder &b, Location loc, Value lhs, int64_t rhs);

VectorType vectorOf(Type element, int64_t width);

Value splat(OpBuilder &b, Location loc, VectorType type, Attribute scalar);

/// True when the innermost dim of `type` has unit stride, so that vectors can
/// be loaded along it.
bool hasUnitInnerStride(MemRefType type);

bool isFloat(Type type);

/// `value` converted to f32 (scalars and vectors).
Value toF32(OpBuilder &b, Location loc, Value value);

/// Loads `width` elements of `memref` at `indices` (unit stride along the
/// last index); where `mask` is given, lanes outside it read zero.
Value loadVector(OpBuilder &b, Location loc, Value memref, ValueRange indices,
                 int64_t width, Value mask);

void storeVector(OpBuilder &b, Location loc, Value value, Value memref,
                 ValueRange indices, Value mask);

Value createMask(OpBuilder &b, Location loc, Value count, int64_t width);

/// Combines two values (scalars or vectors) of a reduction.
using Combiner = function_ref<Value(OpBuilder &, Location, Value, Value)>;

/// Reduces the lanes of a 1-d vector with a halving tree of `combine`.
Value reduceLanes(OpBuilder &b, Location loc, Value vector, Combiner combine);

Value addValues(OpBuilder &b, Location loc, Value lhs, Value rhs);

/// `scf.for %iv = lb to ub step step` with `body(iv)`, no results.
void buildFor(OpBuilder &b, Location loc, Value lb, Value ub, int64_t step,
              function_ref<void(OpBuilder &, Location, Value)> body);

/// Covers `[0, size)` with tiles of `step`: a loop of full tiles, then the
/// rest as one tile of the remaining count when `size` is a constant, or as
/// tiles of 1 otherwise. `body(start, count)` emits one tile.
void forEachTile(
    OpBuilder &b, Location loc, Value size, int64_t step,
    function_ref<void(OpBuilder &, Location, Value, int64_t)> body);

bool isF32Buffer(Value value);

bool isFloatBuffer(Value value);

//===----------------------------------------------------------------------===//
// Matrix products (MatmulKernels.cpp)
//===----------------------------------------------------------------------===//

/// An outer-product contraction on buffers. `loadLhs` returns one scalar of
/// the left operand for output row `m` at reduction position `r`;
/// `loadRhs` returns `width` consecutive right-operand values (output
/// columns `n ..`) at `r`, masked when `mask` is set; `outputIndices` maps
/// (m, n) to the indices of C.
struct OuterProduct {
  Value output;
  Value rows, cols;
  SmallVector<Value> reductionExtents;
  std::function<Value(OpBuilder &, Location, Value m, ValueRange r)> loadLhs;
  std::function<Value(OpBuilder &, Location, ValueRange r, Value n, Value mask)>
      loadRhs;
  std::function<SmallVector<Value>(OpBuilder &, Location, Value m, Value n)>
      outputIndices;
};

/// Emits the outer-product kernel for the whole `rows x cols` output of
/// `problem`.
void emitOuterProduct(OpBuilder &b, Location loc, const OuterProduct &problem,
                      const KernelShape &shape);

/// The layout of a matrix product's right operand: `K x N` (outer-product
/// kernel) or `N x K` (dot-product kernel).
enum class RhsLayout { KN, NK };

/// The right operand's layout of a `linalg.matmul` (loops m, n, k) or
/// `linalg.batch_matmul` (loops b, m, n, k) whose left operand is `M x K`
/// and output `M x N`, or nothing for other ops and indexing maps.
std::optional<RhsLayout> getMatrixProductLayout(linalg::LinalgOp op);

/// Rewrites an f32-accumulating `linalg.matmul` or `linalg.batch_matmul` on
/// buffers into the outer-product kernel (`K x N` right operand) or the
/// dot-product kernel (`N x K` right operand).
LogicalResult rewriteMatrixProduct(RewriterBase &rewriter, linalg::LinalgOp op,
                                   const KernelShape &shape);

/// Rewrites the bf16 pair contraction of yat-cpu-tile-and-fuse's
/// `bf16-pairs` mode (loops m, n, p, j; A[m, p, j], B[p, n, j], f32 C[m, n])
/// into AVX-512 BF16 dot products (x86vector.avx512.dot); fails for other ops
/// and for vector widths other than 16.
LogicalResult rewriteBf16PairProduct(RewriterBase &rewriter,
                                     linalg::GenericOp op,
                                     const KernelShape &shape);

/// Rewrites the packing of a bf16 pair panel (`out[p, c, i] = in[c, 2p + i]`)
/// into register transposes of 16 x 16 blocks of 32-bit pairs, recording
/// the `vector.transpose` ops it creates in `transposes`.
LogicalResult
rewriteBf16PairPack(RewriterBase &rewriter, linalg::GenericOp op,
                    SmallVectorImpl<vector::TransposeOp> &transposes);

//===----------------------------------------------------------------------===//
// Ternary contractions (TernaryKernels.cpp)
//===----------------------------------------------------------------------===//

//===----------------------------------------------------------------------===//
// x86 dot-product instructions (X86Instructions.cpp)
//===----------------------------------------------------------------------===//
//
// Each emits the instruction for 256- or 512-bit vectors or, with
// `emulate`, generic vector arithmetic that computes the same values on any
// host.

/// `vpdpbusd`: acc + Σ of 4 u8 · s8 products per i32 lane.
Value emitDpbusd(OpBuilder &b, Location loc, Value acc, Value unsignedBytes,
                 Value signedBytes, bool emulate);

/// `vpmaddubsw`: Σ of 2 u8 · s8 products per i16 lane, saturated.
Value emitPmaddubsw(OpBuilder &b, Location loc, Value unsignedBytes,
                    Value signedBytes, bool emulate);

/// `vpmaddwd`: Σ of 2 i16 · i16 products per i32 lane.
Value emitPmaddwd(OpBuilder &b, Location loc, Value lhs, Value rhs,
                  bool emulate);

/// `vdpbf16ps`: acc + Σ of 2 bf16 · bf16 products per f32 lane.
Value emitDpbf16ps(OpBuilder &b, Location loc, Value acc, Value lhsPairs,
                   Value rhsPairs, bool emulate);

/// The x86 byte dot products a ternary contraction may use.
enum class Int8DotKind { None, Vnni, Maddubs };

/// Rewrites the ternary contraction of yat-pack-ternary (int8 activations
/// times 2-bit weight blocks into i32) into `vpdpbusd` (`Vnni`) or
/// `vpmaddubsw` + `vpmaddwd` (`Maddubs`) loops on vectors of
/// `vectorWidth` (16 or 8) i32 lanes; fails for other ops, widths and
/// `None`.
LogicalResult rewriteTernaryDot(RewriterBase &rewriter, linalg::GenericOp op,
                                Int8DotKind kind, const KernelShape &shape);

//===----------------------------------------------------------------------===//
// Convolutions (ConvolutionKernels.cpp)
//===----------------------------------------------------------------------===//

/// Rewrites a channels-last named convolution (1-3 spatial dims) with an
/// f32 output into loops around the outer-product kernel; fails for other
/// ops.
LogicalResult rewriteConvolution(RewriterBase &rewriter, Operation *op,
                                 const KernelShape &shape);

//===----------------------------------------------------------------------===//
// Elementwise ops and row reductions (ElementwiseKernels.cpp)
//===----------------------------------------------------------------------===//

/// Rewrites an elementwise or innermost-dim-reduction `linalg.generic` on
/// buffers into vector loops of `width` lanes.
LogicalResult rewriteElementwise(RewriterBase &rewriter, linalg::GenericOp op,
                                 int64_t width);

//===----------------------------------------------------------------------===//
// Copies (CopyKernels.cpp)
//===----------------------------------------------------------------------===//

/// Rewrites a copy that swaps the last two dims (`linalg.transpose` or a
/// copying `linalg.generic`) into register transposes of `width x width`
/// blocks, recording the `vector.transpose` ops it creates in
/// `transposes`.
LogicalResult
rewriteTransposedCopy(RewriterBase &rewriter, Operation *op, int64_t width,
                      SmallVectorImpl<vector::TransposeOp> &transposes);

/// Rewrites `memref.copy` between non-contiguous buffers with unit inner
/// strides into vector loops; contiguous copies are left to become a
/// memcpy.
LogicalResult rewriteStridedCopy(RewriterBase &rewriter, memref::CopyOp op,
                                 int64_t width);

} // namespace mlir::yat::cpu

#endif // YAT_LIB_CODEGEN_CPU_KERNELS_H
