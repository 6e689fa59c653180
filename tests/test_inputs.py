"""Inputs of a batch: what a folder yields, and the resolved paths that identify inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.inputs import Inputs, collect_inputs, real_paths


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("一", encoding="utf-8")
    (root / "b" / "c.pdf").write_bytes(b"%PDF")
    (root / "b" / "old.doc").write_bytes(b"x")
    (root / "b" / "notes.png").write_bytes(b"x")
    (root / ".hidden" / "d.txt").write_text("一", encoding="utf-8")
    (root / "~$draft.docx").write_bytes(b"x")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "e.txt").write_text("一", encoding="utf-8")
    (root / "link.txt").symlink_to(outside / "e.txt")
    (root / "linked_folder").symlink_to(outside, target_is_directory=True)
    return root


def test_inputs_folder_yields_documents_in_path_order(tree):
    found = collect_inputs([tree])
    names = [Path(p).relative_to(tree).as_posix() for p in found.files]
    # hidden names and Office lock files left out, links to files read, links to folders not followed,
    # an old format kept (it becomes an errors row that names it), other suffixes skipped
    assert names == ["a.txt", "b/c.pdf", "b/old.doc", "link.txt"]
    assert found.errors == []


@pytest.mark.parametrize("given", [".", "./", ".//./", "../in", "../in/", "./../in", "{root}"])
def test_inputs_paths_are_the_strings_of_their_paths_in_path_order(tree, monkeypatch, given):
    """The inputs are strings (a batch holds tens of thousands; a Path costs five times its string),
    each the one its Path gives, and in Path order: as the tables named and ordered them before."""
    monkeypatch.chdir(tree)
    (tree / "b" / "a b.txt").write_text("一", encoding="utf-8")
    (tree / "b" / "z").mkdir()
    (tree / "b" / "z" / "x.txt").write_text("一", encoding="utf-8")
    (tree / "a.b.c.TXT").write_text("一", encoding="utf-8")
    (tree / "noext").write_text("一", encoding="utf-8")
    found = collect_inputs([given.format(root=tree)])
    assert all(type(p) is str for p in found.files)
    assert found.files == [str(Path(p)) for p in found.files]
    assert found.files == [str(p) for p in sorted(Path(p) for p in found.files)]
    assert {Path(p).name for p in found.files} == {"a.txt", "a.b.c.TXT", "a b.txt", "c.pdf", "old.doc", "link.txt", "x.txt"}


def test_inputs_hand_over_gives_keys_and_stats_once(tree):
    """The plan's keys and stats go to the run, not kept by the listing to the end of a long batch."""
    found = collect_inputs([tree])
    keys, stats = list(found.keys), list(found.stats)
    assert found.hand_over() == {"keys": keys, "stats": stats}
    assert (found.keys, found.stats) == ([], [])
    assert len(found.files) == len(keys)


def test_inputs_keys_are_the_files_real_paths(tree):
    """The manifest keys its entries by these: collected once, not resolved again when the run plans."""
    found = collect_inputs([tree / "link.txt", tree])
    assert found.keys == real_paths(found.files) == [os.path.realpath(p) for p in found.files]
    assert found.keys[0] == str((tree.parent / "elsewhere" / "e.txt").resolve())


def test_inputs_keys_given_to_the_manifest_are_those_it_would_find(tree, tmp_path):
    from pipeline.manifest import Manifest

    found = collect_inputs([tree])
    manifest = Manifest(tmp_path / "manifest.sqlite")
    try:
        given = manifest.plan(found.files, found.keys)
        again = manifest.plan(found.files)  # resolved here: the same entries, not new ones
        assert [p.fid for p in again] == [p.fid for p in given] and len(set(p.fid for p in given)) == len(found.files)
    finally:
        manifest.close()


def test_inputs_stats_are_what_the_files_own_stat_says(tree):
    """A folder's listing gives each file's size and time (a link's: its target's); a file named
    directly is looked at by the plan instead."""
    found = collect_inputs([tree / "a.txt", tree])
    assert found.stats[0] is None
    for path, stat in zip(found.files[1:], found.stats[1:]):
        st = os.stat(path)
        assert stat == (st.st_size, st.st_mtime_ns), path
    assert len(found.stats) == len(found.files)


