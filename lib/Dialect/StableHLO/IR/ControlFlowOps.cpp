//===- ControlFlowOps.cpp - while, if, case, calls and tuples -------------===//

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
