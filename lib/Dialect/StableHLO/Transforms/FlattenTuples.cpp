//===- FlattenTuples.cpp - the stablehlo-flatten-tuples pass --------------===//
//
// Older HLO, and JAX programs that build loops by hand, carry several values
// through stablehlo.while, if and case as one (possibly nested) tuple. The
// lowering knows only tensors, so every tuple-typed operand, result, block
// argument and function argument is replaced by its elements first, depth
// first, and the tuple and get_tuple_element ops then fold away.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/StableHLO/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "yat/Support/TupleTypes.h"

#define DEBUG_TYPE "stablehlo-flatten-tuples"

namespace mlir::yat {
#define GEN_PASS_DEF_STABLEHLOFLATTENTUPLES
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;
namespace shlo = mlir::yat::stablehlo;

static bool isTuple(Type type) { return isa<TupleType>(type); }

/// Appends the tensors that `value` holds to `leaves`, depth first, reading
/// them from the stablehlo.tuple that built it where there is one.
static void appendLeaves(OpBuilder &builder, Value value,
                         SmallVectorImpl<Value> &leaves) {
  auto tupleType = dyn_cast<TupleType>(value.getType());
  if (!tupleType) {
    leaves.push_back(value);
    return;
  }
  if (auto tuple = value.getDefiningOp<shlo::TupleOp>()) {
    for (Value element : tuple.getVal())
      appendLeaves(builder, element, leaves);
    return;
  }
  for (int32_t index = 0, e = tupleType.size(); index < e; ++index)
    appendLeaves(
        builder,
        shlo::GetTupleElementOp::create(builder, value.getLoc(), value, index),
        leaves);
}

static SmallVector<Value> flattenValues(OpBuilder &builder, ValueRange values) {
  SmallVector<Value> leaves;
  for (Value value : values)
    appendLeaves(builder, value, leaves);
  return leaves;
}

/// Builds a value of `type` from the front of `leaves` and drops what it
/// used.
static Value rebuildValue(OpBuilder &builder, Location loc, Type type,
                          ArrayRef<Value> &leaves) {
  auto tupleType = dyn_cast<TupleType>(type);
  if (!tupleType) {
    Value leaf = leaves.front();
    leaves = leaves.drop_front();
    return leaf;
  }
  SmallVector<Value> elements;
  for (Type elementType : tupleType.getTypes())
    elements.push_back(rebuildValue(builder, loc, elementType, leaves));
  return shlo::TupleOp::create(builder, loc, elements);
}

/// Replaces each tuple argument of `block` by arguments for its elements.
static void flattenBlockArguments(OpBuilder &builder, Block &block) {
  for (unsigned position = 0; position < block.getNumArguments();) {
    BlockArgument argument = block.getArgument(position);
    if (!isTuple(argument.getType())) {
      ++position;
      continue;
    }
    SmallVector<Type> leafTypes = flattenTupleTypes(argument.getType());
    SmallVector<Value> leaves;
    for (auto [offset, leafType] : llvm::enumerate(leafTypes))
      leaves.push_back(block.insertArgument(position + 1 + offset, leafType,
                                            argument.getLoc()));
    builder.setInsertionPointToStart(&block);
    ArrayRef<Value> remaining = leaves;
    argument.replaceAllUsesWith(rebuildValue(builder, argument.getLoc(),
                                             argument.getType(), remaining));
    block.eraseArgument(position);
    position += leafTypes.size();
  }
}

/// Replaces the tuple operands of a terminator by their elements.
static void flattenTerminatorOperands(OpBuilder &builder,
                                      Operation *terminator) {
  if (llvm::none_of(terminator->getOperandTypes(), isTuple))
    return;
  builder.setInsertionPoint(terminator);
  terminator->setOperands(flattenValues(builder, terminator->getOperands()));
}

/// Recreates `op` (while, if, case or func.call) on the elements of its
/// tuple operands and results, moving its regions over.
static void flattenRegionOp(OpBuilder &builder, Operation *op) {
  builder.setInsertionPoint(op);
  OperationState state(op->getLoc(), op->getName());
  state.addOperands(flattenValues(builder, op->getOperands()));
  state.addTypes(flattenTupleTypes(op->getResultTypes()));
  state.addAttributes(op->getAttrs());
  for (unsigned i = 0, e = op->getNumRegions(); i < e; ++i)
    state.addRegion();
  Operation *flat = builder.create(state);
  for (auto [from, to] : llvm::zip(op->getRegions(), flat->getRegions())) {
    to.takeBody(from);
    for (Block &block : to) {
      flattenBlockArguments(builder, block);
      if (auto ret = dyn_cast<shlo::ReturnOp>(block.getTerminator()))
        flattenTerminatorOperands(builder, ret);
    }
  }
  builder.setInsertionPointAfter(flat);
  SmallVector<Value> flatResults(flat->getResults());
  ArrayRef<Value> remaining = flatResults;
  SmallVector<Value> replacements;
  for (Type type : op->getResultTypes())
    replacements.push_back(
        rebuildValue(builder, op->getLoc(), type, remaining));
  op->replaceAllUsesWith(replacements);
  op->erase();
}

/// The argument or result attributes of a flattened signature: the
/// elements of a tuple get none.
static ArrayAttr flattenAttributes(Builder &builder, ArrayAttr attributes,
                                   TypeRange types) {
  if (!attributes)
    return nullptr;
  SmallVector<Attribute> flat;
  for (auto [attribute, type] : llvm::zip(attributes, types)) {
    if (!isTuple(type)) {
      flat.push_back(attribute);
      continue;
    }
    flat.append(flattenTupleTypes(type).size(), builder.getDictionaryAttr({}));
  }
  return builder.getArrayAttr(flat);
}

static void flattenFunction(OpBuilder &builder, func::FuncOp function) {
  FunctionType type = function.getFunctionType();
  function.setFunctionType(FunctionType::get(
      function.getContext(), flattenTupleTypes(type.getInputs()),
      flattenTupleTypes(type.getResults())));
  if (ArrayAttr attributes = function.getArgAttrsAttr())
    function.setArgAttrsAttr(
        flattenAttributes(builder, attributes, type.getInputs()));
  if (ArrayAttr attributes = function.getResAttrsAttr())
    function.setResAttrsAttr(
        flattenAttributes(builder, attributes, type.getResults()));
  if (function.isExternal())
    return;
  flattenBlockArguments(builder, function.getBody().front());
  function.walk(
      [&](func::ReturnOp ret) { flattenTerminatorOperands(builder, ret); });
}

/// Folds get_tuple_element of stablehlo.tuple (the op's own folder) and
/// erases the tuples that are left unused.
static void foldTuples(ModuleOp module) {
  module.walk([](shlo::GetTupleElementOp get) {
    SmallVector<OpFoldResult, 1> folded;
    if (succeeded(get->fold(folded)) && !folded.empty()) {
      get.replaceAllUsesWith(cast<Value>(folded.front()));
      get.erase();
    }
  });
  // Outer tuples first, so that the tuples they hold become unused too.
  SmallVector<shlo::TupleOp> tuples;
  module.walk([&](shlo::TupleOp tuple) { tuples.push_back(tuple); });
  for (shlo::TupleOp tuple : llvm::reverse(tuples))
    if (tuple->use_empty())
      tuple.erase();
}

namespace {

struct StablehloFlattenTuplesPass
    : public mlir::yat::impl::StablehloFlattenTuplesBase<
          StablehloFlattenTuplesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto hasTuple = [](Operation *op) {
      return llvm::any_of(op->getOperandTypes(), isTuple) ||
             llvm::any_of(op->getResultTypes(), isTuple);
    };
    SmallVector<Operation *> regionOps;
    SmallVector<func::FuncOp> functions;
    module.walk([&](Operation *op) {
      if (isa<shlo::WhileOp, shlo::IfOp, shlo::CaseOp, func::CallOp>(op) &&
          hasTuple(op))
        regionOps.push_back(op);
      if (auto function = dyn_cast<func::FuncOp>(op);
          function &&
          (llvm::any_of(function.getFunctionType().getInputs(), isTuple) ||
           llvm::any_of(function.getFunctionType().getResults(), isTuple)))
        functions.push_back(function);
    });
    OpBuilder builder(module.getContext());
    for (Operation *op : regionOps)
      flattenRegionOp(builder, op);
    for (func::FuncOp function : functions)
      flattenFunction(builder, function);
    foldTuples(module);
  }
};

} // namespace
