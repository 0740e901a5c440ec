from coach.library import load_library


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
