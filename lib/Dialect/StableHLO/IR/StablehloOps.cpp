//===- StablehloOps.cpp - the StableHLO op subset -------------------------===//
//
// Custom syntax (JAX's pretty form) and verifiers of the stablehlo ops.
// Verifiers check the shape rules that the lowering relies on, so that
// malformed input is reported instead of reaching the lowering.
//
//===----------------------------------------------------------------------===//

#include "IntListSyntax.h"

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
using mlir::yat::formatShape;

//===----------------------------------------------------------------------===//
// Custom directives shared by the declarative formats
//===----------------------------------------------------------------------===//

/// `T` when every operand and the result have type T, `(T0, T1) -> R`
/// otherwise.
static ParseResult parseSameOperandsAndResultTypeImpl(OpAsmParser &parser,
                                                      ArrayRef<Type *> operands,
                                                      Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  if (auto fnType = dyn_cast<FunctionType>(type)) {
    if (fnType.getNumInputs() != operands.size())
      return parser.emitError(loc)
             << "expected " << operands.size() << " operand types, got "
             << fnType.getNumInputs();
    if (fnType.getNumResults() != 1)
      return parser.emitError(loc) << "expected exactly one result type";
    for (auto [slot, input] : llvm::zip(operands, fnType.getInputs()))
      *slot = input;
    result = fnType.getResult(0);
    return success();
  }
  for (Type *slot : operands)
    *slot = type;
  result = type;
  return success();
}

static void printSameOperandsAndResultTypeImpl(OpAsmPrinter &printer,
                                               Operation *op,
                                               ArrayRef<Type> operands,
                                               Type result) {
  if (llvm::all_of(operands, [&](Type t) { return t == result; })) {
    printer << result;
    return;
  }
  printer.printFunctionalType(op);
}

static ParseResult parseSameOperandsAndResultType(OpAsmParser &parser,
                                                  Type &operand, Type &result) {
  return parseSameOperandsAndResultTypeImpl(parser, {&operand}, result);
}
static ParseResult parseSameOperandsAndResultType(OpAsmParser &parser,
                                                  Type &lhs, Type &rhs,
                                                  Type &result) {
  return parseSameOperandsAndResultTypeImpl(parser, {&lhs, &rhs}, result);
}
static ParseResult parseSameOperandsAndResultType(OpAsmParser &parser,
                                                  Type &first, Type &second,
                                                  Type &third, Type &result) {
  return parseSameOperandsAndResultTypeImpl(parser, {&first, &second, &third},
                                            result);
}
static void printSameOperandsAndResultType(OpAsmPrinter &printer, Operation *op,
                                           Type operand, Type result) {
  printSameOperandsAndResultTypeImpl(printer, op, {operand}, result);
}
static void printSameOperandsAndResultType(OpAsmPrinter &printer, Operation *op,
                                           Type lhs, Type rhs, Type result) {
  printSameOperandsAndResultTypeImpl(printer, op, {lhs, rhs}, result);
}
static void printSameOperandsAndResultType(OpAsmPrinter &printer, Operation *op,
                                           Type first, Type second, Type third,
                                           Type result) {
  printSameOperandsAndResultTypeImpl(printer, op, {first, second, third},
                                     result);
}

/// `PredType, T` when both branches and the result have type T, a
/// functional type otherwise.
static ParseResult parseSelectOpType(OpAsmParser &parser, Type &pred,
                                     Type &onTrue, Type &onFalse,
                                     Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<Type> types;
  if (parser.parseTypeList(types))
    return failure();
  if (types.size() == 2) {
    pred = types[0];
    onTrue = onFalse = result = types[1];
    return success();
  }
  auto fnType = types.size() == 1 ? dyn_cast<FunctionType>(types[0]) : nullptr;
  if (!fnType)
    return parser.emitError(loc)
           << "expected a predicate type and a result type, or a function "
              "type";
  if (fnType.getNumInputs() != 3 || fnType.getNumResults() != 1)
    return parser.emitError(loc)
           << "expected a function type with 3 inputs and 1 result";
  pred = fnType.getInput(0);
  onTrue = fnType.getInput(1);
  onFalse = fnType.getInput(2);
  result = fnType.getResult(0);
  return success();
}

static void printSelectOpType(OpAsmPrinter &printer, Operation *op, Type pred,
                              Type onTrue, Type onFalse, Type result) {
  if (onTrue == result && onFalse == result) {
    printer << pred << ", " << result;
    return;
  }
  printer.printFunctionalType(op);
}

/// `complex`'s types: the short `tensor<...xcomplex<T>>` (both parts of
/// type tensor<...xT>) or a function type.
static ParseResult parseComplexOpType(OpAsmParser &parser, Type &lhs, Type &rhs,
                                      Type &result) {
  SMLoc loc = parser.getCurrentLocation();
  Type type;
  if (parser.parseType(type))
    return failure();
  if (auto fnType = dyn_cast<FunctionType>(type)) {
    if (fnType.getNumInputs() != 2 || fnType.getNumResults() != 1)
      return parser.emitError(loc)
             << "expected a function type with 2 inputs and 1 result";
    lhs = fnType.getInput(0);
    rhs = fnType.getInput(1);
    result = fnType.getResult(0);
    return success();
  }
  auto tensorType = dyn_cast<RankedTensorType>(type);
  auto complexType =
      tensorType ? dyn_cast<ComplexType>(tensorType.getElementType()) : nullptr;
  if (!complexType)
    return parser.emitError(loc)
           << "expected a ranked tensor of complex numbers, got " << type;
  result = type;
  lhs = rhs = tensorType.clone(complexType.getElementType());
  return success();
}

static void printComplexOpType(OpAsmPrinter &printer, Operation *op, Type lhs,
                               Type rhs, Type result) {
  auto tensorType = cast<RankedTensorType>(result);
  auto complexType = dyn_cast<ComplexType>(tensorType.getElementType());
  Type part =
      complexType ? tensorType.clone(complexType.getElementType()) : Type();
  if (lhs == part && rhs == part) {
    printer << result;
    return;
  }
  printer.printFunctionalType(op);
}

