"""The CLI end to end: `python -m epcs_desktop` in a subprocess against real encrypted profiles.

Every run is checked for the two promises made to users: no traceback ever, and
errors are one ``error:`` line with the documented exit status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from epcs_desktop import __version__
from epcs_desktop.core.otp import totp_at
from epcs_desktop.core.otpauth import parse_uri
from epcs_desktop.core.profiles import ProfileStore

PASSWORD = "cli-password-1"
# RFC 6238 appendix B test key "12345678901234567890" in Base32
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
URI = f"otpauth://totp/ID.me:dr%40example.org?secret={SECRET}&issuer=ID.me"


def run(
    data_dir: Path,
    *args: str,
    stdin: str | None = None,
    password: str | None = PASSWORD,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EPCS_DESKTOP_")}
    full_env["EPCS_DESKTOP_DATA_DIR"] = str(data_dir)
    if password is not None:
        full_env["EPCS_DESKTOP_PASSWORD"] = password
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "epcs_desktop", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
        start_new_session=True,  # no controlling terminal: prompts must refuse
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        assert lines and lines[-1].startswith("error: "), proc.stderr
        assert [ln for ln in lines if ln.startswith("error:")] == [lines[-1]]
    return proc


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with profile 'Dr Smith' holding three devices."""
    d = tmp_path_factory.mktemp("cli-data")
    assert run(d, "profile", "create", "Dr Smith").returncode == 0
    assert (
        run(
            d, "device", "add", "-p", "Dr Smith", "--nickname", "Office iPad", "--uri", "-", stdin=URI + "\n"
        ).returncode
        == 0
    )
    assert run(d, "device", "add", "-p", "dr smith", "--nickname", "Phone", "--push").returncode == 0
    assert (
        run(
            d, "device", "add", "--profile", "Dr Smith", "--nickname", "Old phone", "--other-generator"
        ).returncode
        == 0
    )
    return d


# --- no profile needed -------------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    proc = run(tmp_path, "--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"epcs-desktop {__version__}"


@pytest.mark.parametrize(
    ("at", "code"), [("59", "287082"), ("1111111109", "081804"), ("20000000000", "353130")]
)
def test_code_at_a_given_time_matches_rfc6238(tmp_path: Path, at: str, code: str) -> None:
    # RFC 6238 appendix B, SHA1, 8-digit codes 94287082, 07081804, 65353130: last six digits
    proc = run(tmp_path, "code", URI, "--at", at)
    assert proc.returncode == 0 and proc.stdout == code + "\n"


def test_code_reads_the_uri_from_stdin(tmp_path: Path) -> None:
    proc = run(tmp_path, "code", "-", "--at", "59", stdin=URI + "\n")
    assert proc.stdout == "287082\n"


def test_code_now_is_six_digits(tmp_path: Path) -> None:
    out = run(tmp_path, "code", "-", stdin=URI).stdout.strip()
    assert len(out) == 6 and out.isdigit()


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["code", "garbage"], None),
        (["code", "-"], "not a uri\n"),
        (["code", "-"], ""),
        (["code", "otpauth://totp/x?secret=!!!!"], None),
        (["code", URI, "--at", "yesterday"], None),
        (["code", URI, "--at", "-5"], None),
        (["code"], None),
        (["no-such-command"], None),
    ],
)
def test_invalid_input_is_one_error_line_and_status_2(
    tmp_path: Path, args: list[str], stdin: str | None
) -> None:
    proc = run(tmp_path, *args, stdin=stdin)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert SECRET not in proc.stderr


# --- profiles ----------------------------------------------------------------------------------


def test_profile_list_text_and_json(data: Path) -> None:
    assert run(data, "profile", "list").stdout.splitlines() == ["Dr Smith"]
    listing = json.loads(run(data, "profile", "list", "--json").stdout)
    assert listing == {"data_dir": str(data), "profiles": ["Dr Smith"]}


def test_profile_create_errors(tmp_path: Path) -> None:
    assert run(tmp_path, "profile", "create", "Taken").returncode == 0
    assert "already exists" in run(tmp_path, "profile", "create", "TAKEN").stderr
    short = run(tmp_path, "profile", "create", "Other", password="short")
    assert short.returncode == 2 and "at least 8" in short.stderr
    bad = run(tmp_path, "profile", "create", "../escape")
    assert bad.returncode == 2
    no_password = run(tmp_path, "profile", "create", "Other", password=None)
    assert no_password.returncode == 2 and "EPCS_DESKTOP_PASSWORD" in no_password.stderr
    assert run(tmp_path, "profile", "list").stdout.splitlines() == ["Taken"]


