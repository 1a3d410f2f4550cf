//===- ReductionOps.cpp - reduce, reduce_window, sort, scatter ------------===//

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
// ReduceOp
//===----------------------------------------------------------------------===//

/// The binary ops that the short `applies` form of reduce may name.
static bool isReducibleBinaryOpName(StringRef name) {
  return llvm::is_contained(
      {AddOp::getOperationName(), SubtractOp::getOperationName(),
       MulOp::getOperationName(), DivOp::getOperationName(),
       RemOp::getOperationName(), MaxOp::getOperationName(),
       MinOp::getOperationName(), PowOp::getOperationName(),
       AndOp::getOperationName(), OrOp::getOperationName(),
       XorOp::getOperationName()},
      name);
}

/// If the body is exactly `return(op(arg0, arg1))` for a binary elementwise
/// op on the block arguments, returns that op (printed with `applies`).
static Operation *getSingleBinaryBodyOp(ReduceOp op) {
  if (op.getInputs().size() != 1 || op.getBody().empty())
    return nullptr;
  Block &block = op.getBody().front();
  if (block.getNumArguments() != 2 || !llvm::hasNItems(block, 2))
    return nullptr;
  Operation &inner = block.front();
  auto ret = dyn_cast<ReturnOp>(block.back());
  if (!ret || ret.getNumOperands() != 1 ||
      ret.getOperand(0).getDefiningOp() != &inner)
    return nullptr;
  if (!isReducibleBinaryOpName(inner.getName().getStringRef()) ||
      !inner.getAttrs().empty())
    return nullptr;
  if (inner.getOperand(0) != block.getArgument(0) ||
      inner.getOperand(1) != block.getArgument(1) ||
      inner.getResult(0).getType() != block.getArgument(0).getType())
    return nullptr;
  return &inner;
}

ParseResult ReduceOp::parse(OpAsmParser &parser, OperationState &result) {
  // (%input init: %init), ...
  SmallVector<OpAsmParser::UnresolvedOperand> inputs, inits;
  SMLoc operandsLoc = parser.getCurrentLocation();
  do {
    OpAsmParser::UnresolvedOperand input, init;
    if (parser.parseLParen() || parser.parseOperand(input) ||
        parser.parseKeyword("init") || parser.parseColon() ||
        parser.parseOperand(init) || parser.parseRParen())
      return failure();
    inputs.push_back(input);
    inits.push_back(init);
  } while (succeeded(parser.parseOptionalComma()));

  std::optional<OperationName> appliedOp;
  SMLoc appliesLoc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("applies"))) {
    appliesLoc = parser.getCurrentLocation();
    StringRef name;
    if (parser.parseKeyword(&name))
      return failure();
    if (!isReducibleBinaryOpName(name))
      return parser.emitError(appliesLoc)
             << "expected a binary stablehlo op after 'applies', got '" << name
             << "'";
    appliedOp = OperationName(name, parser.getContext());
  }

  DenseI64ArrayAttr dimensions;
  if (parser.parseKeyword("across") || parser.parseKeyword("dimensions") ||
      parser.parseEqual() || parseDims(parser, dimensions))
    return failure();
  result.addAttribute("dimensions", dimensions);
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();

  FunctionType fnType;
  SMLoc typeLoc = parser.getCurrentLocation();
  if (parser.parseColonType(fnType))
    return failure();
  size_t count = inputs.size();
  if (fnType.getNumInputs() != 2 * count || fnType.getNumResults() != count)
    return parser.emitError(typeLoc)
           << "expected a function type with " << 2 * count << " inputs and "
           << count << " results";
  SmallVector<OpAsmParser::UnresolvedOperand> operands(inputs);
  llvm::append_range(operands, inits);
  if (parser.resolveOperands(operands, fnType.getInputs(), operandsLoc,
                             result.operands))
    return failure();
  result.addTypes(fnType.getResults());

  Region *body = result.addRegion();
  if (appliedOp) {
    // Build `^bb(%lhs, %rhs): return op(%lhs, %rhs)` on 0-d tensors of the
    // init value's type.
    auto initType = dyn_cast<RankedTensorType>(fnType.getInput(count));
    if (!initType)
      return parser.emitError(typeLoc) << "expected a ranked init type";
    Location loc = parser.getEncodedSourceLoc(appliesLoc);
    OpBuilder builder(parser.getContext());
    Block *block = builder.createBlock(body);
    Value lhs = block->addArgument(initType, loc);
    Value rhs = block->addArgument(initType, loc);
    OperationState state(loc, *appliedOp);
    state.addOperands({lhs, rhs});
    state.addTypes(initType);
    Operation *inner = builder.create(state);
    ReturnOp::create(builder, loc, inner->getResults());
    return success();
  }

  // reducer(%lhs0: T, %rhs0: T) (%lhs1: U, %rhs1: U) { ... }
  if (parser.parseKeyword("reducer"))
    return failure();
  SmallVector<OpAsmParser::Argument> lhsArgs, rhsArgs;
  for (size_t i = 0; i < count; ++i) {
    OpAsmParser::Argument lhs, rhs;
    if (parser.parseLParen() || parser.parseArgument(lhs, /*allowType=*/true) ||
        parser.parseComma() || parser.parseArgument(rhs, /*allowType=*/true) ||
        parser.parseRParen())
      return failure();
    lhsArgs.push_back(lhs);
    rhsArgs.push_back(rhs);
  }
  SmallVector<OpAsmParser::Argument> args(lhsArgs);
  llvm::append_range(args, rhsArgs);
  return parser.parseRegion(*body, args);
}

