"""ui/file_places.py: each kind of file dialog starts in Documents, then where that kind was last saved."""

from __future__ import annotations


def test_file_dialogs_start_in_documents(tmp_path, monkeypatch) -> None:
    from epcs_desktop.ui import file_places

    file_places.forget_all()
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(file_places, "documents_dir", lambda: str(docs))
    assert file_places.start_path("backup", "x.epcsbackup") == str(docs / "x.epcsbackup")
    elsewhere = tmp_path / "USB"
    elsewhere.mkdir()
    file_places.remember("backup", str(elsewhere / "old.epcsbackup"))
    assert file_places.start_path("backup") == str(elsewhere)
    assert file_places.start_path("csv") == str(docs)  # each kind of file remembers its own folder
    file_places.forget_all()
