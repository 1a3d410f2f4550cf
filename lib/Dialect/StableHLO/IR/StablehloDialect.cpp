//===- StablehloDialect.cpp - yat's StableHLO front-end dialect -----------===//
//
// Dialect registration, the structured attributes (#stablehlo.dot,
// #stablehlo.conv, #stablehlo.scatter, #stablehlo.gather), inlining support
// and the diagnostic for ops outside the subset.
//
//===----------------------------------------------------------------------===//

#include "IntListSyntax.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Transforms/InliningUtils.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Support/CheckABI.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::yat::stablehlo;

#include "yat/Dialect/StableHLO/IR/StablehloDialect.cpp.inc"
#include "yat/Dialect/StableHLO/IR/StablehloEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "yat/Dialect/StableHLO/IR/StablehloAttrs.cpp.inc"

namespace {
/// Every op of the subset may be inlined: they are pure or (custom_call)
/// carry their own side effects, and none refers to its enclosing function.
struct StablehloInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void StablehloDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "yat/Dialect/StableHLO/IR/StablehloOps.cpp.inc"
      >();
  addInterfaces<StablehloInlinerInterface>();
}

void StablehloDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "yat/Dialect/StableHLO/IR/StablehloAttrs.cpp.inc"
      >();
}

Operation *StablehloDialect::materializeConstant(OpBuilder &builder,
                                                 Attribute value, Type type,
                                                 Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}

/// The #stablehlo attributes that only ops outside the subset carry, and
/// those ops.
static std::optional<StringRef>
getOpOfUnsupportedAttribute(StringRef mnemonic) {
  return llvm::StringSwitch<std::optional<StringRef>>(mnemonic)
      .Case("rng_distribution", StringRef("stablehlo.rng"))
      .Case("channel_handle",
            StringRef("stablehlo collective ops (all_reduce, send, ...)"))
      .Default(std::nullopt);
}

Attribute StablehloDialect::parseAttribute(DialectAsmParser &parser,
                                           Type type) const {
  SMLoc loc = parser.getCurrentLocation();
  StringRef mnemonic;
  Attribute attr;
  OptionalParseResult parsed =
      generatedAttributeParser(parser, &mnemonic, type, attr);
  if (parsed.has_value())
    return succeeded(*parsed) ? attr : Attribute();
  if (std::optional<StringRef> op = getOpOfUnsupportedAttribute(mnemonic))
    parser.emitError(loc) << "'" << *op
                          << "' is not in yat's StableHLO subset (see "
                             "docs/STABLEHLO.md): its attribute `"
                          << mnemonic << "` is unknown here";
  else
    parser.emitError(loc) << "unknown attribute `" << mnemonic
                          << "` in dialect `stablehlo`";
  return {};
}

void StablehloDialect::printAttribute(Attribute attr,
                                      DialectAsmPrinter &printer) const {
  (void)generatedAttributePrinter(attr, printer);
}

/// Parse hook for `stablehlo.*` names that are not ops of the subset.
/// The parser prefixes the diagnostic with "custom op 'stablehlo.NAME'".
static ParseResult rejectOpOutsideSubset(OpAsmParser &parser,
                                         OperationState &) {
  return parser.emitError(parser.getNameLoc())
         << "is not in yat's StableHLO subset (see docs/STABLEHLO.md)";
}

std::optional<Dialect::ParseOpHook>
StablehloDialect::getParseOperationHook(StringRef opName) const {
  if (std::optional<ParseOpHook> hook = Dialect::getParseOperationHook(opName))
    return hook;
  return ParseOpHook(rejectOpOutsideSubset);
}

bool mlir::yat::stablehlo::isSupportedCheckTarget(StringRef target) {
  return checks::parseCheckTarget(target).has_value();
}

//===----------------------------------------------------------------------===//
// DotDimensionNumbersAttr
//===----------------------------------------------------------------------===//

namespace {
/// One `name = value` field of a structured attribute: an integer list, or
/// a single integer when `list` is null.
struct KeyedField {
  StringRef name;
  SmallVector<int64_t> *list = nullptr;
  int64_t *value = nullptr;
};
} // namespace

/// Parses `<name = [1, 2], other = 3, ...>` where each field may appear at
/// most once, in any order, or not at all; `what` names the attribute in
/// diagnostics.
static ParseResult parseKeyedFields(AsmParser &parser, StringRef what,
                                    ArrayRef<KeyedField> fields) {
  llvm::StringSet<> seen;
  auto parseField = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key))
      return failure();
    const KeyedField *field = llvm::find_if(
        fields, [&](const KeyedField &f) { return f.name == key; });
    if (field == fields.end())
      return parser.emitError(loc)
             << "unknown " << what << " field '" << key << "'";
    if (!seen.insert(key).second)
      return parser.emitError(loc)
             << "duplicate " << what << " field '" << key << "'";
    if (parser.parseEqual())
      return failure();
    return field->list ? parseIntList(parser, *field->list)
                       : parser.parseInteger(*field->value);
  };
  if (parser.parseLess())
    return failure();
  if (succeeded(parser.parseOptionalGreater()))
    return success();
  return failure(parser.parseCommaSeparatedList(parseField) ||
                 parser.parseGreater());
}