void ReduceOp::print(OpAsmPrinter &printer) {
  size_t count = getInputs().size();
  for (size_t i = 0; i < count; ++i) {
    if (i)
      printer << ", ";
    printer << '(' << getInputs()[i] << " init: " << getInitValues()[i] << ')';
  }
  Operation *applied = getSingleBinaryBodyOp(*this);
  if (applied)
    printer << " applies " << applied->getName().getStringRef();
  printer << " across dimensions = ";
  printIntList(printer, getDimensions());
  printer.printOptionalAttrDict((*this)->getAttrs(), {"dimensions"});
  printer << " : ";
  printer.printFunctionalType(*this);
  if (applied)
    return;
  Block &block = getBody().front();
  printer.printNewline();
  printer << " reducer";
  // The verifier guarantees 2 * count arguments; print what is there.
  size_t numArgs = block.getNumArguments();
  for (size_t i = 0; i < count && count + i < numArgs; ++i) {
    printer << '(';
    printer.printRegionArgument(block.getArgument(i));
    printer << ", ";
    printer.printRegionArgument(block.getArgument(count + i));
    printer << ") ";
  }
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

/// reduce and reduce_window: as many init values and results as inputs,
/// at least one.
static LogicalResult verifyReducerCounts(Operation *op, size_t inputs,
                                         size_t initValues, size_t results) {
  if (inputs == 0)
    return op->emitOpError() << "expected at least one input";
  if (initValues != inputs || results != inputs)
    return op->emitOpError()
           << "expected as many init values and results as inputs (" << inputs
           << ")";
  return success();
}

/// reduce and reduce_window: inputs of one shape, 0-d init values of their
/// element types, results of those element types and of shape `expected`.
static LogicalResult verifyReducerOperands(Operation *op, ValueRange inputs,
                                           ValueRange initValues,
                                           ValueRange results,
                                           ArrayRef<int64_t> expected) {
  auto first = cast<RankedTensorType>(inputs.front().getType());
  for (auto [i, value] : llvm::enumerate(inputs)) {
    auto input = cast<RankedTensorType>(value.getType());
    auto init = cast<RankedTensorType>(initValues[i].getType());
    auto result = cast<RankedTensorType>(results[i].getType());
    if (input.getRank() != first.getRank() ||
        !llvm::all_of(
            llvm::zip(input.getShape(), first.getShape()), [](auto sizes) {
              return compatibleSizes(std::get<0>(sizes), std::get<1>(sizes));
            }))
      return op->emitOpError() << "expected all inputs to have the same shape";
    if (init.getRank() != 0 || init.getElementType() != input.getElementType())
      return op->emitOpError()
             << "expected init value " << i << " to be a 0-d tensor of "
             << input.getElementType();
    if (result.getElementType() != input.getElementType())
      return op->emitOpError()
             << "expected result " << i << " to have element type "
             << input.getElementType();
    if (failed(verifyResultShape(op, result, expected)))
      return failure();
  }
  return success();
}

LogicalResult ReduceOp::verify() {
  if (failed(verifyReducerCounts(*this, getInputs().size(),
                                 getInitValues().size(), getNumResults())))
    return failure();
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  if (failed(verifyDimensionList(*this, "dimension", getDimensions(),
                                 first.getRank())))
    return failure();
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < first.getRank(); ++d)
    if (!llvm::is_contained(getDimensions(), d))
      expected.push_back(first.getDimSize(d));
  return verifyReducerOperands(*this, getInputs(), getInitValues(),
                               getResults(), expected);
}