def test_password_file_and_passwd(tmp_path: Path) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text("from a file 123\n", encoding="utf-8")
    data_dir = tmp_path / "d"
    assert (
        run(data_dir, "--password-file", str(pw), "profile", "create", "Filed", password=None).returncode == 0
    )
    assert (
        run(data_dir, "--password-file", str(pw), "device", "list", "-p", "Filed", password=None).returncode
        == 0
    )
    changed = run(
        data_dir,
        "profile",
        "passwd",
        "Filed",
        password="from a file 123",
        env={"EPCS_DESKTOP_NEW_PASSWORD": "the new one 456"},
    )
    assert changed.returncode == 0, changed.stderr
    old = run(data_dir, "--password-file", str(pw), "device", "list", "-p", "Filed", password=None)
    assert old.returncode == 3
    assert run(data_dir, "device", "list", "-p", "Filed", password="the new one 456").returncode == 0
    missing = run(
        data_dir, "--password-file", str(tmp_path / "nope"), "device", "list", "-p", "Filed", password=None
    )
    assert missing.returncode == 2 and "password file" in missing.stderr


# --- devices -----------------------------------------------------------------------------------


def test_device_list_text_mirrors_the_erx_table(data: Path) -> None:
    proc = run(data, "device", "list", "-p", "Dr Smith")
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["Name", "Option", "Primary", "Device"]
    assert lines[1].startswith("Office iPad") and "Generate 2FA Key" in lines[1] and "Is Primary" in lines[1]
    assert "Push Notification 2FA" in lines[2] and "Is Primary" not in lines[2]
    assert SECRET not in proc.stdout


def test_device_list_json_schema(data: Path) -> None:
    doc = json.loads(run(data, "device", "list", "-p", "Dr Smith", "--json").stdout)
    assert doc["profile"] == "Dr Smith"
    first = doc["devices"][0]
    assert set(first) == {"nickname", "option", "option_label", "primary", "added_at", "issuer", "account"}
    assert (
        first["nickname"] == "Office iPad"
        and first["option"] == "generator_here"
        and first["primary"] is True
    )
    assert first["issuer"] == "ID.me" and first["account"] == "dr@example.org"
    assert first["added_at"].endswith("Z")
    assert [d["option"] for d in doc["devices"]] == ["generator_here", "push", "generator_other"]
    assert doc["devices"][1]["issuer"] is None
    assert SECRET not in json.dumps(doc)


def test_codes_json_gives_the_current_code(data: Path) -> None:
    doc = json.loads(run(data, "codes", "-p", "Dr Smith", "--json").stdout)
    assert [c["nickname"] for c in doc["codes"]] == ["Office iPad"]
    row = doc["codes"][0]
    assert row["code"] == totp_at(parse_uri(URI), doc["at"])
    assert 1 <= row["seconds_remaining"] <= 30 and row["period"] == 30 and row["digits"] == 6
    text = run(data, "codes", "-p", "Dr Smith").stdout
    assert text.startswith("Office iPad") and "s left" in text


def test_device_lifecycle_and_rule_errors(tmp_path: Path) -> None:
    d = tmp_path / "life"
    assert run(d, "profile", "create", "Life").returncode == 0
    for nick in ("A", "B", "C"):
        assert run(d, "device", "add", "-p", "Life", "--nickname", nick, "--push").returncode == 0
    clash = run(d, "device", "add", "-p", "Life", "--nickname", " a ", "--push")
    assert clash.returncode == 2 and "already a device called 'A'" in clash.stderr
    both = run(d, "device", "add", "-p", "Life", "--nickname", "D", "--push", "--other-generator")
    assert both.returncode == 2
    assert run(d, "device", "primary", "-p", "Life", "b").stdout.strip() == "'B' is now the primary device."
    assert run(d, "device", "rename", "-p", "Life", "c", "Cell").returncode == 0
    need = run(d, "device", "remove", "-p", "Life", "B")
    assert need.returncode == 2 and "name the device that becomes primary" in need.stderr
    removed = run(d, "device", "remove", "-p", "Life", "B", "--successor", "cell")
    assert removed.stdout.strip() == "Removed 'B'. 'Cell' is now the primary device."
    last = run(d, "device", "remove", "-p", "Life", "Cell")
    assert last.stdout.strip() == "Removed 'Cell'. 'A' is now the primary device."
    doc = json.loads(run(d, "device", "list", "-p", "Life", "--json").stdout)
    assert [(x["nickname"], x["primary"]) for x in doc["devices"]] == [("A", True)]
    assert run(d, "device", "remove", "-p", "Life", "nobody").returncode == 2