/// Prints `<name = [1, 2], ...>`, leaving out empty lists.
static void
printKeyedLists(AsmPrinter &printer,
                ArrayRef<std::pair<StringRef, ArrayRef<int64_t>>> lists,
                std::optional<std::pair<StringRef, int64_t>> value = {}) {
  printer << '<';
  bool first = true;
  auto separate = [&] {
    if (!first)
      printer << ", ";
    first = false;
  };
  for (auto [name, values] : lists) {
    if (values.empty())
      continue;
    separate();
    printer << name << " = ";
    printIntList(printer, values);
  }
  if (value) {
    separate();
    printer << value->first << " = " << value->second;
  }
  printer << '>';
}

Attribute DotDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> lhsBatch, rhsBatch, lhsContract, rhsContract;
  if (parseKeyedFields(parser, "dot dimension",
                       {{"lhs_batching_dimensions", &lhsBatch},
                        {"rhs_batching_dimensions", &rhsBatch},
                        {"lhs_contracting_dimensions", &lhsContract},
                        {"rhs_contracting_dimensions", &rhsContract}}))
    return {};
  return DotDimensionNumbersAttr::get(parser.getContext(), lhsBatch, rhsBatch,
                                      lhsContract, rhsContract);
}

void DotDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printKeyedLists(
      printer, {{"lhs_batching_dimensions", getLhsBatchingDimensions()},
                {"rhs_batching_dimensions", getRhsBatchingDimensions()},
                {"lhs_contracting_dimensions", getLhsContractingDimensions()},
                {"rhs_contracting_dimensions", getRhsContractingDimensions()}});
}

//===----------------------------------------------------------------------===//
// ScatterDimensionNumbersAttr
//===----------------------------------------------------------------------===//

Attribute ScatterDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> updateWindow, insertedWindow, inputBatching,
      indicesBatching, toOperand;
  int64_t indexVectorDim = 0;
  if (parseKeyedFields(parser, "scatter dimension",
                       {{"update_window_dims", &updateWindow},
                        {"inserted_window_dims", &insertedWindow},
                        {"input_batching_dims", &inputBatching},
                        {"scatter_indices_batching_dims", &indicesBatching},
                        {"scatter_dims_to_operand_dims", &toOperand},
                        {"index_vector_dim", nullptr, &indexVectorDim}}))
    return {};
  return ScatterDimensionNumbersAttr::get(
      parser.getContext(), updateWindow, insertedWindow, inputBatching,
      indicesBatching, toOperand, indexVectorDim);
}

void ScatterDimensionNumbersAttr::print(AsmPrinter &printer) const {
  std::optional<std::pair<StringRef, int64_t>> indexVectorDim;
  if (getIndexVectorDim() != 0)
    indexVectorDim = {"index_vector_dim", getIndexVectorDim()};
  printKeyedLists(
      printer,
      {{"update_window_dims", getUpdateWindowDims()},
       {"inserted_window_dims", getInsertedWindowDims()},
       {"input_batching_dims", getInputBatchingDims()},
       {"scatter_indices_batching_dims", getScatterIndicesBatchingDims()},
       {"scatter_dims_to_operand_dims", getScatterDimsToOperandDims()}},
      indexVectorDim);
}

//===----------------------------------------------------------------------===//
// GatherDimensionNumbersAttr
//===----------------------------------------------------------------------===//

Attribute GatherDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> offset, collapsed, operandBatching, indicesBatching,
      startIndexMap;
  int64_t indexVectorDim = 0;
  if (parseKeyedFields(parser, "gather dimension",
                       {{"offset_dims", &offset},
                        {"collapsed_slice_dims", &collapsed},
                        {"operand_batching_dims", &operandBatching},
                        {"start_indices_batching_dims", &indicesBatching},
                        {"start_index_map", &startIndexMap},
                        {"index_vector_dim", nullptr, &indexVectorDim}}))
    return {};
  return GatherDimensionNumbersAttr::get(parser.getContext(), offset, collapsed,
                                         operandBatching, indicesBatching,
                                         startIndexMap, indexVectorDim);
}

