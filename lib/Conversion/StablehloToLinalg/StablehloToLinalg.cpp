//===- StablehloToLinalg.cpp - the convert-stablehlo-to-linalg pass -------===//
//
// Validation and the driver of the conversion. The patterns
// live in one file per op family.
//
//===----------------------------------------------------------------------===//

#include "yat/Conversion/StablehloToLinalg/Passes.h"

#include "PopulatePatterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Patterns.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/DialectConversion.h"
#include "yat/Dialect/StableHLO/IR/Chlo.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Dialect/StableHLO/Transforms/Passes.h"
#include "yat/Support/CheckABI.h"
#include "llvm/ADT/TypeSwitch.h"

#define DEBUG_TYPE "convert-stablehlo-to-linalg"

namespace mlir::yat {
#define GEN_PASS_DEF_CONVERTSTABLEHLOTOLINALG
#include "yat/Conversion/StablehloToLinalg/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
using namespace mlir::yat::stablehlo_lowering;
namespace shlo = mlir::yat::stablehlo;

//===----------------------------------------------------------------------===//
// Validation
//===----------------------------------------------------------------------===//

/// The element types the lowering and the check runtime implement.
static bool isSupportedElementType(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type)) {
    if (intType.isUnsigned())
      return llvm::is_contained({8u, 16u, 32u, 64u}, intType.getWidth());
    return intType.isSignless() &&
           llvm::is_contained({1u, 8u, 16u, 32u, 64u}, intType.getWidth());
  }
  if (auto complexType = dyn_cast<ComplexType>(type))
    return complexType.getElementType().isF32() ||
           complexType.getElementType().isF64();
  return type.isF16() || type.isBF16() || type.isF32() || type.isF64();
}

/// Checks one operand or result type of a stablehlo op.
static LogicalResult verifyLowerableType(Operation *op, Type type) {
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType)
    return op->emitOpError() << "operates on " << type
                             << ", but convert-stablehlo-to-linalg needs "
                                "ranked tensors";
  if (!tensorType.hasStaticShape())
    return op->emitOpError() << "has dynamic shape " << type
                             << ", but convert-stablehlo-to-linalg needs "
                                "static shapes";
  if (!isSupportedElementType(tensorType.getElementType()))
    return op->emitOpError()
           << "has element type " << tensorType.getElementType()
           << ", which convert-stablehlo-to-linalg does not support (i1, i8, "
              "i16, i32, i64, ui8, ui16, ui32, ui64, f16, bf16, f32, f64, "
              "complex<f32> and complex<f64> are)";
  return success();
}

static LogicalResult verifyCustomCall(shlo::CustomCallOp call) {
  StringRef target = call.getCallTargetName();
  if (!shlo::isSupportedCheckTarget(target))
    return call.emitOpError()
           << "target '" << target
           << "' is not supported (yat runs only check.expect_eq, "
              "check.expect_close, check.expect_almost_eq and check.eq)";
  if (call.getNumOperands() != 2 ||
      call.getOperand(0).getType() != call.getOperand(1).getType())
    return call.emitOpError()
           << "'" << target
           << "' expects an actual and an expected tensor of the same type";
  if (call.getNumResults() == 0)
    return success();
  auto resultType = dyn_cast<RankedTensorType>(call.getResult(0).getType());
  if (target != checks::kCheckEq || call.getNumResults() != 1 || !resultType ||
      resultType.getRank() != 0 || !resultType.getElementType().isInteger(1))
    return call.emitOpError()
           << "'" << target << "' may only return a tensor<i1> (check.eq)";
  return success();
}

static LogicalResult verifyConstant(shlo::ConstantOp constant) {
  auto resource = dyn_cast<DenseResourceElementsAttr>(constant.getValue());
  if (!resource)
    return success();
  DenseResourceElementsHandle handle = resource.getRawHandle();
  AsmResourceBlob *blob = handle.getBlob();
  if (!blob)
    return constant.emitOpError()
           << "refers to dense_resource '" << handle.getKey()
           << "' whose data is missing from the file";
  auto type = cast<ShapedType>(resource.getType());
  // i1 is stored in a byte.
  int64_t bytesPerElement =
      (shlo::getElementBitWidth(type.getElementType()) + 7) / 8;
  if (static_cast<int64_t>(blob->getData().size()) !=
      type.getNumElements() * bytesPerElement)
    return constant.emitOpError()
           << "dense_resource '" << handle.getKey() << "' holds "
           << blob->getData().size() << " bytes, expected "
           << type.getNumElements() * bytesPerElement;
  return success();
}

