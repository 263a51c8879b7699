"""Our exports, read by the real readers of other apps (issue 20): pyotp, npm `otpauth`, KeePassXC's and
Aegis's otpauth rules, Aegis's vault format and `decrypt.py` steps, 2FAS's Android and iOS schemas and the
`2fas` package (lib2fas).

Where a reader cannot be run here (KeePassXC and Aegis are C++ and Android apps), the test applies the rules
of its public source, named at each reader. docs/cli.md's table says what each app shows.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp
import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.core.export import ExportEntry, export_label, render
from epcs_desktop.core.otp import code_at
from epcs_desktop.core.otpauth import LABEL_COLON, from_secret

S1 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
S3 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT"
ENTRIES = [
    ExportEntry("Office PC", from_secret(S1, issuer="ID.me", account="dr.lee@clinic.org")),
    ExportEntry(
        "ACME prod", from_secret(S2, issuer="ACME: Prod", account="dave.ops", algorithm="SHA256", digits=8)
    ),
    ExportEntry(
        "Token", from_secret(S3, issuer="Bank", account="j:k", kind="hotp", counter=41, algorithm="SHA512")
    ),
    ExportEntry("Steam box", from_secret(S1, issuer="Steam", account="gamer", kind="steam", digits=5)),
    ExportEntry("Typed key", from_secret(S2, period=60)),
]
CLOCK = FixedClock(1_795_858_146.0)
NODE_DIR = Path(__file__).parent / "export_readers"


def _shown(entry: ExportEntry) -> tuple[str, str]:
    """(issuer, account) a reader must show: the issuer as held, the account labelled by `export_label`."""
    issuer, account = export_label(entry.nickname, entry.params)
    return issuer, account.replace(":", LABEL_COLON)


def _links() -> list[str]:
    return render("otpauth", ENTRIES, clock=CLOCK).decode("utf-8").splitlines()


# --------------------------------------------------------------------------- pyotp


def test_pyotp_parse_uri_reads_every_link_right() -> None:
    for entry, link in zip(ENTRIES, _links(), strict=True):
        p = entry.params
        otp = pyotp.parse_uri(link)
        issuer, account = _shown(entry)
        assert (otp.issuer or "", otp.name) == (issuer, account), link
        assert otp.secret == p.secret
        if p.kind == "steam":  # pyotp's Steam keeps 10 internal digits and shows 5 characters
            assert isinstance(otp, pyotp.contrib.Steam)
            assert otp.at(CLOCK.now()) == code_at(p, CLOCK.now())  # the Steam Guard code itself
            continue
        assert otp.digest().name == p.algorithm.lower() and otp.digits == p.digits
        if p.kind == "hotp":
            assert isinstance(otp, pyotp.HOTP) and otp.initial_count == p.counter
            assert otp.at(0) == code_at(p, CLOCK.now())  # pyotp counts from initial_count
        else:
            assert isinstance(otp, pyotp.TOTP) and otp.interval == p.period
            assert otp.at(CLOCK.now()) == code_at(p, CLOCK.now())


# --------------------------------------------------------------------------- npm otpauth


def _node_reader() -> Path:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the npm otpauth reader cannot run")
    if not (NODE_DIR / "node_modules" / "otpauth").is_dir():
        if shutil.which("npm") is None:
            pytest.skip("npm is not installed: run `npm ci` in tests/core/export_readers")
        done = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"],
            cwd=NODE_DIR,
            capture_output=True,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(
                "`npm ci` in tests/core/export_readers failed (no registry?): npm otpauth not checked"
            )
    return NODE_DIR / "read_links.js"


def test_npm_otpauth_reads_every_link_right() -> None:
    script = _node_reader()
    done = subprocess.run(
        ["node", str(script)],
        input="\n".join(_links()),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    read = [json.loads(line) for line in done.stdout.splitlines()]
    for entry, got in zip(ENTRIES, read, strict=True):
        p = entry.params
        assert "error" not in got, got
        assert (got["issuer"], got["account"]) == _shown(entry)
        assert (got["secret"], got["algorithm"], got["digits"]) == (p.secret, p.algorithm, p.digits)
        # npm otpauth has no Steam alphabet: it reads Steam as 5-digit TOTP (documented in docs/cli.md)
        assert got["kind"] == ("hotp" if p.kind == "hotp" else "totp")
        assert got.get("counter", got.get("period")) == (p.counter if p.kind == "hotp" else p.period)


# --------------------------------------------------------------------------- KeePassXC


def _keepassxc_read(link: str) -> dict[str, Any]:
    """KeePassXC's `Totp::parseSettings` (src/totp/totp.cpp) for an otpauth URL: the query's secret, period,
    digits, algorithm and encoder (``encoder=steam`` selects the Steam encoder, which forces 5 characters);
    the label and the ``otpauth://steam`` host are not looked at (the old export's Steam lines became a
    numeric code)."""
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    steam = query.get("encoder", "").lower() == "steam"
    return {
        "secret": query["secret"],
        "period": int(query.get("period", 30)),
        "digits": 5 if steam else int(query.get("digits", 6)),
        "algorithm": query.get("algorithm", "SHA1").upper(),
        "steam": steam,
    }


def test_keepassxc_reads_every_time_based_link_right() -> None:
    for entry, link in zip(ENTRIES, _links(), strict=True):
        p = entry.params
        if p.kind == "hotp":
            continue  # KeePassXC's TOTP field has no counter: documented (use Aegis or 2FAS for HOTP)
        got = _keepassxc_read(link)
        assert got == {
            "secret": p.secret,
            "period": p.period,
            "digits": p.digits,
            "algorithm": p.algorithm,
            "steam": p.kind == "steam",
        }


# --------------------------------------------------------------------------- Aegis


def _aegis_label(link: str) -> tuple[str, str]:
    """Aegis's `GoogleAuthInfo.parseUri`: the decoded label split at ':' into issuer and account (a label
    with more colons is misread), the ``issuer`` parameter used when the label names none."""
    parts = urlsplit(link)
    label = unquote(parts.path[1:])
    issuer_param = parse_qs(parts.query).get("issuer", [""])[0]
    if ":" in label:
        issuer, account = label.split(":", 1)
        assert ":" not in account, f"Aegis would misread {label!r}"
        return issuer.strip(), account.strip()
    return issuer_param, label.strip()


def test_aegis_reads_every_link_label_right() -> None:
    for entry, link in zip(ENTRIES, _links(), strict=True):
        assert _aegis_label(link) == _shown(entry), link


def _aegis_decrypt(doc: dict[str, Any], password: str) -> dict[str, Any]:
    """The steps of Aegis's docs/decrypt.py: the first password slot (type 1) gives scrypt(n, r, p, salt),
    which opens the master key (AES-GCM, key_params nonce/tag), which opens ``db`` (header.params)."""
    slot = next(s for s in doc["header"]["slots"] if s["type"] == 1)
    kdf = Scrypt(salt=bytes.fromhex(slot["salt"]), length=32, n=slot["n"], r=slot["r"], p=slot["p"])
    key = kdf.derive(password.encode("utf-8"))
    params = slot["key_params"]
    master = AESGCM(key).decrypt(
        bytes.fromhex(params["nonce"]), bytes.fromhex(slot["key"]) + bytes.fromhex(params["tag"]), None
    )
    head = doc["header"]["params"]
    content = base64.b64decode(doc["db"]) + bytes.fromhex(head["tag"])
    return json.loads(AESGCM(master).decrypt(bytes.fromhex(head["nonce"]), content, None))


def _check_aegis_db(db: dict[str, Any]) -> None:
    """docs/vault.md: content version 1..3, each entry's type, name, issuer and info."""
    assert db["version"] in (1, 2, 3)
    for entry, got in zip(ENTRIES, db["entries"], strict=True):
        p = entry.params
        assert (got["type"], got["name"], got["issuer"]) == (p.kind, p.account, p.issuer)
        info = got["info"]
        assert (info["secret"], info["algo"], info["digits"]) == (p.secret, p.algorithm, p.digits)
        assert info.get("counter" if p.kind == "hotp" else "period") == (
            p.counter if p.kind == "hotp" else p.period
        )
        assert got["note"] == entry.nickname