/// Checks the body of reduce or reduce_window: it takes (accumulators,
/// elements) of the types of `initValues` and returns new accumulators.
static LogicalResult verifyReducerBody(Operation *op, Block &block,
                                       ValueRange initValues) {
  size_t count = initValues.size();
  if (block.getNumArguments() != 2 * count)
    return op->emitOpError() << "expected the body to take " << 2 * count
                             << " arguments, got " << block.getNumArguments();
  for (size_t i = 0; i < count; ++i) {
    Type expected = initValues[i].getType();
    if (block.getArgument(i).getType() != expected ||
        block.getArgument(count + i).getType() != expected)
      return op->emitOpError() << "expected body arguments " << i << " and "
                               << count + i << " to have type " << expected;
  }
  auto ret = block.empty() ? nullptr : dyn_cast<ReturnOp>(block.back());
  if (!ret)
    return op->emitOpError()
           << "expected the body to end with stablehlo.return";
  if (ret.getNumOperands() != count)
    return op->emitOpError() << "expected the body to return " << count
                             << " values, got " << ret.getNumOperands();
  for (size_t i = 0; i < count; ++i)
    if (ret.getOperand(i).getType() != initValues[i].getType())
      return op->emitOpError() << "expected body result " << i << " of type "
                               << initValues[i].getType();
  return success();
}

LogicalResult ReduceOp::verifyRegions() {
  // verify(), which runs first, checked the operand counts.
  return verifyReducerBody(*this, getBody().front(), getInitValues());
}

//===----------------------------------------------------------------------===//
// ReduceWindowOp
//===----------------------------------------------------------------------===//

SmallVector<int64_t> ReduceWindowOp::getWindowStridesOrDefault() {
  return getValuesOrFill<int64_t>(getWindowStrides(),
                                  getWindowDimensions().size(), 1);
}

SmallVector<int64_t> ReduceWindowOp::getBaseDilationsOrDefault() {
  return getValuesOrFill<int64_t>(getBaseDilations(),
                                  getWindowDimensions().size(), 1);
}

SmallVector<int64_t> ReduceWindowOp::getWindowDilationsOrDefault() {
  return getValuesOrFill<int64_t>(getWindowDilations(),
                                  getWindowDimensions().size(), 1);
}

SmallVector<std::pair<int64_t, int64_t>> ReduceWindowOp::getPaddingOrDefault() {
  return getPaddingPairsOrZero(getPadding(), getWindowDimensions().size());
}

LogicalResult ReduceWindowOp::verify() {
  if (failed(verifyReducerCounts(*this, getInputs().size(),
                                 getInitValues().size(), getNumResults())))
    return failure();
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  int64_t rank = first.getRank();
  ArrayRef<int64_t> window = getWindowDimensions();
  auto checkSize = [&](StringRef name,
                       std::optional<size_t> size) -> LogicalResult {
    if (size && static_cast<int64_t>(*size) != rank)
      return emitOpError() << "expected " << rank << " " << name
                           << " (one per input dimension), got " << *size;
    return success();
  };
  auto sizeOf = [](std::optional<ArrayRef<int64_t>> values) {
    return values ? std::optional<size_t>(values->size()) : std::nullopt;
  };
  std::optional<size_t> paddingRows;
  if (std::optional<DenseIntElementsAttr> padding = getPadding()) {
    auto type = padding->getType();
    if (type.getRank() != 2 || type.getDimSize(1) != 2)
      return emitOpError() << "expected padding of shape [" << rank << ", 2]";
    paddingRows = type.getDimSize(0);
  }
  if (failed(checkSize("window_dimensions", window.size())) ||
      failed(checkSize("window_strides", sizeOf(getWindowStrides()))) ||
      failed(checkSize("base_dilations", sizeOf(getBaseDilations()))) ||
      failed(checkSize("window_dilations", sizeOf(getWindowDilations()))) ||
      failed(checkSize("padding rows", paddingRows)))
    return failure();
  SmallVector<int64_t> strides = getWindowStridesOrDefault();
  SmallVector<int64_t> baseDilations = getBaseDilationsOrDefault();
  SmallVector<int64_t> windowDilations = getWindowDilationsOrDefault();
  SmallVector<std::pair<int64_t, int64_t>> padding = getPaddingOrDefault();
  SmallVector<int64_t> expected(rank, ShapedType::kDynamic);
  for (int64_t d = 0; d < rank; ++d) {
    if (window[d] < 1 || strides[d] < 1 || baseDilations[d] < 1 ||
        windowDilations[d] < 1)
      return emitOpError() << "expected positive window dimensions, strides "
                              "and dilations, got "
                           << formatShape(window) << ", "
                           << formatShape(strides) << ", "
                           << formatShape(baseDilations) << " and "
                           << formatShape(windowDilations);
    if (ShapedType::isDynamic(first.getDimSize(d)))
      continue;
    expected[d] = getWindowCount(first.getDimSize(d), baseDilations[d],
                                 padding[d].first, padding[d].second, window[d],
                                 windowDilations[d], strides[d]);
    if (expected[d] < 0)
      return emitOpError() << "padding makes dimension " << d << " negative";
  }
  return verifyReducerOperands(*this, getInputs(), getInitValues(),
                               getResults(), expected);
}

