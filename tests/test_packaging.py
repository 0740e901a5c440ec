"""The wheel carries routines, assets and translations, and works outside the
source tree (a non-editable install)."""

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import FLAGSHIP, REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out), str(REPO)], check=True, capture_output=True)
    [built] = out.glob("knee_coach-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_data_and_translations(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert f"coach/_bundled/routines/01-{FLAGSHIP}.toml" in names
    assert "coach/translations/coach_ja.qm" in names
    assert any(n.startswith("coach/_bundled/assets/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "[gui_scripts]\ncoach = coach.__main__:main" in \
        zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_unpacked_wheel_lists_and_validates_its_routines(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (f"import sys; sys.path.insert(0, {str(site)!r})\n"
            "from coach import paths; print(paths.bundled_routines_dir())\n"
            "from coach.cli import main\n"
            f"main(['list', '--data-dir', {str(tmp_path / 'data')!r}, '--lang', 'en'])\n"
            "sys.exit(main(['validate', str(paths.bundled_routines_dir())]))")
    # -S: no site-packages, so the editable checkout cannot be picked up by mistake.
    result = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True,
                            text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(site))
    assert lines[1].split("\t")[0] == FLAGSHIP
