//===- ContractionOps.cpp - dot_general, convolution and linear algebra ---===//

#include "IntListSyntax.h"
#include "OpVerification.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Support/ShapeFormat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::yat::stablehlo;
using namespace mlir::yat::stablehlo::detail;
using mlir::yat::formatShape;

//===----------------------------------------------------------------------===//
// DotGeneralOp
//===----------------------------------------------------------------------===//

/// Parses `[a, b] x [c, d]`.
static ParseResult parseDimsPair(OpAsmParser &parser,
                                 SmallVectorImpl<int64_t> &lhs,
                                 SmallVectorImpl<int64_t> &rhs) {
  return failure(parseIntList(parser, lhs) || parser.parseKeyword("x") ||
                 parseIntList(parser, rhs));
}

/// Parses `[DEFAULT, HIGHEST]` into an array of precision attributes.
static ParseResult parsePrecisionList(OpAsmParser &parser, ArrayAttr &config) {
  SmallVector<Attribute> values;
  if (parser.parseCommaSeparatedList(
          AsmParser::Delimiter::Square, [&]() -> ParseResult {
            SMLoc loc = parser.getCurrentLocation();
            StringRef name;
            if (parser.parseKeyword(&name))
              return failure();
            std::optional<Precision> precision = symbolizePrecision(name);
            if (!precision)
              return parser.emitError(loc)
                     << "unknown precision '" << name << "'";
            values.push_back(
                PrecisionAttr::get(parser.getContext(), *precision));
            return success();
          }))
    return failure();
  config = parser.getBuilder().getArrayAttr(values);
  return success();
}

static void printPrecisionList(OpAsmPrinter &printer, ArrayAttr config) {
  printer << '[';
  llvm::interleaveComma(config, printer, [&](Attribute attr) {
    if (auto precision = dyn_cast<PrecisionAttr>(attr))
      printer << stringifyPrecision(precision.getValue());
    else
      printer << attr;
  });
  printer << ']';
}

/// Parses the `: (lhs, rhs) -> result` type of an op with two operands and
/// one result, and resolves `operands` (parsed at `operandsLoc`) with it.
static ParseResult
parseBinaryOpFunctionalType(OpAsmParser &parser,
                            ArrayRef<OpAsmParser::UnresolvedOperand> operands,
                            SMLoc operandsLoc, OperationState &result) {
  FunctionType fnType;
  SMLoc typeLoc = parser.getCurrentLocation();
  if (parser.parseColonType(fnType))
    return failure();
  if (fnType.getNumInputs() != 2 || fnType.getNumResults() != 1)
    return parser.emitError(typeLoc)
           << "expected a function type with 2 inputs and 1 result";
  result.addTypes(fnType.getResults());
  return parser.resolveOperands(operands, fnType.getInputs(), operandsLoc,
                                result.operands);
}

ParseResult DotGeneralOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand, 2> operands(2);
  SMLoc operandsLoc = parser.getCurrentLocation();
  if (parser.parseOperand(operands[0]) || parser.parseComma() ||
      parser.parseOperand(operands[1]))
    return failure();
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContract, rhsContract;
  ArrayAttr precision;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    if (key == "batching_dims") {
      if (parseDimsPair(parser, lhsBatch, rhsBatch))
        return failure();
    } else if (key == "contracting_dims") {
      if (parseDimsPair(parser, lhsContract, rhsContract))
        return failure();
    } else if (key == "precision") {
      if (parsePrecisionList(parser, precision))
        return failure();
    } else {
      return parser.emitError(loc)
             << "unexpected dot_general field '" << key << "'";
    }
  }
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  MLIRContext *ctx = parser.getContext();
  result.addAttribute("dot_dimension_numbers",
                      DotDimensionNumbersAttr::get(ctx, lhsBatch, rhsBatch,
                                                   lhsContract, rhsContract));
  if (precision)
    result.addAttribute("precision_config", precision);
  return parseBinaryOpFunctionalType(parser, operands, operandsLoc, result);
}

