"""Link lists, Google Authenticator exports and their grouping (core/importers/links.py)."""

from __future__ import annotations

import base64
import tracemalloc
from pathlib import Path

import pytest
import qrcode

from epcs_desktop.core.errors import ImportFileError
from epcs_desktop.core.importers import ImportSession, plan_import, read_import_file
from epcs_desktop.core.migration import build_migration_uris
from epcs_desktop.core.otpauth import build_uri, from_secret
from profile_support import NO_POLICY

from .conftest import A1, A2, A3, S1, S2, S3, ST, T1, T2, assert_reads, fields, no_secret_in

A = from_secret(S1, issuer="A", account="a")
B = from_secret(S2, issuer="B", account="b")
C = from_secret(S3, issuer="C", account="c")


def _google_v2(accounts: list, tmp_path: Path, name: str, per_code: int = 10) -> list[Path]:
    """A current (payload version 2) Google export: no batch id at all."""
    uris = build_migration_uris(accounts, per_code=per_code, batch_id=0)
    paths = []
    for i, uri in enumerate(uris):
        path = tmp_path / f"{name}-{i + 1}.txt"
        path.write_text(uri + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_two_google_exports_without_batch_id_both_import(tmp_path: Path) -> None:
    """Issue 20 item 1: the second export's code 1 of 1 is not "already read"."""
    session = ImportSession(NO_POLICY)
    for path in [*_google_v2([A], tmp_path, "first"), *_google_v2([B], tmp_path, "second")]:
        session.read_file(path)
    plan = plan_import([], session)
    assert [e.candidate.otp for e in plan.enrollment.new] == [A, B]
    assert plan.problems == ()


def test_parts_of_different_multi_code_exports_all_import(tmp_path: Path) -> None:
    first = _google_v2([A, B], tmp_path, "first", per_code=1)  # codes 1 and 2 of 2
    second = _google_v2([C, A, B], tmp_path, "second", per_code=1)  # codes 1-3 of 3
    session = ImportSession(NO_POLICY)
    for path in (first[0], second[0], second[2]):  # part 1 of each, part 3 of the second
        session.read_file(path)
    plan = plan_import([], session)
    assert [e.candidate.otp for e in plan.enrollment.new] == [A, C, B]
    assert [line for _, line in plan.problems] == [
        "a Google Authenticator export is incomplete (1 of 2 codes read; missing code 2): "
        "the accounts on the missing codes were not imported",
        "a Google Authenticator export is incomplete (2 of 3 codes read; missing code 2): "
        "the accounts on the missing codes were not imported",
    ]


def test_the_same_export_code_twice_is_read_once(tmp_path: Path) -> None:
    (path,) = _google_v2([A], tmp_path, "only")
    session = ImportSession(NO_POLICY)
    session.read_file(path)
    again = session.read_file(path)
    assert again.accounts == [] and again.problems == [
        "line 1: code 1 of 1 of this Google Authenticator export was already read"
    ]


def test_bitwarden_style_steam_line_and_winauth_steam() -> None:
    """Issue 20 item 6 (steam://) and WinAuth's 5-digit "Steam" TOTP lines."""
    assert_reads("winauth.txt", [T1, T2, ST])


def test_non_link_lines_are_one_summary_line(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text(
        "My codes\n" + build_uri(A) + "\nfrom the old phone\n\n# comment\nsteam://" + ST[3] + "\n", "utf-8"
    )
    result = read_import_file(f)
    assert fields(result)[1] == ("steam", "Steam", "", ST[3], "SHA1", 5, 30, 0)
    assert result.problems == ["2 lines hold no authenticator link and were skipped (lines 1, 3)"]


def test_a_file_of_percent_lines_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Issue 23 item 4: 19 MB of "%" lines took 3.5 GB (one problem string per line); speed: bench_import."""
    f = tmp_path / "pct.txt"
    f.write_bytes(b"%\n" * (19 * 1024 * 1024 // 2))
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match="holds no authenticator link"):
            read_import_file(f)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 120 * 1024 * 1024  # the file's bytes and text (2 x 19 MB) plus change


def test_ten_thousand_lines_are_named_in_linear_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 23 item 4: 1k/2k/4k/8k lines took 2/7/30/122 s: every new nickname recomputed the key of every
    taken name and tried "… 2", "… 3" from the start. Counted, not timed (speed: bench/bench_import.py)."""
    from epcs_desktop.core import erx

    calls = 0
    real_key = erx.nickname_key

    def counting_key(name: str) -> str:
        nonlocal calls
        calls += 1
        return real_key(name)

    monkeypatch.setattr(erx, "nickname_key", counting_key)
    n = 10_000
    lines = [
        build_uri(from_secret(base64.b32encode(i.to_bytes(20, "big")).decode().rstrip("=")))
        for i in range(1, n + 1)
    ]
    f = tmp_path / "many.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    session = ImportSession(NO_POLICY)
    session.read_file(f)
    plan = plan_import([], session)
    assert len(plan.enrollment.new) == n
    assert plan.enrollment.new[-1].nickname == "Imported code generator 10000"
    assert calls <= 4 * n, calls  # linear: a few keys per entry (quadratic was ~n^2 / 2 = 50 million)


# --------------------------------------------------------------------------- otpauth link lists


def test_uri_list_with_comments_blank_lines_and_bad_lines(tmp_path: Path) -> None:
    f = tmp_path / "codes.txt"
    f.write_text(
        "# exported from my password manager\n"
        "\n"
        f"{build_uri(A1)}\n"
        "otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1JBSW\n"
        f"   {build_uri(A2)}   \r\n"
        "https://account.id.me/mobile/generator/abc\n"
        f"{build_uri(A3)}\n"
        "just some words\n"
        f"{build_uri(A1)}\n",
        encoding="utf-8",
    )
    result = read_import_file(f)
    assert result.format == "otpauth link list"
    assert result.accounts == [A1, A2, A3]
    assert len(result.problems) == 4
    assert result.problems[0].startswith("line 4: ") and "character “1” at position 16" in result.problems[0]
    assert result.problems[1].startswith("line 6: ") and "ID.me Authenticator app" in result.problems[1]
    assert result.problems[2].startswith("line 9: ") and "more than once" in result.problems[2]
    # issue 20 item 6: a line that is no link at all is not one complaint per line, but one summary
    assert result.problems[3] == "1 line holds no authenticator link and was skipped (line 8)"
    no_secret_in(result, S1, S2, S3, "JBSWY3DPEHPK3PX1JBSW")


def test_uri_list_with_bom_and_google_export_lines(tmp_path: Path) -> None:
    uris = build_migration_uris([A1, A2, A3], per_code=2, batch_id=7)
    f = tmp_path / "export.txt"
    f.write_bytes(("\ufeff" + "\n".join(uris) + "\n").encode("utf-8"))
    result = read_import_file(f)
    assert result.accounts == [A1, A2, A3] and result.problems == []


def test_incomplete_google_export_is_reported(tmp_path: Path) -> None:
    uris = build_migration_uris([A1, A2, A3], per_code=1, batch_id=7)
    f = tmp_path / "export.txt"
    f.write_text(uris[0] + "\n" + uris[2] + "\n", encoding="utf-8")
    result = read_import_file(f)
    assert result.accounts == [A1, A3]
    assert len(result.problems) == 1
    assert "2 of 3 codes read" in result.problems[0] and "missing code 2" in result.problems[0]


def test_text_that_is_not_a_link_list(tmp_path: Path) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("Shopping list\nmilk\neggs\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="holds no authenticator link"):
        read_import_file(f)


# --------------------------------------------------------------------------- images


def _qr_png(path: Path, text: str) -> Path:
    qrcode.make(text, box_size=8, border=4).save(path)
    return path


def test_png_with_otpauth_qr(tmp_path: Path) -> None:
    result = read_import_file(_qr_png(tmp_path / "code.png", build_uri(A2)))
    assert result.format == "QR code image"
    assert result.accounts == [A2] and result.problems == []


def test_jpeg_with_google_export_qr(tmp_path: Path) -> None:
    (uri,) = build_migration_uris([A1, A3], batch_id=3)
    img = qrcode.make(uri, box_size=8, border=4).get_image().convert("RGB")
    path = tmp_path / "photo.jpg"
    img.save(path, quality=92)
    result = read_import_file(path)
    assert result.accounts == [A1, A3] and result.problems == []


def test_image_with_a_web_address(tmp_path: Path) -> None:
    result = read_import_file(_qr_png(tmp_path / "url.png", "https://account.id.me/mobile/generator/x"))
    assert result.accounts == []
    assert len(result.problems) == 1 and result.problems[0].startswith("the QR code: This is an ID.me")


def test_image_without_qr_code(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(path)
    with pytest.raises(ImportFileError, match=r"No QR code was found in blank\.png"):
        read_import_file(path)


def test_truncated_image(tmp_path: Path) -> None:
    good = _qr_png(tmp_path / "good.png", build_uri(A1)).read_bytes()
    bad = tmp_path / "bad.png"
    bad.write_bytes(good[: len(good) // 3])
    with pytest.raises(ImportFileError):
        read_import_file(bad)