/// `e5m10`: the exponent and mantissa bits of reduce_precision's format.
static ParseResult parseExponentMantissa(OpAsmParser &parser,
                                         IntegerAttr &exponentBits,
                                         IntegerAttr &mantissaBits) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef format;
  if (parser.parseKeyword(&format))
    return failure();
  auto [exponentText, mantissaText] = format.drop_front().split('m');
  unsigned exponent, mantissa;
  if (!format.starts_with("e") || exponentText.getAsInteger(10, exponent) ||
      mantissaText.getAsInteger(10, mantissa))
    return parser.emitError(loc)
           << "expected a format such as e5m10, got '" << format << "'";
  exponentBits = parser.getBuilder().getI32IntegerAttr(exponent);
  mantissaBits = parser.getBuilder().getI32IntegerAttr(mantissa);
  return success();
}

static void printExponentMantissa(OpAsmPrinter &printer, Operation *,
                                  IntegerAttr exponentBits,
                                  IntegerAttr mantissaBits) {
  printer << 'e' << exponentBits.getInt() << 'm' << mantissaBits.getInt();
}

/// `[0, 1, 2]` as a DenseI64ArrayAttr.
static ParseResult parseDims(OpAsmParser &parser, DenseI64ArrayAttr &dims) {
  SmallVector<int64_t> values;
  if (parseIntList(parser, values))
    return failure();
  dims = parser.getBuilder().getDenseI64ArrayAttr(values);
  return success();
}

static void printDims(OpAsmPrinter &printer, Operation *,
                      DenseI64ArrayAttr dims) {
  printIntList(printer, dims.asArrayRef());
}

/// `%a, %b, ` : operands each followed by a comma, up to the first token
/// that is not an SSA value.
static ParseResult parseVariadicOperandWithAttribute(
    OpAsmParser &parser,
    SmallVectorImpl<OpAsmParser::UnresolvedOperand> &operands) {
  OpAsmParser::UnresolvedOperand operand;
  OptionalParseResult parsed = parser.parseOptionalOperand(operand);
  while (parsed.has_value()) {
    if (failed(*parsed))
      return failure();
    operands.push_back(operand);
    if (parser.parseComma())
      return failure();
    parsed = parser.parseOptionalOperand(operand);
  }
  return success();
}

static void printVariadicOperandWithAttribute(OpAsmPrinter &printer,
                                              Operation *,
                                              OperandRange operands) {
  llvm::interleaveComma(operands, printer);
  printer << ',';
}

/// `[start:limit:stride, ...]` with `:stride` optional (default 1).
static ParseResult parseSliceRanges(OpAsmParser &parser,
                                    DenseI64ArrayAttr &startIndices,
                                    DenseI64ArrayAttr &limitIndices,
                                    DenseI64ArrayAttr &strides) {
  SmallVector<int64_t> starts, limits, steps;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        int64_t start, limit, step = 1;
        if (parser.parseInteger(start) || parser.parseColon() ||
            parser.parseInteger(limit))
          return failure();
        if (succeeded(parser.parseOptionalColon()) && parser.parseInteger(step))
          return failure();
        starts.push_back(start);
        limits.push_back(limit);
        steps.push_back(step);
        return success();
      }))
    return failure();
  Builder &builder = parser.getBuilder();
  startIndices = builder.getDenseI64ArrayAttr(starts);
  limitIndices = builder.getDenseI64ArrayAttr(limits);
  strides = builder.getDenseI64ArrayAttr(steps);
  return success();
}

static void printSliceRanges(OpAsmPrinter &printer, Operation *,
                             DenseI64ArrayAttr startIndices,
                             DenseI64ArrayAttr limitIndices,
                             DenseI64ArrayAttr strides) {
  printer << '[';
  // The verifier guarantees equal sizes; printing stays safe without it.
  size_t count =
      std::min({startIndices.size(), limitIndices.size(), strides.size()});
  for (size_t i = 0; i < count; ++i) {
    if (i)
      printer << ", ";
    printer << startIndices[i] << ':' << limitIndices[i];
    if (strides[i] != 1)
      printer << ':' << strides[i];
  }
  printer << ']';
}

/// The target of a custom_call, printed as a symbol: `@check.expect_eq`.
static ParseResult parseCustomCallTarget(OpAsmParser &parser,
                                         StringAttr &target) {
  return parser.parseSymbolName(target);
}

static void printCustomCallTarget(OpAsmPrinter &printer, Operation *,
                                  StringAttr target) {
  printer.printSymbolName(target.getValue());
}

/// `: tuple<...>` of stablehlo.tuple: the operand types are the elements.
static ParseResult parseTupleOpType(OpAsmParser &parser,
                                    SmallVectorImpl<Type> &operands,
                                    Type &result) {
  TupleType tuple;
  if (parser.parseType(tuple))
    return failure();
  llvm::append_range(operands, tuple.getTypes());
  result = tuple;
  return success();
}

static void printTupleOpType(OpAsmPrinter &printer, Operation *, TypeRange,
                             Type result) {
  printer << result;
}

#define GET_OP_CLASSES
#include "yat/Dialect/StableHLO/IR/StablehloOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared verification helpers
//===----------------------------------------------------------------------===//

/// Checks that `dims` are distinct and within [0, rank).
static LogicalResult verifyDimensionList(Operation *op, StringRef name,
                                         ArrayRef<int64_t> dims, int64_t rank) {
  llvm::SmallBitVector seen(std::max<int64_t>(rank, 0));
  for (int64_t dim : dims) {
    if (dim < 0 || dim >= rank)
      return op->emitOpError() << name << " value " << dim
                               << " is out of range for rank " << rank;
    if (seen.test(dim))
      return op->emitOpError() << name << " value " << dim << " is repeated";
    seen.set(dim);
  }
  return success();
}

/// Checks that the operand and the result of a data movement op share their
/// element type.
static LogicalResult verifySameElementType(Operation *op,
                                           RankedTensorType operand,
                                           RankedTensorType result) {
  if (operand.getElementType() != result.getElementType())
    return op->emitOpError() << "expected operand and result element types to "
                                "match";
  return success();
}

