//===- Passes.td - yat's GPU code generation passes --------*- tablegen -*-===//

#ifndef YAT_CODEGEN_GPU_PASSES
#define YAT_CODEGEN_GPU_PASSES

include "mlir/Pass/PassBase.td"

def YatGpuHostSharedAllocations
    : Pass<"yat-gpu-host-shared-allocations", "::mlir::func::FuncOp"> {
  let summary = "Put the buffers of host code in memory the GPU can read";
  let description = [{
    The generic GPU mapping of `yat-gpu-pipeline` runs loop nests as
    kernels on the buffers that bufferization made for host code. This pass
    gives every such buffer memory that both the host and the device can
    access (`gpu.alloc host_shared`, CUDA managed memory):

    - a `memref.copy` outside GPU code between whole buffers of one type
      becomes a `gpu.memcpy` on a stream that is waited for (the driver's
      copy takes host, managed and device memory alike);
    - `memref.alloc` outside GPU code becomes `gpu.alloc`: device memory
      when only kernels, driver copies and frees touch the buffer (managed
      memory would migrate its pages at the first touch of every call),
      `host_shared` otherwise; `memref.dealloc` of such a buffer becomes a
      `gpu.dealloc` on a stream that is waited for (gpu-to-llvm lowers only
      the async form);
    - a constant global (`memref.get_global` of a `constant`
      `memref.global`) that a kernel reads moves into the kernel, with the
      views of it (upstream's `sinkOperationsIntoLaunchOp`): kernel
      outlining then copies the global into the GPU module, where it lives
      in device memory from the module's load on, instead of being copied
      per call; the host keeps its own for what it reads;
    - any other global that GPU code reads is copied once per call into a
      host-shared buffer, released at the end of the function unless it is
      returned.

    Function arguments are the caller's: the runtime passes buffers the
    device can read. Kernels inside `gpu.launch` and `gpu.func` are left
    alone.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect"];
}

def YatGpuTensorCoreMatmul
    : Pass<"yat-gpu-tensor-core-matmul", "::mlir::func::FuncOp"> {
  let summary = "Run matmuls on the tensor cores with mma.sync";
  let description = [{
    On buffers, before the generic GPU mapping: a `linalg.matmul` of f16
    or bf16 operands into an f32 accumulator (f32 operands too with `tf32`)
    becomes a `gpu.launch` that computes it with warp-level
    `nvgpu.mma.sync` (m16n8k16; m16n8k8 for tf32; NVVM's `mma.sync` for
    bf16, which `nvgpu.mma.sync` cannot lower in MLIR 22):

    - blocks of 128 x 128 elements of the result with 8 warps (64 x 64 with
      4 warps when 128 does not divide M or N), each warp a 64 x 32 (32 x
      32) tile whose accumulators stay in registers along K;
    - K in steps of 64 bytes of a row of A (32 f16/bf16, 16 f32); the A
      and B tiles of a step are copied to workgroup memory with cp.async
      (`nvgpu.device_async_copy`, 16 bytes each, bypassing L1) in two
      stages, so that the copy of the next step overlaps the mma.sync of
      this one;
    - fragments read with `nvgpu.ldmatrix` (transposed for B; a tf32 B
      fragment, which ldmatrix cannot transpose, with plain loads), from
      rows padded so that one ldmatrix hits 8 distinct bank groups.

    The epilogue: when the result buffer is an allocation filled with a
    constant right before the matmul and read afterwards only by one
    elementwise `linalg.generic` (2 parallel loops, the result read with
    the identity map, other inputs with projections such as a
    `yat.product`'s row and column norms, one output of the same shape),
    and nothing between the two writes the matmul's operands, the kernel
    takes the generic's place: the accumulators start from the constant,
    the generic's body runs on them and its output is stored; the fill,
    the generic and the result buffer are gone. Otherwise the accumulators
    start from the result buffer (whatever init it holds) and are stored
    back into it. Operands must be static,
    row-major (identity layout) buffers whose sizes are multiples of the
    block tile and of the K step; other matmuls are left to the generic
    mapping.
  }];
  let options = [
    Option<"tf32", "tf32", "bool", /*default=*/"false",
           "Run f32 matmuls on the tf32 tensor cores (10-bit mantissas in "
           "the products)">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::gpu::GPUDialect",
    "::mlir::LLVM::LLVMDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::NVVM::NVVMDialect",
    "::mlir::nvgpu::NVGPUDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def YatGpuAlignWorkgroupMemory
    : Pass<"yat-gpu-align-workgroup-memory", "::mlir::gpu::GPUModuleOp"> {
  let summary = "Align the workgroup memory of kernels for 16-byte accesses";
  let description = [{
    Gives every workgroup attribution of the kernels (`gpu.func`) of a
    `gpu.module` at least `alignment` bytes of alignment (`llvm.align`,
    which the NVVM lowering puts on the shared-memory global); a larger
    alignment already there stays. Without it the global is aligned to
    its element type, too little for the 16-byte `cp.async` copies and
    `ldmatrix` rows of `yat-gpu-tensor-core-matmul`'s f16 tiles.
    `gpu.launch` has no attribute for it, so this runs after kernel
    outlining.
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"16",
           "Fewest bytes of alignment of a workgroup attribution">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def YatGpuTernaryMatmul
    : Pass<"yat-gpu-ternary-matmul", "::mlir::func::FuncOp"> {
  let summary = "Run yat-pack-ternary's contractions on dp4a";
  let description = [{
    On buffers, before the generic GPU mapping: the ternary contraction of
    `yat-pack-ternary` (`acc[m, nb, c] += act · (((w[nb, kb, c, j] >> 2i) &
    3) − 1)` over 64-byte blocks of 16 channels x 16 reduction positions)
    becomes a `gpu.launch` on the CUDA cores' byte dot products
    (`nvvm.dot.accumulate.4way`, PTX `dp4a`):

    - one warp per weight block row and output row, 4 warps a block; the
      lanes take every 32nd K block and read its 64 bytes as four aligned
      16-byte loads, so a warp streams 2 KiB of consecutive weights a step;
    - a channel's 4-byte word, shifted right by 2i and masked with
      0x03030303, holds the codes `t + 1` of 4 consecutive K positions: the
      unsigned operand of dp4a, whose signed operand is the 4 activations;
      a dp4a against ones sums the activations, subtracted once at the end;
    - the activation is the contraction's int8 input, or the quantization
      that elementwise fusion moved into its body, evaluated on the inputs
      it reads (which must not depend on the output channel);
    - xor shuffles sum the lanes; lane 0 adds the 16 channels to the
      accumulator, or stores them when a zero fill of the accumulator is
      right before the contraction (the fill is dropped).

    The weights and the accumulator must be contiguous buffers.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::gpu::GPUDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::NVVM::NVVMDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def YatGpuWarpReductions
    : Pass<"yat-gpu-warp-reductions", "::mlir::func::FuncOp"> {
  let summary = "Run innermost reductions with one warp per output element";
  let description = [{
    On buffers, before the generic GPU mapping: a `linalg.generic` whose
    innermost loop is its only reduction, with one output of f32 or i32
    (what `gpu.shuffle` moves) indexed by the other loops, whose body
    combines an element computed from the inputs into the output with one
    associative, commutative op (`arith.addf`, `mulf`, `maximumf`,
    `minimumf`; `addi`, `muli`, `andi`, `ori`, `xori`, `maxsi`, `minsi`,
    `maxui`, `minui`), becomes a `gpu.launch` with one warp per output
    element, 4 warps a block: the lanes combine every 32nd element from the
    combiner's identity, xor shuffles combine the lanes, and lane 0
    combines the total into the output. The sums of norms, softmax's
    maximum and sum and a row's absmax before quantization are such
    reductions; the generic mapping would walk each of them in a single
    thread. Reductions of fewer than 32 elements are left to it.

    Float sums are combined in another order than a sequential loop's, as
    on every parallel target.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::gpu::GPUDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

def YatGpuPointwiseLoops
    : Pass<"yat-gpu-pointwise-loops", "::mlir::func::FuncOp"> {
  let summary = "Run a sequential loop of pointwise steps as one kernel";
  let description = [{
    On buffers, before the generic GPU mapping: an `scf.for` without
    results whose body holds only index arithmetic, `memref.subview`s and
    elementwise `linalg.generic`s over one static iteration space with
    every operand indexed by the identity becomes one `gpu.launch` with a
    thread per point of that space (256 a block), each running the whole
    loop for its point: the generics' bodies on the elements at that point,
    in the loop's order. This is how the reference lowering of
    `yat.linear_recurrence` steps through T (`h_t = a_t·h_{t−1} + b_t` on
    the [B, D] slices at t): every step reads and writes only the point it
    runs at, so the points are independent. So that no point reads in one
    iteration what another wrote in an earlier one, every operand of the
    generics is a buffer that is no view, or a subview made in the loop of
    such a buffer that keeps whole dims (offset 0, stride 1) and selects,
    by the iteration, only along the dims it drops. The generic mapping
    would launch a kernel per iteration.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::gpu::GPUDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::scf::SCFDialect",
  ];
}

#endif // YAT_CODEGEN_GPU_PASSES