LogicalResult mlir::yat::verifyStablehloLowerable(ModuleOp module) {
  bool ok = true;
  auto *dialect =
      module.getContext()->getLoadedDialect<shlo::StablehloDialect>();
  if (!dialect)
    return success();
  auto *chloDialect =
      module.getContext()->getLoadedDialect<chlo::ChloDialect>();
  module.walk([&](Operation *op) {
    if (op->getDialect() != dialect &&
        (!chloDialect || op->getDialect() != chloDialect))
      return;
    if (isa<shlo::CompositeOp>(op))
      return; // Inlined before lowering; its decomposition is checked.
    for (Type type : op->getOperandTypes())
      if (failed(verifyLowerableType(op, type))) {
        ok = false;
        return;
      }
    for (Type type : op->getResultTypes())
      if (failed(verifyLowerableType(op, type))) {
        ok = false;
        return;
      }
    LogicalResult result =
        llvm::TypeSwitch<Operation *, LogicalResult>(op)
            .Case(
                [](shlo::CustomCallOp call) { return verifyCustomCall(call); })
            .Case([](shlo::ConstantOp constant) {
              return verifyConstant(constant);
            })
            .Case([](shlo::BitcastConvertOp bitcast) -> LogicalResult {
              Type from = bitcast.getOperand().getType().getElementType();
              Type to = bitcast.getType().getElementType();
              if (from != to &&
                  (isa<ComplexType>(from) || isa<ComplexType>(to)))
                return bitcast.emitOpError()
                       << "reinterprets " << from << " as " << to
                       << "; convert-stablehlo-to-linalg bitcasts complex "
                          "numbers only to their own type";
              return success();
            })
            .Case([](shlo::RngBitGeneratorOp rng) -> LogicalResult {
              if (rng.getRngAlgorithm() != shlo::RngAlgorithm::THREE_FRY)
                return rng.emitOpError()
                       << "uses algorithm "
                       << shlo::stringifyRngAlgorithm(rng.getRngAlgorithm())
                       << "; convert-stablehlo-to-linalg implements "
                          "THREE_FRY only";
              return success();
            })
            .Case([](shlo::ConvolutionOp conv) -> LogicalResult {
              if (conv.getBatchGroupCountAttr().getInt() != 1)
                return conv.emitOpError()
                       << "has batch_group_count "
                       << conv.getBatchGroupCountAttr().getInt()
                       << "; convert-stablehlo-to-linalg supports only 1";
              return success();
            })
            .Case<shlo::ReduceOp, shlo::ReduceWindowOp, shlo::ScatterOp,
                  shlo::SelectAndScatterOp, shlo::SortOp>(
                [](Operation *withBody) -> LogicalResult {
                  Operation *offending;
                  for (Region &body : withBody->getRegions())
                    if (!isTranslatableScalarBody(body, offending))
                      return offending->emitOpError()
                             << "cannot be lowered inside a "
                             << withBody->getName()
                             << " body (bodies may hold elementwise ops and "
                                "splat constants on 0-d tensors of their own "
                                "values)";
                  return success();
                })
            .Default([](Operation *) { return success(); });
    ok &= succeeded(result);
  });
  return success(ok);
}

//===----------------------------------------------------------------------===//
// Patterns and pass
//===----------------------------------------------------------------------===//

Type mlir::yat::getSignlessStorageType(Type type) {
  if (auto intType = dyn_cast<IntegerType>(type))
    return intType.isUnsigned()
               ? IntegerType::get(type.getContext(), intType.getWidth())
               : type;
  if (auto tensorType = dyn_cast<RankedTensorType>(type)) {
    Type element = getSignlessStorageType(tensorType.getElementType());
    return element == tensorType.getElementType() ? type
                                                  : tensorType.clone(element);
  }
  return type;
}