/// True when each of `lists` has `rank` entries (one per dimension).
static bool haveOneEntryPerDimension(int64_t rank,
                                     ArrayRef<ArrayRef<int64_t>> lists) {
  return llvm::all_of(lists, [&](ArrayRef<int64_t> list) {
    return static_cast<int64_t>(list.size()) == rank;
  });
}

/// True when two dimension sizes may be equal (equal or either dynamic).
static bool compatibleSizes(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) || a == b;
}

/// Checks that `actual` matches the `expected` shape (dynamic sizes match
/// anything).
static LogicalResult verifyResultShape(Operation *op, RankedTensorType actual,
                                       ArrayRef<int64_t> expected) {
  bool ok = actual.getRank() == static_cast<int64_t>(expected.size());
  for (auto [a, e] : llvm::zip(actual.getShape(), expected))
    ok = ok && compatibleSizes(a, e);
  if (!ok)
    return op->emitOpError()
           << "expected result shape " << formatShape(expected) << ", got "
           << formatShape(actual.getShape());
  return success();
}

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

ComparisonType CompareOp::getEffectiveCompareType() {
  if (std::optional<ComparisonType> type = getCompareType();
      type && *type != ComparisonType::NOTYPE)
    return *type;
  Type element = getElementTypeOrSelf(getLhs().getType());
  if (isa<FloatType, ComplexType>(element))
    return ComparisonType::FLOAT;
  if (element.isInteger(1) || element.isUnsignedInteger())
    return ComparisonType::UNSIGNED;
  return ComparisonType::SIGNED;
}

LogicalResult CompareOp::verify() {
  std::optional<ComparisonType> type = getCompareType();
  if (!type || *type == ComparisonType::NOTYPE)
    return success();
  // Complex numbers compare (EQ and NE) with the FLOAT type too.
  bool isFloat =
      isa<FloatType, ComplexType>(getElementTypeOrSelf(getLhs().getType()));
  bool wantsFloat =
      *type == ComparisonType::FLOAT || *type == ComparisonType::TOTALORDER;
  if (isFloat != wantsFloat)
    return emitOpError() << "compare type " << stringifyComparisonType(*type)
                         << " does not fit element type "
                         << getElementTypeOrSelf(getLhs().getType());
  return success();
}

/// A tensor of `reference`'s shape, or a 0-d tensor.
static bool isScalarOrSameShape(RankedTensorType type,
                                RankedTensorType reference) {
  if (type.getRank() == 0)
    return true;
  if (type.getRank() != reference.getRank())
    return false;
  for (auto [a, b] : llvm::zip(type.getShape(), reference.getShape()))
    if (!compatibleSizes(a, b))
      return false;
  return true;
}

LogicalResult SelectOp::verify() {
  auto onTrue = cast<RankedTensorType>(getOnTrue().getType());
  if (getOnFalse().getType() != onTrue || getResult().getType() != onTrue)
    return emitOpError() << "expected on_true, on_false and result to have "
                            "the same type, got "
                         << onTrue << ", " << getOnFalse().getType() << " and "
                         << getResult().getType();
  if (!isScalarOrSameShape(cast<RankedTensorType>(getPred().getType()), onTrue))
    return emitOpError() << "expected pred to be 0-d or of shape "
                         << formatShape(onTrue.getShape());
  return success();
}

LogicalResult ClampOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  if (getResult().getType() != operand)
    return emitOpError() << "expected result type " << operand << ", got "
                         << getResult().getType();
  for (auto [name, bound] :
       {std::pair<StringRef, Value>{"min", getMin()}, {"max", getMax()}}) {
    auto boundType = cast<RankedTensorType>(bound.getType());
    if (boundType.getElementType() != operand.getElementType())
      return emitOpError() << "expected " << name << " to have element type "
                           << operand.getElementType() << ", got "
                           << boundType.getElementType();
    if (!isScalarOrSameShape(boundType, operand))
      return emitOpError() << "expected " << name << " to be 0-d or of shape "
                           << formatShape(operand.getShape());
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

/// Whether the source text at `loc` starts with `prefix`. The parser's
/// buffers end in a NUL, which stops the comparison.
static bool sourceStartsWith(SMLoc loc, StringRef prefix) {
  const char *text = loc.getPointer();
  for (size_t i = 0; i < prefix.size(); ++i)
    if (text[i] == '\0' || text[i] != prefix[i])
      return false;
  return true;
}

/// Parses `dense<"0x...">` : type, the hex form of a dense constant. JAX
/// writes i1 tensors with one byte per element, which MLIR 22's parser
/// rejects (it expects one bit per element); both are accepted here. Other
/// element types keep MLIR's meaning: the raw little-endian data.
static ParseResult parseHexDenseConstant(OpAsmParser &parser,
                                         Attribute &value) {
  SMLoc loc = parser.getCurrentLocation();
  std::string hex;
  RankedTensorType type;
  if (parser.parseKeyword("dense") || parser.parseLess() ||
      parser.parseString(&hex) || parser.parseGreater() ||
      parser.parseColonType(type))
    return failure();
  std::string bytes;
  StringRef digits(hex);
  if (!digits.consume_front("0x") || !llvm::tryGetFromHex(digits, bytes))
    return parser.emitError(loc) << "expected hex data after 0x";
  if (type.getElementType().isInteger(1) &&
      static_cast<int64_t>(bytes.size()) == type.getNumElements()) {
    SmallVector<bool> bools;
    for (char byte : bytes) {
      if (byte != 0 && byte != 1)
        return parser.emitError(loc)
               << "expected bytes 0x00 or 0x01 for the elements of " << type;
      bools.push_back(byte == 1);
    }
    value = DenseElementsAttr::get(type, bools);
    return success();
  }
  ArrayRef<char> raw(bytes.data(), bytes.size());
  bool isSplat = false;
  if (!DenseElementsAttr::isValidRawBuffer(type, raw, isSplat))
    return parser.emitError(loc)
           << "elements hex data size is invalid for provided type: " << type;
  value = DenseElementsAttr::getFromRawBuffer(type, raw);
  return success();
}

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  if (parser.parseOptionalAttrDict(result.attributes))
    return failure();
  SMLoc loc = parser.getCurrentLocation();
  Attribute value;
  if (sourceStartsWith(loc, "dense<\"0x")) {
    if (parseHexDenseConstant(parser, value))
      return failure();
  } else if (parser.parseAttribute(value)) {
    return failure();
  }
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(loc) << "expected a dense elements attribute";
  result.addAttribute("value", elements);
  result.addTypes(elements.getType());
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {"value"});
  printer << ' ';
  printer.printAttribute(getValue());
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

