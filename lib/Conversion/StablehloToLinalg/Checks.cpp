//===- Checks.cpp - check.* custom_calls to runtime calls -----------------===//
//
// StableHLO's test files check their results with
// `stablehlo.custom_call @check.expect_*`. Each becomes a call of a C
// function of yat's runtime (lib/Runtime/Checks.cpp) that receives both
// tensors as unranked memrefs, a label naming the check and its location,
// and a flag word; the runtime records failures for the tool to report.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Conversion/StablehloToLinalg/StablehloToLinalg.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Support/CheckABI.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

std::string stablehlo_lowering::getCheckFunctionName(StringRef target,
                                                     Type elementType) {
  std::optional<checks::CheckKind> kind = checks::parseCheckTarget(target);
  if (!kind)
    return "";
  std::string typeName;
  llvm::raw_string_ostream os(typeName);
  if (auto intType = dyn_cast<IntegerType>(elementType)) {
    if (intType.isSigned())
      return "";
    os << (intType.isUnsigned() ? "ui" : "i") << intType.getWidth();
  } else if (elementType.isF16() || elementType.isBF16() ||
             elementType.isF32() || elementType.isF64()) {
    os << elementType;
  } else if (auto complexType = dyn_cast<ComplexType>(elementType)) {
    os << 'c' << 2 * complexType.getElementType().getIntOrFloatBitWidth();
  } else {
    return "";
  }
  std::optional<checks::CheckElementType> element =
      checks::parseCheckElementType(typeName);
  if (!element)
    return "";
  return checks::getCheckSymbolName(*kind, *element);
}

/// `file:line:col` of the first file location in `loc`, or its printed form.
static std::string formatLocation(Location loc) {
  std::string text;
  llvm::raw_string_ostream os(text);
  if (auto fileLoc = loc->findInstanceOf<FileLineColLoc>())
    os << fileLoc.getFilename().getValue() << ':' << fileLoc.getLine() << ':'
       << fileLoc.getColumn();
  else
    loc.print(os);
  return text;
}

/// The ops whose lowering sums in an order StableHLO does not fix.
static bool isReassociatingOp(Operation *op) {
  return isa<shlo::DotGeneralOp, shlo::ConvolutionOp, shlo::ReduceOp,
             shlo::TriangularSolveOp, shlo::FftOp>(op);
}

void mlir::yat::prepareStablehloChecks(ModuleOp module) {
  SymbolTable symbols(module);
  OpBuilder builder(module.getContext());
  builder.setInsertionPointToEnd(module.getBody());
  module.walk([&](shlo::CustomCallOp call) {
    StringRef target = call.getCallTargetName();
    if (!shlo::isSupportedCheckTarget(target) || call.getNumOperands() != 2)
      return;
    auto tensorType = dyn_cast<RankedTensorType>(call.getOperand(0).getType());
    if (!tensorType)
      return;
    std::string name =
        getCheckFunctionName(target, tensorType.getElementType());
    if (name.empty())
      return;

    // Mark checks of values computed through a reassociated reduction.
    BackwardSliceOptions options;
    options.inclusive = true;
    options.omitUsesFromAbove = false;
    SetVector<Operation *> slice;
    if (succeeded(getBackwardSlice(call.getOperand(0), &slice, options)) &&
        llvm::any_of(slice, isReassociatingOp))
      call->setAttr(kReassociatedAttrName, builder.getUnitAttr());

    if (symbols.lookup(name))
      return;
    MLIRContext *ctx = module.getContext();
    Type element = getSignlessStorageType(tensorType.getElementType());
    auto unranked = UnrankedMemRefType::get(element, /*memorySpace=*/0);
    auto label = UnrankedMemRefType::get(builder.getI8Type(), 0);
    auto fnType = FunctionType::get(
        ctx, {unranked, unranked, label, builder.getI32Type()},
        {builder.getI32Type()});
    auto decl = func::FuncOp::create(builder, module.getLoc(), name, fnType);
    decl.setPrivate();
    decl->setAttr("llvm.emit_c_interface", builder.getUnitAttr());
    symbols.insert(decl);
  });
}