def test_aegis_reads_the_plain_and_encrypted_vaults() -> None:
    plain = json.loads(render("aegis", ENTRIES, clock=CLOCK))
    assert plain["version"] == 1 and plain["header"] == {"slots": None, "params": None}
    _check_aegis_db(plain["db"])
    encrypted = json.loads(render("aegis-encrypted", ENTRIES, clock=CLOCK, password="pässword 123"))
    _check_aegis_db(_aegis_decrypt(encrypted, "pässword 123"))


# --------------------------------------------------------------------------- 2FAS


def _twofas() -> dict[str, Any]:
    return json.loads(render("2fas", ENTRIES, clock=CLOCK))


def test_twofas_ios_schema() -> None:
    """2FAS for iOS (`ExchangeData`): appOrigin android/ios, appVersionCode/Name, schemaVersion, and per
    service name, secret, updatedAt, otp, order and an icon with an icon collection id; it refused the old
    export whole."""
    doc = _twofas()
    assert doc["appOrigin"] in ("android", "ios") and doc["schemaVersion"] == 4
    assert isinstance(doc["appVersionCode"], int) and isinstance(doc["appVersionName"], str)
    for s in doc["services"]:
        assert isinstance(s["name"], str) and s["name"] and isinstance(s["updatedAt"], int)
        assert isinstance(s["icon"]["iconCollection"]["id"], str) and s["icon"]["selected"] == "Label"
        assert isinstance(s["order"]["position"], int)


def test_twofas_android_schema_reads_every_service_right() -> None:
    """2FAS for Android (`BackupDto`/`ServiceDto`): secret, otp.tokenType, digits, period or counter,
    algorithm, issuer (empty when none) and account."""
    for entry, s in zip(ENTRIES, _twofas()["services"], strict=True):
        p = entry.params
        otp = s["otp"]
        assert (s["secret"], otp["tokenType"], otp["digits"], otp["algorithm"]) == (
            p.secret,
            p.kind.upper(),
            p.digits,
            p.algorithm,
        )
        assert otp.get("counter" if p.kind == "hotp" else "period") == (
            p.counter if p.kind == "hotp" else p.period
        )
        assert otp["issuer"] == p.issuer and otp["account"] == export_label(entry.nickname, p)[1]
        assert s["name"] == (p.issuer or otp["account"])  # issue 20 item 5: never the nickname as issuer


def test_lib2fas_loads_the_export(tmp_path: Path) -> None:
    lib2fas = pytest.importorskip("lib2fas", reason="the `2fas` package (lib2fas) is not installed here")
    path = tmp_path / "export.2fas"
    path.write_bytes(render("2fas", ENTRIES, clock=CLOCK))
    storage = lib2fas.load_services(str(path))
    names = [s.name for s in storage]
    assert names == [s["name"] for s in _twofas()["services"]]
    first = next(iter(storage))
    assert first.secret == S1 and first.generate() == pyotp.TOTP(S1).now()
