//===- YatDialect.cpp - the yat dialect -----------------------------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::yat;

#include "yat/Dialect/Yat/IR/YatDialect.cpp.inc"
#include "yat/Dialect/Yat/IR/YatEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "yat/Dialect/Yat/IR/YatAttrs.cpp.inc"

void YatDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "yat/Dialect/Yat/IR/YatAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "yat/Dialect/Yat/IR/YatOps.cpp.inc"
      >();
}

Operation *YatDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  if (auto typed = dyn_cast<TypedAttr>(value))
    if (arith::ConstantOp::isBuildableWith(typed, type))
      return arith::ConstantOp::create(builder, loc, type, typed);
  return nullptr;
}

LogicalResult LoweringConfigAttr::verify(
    function_ref<InFlightDiagnostic()> emitError, ArrayRef<int64_t> tileSizes,
    ArrayRef<int64_t> innerTileSizes, ArrayRef<int64_t> reductionTileSizes) {
  for (int64_t size : llvm::concat<const int64_t>(tileSizes, innerTileSizes,
                                                  reductionTileSizes))
    if (size < 0)
      return emitError() << "tile sizes must be non-negative, got " << size;
  for (auto [name, level] :
       {std::pair<StringRef, ArrayRef<int64_t>>{"inner", innerTileSizes},
        {"reduction", reductionTileSizes}})
    if (!level.empty() && level.size() != tileSizes.size())
      return emitError() << "has " << tileSizes.size() << " tile sizes but "
                         << level.size() << " " << name << " tile sizes";
  return success();
}

/// Parses `[` size, ... `]` (possibly empty) into `sizes`.
static ParseResult parseSizeList(AsmParser &parser,
                                 SmallVectorImpl<int64_t> &sizes) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
    return parser.parseInteger(sizes.emplace_back());
  });
}

Attribute LoweringConfigAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t> tileSizes, innerTileSizes, reductionTileSizes;
  if (parser.parseLess() || parser.parseKeyword("tile_sizes") ||
      parser.parseEqual() || parseSizeList(parser, tileSizes))
    return {};
  // The optional levels follow in this order, each at most once.
  bool seenInner = false, seenReduction = false;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef keyword;
    if (parser.parseKeyword(&keyword))
      return {};
    SmallVectorImpl<int64_t> *sizes = nullptr;
    if (keyword == "inner_tile_sizes" && !seenInner && !seenReduction) {
      seenInner = true;
      sizes = &innerTileSizes;
    } else if (keyword == "reduction_tile_sizes" && !seenReduction) {
      seenReduction = true;
      sizes = &reductionTileSizes;
    } else {
      parser.emitError(loc) << "expected 'inner_tile_sizes' or "
                               "'reduction_tile_sizes' once each, in this "
                               "order, got '"
                            << keyword << "'";
      return {};
    }
    if (parser.parseEqual() || parseSizeList(parser, *sizes))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return parser.getChecked<LoweringConfigAttr>(
      parser.getContext(), tileSizes, innerTileSizes, reductionTileSizes);
}

void LoweringConfigAttr::print(AsmPrinter &printer) const {
  auto printSizes = [&](StringRef keyword, ArrayRef<int64_t> sizes) {
    printer << keyword << " = [";
    llvm::interleaveComma(sizes, printer);
    printer << "]";
  };
  printer << "<";
  printSizes("tile_sizes", getTileSizes());
  if (!getInnerTileSizes().empty()) {
    printer << ", ";
    printSizes("inner_tile_sizes", getInnerTileSizes());
  }
  if (!getReductionTileSizes().empty()) {
    printer << ", ";
    printSizes("reduction_tile_sizes", getReductionTileSizes());
  }
  printer << ">";
}

LogicalResult YatDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attribute) {
  // The StableHLO lowering marks checks of reassociated sums with a unit
  // `yat.reassociated`.
  if (attribute.getName() == "yat.reassociated") {
    if (!isa<UnitAttr>(attribute.getValue()))
      return op->emitError() << "'yat.reassociated' must be a unit attribute";
    return success();
  }
  if (attribute.getName() != LoweringConfigAttr::getAttributeName())
    return op->emitError() << "unknown yat attribute '"
                           << attribute.getName().getValue() << "'";
  auto config = dyn_cast<LoweringConfigAttr>(attribute.getValue());
  if (!config)
    return op->emitError() << "'" << attribute.getName().getValue()
                           << "' must be a #yat.lowering_config, got "
                           << attribute.getValue();
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp)
    return op->emitError() << "'" << attribute.getName().getValue()
                           << "' is only valid on linalg ops";
  int64_t numLoops = linalgOp.getNumLoops();
  int64_t numSizes = config.getTileSizes().size();
  if (numSizes != numLoops)
    return op->emitError() << "has " << numSizes
                           << " lowering_config tile sizes for " << numLoops
                           << " loops";
  SmallVector<utils::IteratorType> iterators = linalgOp.getIteratorTypesArray();
  for (ArrayRef<int64_t> sizes :
       {config.getTileSizes(), config.getInnerTileSizes()})
    for (auto [size, iterator] : llvm::zip(sizes, iterators))
      if (size != 0 && iterator != utils::IteratorType::parallel)
        return op->emitError()
               << "lowering_config tiles a reduction loop (tile size " << size
               << ") outside reduction_tile_sizes";
  for (auto [size, iterator] :
       llvm::zip(config.getReductionTileSizes(), iterators))
    if (size != 0 && iterator != utils::IteratorType::reduction)
      return op->emitError()
             << "lowering_config reduction_tile_sizes tiles a parallel loop "
                "(tile size "
             << size << ")";
  return success();
}