void DotGeneralOp::print(OpAsmPrinter &printer) {
  printer << ' ' << getLhs() << ", " << getRhs();
  DotDimensionNumbersAttr dims = getDotDimensionNumbers();
  auto printPair = [&](StringRef name, ArrayRef<int64_t> lhs,
                       ArrayRef<int64_t> rhs) {
    printer << ", " << name << " = ";
    printIntList(printer, lhs);
    printer << " x ";
    printIntList(printer, rhs);
  };
  if (!dims.getLhsBatchingDimensions().empty() ||
      !dims.getRhsBatchingDimensions().empty())
    printPair("batching_dims", dims.getLhsBatchingDimensions(),
              dims.getRhsBatchingDimensions());
  printPair("contracting_dims", dims.getLhsContractingDimensions(),
            dims.getRhsContractingDimensions());
  if (ArrayAttr precision = getPrecisionConfigAttr()) {
    printer << ", precision = ";
    printPrecisionList(printer, precision);
  }
  printer.printOptionalAttrDict((*this)->getAttrs(),
                                {"dot_dimension_numbers", "precision_config"});
  printer << " : ";
  printer.printFunctionalType(*this);
}

LogicalResult DotGeneralOp::verify() {
  auto lhs = cast<RankedTensorType>(getLhs().getType());
  auto rhs = cast<RankedTensorType>(getRhs().getType());
  auto result = cast<RankedTensorType>(getType());
  DotDimensionNumbersAttr dims = getDotDimensionNumbers();
  ArrayRef<int64_t> lhsBatch = dims.getLhsBatchingDimensions(),
                    rhsBatch = dims.getRhsBatchingDimensions(),
                    lhsContract = dims.getLhsContractingDimensions(),
                    rhsContract = dims.getRhsContractingDimensions();
  if (lhs.getElementType() != rhs.getElementType())
    return emitOpError() << "expected lhs and rhs to have the same element "
                            "type, got "
                         << lhs.getElementType() << " and "
                         << rhs.getElementType();
  if (isa<FloatType>(lhs.getElementType()) !=
      isa<FloatType>(result.getElementType()))
    return emitOpError() << "cannot produce " << result.getElementType()
                         << " from " << lhs.getElementType() << " operands";
  if (lhsBatch.size() != rhsBatch.size())
    return emitOpError() << "expected the same number of lhs and rhs "
                            "batching dimensions";
  if (lhsContract.size() != rhsContract.size())
    return emitOpError() << "expected the same number of lhs and rhs "
                            "contracting dimensions";
  SmallVector<int64_t> lhsUsed(lhsBatch), rhsUsed(rhsBatch);
  llvm::append_range(lhsUsed, lhsContract);
  llvm::append_range(rhsUsed, rhsContract);
  if (failed(verifyDimensionList(*this, "lhs batching/contracting dimension",
                                 lhsUsed, lhs.getRank())) ||
      failed(verifyDimensionList(*this, "rhs batching/contracting dimension",
                                 rhsUsed, rhs.getRank())))
    return failure();
  auto verifyPairedSizes = [&](StringRef kind, ArrayRef<int64_t> lhsDims,
                               ArrayRef<int64_t> rhsDims) -> LogicalResult {
    for (auto [l, r] : llvm::zip(lhsDims, rhsDims))
      if (!compatibleSizes(lhs.getDimSize(l), rhs.getDimSize(r)))
        return emitOpError()
               << "lhs " << kind << " dimension " << l << " (size "
               << lhs.getDimSize(l) << ") and rhs dimension " << r << " (size "
               << rhs.getDimSize(r) << ") differ";
    return success();
  };
  if (failed(verifyPairedSizes("batching", lhsBatch, rhsBatch)) ||
      failed(verifyPairedSizes("contracting", lhsContract, rhsContract)))
    return failure();
  SmallVector<int64_t> expected;
  for (int64_t d : lhsBatch)
    expected.push_back(lhs.getDimSize(d));
  for (int64_t d = 0; d < lhs.getRank(); ++d)
    if (!llvm::is_contained(lhsUsed, d))
      expected.push_back(lhs.getDimSize(d));
  for (int64_t d = 0; d < rhs.getRank(); ++d)
    if (!llvm::is_contained(rhsUsed, d))
      expected.push_back(rhs.getDimSize(d));
  return verifyResultShape(*this, result, expected);
}

//===----------------------------------------------------------------------===//
// ConvolutionOp
//===----------------------------------------------------------------------===//

SmallVector<int64_t> ConvolutionOp::getStridesOrDefault() {
  return getValuesOrFill<int64_t>(getWindowStrides(), getNumSpatialDims(), 1);
}

SmallVector<int64_t> ConvolutionOp::getLhsDilationOrDefault() {
  return getValuesOrFill<int64_t>(getLhsDilation(), getNumSpatialDims(), 1);
}