LogicalResult ConstantOp::verify() {
  if (getValue().getType() != getType())
    return emitOpError() << "expected value of type " << getType() << ", got "
                         << getValue().getType();
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult IotaOp::verify() {
  auto type = cast<RankedTensorType>(getType());
  if (type.getRank() == 0)
    return emitOpError() << "expected a result of rank >= 1";
  int64_t dim = getIotaDimensionAttr().getInt();
  if (dim < 0 || dim >= type.getRank())
    return emitOpError() << "iota dimension " << dim
                         << " is out of range for rank " << type.getRank();
  return success();
}

LogicalResult BroadcastInDimOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  ArrayRef<int64_t> dims = getBroadcastDimensions();
  if (static_cast<int64_t>(dims.size()) != operand.getRank())
    return emitOpError() << "expected " << operand.getRank()
                         << " broadcast dimensions (the operand rank), got "
                         << dims.size();
  if (failed(verifyDimensionList(*this, "broadcast dimension", dims,
                                 result.getRank())))
    return failure();
  for (auto [index, dim] : llvm::enumerate(dims)) {
    int64_t operandSize = operand.getDimSize(index);
    if (operandSize != 1 &&
        !compatibleSizes(operandSize, result.getDimSize(dim)))
      return emitOpError() << "operand dimension " << index << " of size "
                           << operandSize
                           << " cannot broadcast to result dimension " << dim
                           << " of size " << result.getDimSize(dim);
  }
  return success();
}

LogicalResult ReshapeOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  if (operand.hasStaticShape() && result.hasStaticShape() &&
      operand.getNumElements() != result.getNumElements())
    return emitOpError() << "cannot reshape " << operand.getNumElements()
                         << " elements into " << result.getNumElements();
  return success();
}

LogicalResult TransposeOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  ArrayRef<int64_t> permutation = getPermutation();
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  if (static_cast<int64_t>(permutation.size()) != operand.getRank())
    return emitOpError() << "expected a permutation of " << operand.getRank()
                         << " dimensions, got " << permutation.size();
  if (failed(verifyDimensionList(*this, "permutation", permutation,
                                 operand.getRank())))
    return failure();
  SmallVector<int64_t> expected;
  for (int64_t dim : permutation)
    expected.push_back(operand.getDimSize(dim));
  return verifyResultShape(*this, result, expected);
}

LogicalResult ConcatenateOp::verify() {
  if (getInputs().empty())
    return emitOpError() << "expected at least one input";
  auto result = cast<RankedTensorType>(getType());
  auto first = cast<RankedTensorType>(getInputs().front().getType());
  int64_t dim = getDimensionAttr().getInt();
  if (dim < 0 || dim >= first.getRank())
    return emitOpError() << "dimension " << dim << " is out of range for rank "
                         << first.getRank();
  SmallVector<int64_t> expected(first.getShape());
  expected[dim] = 0;
  for (auto [index, input] : llvm::enumerate(getInputs())) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getElementType() != result.getElementType())
      return emitOpError() << "input " << index << " has element type "
                           << type.getElementType() << ", expected "
                           << result.getElementType();
    if (type.getRank() != first.getRank())
      return emitOpError() << "input " << index << " has rank "
                           << type.getRank() << ", expected "
                           << first.getRank();
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (d == dim)
        continue;
      if (!compatibleSizes(type.getDimSize(d), expected[d]))
        return emitOpError()
               << "input " << index << " has size " << type.getDimSize(d)
               << " in dimension " << d << ", expected " << expected[d];
      if (ShapedType::isDynamic(expected[d]))
        expected[d] = type.getDimSize(d);
    }
    if (ShapedType::isDynamic(type.getDimSize(dim)) ||
        ShapedType::isDynamic(expected[dim]))
      expected[dim] = ShapedType::kDynamic;
    else
      expected[dim] += type.getDimSize(dim);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult SliceOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto result = cast<RankedTensorType>(getType());
  if (failed(verifySameElementType(*this, operand, result)))
    return failure();
  int64_t rank = operand.getRank();
  if (!haveOneEntryPerDimension(
          rank, {getStartIndices(), getLimitIndices(), getStrides()}))
    return emitOpError() << "expected " << rank
                         << " start indices, limit indices and strides";
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t start = getStartIndices()[d], limit = getLimitIndices()[d],
            stride = getStrides()[d], size = operand.getDimSize(d);
    if (stride < 1)
      return emitOpError() << "stride " << stride << " in dimension " << d
                           << " must be positive";
    if (start < 0 || limit < start ||
        (!ShapedType::isDynamic(size) && limit > size))
      return emitOpError() << "slice " << start << ':' << limit
                           << " is out of bounds in dimension " << d
                           << " of size " << size;
    expected.push_back((limit - start + stride - 1) / stride);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult PadOp::verify() {
  auto operand = cast<RankedTensorType>(getOperand().getType());
  auto padValue = cast<RankedTensorType>(getPaddingValue().getType());
  auto result = cast<RankedTensorType>(getType());
  if (padValue.getRank() != 0)
    return emitOpError() << "expected a 0-d padding value";
  if (padValue.getElementType() != operand.getElementType() ||
      result.getElementType() != operand.getElementType())
    return emitOpError() << "expected operand, padding value and result to "
                            "have the same element type";
  int64_t rank = operand.getRank();
  if (!haveOneEntryPerDimension(
          rank,
          {getEdgePaddingLow(), getEdgePaddingHigh(), getInteriorPadding()}))
    return emitOpError() << "expected " << rank
                         << " low, high and interior padding values";
  SmallVector<int64_t> expected;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t low = getEdgePaddingLow()[d], high = getEdgePaddingHigh()[d],
            interior = getInteriorPadding()[d], size = operand.getDimSize(d);
    if (interior < 0)
      return emitOpError() << "interior padding " << interior
                           << " in dimension " << d << " must be >= 0";
    if (ShapedType::isDynamic(size)) {
      expected.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t padded =
        low + high + size + std::max<int64_t>(size - 1, 0) * interior;
    if (padded < 0)
      return emitOpError() << "padding makes dimension " << d << " negative ("
                           << padded << ")";
    expected.push_back(padded);
  }
  return verifyResultShape(*this, result, expected);
}