LogicalResult ReduceWindowOp::verifyRegions() {
  // verify(), which runs first, checked the operand counts.
  return verifyReducerBody(*this, getBody().front(), getInitValues());
}

//===----------------------------------------------------------------------===//
// SelectAndScatterOp
//===----------------------------------------------------------------------===//

SmallVector<int64_t> SelectAndScatterOp::getWindowDimensionsOrDefault() {
  return getValuesOrFill<int64_t>(getWindowDimensions(),
                                  getOperand().getType().getRank(), 1);
}

SmallVector<int64_t> SelectAndScatterOp::getWindowStridesOrDefault() {
  return getValuesOrFill<int64_t>(getWindowStrides(),
                                  getOperand().getType().getRank(), 1);
}

SmallVector<std::pair<int64_t, int64_t>>
SelectAndScatterOp::getPaddingOrDefault() {
  return getPaddingPairsOrZero(getPadding(), getOperand().getType().getRank());
}

LogicalResult SelectAndScatterOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType source = getSource().getType();
  int64_t rank = operand.getRank();
  auto checkSize = [&](StringRef name,
                       std::optional<size_t> size) -> LogicalResult {
    if (size && static_cast<int64_t>(*size) != rank)
      return emitOpError() << "expected " << rank << " " << name
                           << " (one per operand dimension), got " << *size;
    return success();
  };
  std::optional<size_t> paddingRows;
  if (std::optional<DenseIntElementsAttr> padding = getPadding()) {
    auto type = padding->getType();
    if (type.getRank() != 2 || type.getDimSize(1) != 2)
      return emitOpError() << "expected padding of shape [" << rank << ", 2]";
    paddingRows = type.getDimSize(0);
  }
  auto sizeOf = [](std::optional<ArrayRef<int64_t>> values) {
    return values ? std::optional<size_t>(values->size()) : std::nullopt;
  };
  if (failed(checkSize("window_dimensions", sizeOf(getWindowDimensions()))) ||
      failed(checkSize("window_strides", sizeOf(getWindowStrides()))) ||
      failed(checkSize("padding rows", paddingRows)))
    return failure();
  if (getType() != operand)
    return emitOpError() << "expected a result of the operand's type "
                         << operand;
  auto init = cast<RankedTensorType>(getInitValue().getType());
  if (init.getRank() != 0 ||
      init.getElementType() != operand.getElementType() ||
      source.getElementType() != operand.getElementType())
    return emitOpError() << "expected a 0-d init value and a source of "
                         << operand.getElementType();
  SmallVector<int64_t> window = getWindowDimensionsOrDefault();
  SmallVector<int64_t> strides = getWindowStridesOrDefault();
  SmallVector<std::pair<int64_t, int64_t>> padding = getPaddingOrDefault();
  SmallVector<int64_t> expected(rank, ShapedType::kDynamic);
  for (int64_t d = 0; d < rank; ++d) {
    if (window[d] < 1 || strides[d] < 1)
      return emitOpError() << "expected positive window dimensions and "
                              "strides, got "
                           << formatShape(window) << " and "
                           << formatShape(strides);
    if (ShapedType::isDynamic(operand.getDimSize(d)))
      continue;
    expected[d] = getWindowCount(operand.getDimSize(d), 1, padding[d].first,
                                 padding[d].second, window[d], 1, strides[d]);
    if (expected[d] < 0)
      return emitOpError() << "padding makes dimension " << d << " negative";
  }
  bool ok = source.getRank() == rank;
  for (auto [actual, wanted] : llvm::zip(source.getShape(), expected))
    ok = ok && compatibleSizes(actual, wanted);
  if (!ok)
    return emitOpError() << "expected a source of shape "
                         << formatShape(expected) << " (one element per "
                         << "window), got " << formatShape(source.getShape());
  return success();
}