SmallVector<int64_t> ConvolutionOp::getRhsDilationOrDefault() {
  return getValuesOrFill<int64_t>(getRhsDilation(), getNumSpatialDims(), 1);
}

SmallVector<bool> ConvolutionOp::getWindowReversalOrDefault() {
  return getValuesOrFill<bool>(getWindowReversal(), getNumSpatialDims(), false);
}

SmallVector<std::pair<int64_t, int64_t>> ConvolutionOp::getPaddingOrDefault() {
  return getPaddingPairsOrZero(getPadding(), getNumSpatialDims());
}

/// Parses `window = {stride = [..], pad = [[lo, hi], ..], lhs_dilate = [..],
/// rhs_dilate = [..], reverse = [..]}` into `result`'s attributes.
static ParseResult parseWindowAttributes(OpAsmParser &parser,
                                         OperationState &result) {
  Builder &builder = parser.getBuilder();
  llvm::StringSet<> seen;
  auto parseField = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return failure();
    if (!seen.insert(key).second)
      return parser.emitError(loc) << "duplicate window field '" << key << "'";
    if (key == "stride" || key == "lhs_dilate" || key == "rhs_dilate") {
      SmallVector<int64_t> values;
      if (parseIntList(parser, values))
        return failure();
      StringRef name = key == "stride"       ? "window_strides"
                       : key == "lhs_dilate" ? "lhs_dilation"
                                             : "rhs_dilation";
      result.addAttribute(name, builder.getDenseI64ArrayAttr(values));
      return success();
    }
    if (key == "pad") {
      SmallVector<int64_t> values;
      if (parser.parseCommaSeparatedList(
              AsmParser::Delimiter::Square, [&]() -> ParseResult {
                SmallVector<int64_t> pair;
                SMLoc pairLoc = parser.getCurrentLocation();
                if (parseIntList(parser, pair))
                  return failure();
                if (pair.size() != 2)
                  return parser.emitError(pairLoc)
                         << "expected a [low, high] padding pair";
                llvm::append_range(values, pair);
                return success();
              }))
        return failure();
      auto type = RankedTensorType::get(
          {static_cast<int64_t>(values.size() / 2), 2}, builder.getI64Type());
      result.addAttribute("padding", DenseIntElementsAttr::get(type, values));
      return success();
    }
    if (key == "reverse") {
      SmallVector<bool> values;
      if (parser.parseCommaSeparatedList(
              AsmParser::Delimiter::Square, [&]() -> ParseResult {
                SMLoc valueLoc = parser.getCurrentLocation();
                if (succeeded(parser.parseOptionalKeyword("true"))) {
                  values.push_back(true);
                  return success();
                }
                if (succeeded(parser.parseOptionalKeyword("false"))) {
                  values.push_back(false);
                  return success();
                }
                int64_t value;
                if (parser.parseInteger(value))
                  return failure();
                if (value != 0 && value != 1)
                  return parser.emitError(valueLoc)
                         << "expected true, false, 0 or 1";
                values.push_back(value != 0);
                return success();
              }))
        return failure();
      result.addAttribute("window_reversal",
                          builder.getDenseBoolArrayAttr(values));
      return success();
    }
    return parser.emitError(loc) << "unknown window field '" << key << "'";
  };
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Braces,
                                        parseField);
}

ParseResult ConvolutionOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::UnresolvedOperand, 2> operands;
  SMLoc operandsLoc = parser.getCurrentLocation();
  if (parser.parseOperandList(operands, 2, AsmParser::Delimiter::Paren) ||
      parser.parseKeyword("dim_numbers") || parser.parseEqual())
    return failure();
  ConvDimensionNumbersAttr dims =
      ConvDimensionNumbersAttr::parseCompact(parser);
  if (!dims)
    return failure();
  result.addAttribute("dimension_numbers", dims);
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("window") || parser.parseEqual() ||
        parseWindowAttributes(parser, result))
      return failure();
  }
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  return parseBinaryOpFunctionalType(parser, operands, operandsLoc, result);
}