void GatherDimensionNumbersAttr::print(AsmPrinter &printer) const {
  std::optional<std::pair<StringRef, int64_t>> indexVectorDim;
  if (getIndexVectorDim() != 0)
    indexVectorDim = {"index_vector_dim", getIndexVectorDim()};
  printKeyedLists(
      printer,
      {{"offset_dims", getOffsetDims()},
       {"collapsed_slice_dims", getCollapsedSliceDims()},
       {"operand_batching_dims", getOperandBatchingDims()},
       {"start_indices_batching_dims", getStartIndicesBatchingDims()},
       {"start_index_map", getStartIndexMap()}},
      indexVectorDim);
}

//===----------------------------------------------------------------------===//
// ConvDimensionNumbersAttr
//===----------------------------------------------------------------------===//

namespace {
/// One operand's layout in the compact form: the positions of the two
/// non-spatial dimensions and of each spatial dimension.
struct CompactLayout {
  int64_t first = -1;  // b (input/output) or i (kernel)
  int64_t second = -1; // f (input/output) or o (kernel)
  SmallVector<int64_t> spatial;
};
} // namespace

/// Parses one `[b, 0, 1, f]` list; `firstName`/`secondName` are the two
/// letters allowed in it.
static ParseResult parseCompactLayout(AsmParser &parser, char firstName,
                                      char secondName, CompactLayout &layout) {
  SMLoc loc = parser.getCurrentLocation();
  // Spatial dimension number -> position, -1 while unseen.
  SmallVector<int64_t> spatialPositions;
  int64_t position = 0;
  auto parseEntry = [&]() -> ParseResult {
    SMLoc entryLoc = parser.getCurrentLocation();
    int64_t spatialIndex;
    OptionalParseResult isInt = parser.parseOptionalInteger(spatialIndex);
    if (isInt.has_value()) {
      if (failed(*isInt))
        return failure();
      if (spatialIndex < 0 || spatialIndex > 64)
        return parser.emitError(entryLoc) << "spatial dimension number "
                                          << spatialIndex << " is out of range";
      if (static_cast<int64_t>(spatialPositions.size()) <= spatialIndex)
        spatialPositions.resize(spatialIndex + 1, -1);
      if (spatialPositions[spatialIndex] != -1)
        return parser.emitError(entryLoc)
               << "spatial dimension " << spatialIndex << " appears twice";
      spatialPositions[spatialIndex] = position++;
      return success();
    }
    StringRef name;
    if (parser.parseKeyword(&name))
      return failure();
    int64_t *slot = nullptr;
    if (name.size() == 1 && name[0] == firstName)
      slot = &layout.first;
    else if (name.size() == 1 && name[0] == secondName)
      slot = &layout.second;
    else
      return parser.emitError(entryLoc)
             << "expected '" << firstName << "', '" << secondName
             << "' or a spatial dimension number, got '" << name << "'";
    if (*slot != -1)
      return parser.emitError(entryLoc) << "'" << name << "' appears twice";
    *slot = position++;
    return success();
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, parseEntry))
    return failure();
  if (layout.first == -1 || layout.second == -1)
    return parser.emitError(loc)
           << "expected both '" << firstName << "' and '" << secondName << "'";
  for (auto [index, pos] : llvm::enumerate(spatialPositions))
    if (pos == -1)
      return parser.emitError(loc)
             << "spatial dimension " << index << " is missing";
  layout.spatial = std::move(spatialPositions);
  return success();
}

ConvDimensionNumbersAttr
ConvDimensionNumbersAttr::parseCompact(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  CompactLayout input, kernel, output;
  if (parseCompactLayout(parser, 'b', 'f', input) || parser.parseKeyword("x") ||
      parseCompactLayout(parser, 'i', 'o', kernel) || parser.parseArrow() ||
      parseCompactLayout(parser, 'b', 'f', output))
    return {};
  if (input.spatial.size() != kernel.spatial.size() ||
      input.spatial.size() != output.spatial.size()) {
    parser.emitError(loc)
        << "input, kernel and output must have the same number of spatial "
           "dimensions";
    return {};
  }
  return ConvDimensionNumbersAttr::get(
      parser.getContext(), input.first, input.second, input.spatial,
      kernel.first, kernel.second, kernel.spatial, output.first, output.second,
      output.spatial);
}

/// Fills `letters` (one per dimension) for one operand's layout; returns
/// false when the layout cannot be shown in the compact form.
static bool buildCompactLayout(int64_t first, int64_t second,
                               ArrayRef<int64_t> spatial, char firstName,
                               char secondName,
                               SmallVectorImpl<std::string> &letters) {
  int64_t rank = static_cast<int64_t>(spatial.size()) + 2;
  letters.assign(rank, "");
  auto place = [&](int64_t pos, std::string name) {
    if (pos < 0 || pos >= rank || !letters[pos].empty())
      return false;
    letters[pos] = std::move(name);
    return true;
  };
  if (!place(first, std::string(1, firstName)) ||
      !place(second, std::string(1, secondName)))
    return false;
  for (auto [index, pos] : llvm::enumerate(spatial))
    if (!place(pos, std::to_string(index)))
      return false;
  return true;
}