LogicalResult ReverseOp::verify() {
  return verifyDimensionList(
      *this, "dimension", getDimensions(),
      cast<RankedTensorType>(getOperand().getType()).getRank());
}

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
// Complex numbers
//===----------------------------------------------------------------------===//

/// The float type of the parts of `type`'s elements (the element type
/// itself when it is a float).
static Type getPartType(ShapedType type) {
  Type element = type.getElementType();
  if (auto complexType = dyn_cast<ComplexType>(element))
    return complexType.getElementType();
  return element;
}

/// real and imag: the result holds the parts of the operand's elements.
static LogicalResult verifyPartOf(Operation *op) {
  auto operand = cast<ShapedType>(op->getOperand(0).getType());
  auto result = cast<ShapedType>(op->getResult(0).getType());
  if (result.getElementType() != getPartType(operand))
    return op->emitOpError()
           << "expected a result of element type " << getPartType(operand)
           << ", got " << result.getElementType();
  return success();
}

LogicalResult RealOp::verify() { return verifyPartOf(*this); }
LogicalResult ImagOp::verify() { return verifyPartOf(*this); }

LogicalResult ComplexOp::verify() {
  auto result = cast<ShapedType>(getType());
  Type part = getPartType(result);
  if (getLhs().getType().getElementType() != part ||
      getRhs().getType().getElementType() != part)
    return emitOpError() << "expected parts of element type " << part;
  return success();
}

//===----------------------------------------------------------------------===//
// BitcastConvertOp
//===----------------------------------------------------------------------===//

unsigned mlir::yat::stablehlo::getElementBitWidth(Type type) {
  if (auto complexType = dyn_cast<ComplexType>(type))
    return 2 * complexType.getElementType().getIntOrFloatBitWidth();
  return type.getIntOrFloatBitWidth();
}

LogicalResult BitcastConvertOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType result = getType();
  unsigned operandWidth = getElementBitWidth(operand.getElementType());
  unsigned resultWidth = getElementBitWidth(result.getElementType());
  SmallVector<int64_t> expected(operand.getShape());
  if (operandWidth > resultWidth) {
    if (operandWidth % resultWidth)
      return emitOpError() << "cannot split " << operandWidth
                           << "-bit elements into " << resultWidth
                           << "-bit ones";
    expected.push_back(operandWidth / resultWidth);
  } else if (operandWidth < resultWidth) {
    if (resultWidth % operandWidth || operand.getRank() == 0 ||
        !compatibleSizes(operand.getShape().back(), resultWidth / operandWidth))
      return emitOpError() << "expected the operand's last dimension to hold "
                           << resultWidth / operandWidth << " " << operandWidth
                           << "-bit elements per " << resultWidth
                           << "-bit result element";
    expected.pop_back();
  }
  return verifyResultShape(*this, result, expected);
}

//===----------------------------------------------------------------------===//
// ConvolutionOp
//===----------------------------------------------------------------------===//

/// The window attribute `values` when present, else `count` times `fill`.
template <typename T>
static SmallVector<T> getValuesOrFill(std::optional<ArrayRef<T>> values,
                                      int64_t count, T fill) {
  if (values)
    return SmallVector<T>(*values);
  return SmallVector<T>(count, fill);
}

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

/// The (low, high) pairs of an N x 2 `padding` attribute, or `count` zero
/// pairs without one.
static SmallVector<std::pair<int64_t, int64_t>>
getPaddingPairsOrZero(std::optional<DenseIntElementsAttr> padding,
                      int64_t count) {
  SmallVector<std::pair<int64_t, int64_t>> result;
  if (padding) {
    SmallVector<int64_t> values(padding->getValues<int64_t>());
    for (size_t i = 0; i + 1 < values.size(); i += 2)
      result.push_back({values[i], values[i + 1]});
    return result;
  }
  result.assign(count, {0, 0});
  return result;
}