void ConvolutionOp::print(OpAsmPrinter &printer) {
  printer << '(' << getLhs() << ", " << getRhs() << ") dim_numbers = ";
  getDimensionNumbers().printCompact(printer);
  printer << ", window = {";
  bool first = true;
  auto separate = [&] {
    if (!first)
      printer << ", ";
    first = false;
  };
  if (std::optional<ArrayRef<int64_t>> strides = getWindowStrides()) {
    separate();
    printer << "stride = ";
    printIntList(printer, *strides);
  }
  if (std::optional<DenseIntElementsAttr> padding = getPadding()) {
    separate();
    printer << "pad = [";
    SmallVector<int64_t> values(padding->getValues<int64_t>());
    for (size_t i = 0; i + 1 < values.size(); i += 2) {
      if (i)
        printer << ", ";
      printer << '[' << values[i] << ", " << values[i + 1] << ']';
    }
    printer << ']';
  }
  if (std::optional<ArrayRef<int64_t>> dilation = getLhsDilation()) {
    separate();
    printer << "lhs_dilate = ";
    printIntList(printer, *dilation);
  }
  if (std::optional<ArrayRef<int64_t>> dilation = getRhsDilation()) {
    separate();
    printer << "rhs_dilate = ";
    printIntList(printer, *dilation);
  }
  if (std::optional<ArrayRef<bool>> reversal = getWindowReversal()) {
    separate();
    printer << "reverse = [";
    llvm::interleaveComma(*reversal, printer, [&](bool value) {
      printer << (value ? "true" : "false");
    });
    printer << ']';
  }
  printer << '}';
  printer.printOptionalAttrDict(
      (*this)->getAttrs(), {"dimension_numbers", "window_strides", "padding",
                            "lhs_dilation", "rhs_dilation", "window_reversal"});
  printer << " : ";
  printer.printFunctionalType(*this);
}

