"""The yat Python package's tests run against the installed package
(`pip install ./python`, which scripts/build.sh does). They fail, rather
than skip, when it is missing or was built from another libYatCAPI.so than
the build tree's (YAT_BUILD_DIR), so that a stale install is never tested.
"""

import filecmp
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
BUILD = pathlib.Path(os.environ.get("YAT_BUILD_DIR", ROOT / "build"))


@pytest.fixture(scope="session", autouse=True)
def installed_package():
    try:
        import yat
    except ImportError as error:
        pytest.fail(f"the yat package is not installed ({error}); run "
                    "`bash scripts/build.sh` or `pip install ./python`")
    installed = pathlib.Path(yat.__file__).parent / "libYatCAPI.so"
    built = BUILD / "lib" / "libYatCAPI.so"
    if built.exists() and not filecmp.cmp(installed, built, shallow=False):
        pytest.fail(f"the installed yat package ({installed}) is not built "
                    f"from {built}; run `bash scripts/build.sh` to reinstall")
    return yat
