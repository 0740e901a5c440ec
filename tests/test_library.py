import errno
import os
from pathlib import Path

import pytest

from coach import library as library_module
from coach import paths
from coach.library import load_library
from tests.hostile import write_hostile


def test_broken_files_are_skipped_and_named_while_good_ones_load(tmp_path, write_routine,
                                                                 minimal_routine):
    good = minimal_routine()
    bad_syntax = write_routine("a-syntax.toml", "schema = 1\nid = 'x\n")
    bad_key = write_routine("b-key.toml", "schema = 1\nid = 'b'\nnope = 1\n")
    library = load_library([tmp_path / "routines"])
    assert [r.id for r in library.routines] == ["good-one"]
    assert list(library.broken_files) == [bad_syntax, bad_key]
    lines = {(p.file, p.line) for p in library.problems}
    assert (bad_syntax, 2) in lines and (bad_key, 3) in lines
    assert good not in library.broken_files


def test_duplicate_id_keeps_the_first_and_reports_the_second(tmp_path, minimal_routine):
    first = minimal_routine("first.toml", id="same", title="First")
    other = tmp_path / "other"
    other.mkdir()
    second = other / "second.toml"
    second.write_text(first.read_text().replace("First", "Second"))
    library = load_library([tmp_path / "routines", other])
    assert [r.title.en for r in library.routines] == ["First"]
    [problem] = library.problems
    assert problem.file == second and problem.line == 2
    assert "id 'same' is already used by" in problem.message


def test_missing_folders_are_skipped_quietly(tmp_path):
    library = load_library([tmp_path / "nowhere"])
    assert library.routines == [] and library.problems == []


# -- Issue 14: one file or folder can never stop the others ----------------------------


def test_every_hostile_file_is_named_with_its_line_and_the_good_ones_load(tmp_path):
    expected = write_hostile(tmp_path / "hostile")
    library = load_library([tmp_path / "hostile"])
    assert [r.id for r in library.routines] == ["good-one"]
    assert set(library.broken_files) == set(expected)
    for file, want in expected.items():
        assert any(p.line == want.line and want.words in p.message
                   for p in library.broken_files[file]), library.broken_files[file]


def _refuse(monkeypatch, method: str, where: Path) -> None:
    """Make *method* of paths at or under *where* fail as an unreadable folder does
    (tests may run as root, which reads every folder)."""
    real = getattr(Path, method)

    def refused(self, *args, **kwargs):
        if self == where or where in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, refused)


def test_a_folder_that_cannot_be_listed_is_reported_and_others_load(tmp_path, monkeypatch,
                                                                    minimal_routine):
    minimal_routine()
    locked = tmp_path / "locked"
    locked.mkdir()
    _refuse(monkeypatch, "iterdir", locked)
    library = load_library([locked, tmp_path / "routines"])
    assert [r.id for r in library.routines] == ["good-one"]
    assert [str(p) for p in library.problems] == [
        f"{locked}: cannot read file or folder: Permission denied"]


def test_a_folder_that_cannot_be_looked_at_is_reported_not_skipped(tmp_path, monkeypatch,
                                                                   minimal_routine):
    minimal_routine()
    hidden = tmp_path / "no-entry" / "routines"
    _refuse(monkeypatch, "stat", tmp_path / "no-entry")
    library = load_library([hidden, tmp_path / "routines"], missing_ok=True)
    assert [r.id for r in library.routines] == ["good-one"]
    assert [p.message for p in library.problems] == [
        "cannot read file or folder: Permission denied"]


def test_a_file_that_cannot_be_looked_at_is_reported(tmp_path, monkeypatch, minimal_routine):
    good = minimal_routine()
    locked = good.with_name("locked.toml")
    locked.write_text("")
    _refuse(monkeypatch, "stat", locked)
    library = load_library([good.parent])
    assert [r.id for r in library.routines] == ["good-one"]
    assert [str(p) for p in library.problems] == [
        f"{locked}: cannot read file: Permission denied"]


def test_an_unexpected_error_in_one_file_leaves_the_others(tmp_path, monkeypatch,
                                                           minimal_routine):
    good = minimal_routine("b.toml")
    bad = minimal_routine("a.toml", id="bad-one")
    real = library_module.load_routine

    def load(file, **options):
        if file == bad:
            raise MemoryError()
        return real(file, **options)

    monkeypatch.setattr(library_module, "load_routine", load)
    library = load_library([good.parent])
    assert [r.id for r in library.routines] == ["good-one"]
    [problem] = library.problems
    assert problem.file == bad and "could not check this file (MemoryError)" in problem.message


def test_a_second_id_in_a_file_with_a_byte_order_mark_gets_its_line(tmp_path,
                                                                    minimal_routine):
    first = minimal_routine("a.toml")
    second = minimal_routine("b.toml")
    second.write_bytes(b"\xef\xbb\xbf" + second.read_bytes())
    [problem] = load_library([first.parent]).problems
    assert problem.file == second and problem.line == 2