LogicalResult ConvolutionOp::verify() {
  auto lhs = cast<RankedTensorType>(getLhs().getType());
  auto rhs = cast<RankedTensorType>(getRhs().getType());
  auto result = cast<RankedTensorType>(getType());
  ConvDimensionNumbersAttr dims = getDimensionNumbers();
  int64_t numSpatial = getNumSpatialDims();
  int64_t rank = numSpatial + 2;
  if (lhs.getElementType() != rhs.getElementType())
    return emitOpError() << "expected lhs and rhs to have the same element "
                            "type, got "
                         << lhs.getElementType() << " and "
                         << rhs.getElementType();
  if (isa<FloatType>(lhs.getElementType()) !=
      isa<FloatType>(result.getElementType()))
    return emitOpError() << "cannot produce " << result.getElementType()
                         << " from " << lhs.getElementType() << " operands";
  if (lhs.getRank() != rank || rhs.getRank() != rank ||
      result.getRank() != rank)
    return emitOpError() << "expected lhs, rhs and result of rank " << rank
                         << " (" << numSpatial << " spatial dimensions)";
  if (static_cast<int64_t>(dims.getKernelSpatialDimensions().size()) !=
          numSpatial ||
      static_cast<int64_t>(dims.getOutputSpatialDimensions().size()) !=
          numSpatial)
    return emitOpError() << "expected input, kernel and output to have the "
                            "same number of spatial dimensions";
  auto checkLayout = [&](StringRef name, int64_t a, int64_t b,
                         ArrayRef<int64_t> spatial) {
    SmallVector<int64_t> all = {a, b};
    llvm::append_range(all, spatial);
    return verifyDimensionList(*this, name, all, rank);
  };
  if (failed(checkLayout("input dimension", dims.getInputBatchDimension(),
                         dims.getInputFeatureDimension(),
                         dims.getInputSpatialDimensions())) ||
      failed(checkLayout("kernel dimension",
                         dims.getKernelInputFeatureDimension(),
                         dims.getKernelOutputFeatureDimension(),
                         dims.getKernelSpatialDimensions())) ||
      failed(checkLayout("output dimension", dims.getOutputBatchDimension(),
                         dims.getOutputFeatureDimension(),
                         dims.getOutputSpatialDimensions())))
    return failure();

  auto checkWindowSize = [&](StringRef name,
                             std::optional<size_t> size) -> LogicalResult {
    if (size && static_cast<int64_t>(*size) != numSpatial)
      return emitOpError() << "expected " << numSpatial << " " << name
                           << " values, got " << *size;
    return success();
  };
  std::optional<size_t> paddingRows;
  if (std::optional<DenseIntElementsAttr> padding = getPadding()) {
    auto type = padding->getType();
    if (type.getRank() != 2 || type.getDimSize(1) != 2)
      return emitOpError() << "expected padding of shape [" << numSpatial
                           << ", 2]";
    paddingRows = type.getDimSize(0);
  }
  auto sizeOf = [](auto optionalArray) -> std::optional<size_t> {
    if (!optionalArray)
      return std::nullopt;
    return optionalArray->size();
  };
  if (failed(checkWindowSize("window stride", sizeOf(getWindowStrides()))) ||
      failed(checkWindowSize("padding", paddingRows)) ||
      failed(checkWindowSize("lhs dilation", sizeOf(getLhsDilation()))) ||
      failed(checkWindowSize("rhs dilation", sizeOf(getRhsDilation()))) ||
      failed(checkWindowSize("window reversal", sizeOf(getWindowReversal()))))
    return failure();
  SmallVector<int64_t> strides = getStridesOrDefault();
  SmallVector<int64_t> lhsDilation = getLhsDilationOrDefault();
  SmallVector<int64_t> rhsDilation = getRhsDilationOrDefault();
  for (int64_t i = 0; i < numSpatial; ++i)
    if (strides[i] < 1 || lhsDilation[i] < 1 || rhsDilation[i] < 1)
      return emitOpError() << "window strides and dilations must be positive";

  int64_t featureGroups = getFeatureGroupCountAttr().getInt();
  int64_t batchGroups = getBatchGroupCountAttr().getInt();
  if (featureGroups < 1 || batchGroups < 1)
    return emitOpError() << "feature_group_count and batch_group_count must "
                            "be positive";
  if (featureGroups > 1 && batchGroups > 1)
    return emitOpError() << "feature_group_count and batch_group_count "
                            "cannot both exceed 1";
  int64_t batch = lhs.getDimSize(dims.getInputBatchDimension());
  int64_t inFeatures = lhs.getDimSize(dims.getInputFeatureDimension());
  int64_t kernelIn = rhs.getDimSize(dims.getKernelInputFeatureDimension());
  int64_t kernelOut = rhs.getDimSize(dims.getKernelOutputFeatureDimension());
  if (!ShapedType::isDynamic(inFeatures)) {
    if (inFeatures % featureGroups != 0)
      return emitOpError() << "input features (" << inFeatures
                           << ") are not divisible by feature_group_count ("
                           << featureGroups << ")";
    if (!ShapedType::isDynamic(kernelIn) &&
        inFeatures != kernelIn * featureGroups)
      return emitOpError() << "input features (" << inFeatures
                           << ") must equal kernel input features (" << kernelIn
                           << ") times feature_group_count (" << featureGroups
                           << ")";
  }
  if (!ShapedType::isDynamic(kernelOut) &&
      (kernelOut % featureGroups != 0 || kernelOut % batchGroups != 0))
    return emitOpError() << "kernel output features (" << kernelOut
                         << ") are not divisible by the group count";
  if (!ShapedType::isDynamic(batch) && batch % batchGroups != 0)
    return emitOpError() << "batch (" << batch
                         << ") is not divisible by batch_group_count ("
                         << batchGroups << ")";

  SmallVector<int64_t> expected(rank, ShapedType::kDynamic);
  expected[dims.getOutputBatchDimension()] =
      ShapedType::isDynamic(batch) ? batch : batch / batchGroups;
  expected[dims.getOutputFeatureDimension()] = kernelOut;
  SmallVector<std::pair<int64_t, int64_t>> padding = getPaddingOrDefault();
  for (int64_t i = 0; i < numSpatial; ++i) {
    int64_t in = lhs.getDimSize(dims.getInputSpatialDimensions()[i]);
    int64_t window = rhs.getDimSize(dims.getKernelSpatialDimensions()[i]);
    int64_t &out = expected[dims.getOutputSpatialDimensions()[i]];
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(window))
      continue;
    out = getWindowCount(in, lhsDilation[i], padding[i].first,
                         padding[i].second, window, rhsDilation[i], strides[i]);
    if (out < 0)
      return emitOpError() << "padding makes spatial dimension " << i
                           << " negative";
  }
  return verifyResultShape(*this, result, expected);
}

//===----------------------------------------------------------------------===//
// TriangularSolveOp
//===----------------------------------------------------------------------===//

