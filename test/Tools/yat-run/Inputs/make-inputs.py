"""Writes the .npy fixtures of the yat-run tests into the directory given as
the only argument: well-formed arrays of every supported dtype, the other
.npy header versions, and files that are malformed in one way each."""

import pathlib
import sys

import numpy as np

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def save(name, array):
    np.save(out / name, array)


def write_raw(name, data):
    (out / name).write_bytes(data)


def npy_bytes(header, data=b"", version=(1, 0)):
    """A hand-made .npy file: magic, version, header length, header, data."""
    text = header.encode("latin1")
    length = len(text).to_bytes(2 if version[0] == 1 else 4, "little")
    return b"\x93NUMPY" + bytes(version) + length + text + data


# Well-formed arrays.
save("a_2x3_f32.npy", np.arange(6, dtype=np.float32).reshape(2, 3))
save("b_3x4_f32.npy", np.arange(12, dtype=np.float32).reshape(3, 4))
save("c_3x4_f32.npy", (np.arange(12, dtype=np.float32).reshape(3, 4) - 5) / 4)
save("v_4_f32.npy", np.array([1.5, -2.0, 0.25, 3.0], np.float32))
save("v_4_f64.npy", np.array([1.5, -2.0, 0.25, 1.0 / 3.0], np.float64))
save("v_4_f16.npy", np.array([1.5, -2.0, 0.25, 1.0 / 3.0], np.float16))
save("v_4_i8.npy", np.array([1, -100, 127, 0], np.int8))
save("v_4_i32.npy", np.array([1, -2, 300000, 7], np.int32))
save("v_4_i64.npy", np.array([1, -2, 1 << 40, 7], np.int64))
save("v_4_bool.npy", np.array([True, False, False, True]))
save("v_4_u8.npy", np.array([0, 1, 200, 255], np.uint8))
save("v_4_u16.npy", np.array([0, 1, 40000, 65535], np.uint16))
save("v_4_u32.npy", np.array([0, 1, 3000000000, 4294967295], np.uint32))
save("v_4_u64.npy", np.array([0, 1, 1 << 63, (1 << 64) - 1], np.uint64))
save("scalar_f32.npy", np.array(2.5, np.float32))
save("empty_0x3_f32.npy", np.zeros((0, 3), np.float32))
save("d_5x2_f32.npy", np.arange(10, dtype=np.float32).reshape(5, 2) / 2)
save("big_2x1000_f32.npy", np.arange(2000, dtype=np.float32).reshape(2, 1000))
save("special_f32.npy", np.array([np.nan, np.inf, -np.inf, -0.5], np.float32))
save("sci_f32.npy", np.array([1e-5, 1.0, -3e4], np.float32))
save("wide_2x9_f32.npy", (np.arange(18, dtype=np.float32) / 7).reshape(2, 9))
rng = np.random.default_rng(7)
save("x_3x5_f32.npy", rng.uniform(-1, 1, (3, 5)).astype(np.float32))
save("w_4x5_f32.npy", rng.uniform(-1, 1, (4, 5)).astype(np.float32))
save("bias_4_f32.npy", rng.uniform(-1, 1, (4,)).astype(np.float32))

# Header versions 2.0 and 3.0 carry a 4-byte header length.
array = np.arange(6, dtype=np.float32).reshape(2, 3)
with open(out / "a_2x3_f32_v2.npy", "wb") as f:
    np.lib.format.write_array(f, array, version=(2, 0))
with open(out / "a_2x3_f32_v3.npy", "wb") as f:
    np.lib.format.write_array(f, array, version=(3, 0))

# Malformed files, one problem each.
good_header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
six_floats = array.tobytes()
write_raw("bad_magic.npy", b"\x93NUMPX\x01\x00" + b"\x00" * 64)
write_raw("empty_file.npy", b"")
write_raw("bad_version.npy", npy_bytes(good_header, six_floats, (9, 0)))
write_raw("header_overrun.npy", b"\x93NUMPY\x01\x00\xff\x00{'descr'")
write_raw("bad_header.npy",
          npy_bytes("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2, 3), }",
                    six_floats))
write_raw("missing_key.npy",
          npy_bytes("{'descr': '<f4', 'shape': (2, 3), }", six_floats))
write_raw("negative_dim.npy",
          npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, 3), }",
                    six_floats))
write_raw("truncated_data.npy", npy_bytes(good_header, six_floats[:8]))
write_raw("trailing_data.npy", npy_bytes(good_header, six_floats + b"\x00" * 4))
write_raw("huge_shape.npy",
          npy_bytes("{'descr': '<f4', 'fortran_order': False, "
                    "'shape': (1000000000, 1000000000), }", six_floats))
# Under 2^40 bytes, so only the data length shows the shape is corrupt: it
# must be checked before allocating 600 GB (found by yat-npy-fuzzer).
write_raw("large_shape_short_data.npy",
          npy_bytes("{'descr': '<f4', 'fortran_order': False, "
                    "'shape': (150292044, 999), }", six_floats))
# Empty, but the product of its leading dims overflows int64 (found by
# yat-npy-fuzzer).
write_raw("empty_overflowing_dims.npy",
          npy_bytes("{'descr': '<f4', 'fortran_order': False, "
                    "'shape': (9999999999999, 9999999999949, 0), }", b""))
np.save(out / "fortran_2x3_f32.npy",
        np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
np.save(out / "bigendian_2x3_f32.npy",
        np.arange(6, dtype=">f4").reshape(2, 3))
np.save(out / "u32_2x3.npy", np.arange(6, dtype=np.uint32).reshape(2, 3))
np.save(out / "c64_2x3.npy", np.arange(6, dtype=np.complex64).reshape(2, 3))
np.save(out / "str_2.npy", np.array(["ab", "cd"]))
