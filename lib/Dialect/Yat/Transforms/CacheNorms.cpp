//===- CacheNorms.cpp - compute weight norms once -------------------------===//

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::yat {
#define GEN_PASS_DEF_YATCACHENORMS
#include "yat/Dialect/Yat/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

namespace {

/// Hands out one `yat.squared_norms` per (weight, reduced dims), placed right
/// after the weight's definition so that it is loop-invariant wherever the
/// weight is, and folded to a constant when the weight is constant.
class NormCache {
public:
  Value get(OpBuilder &builder, Value weight, ArrayRef<int64_t> dims) {
    auto key = std::make_pair(weight, SmallVector<int64_t>(dims));
    auto it = cache.find(key);
    if (it != cache.end())
      return it->second;
    OpBuilder::InsertionGuard guard(builder);
    if (Operation *def = weight.getDefiningOp())
      builder.setInsertionPointAfter(def);
    else
      builder.setInsertionPointToStart(cast<BlockArgument>(weight).getOwner());
    Value norms =
        builder.createOrFold<SquaredNormsOp>(weight.getLoc(), weight, dims);
    cache.try_emplace(key, norms);
    return norms;
  }

private:
  struct KeyInfo {
    using Key = std::pair<Value, SmallVector<int64_t>>;
    static Key getEmptyKey() {
      return {DenseMapInfo<Value>::getEmptyKey(), {}};
    }
    static Key getTombstoneKey() {
      return {DenseMapInfo<Value>::getTombstoneKey(), {}};
    }
    static unsigned getHashValue(const Key &key) {
      return llvm::hash_combine(
          DenseMapInfo<Value>::getHashValue(key.first),
          llvm::hash_combine_range(key.second.begin(), key.second.end()));
    }
    static bool isEqual(const Key &lhs, const Key &rhs) { return lhs == rhs; }
  };
  DenseMap<std::pair<Value, SmallVector<int64_t>>, Value, KeyInfo> cache;
};

struct YatCacheNormsPass
    : public mlir::yat::impl::YatCacheNormsBase<YatCacheNormsPass> {
  void runOnOperation() override {
    NormCache cache;
    OpBuilder builder(&getContext());
    SmallVector<Operation *> worklist;
    getOperation()->walk([&](Operation *op) {
      if (isa<ProductOp, ConvOp>(op))
        worklist.push_back(op);
    });
    for (Operation *op : worklist) {
      builder.setInsertionPoint(op);
      if (auto product = dyn_cast<ProductOp>(op)) {
        Value norms = cache.get(builder, product.getW(), {1});
        auto cached = ProductWithNormsOp::create(
            builder, product.getLoc(), product.getType(), product.getX(),
            product.getW(), norms, product.getBias(), product.getEpsilon(),
            product.getAlpha());
        product.replaceAllUsesWith(cached.getResult());
        product.erase();
        continue;
      }
      auto conv = cast<ConvOp>(op);
      int64_t filterRank = conv.getFilter().getType().getRank();
      SmallVector<int64_t> dims =
          llvm::to_vector(llvm::seq<int64_t>(0, filterRank - 1));
      Value norms = cache.get(builder, conv.getFilter(), dims);
      auto cached = ConvWithNormsOp::create(
          builder, conv.getLoc(), conv.getType(), conv.getInput(),
          conv.getFilter(), norms, conv.getBias(), conv.getStridesAttr(),
          conv.getPaddingAttr(), conv.getDilationsAttr(), conv.getGroupsAttr(),
          conv.getEpsilonAttr(), conv.getAlphaAttr());
      conv.replaceAllUsesWith(cached.getResult());
      conv.erase();
    }
  }
};

} // namespace
