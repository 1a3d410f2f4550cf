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

    - `memref.alloc` outside GPU code becomes `gpu.alloc host_shared`, and
      `memref.dealloc` of such a buffer a `gpu.dealloc` on a stream that is
      waited for (gpu-to-llvm lowers only the async form);
    - a constant (`memref.get_global`) read by GPU code is copied once per
      call into such a buffer, released at the end of the function unless
      it is returned.

    Function arguments are the caller's: the runtime passes buffers the
    device can read. Kernels inside `gpu.launch` and `gpu.func` are left
    alone.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::memref::MemRefDialect"];
}

#endif // YAT_CODEGEN_GPU_PASSES
