"""`epcs-desktop device add | list | primary | rename | remove`: the eRx device table from a shell."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import SECRET, URI, run


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
    assert set(first) == {
        "nickname", "option", "option_label", "primary", "where", "secret_held_here",
        "added_at", "issuer", "account",
    }  # fmt: skip
    assert first["where"] == "this_computer" and first["secret_held_here"] is True
    assert (
        first["nickname"] == "Office iPad"
        and first["option"] == "generator_here"
        and first["primary"] is True
    )
    assert first["issuer"] == "ID.me" and first["account"] == "dr@example.org"
    assert first["added_at"].endswith("Z")
    assert [d["option"] for d in doc["devices"]] == ["generator_here", "push", "generator_other"]
    assert doc["devices"][1]["issuer"] is None
    assert [d["where"] for d in doc["devices"]] == ["this_computer", "push", "phone"]
    assert SECRET not in json.dumps(doc)


def test_device_lifecycle_and_rule_errors(tmp_path: Path) -> None:
    d = tmp_path / "life"
    assert run(d, "profile", "create", "Life").returncode == 0
    for nick in ("A", "B", "C"):
        assert run(d, "device", "add", "-p", "Life", "--nickname", nick, "--push").returncode == 0
    clash = run(d, "device", "add", "-p", "Life", "--nickname", " a ", "--push")
    assert clash.returncode == 2 and "already a device called “A”" in clash.stderr
    both = run(d, "device", "add", "-p", "Life", "--nickname", "D", "--push", "--other-generator")
    assert both.returncode == 2
    assert run(d, "device", "primary", "-p", "Life", "b").stdout.strip() == "“B” is now the primary device."
    assert run(d, "device", "rename", "-p", "Life", "c", "Cell").returncode == 0
    need = run(d, "device", "remove", "-p", "Life", "B")
    assert need.returncode == 2 and "name the device that becomes primary" in need.stderr
    removed = run(d, "device", "remove", "-p", "Life", "B", "--successor", "cell")
    assert removed.stdout.strip() == "Removed “B”. “Cell” is now the primary device."
    last = run(d, "device", "remove", "-p", "Life", "Cell")
    assert last.stdout.strip() == "Removed “Cell”. “A” is now the primary device."
    doc = json.loads(run(d, "device", "list", "-p", "Life", "--json").stdout)
    assert [(x["nickname"], x["primary"]) for x in doc["devices"]] == [("A", True)]
    assert run(d, "device", "remove", "-p", "Life", "nobody").returncode == 2


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


def test_device_add_of_an_account_already_held_is_refused_and_names_it(tmp_path: Path) -> None:
    """The one "same account" rule (type, secret, issuer, account): refused here as in the window."""
    d = tmp_path / "dup"
    assert run(d, "profile", "create", "Dup").returncode == 0
    assert (
        run(d, "device", "add", "-p", "Dup", "--nickname", "Desk", "--uri", "-", stdin=URI + "\n").returncode
        == 0
    )
    same_account = URI.replace("issuer=ID.me", "issuer=id.ME")  # issuer compared case-insensitively
    again = run(
        d, "device", "add", "-p", "Dup", "--nickname", "Laptop", "--uri", "-", stdin=same_account + "\n"
    )
    assert again.returncode == 2
    assert again.stderr == "error: This account is already in this profile as “Desk”.\n"
    assert [
        x["nickname"] for x in json.loads(run(d, "device", "list", "-p", "Dup", "--json").stdout)["devices"]
    ] == ["Desk"]


def test_device_add_uri_in_argv_warns_like_code(tmp_path: Path) -> None:
    """Issue 23 item 12: `device add --uri otpauth://…` put the secret in argv without `code`'s warning."""
    from cli_support import URI, new_cli_profile, run

    data_dir = tmp_path / "d"
    new_cli_profile(data_dir, "Dr Argv")
    proc = run(
        data_dir,
        "device",
        "add",
        "-p",
        "Dr Argv",
        "--nickname",
        "Laptop",
        "--uri",
        URI.replace("dr%40", "a%40"),
    )
    assert proc.returncode == 0 and "visible to other users of this computer" in proc.stderr, proc.stderr
    quiet = run(
        data_dir, "device", "add", "-p", "Dr Argv", "--nickname", "Desk", "--uri", "-", stdin=URI + "\n"
    )
    assert "visible to other users" not in quiet.stderr