# -- the parse cache (coach.routine_cache) ---------------------------------------------
def _counting_parses(monkeypatch) -> list[str]:
    import tomllib

    parsed: list[str] = []
    real = tomllib.loads

    def loads(text: str, **kwargs):
        parsed.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", loads)
    return parsed


def _cache(tmp_path):
    from coach.routine_cache import ParseCache

    return ParseCache(tmp_path / "data" / "cache" / "routines.json")


def test_a_cached_routine_is_not_parsed_again_and_loads_the_same(tmp_path, monkeypatch,
                                                                 minimal_routine):
    minimal_routine()
    minimal_routine("other.toml", id="other-one", title="Other")
    parsed = _counting_parses(monkeypatch)
    first = load_library([tmp_path / "routines"], cache=_cache(tmp_path))
    first.save_cache()
    assert len(parsed) == 2 and (tmp_path / "data" / "cache" / "routines.json").is_file()
    again = load_library([tmp_path / "routines"], cache=_cache(tmp_path))
    assert len(parsed) == 2  # both from the cache
    assert again.routines == first.routines and again.problems == []


def test_an_edited_routine_is_parsed_again(tmp_path, monkeypatch, minimal_routine):
    import os

    path = minimal_routine()
    load_library([tmp_path / "routines"], cache=_cache(tmp_path)).save_cache()
    parsed = _counting_parses(monkeypatch)
    path.write_text(path.read_text().replace("Good one", "Better one"))  # size changes
    assert load_library([tmp_path / "routines"], cache=_cache(tmp_path)
                        ).routines[0].title.en == "Better one"
    info = path.stat()
    path.write_text(path.read_text().replace("Better", "Bigger"))  # same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert load_library([tmp_path / "routines"], cache=_cache(tmp_path)
                        ).routines[0].title.en == "Bigger one"
    assert len(parsed) == 2


def test_a_damaged_or_hostile_cache_is_ignored_and_rewritten(tmp_path, monkeypatch,
                                                              minimal_routine):
    import json

    minimal_routine()
    cache_file = tmp_path / "data" / "cache" / "routines.json"
    cache_file.parent.mkdir(parents=True)
    parsed = _counting_parses(monkeypatch)
    key = str((tmp_path / "routines" / "good.toml").resolve())
    for junk in (b"\xff{not json", b"[" * 100_000, b'{"version": 1, "entries": []}',
                 b'{"version": 1, "entries": {"' + key.encode() + b'": {"size": NaN}}}',
                 json.dumps({"version": 1, "entries": {key: "x"}}).encode()):
        cache_file.write_bytes(junk)
        library = load_library([tmp_path / "routines"], cache=_cache(tmp_path))
        assert [r.id for r in library.routines] == ["good-one"] and not library.problems
        library.save_cache()
        assert json.loads(cache_file.read_text())["version"] == 1
    assert len(parsed) == 5
    load_library([tmp_path / "routines"], cache=_cache(tmp_path))
    assert len(parsed) == 5  # the rewritten cache serves it


def test_a_broken_routine_is_never_served_from_the_cache(tmp_path, monkeypatch,
                                                         write_routine, minimal_routine):
    import json

    path = minimal_routine()
    load_library([tmp_path / "routines"], cache=_cache(tmp_path)).save_cache()
    bad = write_routine("b-key.toml", "schema = 1\nid = 'b'\nnope = 1\n")
    library = load_library([tmp_path / "routines"], cache=_cache(tmp_path))
    library.save_cache()
    assert (bad, 3) in {(p.file, p.line) for p in library.problems}
    cache_file = tmp_path / "data" / "cache" / "routines.json"
    assert str(bad.resolve()) not in json.loads(cache_file.read_text())["entries"]
    # A cached table that does not pass (here: tampered with) is not used: the file is
    # parsed again, and what the cache keeps is the file's own table.
    data = json.loads(cache_file.read_text())
    data["entries"][str(path.resolve())]["data"]["steps"][0]["nope"] = 1
    cache_file.write_text(json.dumps(data))
    parsed = _counting_parses(monkeypatch)
    library = load_library([tmp_path / "routines"], cache=_cache(tmp_path))
    assert [r.id for r in library.routines] == ["good-one"] and len(parsed) == 2
    library.save_cache()
    entry = json.loads(cache_file.read_text())["entries"][str(path.resolve())]
    assert "nope" not in entry["data"]["steps"][0]


def test_validate_never_uses_the_cache(tmp_path, monkeypatch, minimal_routine):
    from coach.cli import main

    minimal_routine()
    load_library([tmp_path / "routines"], cache=_cache(tmp_path)).save_cache()
    parsed = _counting_parses(monkeypatch)
    assert main(["validate", str(tmp_path / "routines")]) == 0
    assert len(parsed) == 1