LogicalResult TriangularSolveOp::verify() {
  auto aType = cast<RankedTensorType>(getA().getType());
  auto bType = cast<RankedTensorType>(getB().getType());
  if (aType.getElementType() != bType.getElementType())
    return emitOpError() << "expected a and b of one element type, got "
                         << aType.getElementType() << " and "
                         << bType.getElementType();
  if (getType() != bType)
    return emitOpError() << "expected result type " << bType << ", got "
                         << getType();
  int64_t rank = aType.getRank();
  if (rank < 2 || bType.getRank() != rank)
    return emitOpError() << "expected a and b of one rank, at least 2, got "
                         << aType << " and " << bType;
  ArrayRef<int64_t> aShape = aType.getShape(), bShape = bType.getShape();
  int64_t size = aShape[rank - 1];
  if (aShape[rank - 2] != size)
    return emitOpError() << "expected square matrices in a, got " << aType;
  if (aShape.drop_back(2) != bShape.drop_back(2))
    return emitOpError() << "expected the batch dimensions of a " << aType
                         << " and b " << bType << " to match";
  int64_t solvedDim = getLeftSide() ? rank - 2 : rank - 1;
  if (bShape[solvedDim] != size)
    return emitOpError() << "expected dimension " << solvedDim << " of b "
                         << bType << " to be " << size << " ("
                         << (getLeftSide() ? "left_side" : "right side") << ")";
  if (getTransposeA() == Transpose::TRANSPOSE_INVALID)
    return emitOpError() << "expected transpose_a to be NO_TRANSPOSE, "
                            "TRANSPOSE or ADJOINT";
  return success();
}

//===----------------------------------------------------------------------===//
// FftOp
//===----------------------------------------------------------------------===//

LogicalResult FftOp::verify() {
  auto operandType = cast<RankedTensorType>(getOperand().getType());
  auto resultType = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> lengths = getFftLength();
  int64_t count = lengths.size();
  if (count < 1 || count > 3)
    return emitOpError() << "expected 1 to 3 fft lengths, got " << count;
  for (int64_t length : lengths)
    if (length < 1)
      return emitOpError() << "expected positive fft lengths, got [" << lengths
                           << "]";
  if (operandType.getRank() < count ||
      resultType.getRank() != operandType.getRank())
    return emitOpError() << "expected operand " << operandType << " and result "
                         << resultType << " of one rank, at least " << count;
  Type operandElement = operandType.getElementType();
  Type resultElement = resultType.getElementType();
  FftType type = getFftType();
  bool realIn = type == FftType::RFFT, realOut = type == FftType::IRFFT;
  auto complexOf = [](Type element) -> Type {
    return isa<ComplexType>(element) ? element : ComplexType::get(element);
  };
  if (realIn ? isa<ComplexType>(operandElement)
             : !isa<ComplexType>(operandElement))
    return emitOpError() << "expected a " << (realIn ? "real" : "complex")
                         << " operand for " << stringifyFftType(type)
                         << ", got " << operandType;
  if (realOut ? isa<ComplexType>(resultElement)
              : resultElement != complexOf(operandElement))
    return emitOpError() << "expected a result element type "
                         << (realOut ? "of the operand's precision"
                                     : "complex of the operand's")
                         << " for " << stringifyFftType(type) << ", got "
                         << resultType;
  if (realOut && complexOf(resultElement) != operandElement)
    return emitOpError() << "expected result element type "
                         << cast<ComplexType>(operandElement).getElementType()
                         << " for IRFFT, got " << resultElement;
  // The transformed dims: the complex side of RFFT and IRFFT holds
  // n / 2 + 1 values along the last one.
  SmallVector<int64_t> full(lengths), half(lengths);
  half.back() = lengths.back() / 2 + 1;
  ArrayRef<int64_t> expectedIn = realOut ? half : full;
  ArrayRef<int64_t> expectedOut = realIn ? half : full;
  int64_t rank = operandType.getRank();
  ArrayRef<int64_t> in = operandType.getShape(), out = resultType.getShape();
  if (in.drop_back(count) != out.drop_back(count))
    return emitOpError() << "expected the leading dimensions of operand "
                         << operandType << " and result " << resultType
                         << " to match";
  for (int64_t i = 0; i < count; ++i) {
    if (in[rank - count + i] != expectedIn[i])
      return emitOpError() << "expected operand dimension " << rank - count + i
                           << " to be " << expectedIn[i] << " for "
                           << stringifyFftType(type) << " of length ["
                           << lengths << "], got " << operandType;
    if (out[rank - count + i] != expectedOut[i])
      return emitOpError() << "expected result dimension " << rank - count + i
                           << " to be " << expectedOut[i] << " for "
                           << stringifyFftType(type) << " of length ["
                           << lengths << "], got " << resultType;
  }
  return success();
}