namespace {

/// `bufferization.to_buffer` (read-only, fully dynamic layout) of `tensor`,
/// cast to an unranked memref.
static Value toUnrankedBuffer(OpBuilder &b, Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  SmallVector<int64_t> strides(type.getRank(), ShapedType::kDynamic);
  auto layout =
      StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic, strides);
  auto memrefType =
      MemRefType::get(type.getShape(), type.getElementType(), layout);
  auto buffer = bufferization::ToBufferOp::create(b, loc, memrefType, tensor,
                                                  /*read_only=*/true);
  return memref::CastOp::create(
      b, loc, UnrankedMemRefType::get(type.getElementType(), 0), buffer);
}

/// Rewrites `stablehlo.custom_call @check.<kind>(%actual, %expected)` into
/// a func.call of the runtime function `yat_check_<kind>_<type>` with both
/// tensors as unranked memrefs, an i8 memref holding
/// "check.<kind> at file:line:col" and a flag word (bit 0: the actual value
/// comes from a reassociated reduction). `check.eq`'s optional tensor<i1>
/// result is the call's answer.
struct CheckToRuntimeCall : public OpConversionPattern<shlo::CustomCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(shlo::CustomCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    StringRef target = op.getCallTargetName();
    if (!shlo::isSupportedCheckTarget(target))
      return rewriter.notifyMatchFailure(op, "not a check.* target");
    if (adaptor.getInputs().size() != 2)
      return rewriter.notifyMatchFailure(op, "expected two operands");
    auto tensorType = dyn_cast<RankedTensorType>(op.getInputs()[0].getType());
    if (!tensorType || !tensorType.hasStaticShape() ||
        op.getInputs()[1].getType() != tensorType)
      return rewriter.notifyMatchFailure(op, "expected two equal tensor types");
    std::string name =
        getCheckFunctionName(target, tensorType.getElementType());
    if (name.empty())
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    if (op.getNumResults() > 1)
      return rewriter.notifyMatchFailure(op, "expected at most one result");

    Location loc = op.getLoc();
    Value actual = toUnrankedBuffer(rewriter, loc, adaptor.getInputs()[0]);
    Value expected = toUnrankedBuffer(rewriter, loc, adaptor.getInputs()[1]);
    std::string labelText =
        (target + " at " + formatLocation(op.getLoc())).str();
    SmallVector<int8_t> bytes(labelText.begin(), labelText.end());
    auto labelType = RankedTensorType::get({static_cast<int64_t>(bytes.size())},
                                           rewriter.getI8Type());
    Value labelTensor = arith::ConstantOp::create(
        rewriter, loc, DenseElementsAttr::get(labelType, ArrayRef(bytes)));
    Value label = toUnrankedBuffer(rewriter, loc, labelTensor);
    int32_t flags = 0;
    if (op->hasAttr(kReassociatedAttrName))
      flags |= checks::kCheckFlagReassociated;
    Value flagValue = arith::ConstantIntOp::create(
        rewriter, loc, rewriter.getI32Type(), flags);
    auto call = func::CallOp::create(
        rewriter, loc, name, TypeRange{rewriter.getI32Type()},
        ValueRange{actual, expected, label, flagValue});
    if (op.getNumResults() == 0) {
      rewriter.eraseOp(op);
      return success();
    }
    auto resultType = dyn_cast<RankedTensorType>(op.getResult(0).getType());
    if (!resultType || resultType.getRank() != 0 ||
        !resultType.getElementType().isInteger(1))
      return rewriter.notifyMatchFailure(op, "expected a tensor<i1> result");
    Value passed = arith::CmpIOp::create(
        rewriter, loc, arith::CmpIPredicate::ne, call.getResult(0),
        arith::ConstantIntOp::create(rewriter, loc, rewriter.getI32Type(), 0));
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, resultType,
                                                        ValueRange{passed});
    return success();
  }
};

} // namespace

void stablehlo_lowering::populateCheckPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  patterns.add<CheckToRuntimeCall>(typeConverter, patterns.getContext());
}