def test_inputs_stats_given_to_the_manifest_plan_as_it_would_find_them(tree, tmp_path):
    from pipeline.manifest import Manifest

    found = collect_inputs([tree])
    given, looked = Manifest(tmp_path / "a.sqlite"), Manifest(tmp_path / "b.sqlite")
    try:
        with_stats = given.plan(found.files, found.keys, found.stats)
        assert [(p.path, p.size) for p in with_stats] == [(p.path, p.size) for p in looked.plan(found.files)]
        assert [p.size for p in with_stats] == [os.stat(p).st_size for p in found.files]
        rows = [given.db.execute("SELECT size, mtime_ns FROM files WHERE fid = ?", (p.fid,)).fetchone() for p in with_stats]
        assert rows == [(os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in found.files]
    finally:
        given.close()
        looked.close()


def test_inputs_manifest_plan_of_a_file_given_twice_is_one_entry(tree, tmp_path):
    """Regression: an empty manifest's plan looks no input up, but for the second mention of one."""
    from pipeline.manifest import Manifest

    manifest = Manifest(tmp_path / "manifest.sqlite")
    try:
        planned = manifest.plan([tree / "a.txt", tree / "b" / "c.pdf", tree / "a.txt"])
        assert planned[0].fid == planned[2].fid != planned[1].fid
        assert manifest.db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 2
    finally:
        manifest.close()


@pytest.mark.parametrize("given", [{"keys": ["one"]}, {"stats": [None]}])
def test_inputs_manifest_plan_refuses_lists_of_another_length(tree, tmp_path, given):
    """Regression: a list of keys or stats not one an input was replaced in silence by looking them up."""
    from pipeline.manifest import Manifest

    manifest = Manifest(tmp_path / "manifest.sqlite")
    try:
        with pytest.raises(ValueError, match="given for 2 inputs"):
            manifest.plan([tree / "a.txt", tree / "b" / "c.pdf"], **given)
    finally:
        manifest.close()


def test_inputs_hand_over_gives_none_for_what_was_not_gathered(tree):
    found = collect_inputs([tree])
    handed = found.hand_over()
    assert len(handed["keys"]) == len(handed["stats"]) == len(found.files) > 0
    assert found.hand_over() == {"keys": None, "stats": None}  # handed over already: the plan looks them up
    assert Inputs(files=found.files).hand_over() == {"keys": None, "stats": None}


def test_inputs_same_file_twice_is_one_input(tree):
    found = collect_inputs([tree / "a.txt", tree, str(tree / "b" / ".." / "a.txt")])
    assert [Path(p).name for p in found.files].count("a.txt") == 1


def test_inputs_output_folder_is_excluded(tree):
    found = collect_inputs([tree], exclude=[tree / "b"])
    assert [Path(p).name for p in found.files] == ["a.txt", "link.txt"]


def test_inputs_unreadable_folder_is_an_errors_row(tree, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "b":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect_inputs([tree])
    assert [Path(p).name for p in found.files] == ["a.txt", "link.txt"]
    [error] = found.errors
    assert (error.stage, error.error_type) == ("input", "unreadable_folder")
    assert error.path == str(tree / "b") and "Permission denied" in error.message


@pytest.fixture
def links(tree: Path) -> Path:
    """Links of every kind beside the tree's files: chains, relative targets through '..', loops, broken."""
    (tree / "b" / "up.txt").symlink_to(Path("..") / "a.txt")
    (tree / "chain.txt").symlink_to("b/up.txt")
    (tree / "via_folder.txt").symlink_to(Path("linked_folder") / "e.txt")
    (tree / "b" / "through.txt").symlink_to(Path("..") / "linked_folder" / ".." / "in" / "a.txt")
    (tree / "loop1").symlink_to("loop2")
    (tree / "loop2").symlink_to("loop1")
    (tree / "self").symlink_to("self")
    (tree / "broken.txt").symlink_to("gone/nothing.txt")
    (tree / "absolute.txt").symlink_to(tree / "chain.txt")
    return tree


@pytest.mark.parametrize("name", ["a.txt", "link.txt", "b/../a.txt", "b", ".", "missing/x.txt", "linked_folder/e.txt",
                                  "b/up.txt", "chain.txt", "via_folder.txt", "b/through.txt", "loop1", "self",
                                  "broken.txt", "absolute.txt", "linked_folder/../a.txt"])
def test_inputs_real_paths_are_realpath(links, name, monkeypatch):
    tree = links
    monkeypatch.chdir(tree)
    assert real_paths([name, tree / name]) == [os.path.realpath(name), os.path.realpath(tree / name)]