/// The number of positions of a window of `window` elements, `windowDilation`
/// apart, every `stride` elements, along a dimension of `size` elements
/// spread `baseDilation` apart and padded with `low` and `high`; -1 when the
/// padding makes the dimension negative.
static int64_t getWindowCount(int64_t size, int64_t baseDilation, int64_t low,
                              int64_t high, int64_t window,
                              int64_t windowDilation, int64_t stride) {
  int64_t dilated = size == 0 ? 0 : (size - 1) * baseDilation + 1;
  int64_t padded = low + dilated + high;
  if (padded < 0)
    return -1;
  int64_t dilatedWindow = window == 0 ? 0 : (window - 1) * windowDilation + 1;
  return padded < dilatedWindow || dilatedWindow == 0
             ? 0
             : (padded - dilatedWindow) / stride + 1;
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

/// Checks that `dims` are sorted (StableHLO requires it of window dims).
static LogicalResult verifySorted(Operation *op, StringRef name,
                                  ArrayRef<int64_t> dims) {
  if (!llvm::is_sorted(dims))
    return op->emitOpError()
           << name << " must be sorted, got " << formatShape(dims);
  return success();
}

/// A dimension list of a gather or scatter attribute and its name.
struct NamedDims {
  StringRef name;
  ArrayRef<int64_t> dims;
};

/// The dimension numbers that gather and scatter share: the operand dims
/// without a window (collapsed or inserted), the batching dims of the
/// operand and of the indices, the operand dims that the start indices
/// address, and the indices' index_vector_dim.
struct IndexingDims {
  NamedDims windowless, operandBatching, indicesBatching, startToOperand;
  int64_t indexVectorDim;
};

/// Checks what StableHLO requires of `dims` for an operand of rank
/// `operandRank` indexed by `indices`.
static LogicalResult verifyIndexingDims(Operation *op, int64_t operandRank,
                                        RankedTensorType indicesType,
                                        const IndexingDims &dims) {
  int64_t indicesRank = indicesType.getRank();
  if (!isa<IntegerType>(indicesType.getElementType()))
    return op->emitOpError()
           << "expected integer indices, got " << indicesType.getElementType();
  if (dims.indexVectorDim < 0 || dims.indexVectorDim > indicesRank)
    return op->emitOpError()
           << "index_vector_dim " << dims.indexVectorDim
           << " is out of range for indices of rank " << indicesRank;
  if (failed(verifySorted(op, dims.windowless.name, dims.windowless.dims)))
    return failure();
  for (auto [list, rank] : {std::pair(dims.windowless, operandRank),
                            std::pair(dims.operandBatching, operandRank),
                            std::pair(dims.indicesBatching, indicesRank),
                            std::pair(dims.startToOperand, operandRank)})
    if (failed(verifyDimensionList(op, list.name, list.dims, rank)))
      return failure();
  if (dims.operandBatching.dims.size() != dims.indicesBatching.dims.size())
    return op->emitOpError() << "expected as many " << dims.operandBatching.name
                             << " as " << dims.indicesBatching.name;
  if (llvm::is_contained(dims.indicesBatching.dims, dims.indexVectorDim))
    return op->emitOpError()
           << dims.indicesBatching.name << " must not contain index_vector_dim "
           << dims.indexVectorDim;
  for (int64_t dim : dims.windowless.dims)
    if (llvm::is_contained(dims.operandBatching.dims, dim))
      return op->emitOpError()
             << "dimension " << dim << " is in both " << dims.windowless.name
             << " and " << dims.operandBatching.name;
  for (int64_t dim : dims.startToOperand.dims)
    if (llvm::is_contained(dims.operandBatching.dims, dim))
      return op->emitOpError() << dims.startToOperand.name << " value " << dim
                               << " is a batching dimension";
  int64_t indexVectorSize = dims.indexVectorDim == indicesRank
                                ? 1
                                : indicesType.getDimSize(dims.indexVectorDim);
  if (ShapedType::isDynamic(indexVectorSize) ||
      indexVectorSize != static_cast<int64_t>(dims.startToOperand.dims.size()))
    return op->emitOpError()
           << "expected " << dims.startToOperand.dims.size()
           << " start indices per index vector (one per "
           << dims.startToOperand.name << "), got " << indexVectorSize;
  return success();
}

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

//===----------------------------------------------------------------------===//
// GatherOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType indices = getStartIndices().getType();
  RankedTensorType result = getType();
  GatherDimensionNumbersAttr dims = getDimensionNumbers();
  int64_t operandRank = operand.getRank(), indicesRank = indices.getRank();
  int64_t indexVectorDim = dims.getIndexVectorDim();
  ArrayRef<int64_t> offsetDims = dims.getOffsetDims();
  ArrayRef<int64_t> collapsed = dims.getCollapsedSliceDims();
  ArrayRef<int64_t> operandBatching = dims.getOperandBatchingDims();
  ArrayRef<int64_t> sliceSizes = getSliceSizes();
  if (failed(verifySameElementType(*this, operand, result)) ||
      failed(verifySorted(*this, "offset_dims", offsetDims)) ||
      failed(verifyDimensionList(*this, "offset_dims", offsetDims,
                                 result.getRank())) ||
      failed(verifyIndexingDims(
          *this, operandRank, indices,
          {{"collapsed_slice_dims", collapsed},
           {"operand_batching_dims", operandBatching},
           {"start_indices_batching_dims", dims.getStartIndicesBatchingDims()},
           {"start_index_map", dims.getStartIndexMap()},
           indexVectorDim})))
    return failure();
  if (static_cast<int64_t>(sliceSizes.size()) != operandRank)
    return emitOpError() << "expected " << operandRank << " slice sizes, got "
                         << sliceSizes.size();
  for (auto [d, size] : llvm::enumerate(sliceSizes)) {
    int64_t dimSize = operand.getDimSize(d);
    if (size < 0 || (!ShapedType::isDynamic(dimSize) && size > dimSize))
      return emitOpError() << "slice size " << size << " of dimension " << d
                           << " does not fit in the operand's " << dimSize;
    bool windowless = llvm::is_contained(collapsed, int64_t(d)) ||
                      llvm::is_contained(operandBatching, int64_t(d));
    if (windowless && size > 1)
      return emitOpError() << "expected slice size at most 1 for collapsed or "
                              "batching dimension "
                           << d << ", got " << size;
  }
  // The result: batch dims take the index dims' sizes in order, offset dims
  // the slice sizes of the dims that keep a window.
  SmallVector<int64_t> batchSizes, offsetSizes;
  for (int64_t d = 0; d < indicesRank; ++d)
    if (d != indexVectorDim)
      batchSizes.push_back(indices.getDimSize(d));
  for (int64_t d = 0; d < operandRank; ++d)
    if (!llvm::is_contained(collapsed, d) &&
        !llvm::is_contained(operandBatching, d))
      offsetSizes.push_back(sliceSizes[d]);
  if (offsetDims.size() != offsetSizes.size())
    return emitOpError() << "expected " << offsetSizes.size()
                         << " offset_dims (one per operand dimension that is "
                            "neither collapsed nor batching), got "
                         << offsetDims.size();
  SmallVector<int64_t> expected;
  size_t nextBatch = 0, nextOffset = 0;
  int64_t resultRank = offsetSizes.size() + batchSizes.size();
  for (int64_t d = 0; d < resultRank; ++d)
    expected.push_back(llvm::is_contained(offsetDims, d)
                           ? offsetSizes[nextOffset++]
                           : batchSizes[nextBatch++]);
  return verifyResultShape(*this, result, expected);
}