void ConvDimensionNumbersAttr::printCompact(AsmPrinter &printer) const {
  SmallVector<std::string> input, kernel, output;
  bool ok =
      buildCompactLayout(getInputBatchDimension(), getInputFeatureDimension(),
                         getInputSpatialDimensions(), 'b', 'f', input) &&
      buildCompactLayout(getKernelInputFeatureDimension(),
                         getKernelOutputFeatureDimension(),
                         getKernelSpatialDimensions(), 'i', 'o', kernel) &&
      buildCompactLayout(getOutputBatchDimension(), getOutputFeatureDimension(),
                         getOutputSpatialDimensions(), 'b', 'f', output);
  if (!ok) {
    // Not representable compactly (only possible for attributes built
    // programmatically): fall back to the explicit form.
    printer << "raw ";
    printer << "input_batch_dimension = " << getInputBatchDimension()
            << ", input_feature_dimension = " << getInputFeatureDimension()
            << ", input_spatial_dimensions = ";
    printIntList(printer, getInputSpatialDimensions());
    printer << ", kernel_input_feature_dimension = "
            << getKernelInputFeatureDimension()
            << ", kernel_output_feature_dimension = "
            << getKernelOutputFeatureDimension()
            << ", kernel_spatial_dimensions = ";
    printIntList(printer, getKernelSpatialDimensions());
    printer << ", output_batch_dimension = " << getOutputBatchDimension()
            << ", output_feature_dimension = " << getOutputFeatureDimension()
            << ", output_spatial_dimensions = ";
    printIntList(printer, getOutputSpatialDimensions());
    return;
  }
  printBracketedList(printer, input);
  printer << 'x';
  printBracketedList(printer, kernel);
  printer << "->";
  printBracketedList(printer, output);
}

/// Parses the explicit `input_batch_dimension = 0, ...` form (after an
/// optional `raw`); `firstKey` is the already consumed first field name.
static ConvDimensionNumbersAttr
parseRawConvDims(AsmParser &parser, StringRef firstKey, SMLoc firstLoc) {
  int64_t inputBatch = -1, inputFeature = -1, kernelIn = -1, kernelOut = -1,
          outputBatch = -1, outputFeature = -1;
  SmallVector<int64_t> inputSpatial, kernelSpatial, outputSpatial;
  llvm::StringMap<int64_t *> scalars = {
      {"input_batch_dimension", &inputBatch},
      {"input_feature_dimension", &inputFeature},
      {"kernel_input_feature_dimension", &kernelIn},
      {"kernel_output_feature_dimension", &kernelOut},
      {"output_batch_dimension", &outputBatch},
      {"output_feature_dimension", &outputFeature}};
  llvm::StringMap<SmallVector<int64_t> *> lists = {
      {"input_spatial_dimensions", &inputSpatial},
      {"kernel_spatial_dimensions", &kernelSpatial},
      {"output_spatial_dimensions", &outputSpatial}};
  llvm::StringSet<> seen;
  auto parseValue = [&](StringRef key, SMLoc loc) -> ParseResult {
    if (parser.parseEqual())
      return failure();
    if (!seen.insert(key).second)
      return parser.emitError(loc) << "duplicate field '" << key << "'";
    if (auto it = scalars.find(key); it != scalars.end())
      return parser.parseInteger(*it->second);
    if (auto it = lists.find(key); it != lists.end())
      return parseIntList(parser, *it->second);
    return parser.emitError(loc)
           << "unknown convolution dimension field '" << key << "'";
  };
  if (parseValue(firstKey, firstLoc))
    return {};
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parseValue(key, loc))
      return {};
  }
  if (seen.size() != scalars.size() + lists.size()) {
    parser.emitError(firstLoc)
        << "expected all nine convolution dimension fields";
    return {};
  }
  return ConvDimensionNumbersAttr::get(
      parser.getContext(), inputBatch, inputFeature, inputSpatial, kernelIn,
      kernelOut, kernelSpatial, outputBatch, outputFeature, outputSpatial);
}

Attribute ConvDimensionNumbersAttr::parse(AsmParser &parser, Type) {
  if (parser.parseLess())
    return {};
  (void)parser.parseOptionalKeyword("raw");
  SMLoc loc = parser.getCurrentLocation();
  StringRef firstKey;
  ConvDimensionNumbersAttr attr =
      succeeded(parser.parseOptionalKeyword(&firstKey))
          ? parseRawConvDims(parser, firstKey, loc)
          : parseCompact(parser);
  if (!attr || parser.parseGreater())
    return {};
  return attr;
}

void ConvDimensionNumbersAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printCompact(printer);
  printer << '>';
}
