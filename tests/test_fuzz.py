"""atheris (libFuzzer) over the whole text pipeline, from our example articles, for a bounded number of
runs; `make fuzz` runs it longer. The hypothesis properties live in test_robustness.py."""

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("atheris")


@pytest.mark.slow
def test_atheris_finds_no_crash_span_error_or_slow_input(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for article in (ROOT / "examples").glob("*.txt"):
        shutil.copy(article, seeds)
    found = tmp_path / "found"
    found.mkdir()
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "pipeline.py"), "-runs=2500", "-max_len=4096",
                           "-timeout=10", f"-artifact_prefix={tmp_path}/", str(found), str(seeds)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 2500 runs" in done.stderr