def test_a_table_json_cannot_hold_is_not_kept(tmp_path, minimal_routine):
    import datetime
    import json

    path = minimal_routine()
    cache = _cache(tmp_path)
    info = path.stat()
    cache.put(path, info, {"when": datetime.date(1979, 5, 27)})
    cache.save()
    assert cache.get(path, info) is None
    cache.put(path, info, {"much": float("inf")})
    cache.save()
    cache_file = tmp_path / "data" / "cache" / "routines.json"
    assert json.loads(cache_file.read_text())["entries"] == {}
    assert _cache(tmp_path).get(path, info) is None


# -- the bundled routines' parsed tables --------------------------------------------------
def test_the_bundled_tables_are_up_to_date_with_the_bundled_routines():
    import json

    from coach.routine_cache import BUNDLED_TABLES, bundle_tables

    folder = paths.bundled_routines_dir()
    shipped = json.loads((folder / BUNDLED_TABLES).read_text(encoding="utf-8"))
    assert shipped == bundle_tables(folder), "run `make routine-tables`"


def test_a_bundled_routine_is_read_from_its_table_and_an_edited_one_is_parsed(
        tmp_path, monkeypatch):
    import shutil

    import coach.routine_cache as routine_cache
    from coach.routine import load_routine

    folder = tmp_path / "bundled"
    shutil.copytree(paths.bundled_routines_dir(), folder)
    monkeypatch.setattr(paths, "bundled_routines_dir", lambda: folder)
    monkeypatch.setattr(routine_cache, "_bundled", None)
    parsed: list[str] = []
    import tomllib

    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or real(text))
    files = sorted(folder.glob("*.toml"))
    for file in files:
        routine, problems = load_routine(file)
        assert routine is not None and problems == []
    assert parsed == []  # every one from its table
    edited = files[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        'title.en = "Ten-minute', 'title.en = "Edited ten-minute', 1), encoding="utf-8")
    routine, problems = load_routine(edited)
    assert problems == [] and routine.title.en.startswith("Edited ten-minute")
    assert len(parsed) == 1
    # A file elsewhere with a bundled file's name and bytes is parsed, not looked up.
    elsewhere = tmp_path / "mine" / files[1].name
    elsewhere.parent.mkdir()
    shutil.copy(files[1], elsewhere)
    assert load_routine(elsewhere)[1] == [] and len(parsed) == 2


def test_damaged_bundled_tables_are_ignored(tmp_path, monkeypatch):
    import shutil

    import coach.routine_cache as routine_cache
    from coach.routine import load_routine

    folder = tmp_path / "bundled"
    shutil.copytree(paths.bundled_routines_dir(), folder)
    (folder / routine_cache.BUNDLED_TABLES).write_text('{"version": 1, "files": [', "utf-8")
    monkeypatch.setattr(paths, "bundled_routines_dir", lambda: folder)
    monkeypatch.setattr(routine_cache, "_bundled", None)
    for file in sorted(folder.glob("*.toml")):
        assert load_routine(file)[1] == []


def test_the_users_cache_never_stands_in_for_a_bundled_routine(tmp_path):
    """A cache entry for a bundled file (keyed by its size and time, which never change
    once installed) replaced its safety notes: only the package's own tables, checked
    against the bytes, or a fresh parse, make a bundled routine."""
    import json

    from coach import paths

    bundled = sorted(paths.bundled_routines_dir().glob("*.toml"))[0]
    info = bundled.stat()
    honest = load_library([bundled]).routines[0]
    data = json.loads(json.dumps(honest_table(bundled)))
    data["safety"] = {"en": ["Push through sharp pain."], "ja": ["鋭い痛みでも続ける。"]}
    cache_file = tmp_path / "data" / "cache" / "routines.json"
    cache_file.parent.mkdir(parents=True)
    cache_file.write_text(json.dumps({"version": 1, "entries": {str(bundled.resolve()): {
        "size": info.st_size, "mtime_ns": info.st_mtime_ns, "data": data}}}))
    library = load_library([bundled], cache=_cache(tmp_path))
    assert library.routines[0].safety == honest.safety
    assert "Push through sharp pain." not in library.routines[0].safety.en


def honest_table(file):
    import tomllib

    return tomllib.loads(file.read_text(encoding="utf-8"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_routine_file_that_is_a_broken_link_or_a_pipe_is_reported(tmp_path,
                                                                     minimal_routine):
    """Both were skipped without a word (the routine just vanished), and
    `coach validate pipe.toml` said "no such file or folder"."""
    minimal_routine()
    folder = tmp_path / "routines"
    (folder / "gone.toml").symlink_to(tmp_path / "unmounted" / "strength.toml")
    os.mkfifo(folder / "pipe.toml")
    (folder / "folder.toml").mkdir()  # a folder is no routine file: not reported
    library = load_library([folder])
    assert [r.id for r in library.routines] == ["good-one"]
    assert sorted((p.file.name, p.message) for p in library.problems) == [
        ("gone.toml", "cannot read file: No such file or directory"),
        ("pipe.toml", "cannot read file: not an ordinary file")]
    alone = load_library([folder / "pipe.toml"], missing_ok=False)
    assert [p.message for p in alone.problems] == ["cannot read file: not an ordinary file"]