//===----------------------------------------------------------------------===//
// DynamicSliceOp, DynamicUpdateSliceOp
//===----------------------------------------------------------------------===//

/// Checks that there is one 0-d start index per dimension of `operand`.
static LogicalResult verifyStartIndices(Operation *op, RankedTensorType operand,
                                        ValueRange startIndices) {
  if (static_cast<int64_t>(startIndices.size()) != operand.getRank())
    return op->emitOpError()
           << "expected " << operand.getRank()
           << " start indices, one per dimension, got " << startIndices.size();
  for (auto [i, index] : llvm::enumerate(startIndices))
    if (cast<RankedTensorType>(index.getType()).getRank() != 0)
      return op->emitOpError()
             << "expected start index " << i << " to be a 0-d tensor";
  return success();
}

LogicalResult DynamicSliceOp::verify() {
  RankedTensorType operand = getOperand().getType();
  ArrayRef<int64_t> sizes = getSliceSizes();
  if (failed(verifySameElementType(*this, operand, getType())) ||
      failed(verifyStartIndices(*this, operand, getStartIndices())))
    return failure();
  if (static_cast<int64_t>(sizes.size()) != operand.getRank())
    return emitOpError() << "expected " << operand.getRank()
                         << " slice sizes, got " << sizes.size();
  for (auto [d, size] : llvm::enumerate(sizes)) {
    int64_t dimSize = operand.getDimSize(d);
    if (size < 0 || (!ShapedType::isDynamic(dimSize) && size > dimSize))
      return emitOpError() << "slice size " << size << " of dimension " << d
                           << " does not fit in the operand's " << dimSize;
  }
  return verifyResultShape(*this, getType(), sizes);
}

LogicalResult DynamicUpdateSliceOp::verify() {
  RankedTensorType operand = getOperand().getType();
  RankedTensorType update = getUpdate().getType();
  if (getType() != operand)
    return emitOpError() << "expected result type " << operand;
  if (update.getElementType() != operand.getElementType() ||
      update.getRank() != operand.getRank())
    return emitOpError() << "expected an update of rank " << operand.getRank()
                         << " and element type " << operand.getElementType();
  for (auto [d, sizes] :
       llvm::enumerate(llvm::zip(update.getShape(), operand.getShape()))) {
    auto [size, dimSize] = sizes;
    if (!ShapedType::isDynamic(size) && !ShapedType::isDynamic(dimSize) &&
        size > dimSize)
      return emitOpError() << "update dimension " << d << " of size " << size
                           << " does not fit in the operand's " << dimSize;
  }
  return verifyStartIndices(*this, operand, getStartIndices());
}

//===----------------------------------------------------------------------===//
// WhileOp
//===----------------------------------------------------------------------===//

/// `(%iterArg = %init, ...) : types cond {...} do {...}`: both regions take
/// the loop-carried values under the names given in the header.
ParseResult WhileOp::parse(OpAsmParser &parser, OperationState &result) {
  SmallVector<OpAsmParser::Argument> iterArgs;
  SmallVector<OpAsmParser::UnresolvedOperand> inits;
  SMLoc initsLoc = parser.getCurrentLocation();
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Paren, [&]() -> ParseResult {
            OpAsmParser::Argument arg;
            OpAsmParser::UnresolvedOperand init;
            if (parser.parseArgument(arg) || parser.parseEqual() ||
                parser.parseOperand(init))
              return failure();
            iterArgs.push_back(arg);
            inits.push_back(init);
            return success();
          }))
    return failure();
  SmallVector<Type> types;
  if (!iterArgs.empty() && (parser.parseColon() || parser.parseTypeList(types)))
    return failure();
  if (types.size() != iterArgs.size())
    return parser.emitError(initsLoc)
           << "expected " << iterArgs.size() << " types, got " << types.size();
  for (auto [arg, type] : llvm::zip(iterArgs, types))
    arg.type = type;
  if (parser.resolveOperands(inits, types, initsLoc, result.operands) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes) ||
      parser.parseKeyword("cond") ||
      parser.parseRegion(*result.addRegion(), iterArgs) ||
      parser.parseKeyword("do") ||
      parser.parseRegion(*result.addRegion(), iterArgs))
    return failure();
  result.addTypes(types);
  return success();
}

void WhileOp::print(OpAsmPrinter &printer) {
  Block &cond = getCond().front();
  printer << '(';
  llvm::interleaveComma(
      llvm::zip(cond.getArguments(), getOperand()), printer, [&](auto pair) {
        printer << std::get<0>(pair) << " = " << std::get<1>(pair);
      });
  printer << ')';
  if (!getOperand().empty())
    printer << " : " << getOperand().getTypes();
  printer.printOptionalAttrDictWithKeyword((*this)->getAttrs());
  printer << " cond ";
  printer.printRegion(getCond(), /*printEntryBlockArgs=*/false);
  printer << " do ";
  printer.shadowRegionArgs(getBody(), cond.getArguments());
  printer.printRegion(getBody(), /*printEntryBlockArgs=*/false);
}

LogicalResult WhileOp::verify() {
  if (getResultTypes() != getOperand().getTypes())
    return emitOpError() << "expected results of the operands' types";
  return success();
}

/// The branches of if and case take no arguments and return the op's
/// result types.
static LogicalResult verifyBranches(Operation *op,
                                    MutableArrayRef<Region> branches) {
  for (auto [index, branch] : llvm::enumerate(branches)) {
    Block &block = branch.front();
    auto ret = block.empty() ? nullptr : dyn_cast<ReturnOp>(block.back());
    if (block.getNumArguments() != 0 || !ret ||
        ret.getOperandTypes() != op->getResultTypes())
      return op->emitOpError()
             << "expected branch " << index
             << " to take no arguments and return the result types";
  }
  return success();
}

LogicalResult IfOp::verifyRegions() {
  if (cast<RankedTensorType>(getPred().getType()).getRank() != 0)
    return emitOpError() << "expected a 0-d predicate";
  return verifyBranches(*this, (*this)->getRegions());
}

