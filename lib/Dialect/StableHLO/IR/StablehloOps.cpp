//===- StablehloOps.cpp - the StableHLO op subset -------------------------===//
//
// Custom syntax (JAX's pretty form) and the op definitions, with the
// verifiers of the elementwise ops, constants and rng_bit_generator. The
// other families' verifiers and parsers live in DataMovementOps.cpp,
// ContractionOps.cpp, ReductionOps.cpp and ControlFlowOps.cpp. Verifiers
// check the shape rules that the lowering relies on, so that malformed
// input is reported instead of reaching the lowering.
//
//===----------------------------------------------------------------------===//

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