def test_wrong_password_is_status_3_and_unknown_profile_status_2(data: Path) -> None:
    before = {p.name: p.read_bytes() for p in (data / "profiles").iterdir()}
    wrong = run(data, "device", "list", "-p", "Dr Smith", password="not it at all")
    assert wrong.returncode == 3 and "password" in wrong.stderr
    assert {p.name: p.read_bytes() for p in (data / "profiles").iterdir()} == before
    assert run(data, "codes", "-p", "Nobody").returncode == 2


def test_bad_uri_for_device_add_changes_nothing(data: Path) -> None:
    proc = run(
        data, "device", "add", "-p", "Dr Smith", "--nickname", "X", "--uri", "-", stdin="otpauth://nope\n"
    )
    assert proc.returncode == 2
    names = [
        x["nickname"]
        for x in json.loads(run(data, "device", "list", "-p", "Dr Smith", "--json").stdout)["devices"]
    ]
    assert "X" not in names


def test_busy_profile_is_status_4(tmp_path: Path) -> None:
    d = tmp_path / "busy"
    store = ProfileStore(d)
    store.create("Busy", PASSWORD).close()
    holder = store.open("Busy", PASSWORD)
    try:
        with holder.vault.transaction() as db:
            db.execute("INSERT INTO activity(at, action, detail) VALUES(1, 'hold', 'the write lock')")
            proc = run(d, "device", "add", "-p", "Busy", "--nickname", "Phone", "--push")
        assert proc.returncode == 4 and "busy" in proc.stderr
    finally:
        holder.close()


def test_location_options_work_before_and_after_the_command(data: Path, tmp_path: Path) -> None:
    """`--data-dir`/`--password-file` may follow the command, as people type them."""
    elsewhere = tmp_path / "empty"  # what $EPCS_DESKTOP_DATA_DIR points at in this test
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    after = run(elsewhere, "device", "list", "-p", "Dr Smith", "--data-dir", str(data), "--password-file",
                str(pw), password=None)
    before = run(elsewhere, "--data-dir", str(data), "--password-file", str(pw), "device", "list", "-p",
                 "Dr Smith", password=None)
    assert after.returncode == 0 and before.returncode == 0
    assert after.stdout == before.stdout and "Office iPad" in after.stdout
    assert run(elsewhere, "profile", "list", "--data-dir", str(data)).stdout.split() == ["Dr", "Smith"]


def test_window_without_a_display_is_a_one_line_error(tmp_path: Path) -> None:
    """On a server or over SSH, Qt would abort with a plugin error; the program says what is wrong instead."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM") and not k.startswith("EPCS_DESKTOP_")
    }
    env["EPCS_DESKTOP_DATA_DIR"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "epcs_desktop"], capture_output=True, text=True, env=env, timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: There is no graphical display") and proc.stderr.count("\n") == 1


def test_a_uri_on_the_command_line_works_but_warns(tmp_path: Path) -> None:
    uri = "otpauth://totp/RFC?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    given = run(tmp_path, "code", uri, "--at", "59")
    piped = run(tmp_path, "code", "-", "--at", "59", stdin=uri + "\n")
    assert given.stdout == piped.stdout == "287082\n"
    assert "warning:" in given.stderr and "stdin" in given.stderr
    assert piped.stderr == ""


def test_without_a_terminal_the_message_names_the_right_password_source(data: Path, tmp_path: Path) -> None:
    proc = run(data, "backup", "create", "--profile", "Dr Smith", str(tmp_path / "b.epcsbak"))
    assert proc.returncode == 2
    assert "EPCS_DESKTOP_BACKUP_PASSWORD" in proc.stderr and "--backup-password-file" in proc.stderr