StablehloToLinalgTypeConverter::StablehloToLinalgTypeConverter() {
  addConversion([](Type type) { return getSignlessStorageType(type); });
}

void mlir::yat::populateStablehloToLinalgPatterns(
    const TypeConverter &typeConverter, RewritePatternSet &patterns) {
  populateElementwisePatterns(typeConverter, patterns);
  populateDataMovementPatterns(typeConverter, patterns);
  populateReducePatterns(typeConverter, patterns);
  populateScatterPatterns(typeConverter, patterns);
  populateGatherPatterns(typeConverter, patterns);
  populateControlFlowPatterns(typeConverter, patterns);
  populateSortPatterns(typeConverter, patterns);
  populateDotGeneralPatterns(typeConverter, patterns);
  populateConvolutionPatterns(typeConverter, patterns);
  populateTriangularSolvePatterns(typeConverter, patterns);
  populateFftPatterns(typeConverter, patterns);
  populateRngBitGeneratorPatterns(typeConverter, patterns);
  populateCheckPatterns(typeConverter, patterns);
  populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                 typeConverter);
  populateReturnOpTypeConversionPattern(patterns, typeConverter);
  populateCallOpTypeConversionPattern(patterns, typeConverter);
  // scf.while (from stablehlo.while) and its terminators take the converted
  // types of the values they carry.
  scf::populateSCFStructuralTypeConversions(typeConverter, patterns);
}

void mlir::yat::configureStablehloToLinalgTarget(
    ConversionTarget &target, const TypeConverter &typeConverter) {
  target.addLegalDialect<
      arith::ArithDialect, bufferization::BufferizationDialect,
      complex::ComplexDialect, func::FuncDialect, linalg::LinalgDialect,
      math::MathDialect, memref::MemRefDialect, scf::SCFDialect,
      tensor::TensorDialect>();
  target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp fn) {
    return typeConverter.isSignatureLegal(fn.getFunctionType()) &&
           typeConverter.isLegal(&fn.getBody());
  });
  target.addDynamicallyLegalOp<func::ReturnOp, func::CallOp>(
      [&](Operation *op) { return typeConverter.isLegal(op); });
  scf::populateSCFStructuralTypeConversionTarget(typeConverter, target);
  // The bodies of reduce, reduce_window, scatter, select_and_scatter and
  // sort are consumed by their patterns.
  target.addDynamicallyLegalDialect<shlo::StablehloDialect, chlo::ChloDialect>(
      [](Operation *op) -> std::optional<bool> {
        return isa_and_nonnull<shlo::ReduceOp, shlo::ReduceWindowOp,
                               shlo::ScatterOp, shlo::SelectAndScatterOp,
                               shlo::SortOp>(op->getParentOp());
      });
}

namespace {

struct ConvertStablehloToLinalgPass
    : public mlir::yat::impl::ConvertStablehloToLinalgBase<
          ConvertStablehloToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    if (!ctx->getLoadedDialect<shlo::StablehloDialect>())
      return; // Nothing to lower.
    // Loading chlo loads stablehlo, so chlo ops are expanded here too.
    OpPassManager preprocess(ModuleOp::getOperationName());
    addStablehloPreprocessingPasses(preprocess, /*flattenTuples=*/true);
    if (failed(runPipeline(preprocess, module)))
      return signalPassFailure();
    if (failed(verifyStablehloLowerable(module)))
      return signalPassFailure();
    prepareStablehloChecks(module);

    StablehloToLinalgTypeConverter typeConverter;
    ConversionTarget target(*ctx);
    configureStablehloToLinalgTarget(target, typeConverter);
    RewritePatternSet patterns(ctx);
    populateStablehloToLinalgPatterns(typeConverter, patterns);
    // A lowering, not a constant folder: every op is lowered as written
    // (canonicalization folds constants, with the ops' fold hooks).
    ConversionConfig config;
    config.foldingMode = DialectConversionFoldingMode::Never;
    if (failed(applyPartialConversion(module, target, std::move(patterns),
                                      config)))
      return signalPassFailure();
  }
};

} // namespace