LogicalResult CaseOp::verify() {
  if (getIndex().getType().getRank() != 0)
    return emitOpError() << "expected a 0-d index";
  if (getBranches().empty())
    return emitOpError() << "expected at least one branch";
  return success();
}

LogicalResult CaseOp::verifyRegions() {
  return verifyBranches(*this, getBranches());
}

LogicalResult WhileOp::verifyRegions() {
  TypeRange types = getOperand().getTypes();
  for (auto [name, region] : {std::pair(StringRef("cond"), &getCond()),
                              std::pair(StringRef("body"), &getBody())}) {
    Block &block = region->front();
    if (block.getArgumentTypes() != types)
      return emitOpError() << "expected the " << name
                           << " to take the loop-carried values";
  }
  Block &cond = getCond().front();
  auto condReturn = cond.empty() ? nullptr : dyn_cast<ReturnOp>(cond.back());
  auto predicate = RankedTensorType::get({}, IntegerType::get(getContext(), 1));
  if (!condReturn || condReturn.getNumOperands() != 1 ||
      condReturn.getOperand(0).getType() != predicate)
    return emitOpError() << "expected the cond to return one tensor<i1>";
  Block &body = getBody().front();
  auto bodyReturn = body.empty() ? nullptr : dyn_cast<ReturnOp>(body.back());
  if (!bodyReturn || bodyReturn.getOperandTypes() != types)
    return emitOpError() << "expected the body to return the loop-carried "
                            "values";
  return success();
}

//===----------------------------------------------------------------------===//
// ReturnOp
//===----------------------------------------------------------------------===//

LogicalResult ReturnOp::verify() {
  Operation *parent = (*this)->getParentOp();
  if (isa_and_nonnull<CaseOp, IfOp, ReduceOp, ReduceWindowOp, ScatterOp,
                      SelectAndScatterOp, SortOp, WhileOp>(parent))
    return success();
  // A generic-form op outside the subset is verified after its body: name
  // it here rather than complain about its terminator.
  if (parent && !parent->isRegistered() &&
      parent->getName().getDialectNamespace() ==
          StablehloDialect::getDialectNamespace())
    return parent->emitOpError()
           << "is not in yat's StableHLO subset (see docs/STABLEHLO.md)";
  return emitOpError() << "expects parent op to be one of 'stablehlo.case, "
                          "stablehlo.if, stablehlo.reduce, "
                          "stablehlo.reduce_window, stablehlo.scatter, "
                          "stablehlo.select_and_scatter, stablehlo.sort, "
                          "stablehlo.while'";
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

void CustomCallOp::getEffects(
    SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>>
        &effects) {
  if (!getHasSideEffect())
    return;
  effects.emplace_back(MemoryEffects::Read::get());
  effects.emplace_back(MemoryEffects::Write::get());
}

LogicalResult
CompositeOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto callee = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getDecompositionAttr());
  if (!callee)
    return emitOpError() << "decomposition " << getDecompositionAttr()
                         << " does not name a function";
  auto fnType = dyn_cast<FunctionType>(callee.getFunctionType());
  if (!fnType || TypeRange(fnType.getInputs()) != getOperandTypes() ||
      TypeRange(fnType.getResults()) != getResultTypes())
    return emitOpError() << "decomposition " << getDecompositionAttr()
                         << " has type " << callee.getFunctionType()
                         << ", which does not match the composite";
  return success();
}

//===----------------------------------------------------------------------===//
// TupleOp and GetTupleElementOp
//===----------------------------------------------------------------------===//

void TupleOp::build(OpBuilder &builder, OperationState &state,
                    ValueRange values) {
  build(builder, state, TupleType::get(builder.getContext(), values.getTypes()),
        values);
}

LogicalResult TupleOp::verify() {
  if (TypeRange(cast<TupleType>(getType()).getTypes()) != getVal().getTypes())
    return emitOpError() << "expected result type " << getType()
                         << " to be the tuple of the operand types";
  return success();
}

void GetTupleElementOp::build(OpBuilder &builder, OperationState &state,
                              Value tuple, int32_t index) {
  build(builder, state, cast<TupleType>(tuple.getType()).getType(index), tuple,
        builder.getI32IntegerAttr(index));
}

LogicalResult GetTupleElementOp::verify() {
  auto tuple = cast<TupleType>(getOperand().getType());
  int64_t index = getIndex();
  if (index < 0 || index >= static_cast<int64_t>(tuple.size()))
    return emitOpError() << "index " << index << " is out of range for "
                         << tuple;
  if (tuple.getType(index) != getType())
    return emitOpError() << "expected result type " << tuple.getType(index)
                         << " of element " << index << ", got " << getType();
  return success();
}

OpFoldResult GetTupleElementOp::fold(FoldAdaptor) {
  if (auto tuple = getOperand().getDefiningOp<TupleOp>())
    return tuple.getVal()[getIndex()];
  return {};
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

//===----------------------------------------------------------------------===//
// RngBitGeneratorOp
//===----------------------------------------------------------------------===//

LogicalResult RngBitGeneratorOp::verify() {
  auto stateType = cast<RankedTensorType>(getInitialState().getType());
  if (getOutputState().getType() != stateType)
    return emitOpError() << "expected output_state of the initial state's type "
                         << stateType << ", got " << getOutputState().getType();
  if (stateType.getRank() != 1)
    return emitOpError() << "expected a 1-d initial state, got " << stateType;
  int64_t size = stateType.getDimSize(0);
  RngAlgorithm algorithm = getRngAlgorithm();
  bool sizeOk = algorithm == RngAlgorithm::THREE_FRY ? size == 2
                : algorithm == RngAlgorithm::PHILOX  ? size == 2 || size == 3
                                                     : true;
  if (!sizeOk)
    return emitOpError() << "expected a state of "
                         << (algorithm == RngAlgorithm::THREE_FRY ? "2"
                                                                  : "2 or 3")
                         << " elements for " << stringifyRngAlgorithm(algorithm)
                         << ", got " << stateType;
  if (cast<RankedTensorType>(getOutput().getType())
          .getElementType()
          .isInteger(1))
    return emitOpError() << "expected an output of integers or floats, got "
                         << getOutput().getType();
  return success();
}