LogicalResult SelectAndScatterOp::verifyRegions() {
  Type scalar = getInitValue().getType();
  auto predicate = RankedTensorType::get({}, IntegerType::get(getContext(), 1));
  auto checkRegion = [&](Region &region, StringRef name,
                         Type result) -> LogicalResult {
    Block &block = region.front();
    auto ret = block.empty() ? nullptr : dyn_cast<ReturnOp>(block.back());
    if (block.getNumArguments() != 2 ||
        block.getArgument(0).getType() != scalar ||
        block.getArgument(1).getType() != scalar || !ret ||
        ret.getNumOperands() != 1 || ret.getOperand(0).getType() != result)
      return emitOpError() << "expected " << name << " to take two " << scalar
                           << " and return one " << result;
    return success();
  };
  if (failed(checkRegion(getSelect(), "select", predicate)) ||
      failed(checkRegion(getScatter(), "scatter", scalar)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// SortOp
//===----------------------------------------------------------------------===//

int64_t SortOp::getSortDimension() {
  int64_t rank =
      cast<RankedTensorType>(getInputs().front().getType()).getRank();
  auto dimension = static_cast<int64_t>(getDimension());
  return dimension < 0 ? dimension + rank : dimension;
}

LogicalResult SortOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "expected at least one input";
  if (getNumResults() != getInputs().size())
    return emitOpError() << "expected as many results as inputs ("
                         << getInputs().size() << ")";
  for (auto [index, input, result] : llvm::enumerate(getInputs(), getResults()))
    if (input.getType() != result.getType())
      return emitOpError() << "expected result " << index << " of type "
                           << input.getType();
  int64_t rank =
      cast<RankedTensorType>(getInputs().front().getType()).getRank();
  // I64Attr reads back unsigned; the dimension may be negative.
  auto dimension = static_cast<int64_t>(getDimension());
  if (dimension < -rank || dimension >= std::max<int64_t>(rank, 1))
    return emitOpError() << "dimension " << dimension
                         << " is out of range for rank " << rank;
  return success();
}

LogicalResult SortOp::verifyRegions() {
  Block &block = getComparator().front();
  size_t count = getInputs().size();
  if (block.getNumArguments() != 2 * count)
    return emitOpError() << "expected the comparator to take " << 2 * count
                         << " arguments, got " << block.getNumArguments();
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    auto scalar = RankedTensorType::get(
        {}, cast<RankedTensorType>(input.getType()).getElementType());
    if (block.getArgument(2 * index).getType() != scalar ||
        block.getArgument(2 * index + 1).getType() != scalar)
      return emitOpError() << "expected comparator arguments " << 2 * index
                           << " and " << 2 * index + 1 << " to have type "
                           << scalar;
  }
  auto ret = block.empty() ? nullptr : dyn_cast<ReturnOp>(block.back());
  auto predicate = RankedTensorType::get({}, IntegerType::get(getContext(), 1));
  if (!ret || ret.getNumOperands() != 1 ||
      ret.getOperand(0).getType() != predicate)
    return emitOpError() << "expected the comparator to return one "
                         << predicate;
  return success();
}

//===----------------------------------------------------------------------===//
// ScatterOp
//===----------------------------------------------------------------------===//

LogicalResult ScatterOp::verify() {
  size_t count = getInputs().size();
  if (count == 0)
    return emitOpError() << "expected at least one input";
  if (getUpdates().size() != count || getNumResults() != count)
    return emitOpError() << "expected as many updates and results as inputs ("
                         << count << ")";
  auto input = cast<RankedTensorType>(getInputs().front().getType());
  auto indices = cast<RankedTensorType>(getScatterIndices().getType());
  auto update = cast<RankedTensorType>(getUpdates().front().getType());
  for (size_t i = 0; i < count; ++i) {
    auto inputType = cast<RankedTensorType>(getInputs()[i].getType());
    auto updateType = cast<RankedTensorType>(getUpdates()[i].getType());
    if (inputType.getShape() != input.getShape() ||
        updateType.getShape() != update.getShape())
      return emitOpError() << "expected all inputs, and all updates, to have "
                              "one shape";
    if (updateType.getElementType() != inputType.getElementType())
      return emitOpError() << "expected update " << i
                           << " to have element type "
                           << inputType.getElementType();
    if (getResult(i).getType() != inputType)
      return emitOpError() << "expected result " << i << " of type "
                           << inputType;
  }

  ScatterDimensionNumbersAttr dims = getScatterDimensionNumbers();
  int64_t inputRank = input.getRank(), indicesRank = indices.getRank(),
          updateRank = update.getRank();
  int64_t indexVectorDim = dims.getIndexVectorDim();
  ArrayRef<int64_t> updateWindow = dims.getUpdateWindowDims();
  ArrayRef<int64_t> inserted = dims.getInsertedWindowDims();
  ArrayRef<int64_t> inputBatching = dims.getInputBatchingDims();
  if (failed(verifySorted(*this, "update_window_dims", updateWindow)) ||
      failed(verifyDimensionList(*this, "update_window_dims", updateWindow,
                                 updateRank)) ||
      failed(verifyIndexingDims(
          *this, inputRank, indices,
          {{"inserted_window_dims", inserted},
           {"input_batching_dims", inputBatching},
           {"scatter_indices_batching_dims",
            dims.getScatterIndicesBatchingDims()},
           {"scatter_dims_to_operand_dims", dims.getScatterDimsToOperandDims()},
           indexVectorDim})))
    return failure();
  if (inputRank != static_cast<int64_t>(updateWindow.size() + inserted.size() +
                                        inputBatching.size()))
    return emitOpError() << "expected the input rank " << inputRank
                         << " to equal the number of update_window_dims, "
                            "inserted_window_dims and input_batching_dims";
  int64_t scatterRank = indicesRank - (indexVectorDim < indicesRank ? 1 : 0);
  if (updateRank != static_cast<int64_t>(updateWindow.size()) + scatterRank)
    return emitOpError() << "expected updates of rank "
                         << updateWindow.size() + scatterRank << ", got "
                         << updateRank;

  // Update scatter dims take the sizes of the index dims, in order; update
  // window dims are at most the input's dims they cover.
  SmallVector<int64_t> indexSizes;
  for (int64_t d = 0; d < indicesRank; ++d)
    if (d != indexVectorDim)
      indexSizes.push_back(indices.getDimSize(d));
  SmallVector<int64_t> windowInputDims;
  for (int64_t d = 0; d < inputRank; ++d)
    if (!llvm::is_contained(inserted, d) &&
        !llvm::is_contained(inputBatching, d))
      windowInputDims.push_back(d);
  size_t scatterIndex = 0, windowIndex = 0;
  for (int64_t d = 0; d < updateRank; ++d) {
    int64_t size = update.getDimSize(d);
    if (llvm::is_contained(updateWindow, d)) {
      int64_t inputSize = input.getDimSize(windowInputDims[windowIndex++]);
      if (!ShapedType::isDynamic(size) && !ShapedType::isDynamic(inputSize) &&
          size > inputSize)
        return emitOpError()
               << "update window dimension " << d << " of size " << size
               << " is larger than the input's " << inputSize;
      continue;
    }
    if (!compatibleSizes(size, indexSizes[scatterIndex++]))
      return emitOpError() << "expected update dimension " << d
                           << " to have the size of scatter index dimension, "
                           << indexSizes[scatterIndex - 1] << ", got " << size;
  }
  return success();
}

LogicalResult ScatterOp::verifyRegions() {
  size_t count = getInputs().size();
  Block &block = getUpdateComputation().front();
  if (block.getNumArguments() != 2 * count)
    return emitOpError() << "expected the update computation to take "
                         << 2 * count << " arguments, got "
                         << block.getNumArguments();
  SmallVector<Type> scalarTypes;
  for (Value input : getInputs())
    scalarTypes.push_back(RankedTensorType::get(
        {}, cast<RankedTensorType>(input.getType()).getElementType()));
  for (size_t i = 0; i < count; ++i)
    if (block.getArgument(i).getType() != scalarTypes[i] ||
        block.getArgument(count + i).getType() != scalarTypes[i])
      return emitOpError() << "expected update computation arguments " << i
                           << " and " << count + i << " to have type "
                           << scalarTypes[i];
  auto ret = block.empty() ? nullptr : dyn_cast<ReturnOp>(block.back());
  if (!ret || ret.getNumOperands() != count ||
      TypeRange(ret.getOperandTypes()) != TypeRange(scalarTypes))
    return emitOpError() << "expected the update computation to return "
                         << count << " 0-d tensors of the input element types";
  return success();
}
