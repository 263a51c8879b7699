"""Writes the sample files in ``data/``: one per import format, from each format's public description.

Run once (``python tests/core/importers/make_samples.py``) when a sample must change; the files are committed
so the tests never depend on this script's crypto matching the importer's (they were written independently:
this script follows the formats' documents, the importers read them). Every sample holds the same four
accounts (`VECTORS` in conftest.py) plus, where the format can hold one, an entry that must be refused.
Passwords: ``sample-password``.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import struct
import zipfile
from pathlib import Path

DATA = Path(__file__).parent / "data"
PASSWORD = b"sample-password"
T1 = ("Clinic Mail", "dr.lee", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "SHA1", 6, 30)
T2 = ("Pharmacy", "lee@rx.example", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "SHA256", 8, 60)
H1 = ("VPN", "lee", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT", "SHA512", 7, 42)  # counter 42
ST = ("Steam", "gamer", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU")
MOTP_SECRET = "ORSXG5BAMJQWIIDTMVRXEZLU"


def raw(secret: str) -> bytes:
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def link(kind: str, issuer: str, account: str, secret: str, **extra: object) -> str:
    from urllib.parse import quote

    q = f"secret={secret}&issuer={quote(issuer)}" + "".join(f"&{k}={v}" for k, v in extra.items())
    return f"otpauth://{kind}/{quote(issuer)}:{quote(account)}?{q}"


LINKS = [
    link("totp", *T1[:3], algorithm="SHA1", digits=6, period=30),
    link("totp", *T2[:3], algorithm="SHA256", digits=8, period=60),
    link("hotp", *H1[:3], algorithm="SHA512", digits=7, counter=42),
]


def write(name: str, data: bytes | str) -> None:
    (DATA / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def andotp() -> None:
    entries = [
        {
            "secret": T1[2],
            "issuer": T1[0],
            "label": T1[1],
            "digits": 6,
            "type": "TOTP",
            "algorithm": "SHA1",
            "thumbnail": "Default",
            "last_used": 0,
            "used_frequency": 0,
            "period": 30,
            "tags": [],
        },
        {
            "secret": T2[2],
            "issuer": T2[0],
            "label": T2[1],
            "digits": 8,
            "type": "TOTP",
            "algorithm": "SHA256",
            "thumbnail": "Default",
            "last_used": 0,
            "used_frequency": 0,
            "period": 60,
            "tags": ["work"],
        },
        {
            "secret": H1[2],
            "issuer": H1[0],
            "label": H1[1],
            "digits": 7,
            "type": "HOTP",
            "algorithm": "SHA512",
            "thumbnail": "Default",
            "last_used": 0,
            "used_frequency": 0,
            "counter": 42,
            "tags": [],
        },
        {
            "secret": ST[2],
            "issuer": ST[0],
            "label": ST[1],
            "digits": 5,
            "type": "STEAM",
            "algorithm": "SHA1",
            "thumbnail": "Steam",
            "last_used": 0,
            "used_frequency": 0,
            "period": 30,
            "tags": [],
        },
        {
            "secret": MOTP_SECRET,
            "issuer": "Old VPN",
            "label": "pin",
            "digits": 6,
            "type": "MOTP",
            "algorithm": "MD5",
            "thumbnail": "Default",
            "last_used": 0,
            "used_frequency": 0,
            "period": 10,
            "tags": [],
        },
    ]
    plain = json.dumps(entries).encode("utf-8")
    write("andotp_plain.json", plain)
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    iterations, salt, iv = 150_000, os.urandom(12), os.urandom(12)
    key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=iterations).derive(PASSWORD)  # noqa: S303 (the formats use SHA1)
    write(
        "andotp_encrypted.json.aes",
        struct.pack(">I", iterations) + salt + iv + AESGCM(key).encrypt(iv, plain, None),
    )


def freeotp() -> None:
    def signed(secret: str) -> list[int]:
        return [b - 256 if b > 127 else b for b in raw(secret)]

    tokens = [
        {
            "algo": "SHA1",
            "counter": 0,
            "digits": 6,
            "issuerExt": T1[0],
            "issuerInt": T1[0],
            "label": T1[1],
            "period": 30,
            "secret": signed(T1[2]),
            "type": "TOTP",
        },
        {
            "algo": "SHA256",
            "counter": 0,
            "digits": 8,
            "issuerExt": T2[0],
            "label": T2[1],
            "period": 60,
            "secret": signed(T2[2]),
            "type": "TOTP",
        },
        {
            "algo": "SHA512",
            "counter": 42,
            "digits": 7,
            "issuerExt": H1[0],
            "label": H1[1],
            "period": 30,
            "secret": signed(H1[2]),
            "type": "HOTP",
        },
    ]
    order = [f"{t['issuerExt']}:{t['label']}" for t in tokens]
    write("freeotp_plus.json", json.dumps({"tokenOrder": order, "tokens": tokens}))
    from xml.sax.saxutils import escape, quoteattr

    body = "".join(
        f"    <string name={quoteattr(o)}>{escape(json.dumps(t))}</string>\n"
        for o, t in zip(order, tokens, strict=True)
    )
    xml = (
        "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
        f'    <string name="tokenOrder">{escape(json.dumps(order))}</string>\n{body}</map>\n'
    )
    write("freeotp_tokens.xml", xml)


def bitwarden() -> None:
    items = [
        {"id": "1", "type": 1, "name": "Mail", "login": {"username": "x", "totp": LINKS[0]}},
        {"id": "2", "type": 1, "name": "Rx", "login": {"username": "y", "totp": LINKS[1]}},
        {"id": "3", "type": 1, "name": "VPN", "login": {"username": "lee", "totp": LINKS[2]}},
        {"id": "4", "type": 1, "name": "Games", "login": {"username": "gamer", "totp": f"steam://{ST[2]}"}},
        {"id": "5", "type": 1, "name": "Bank", "login": {"username": "lee", "password": "pw", "totp": None}},
        {"id": "6", "type": 1, "name": "Typo", "login": {"username": "t", "totp": "NOT*BASE32"}},
    ]
    write("bitwarden.json", json.dumps({"encrypted": False, "folders": [], "items": items}, indent=2))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        [
            "folder",
            "favorite",
            "type",
            "name",
            "notes",
            "fields",
            "reprompt",
            "login_uri",
            "login_username",
            "login_password",
            "login_totp",
        ]
    )
    for it in items:
        w.writerow(
            [
                "",
                "",
                "login",
                it["name"],
                "",
                "",
                "0",
                "",
                it["login"]["username"],
                it["login"].get("password", ""),
                it["login"]["totp"] or "",
            ]
        )
    write("bitwarden.csv", out.getvalue())
    auth_items = [
        {
            "id": "a1",
            "name": T1[0],
            "folderId": None,
            "organizationId": None,
            "collectionIds": None,
            "notes": None,
            "type": 1,
            "login": {"totp": LINKS[0], "username": T1[1], "uris": []},
            "favorite": False,
        },
        {
            "id": "a2",
            "name": T2[0],
            "type": 1,
            "login": {"totp": LINKS[1], "username": T2[1]},
            "favorite": True,
        },
        {
            "id": "a3",
            "name": H1[0],
            "type": 1,
            "login": {"totp": LINKS[2], "username": H1[1]},
            "favorite": False,
        },
        {
            "id": "a4",
            "name": "Steam",
            "type": 1,
            "login": {"totp": f"steam://{ST[2]}", "username": ST[1]},
            "favorite": False,
        },
    ]
    write("bitwarden_authenticator.json", json.dumps({"encrypted": False, "items": auth_items}, indent=2))


def proton() -> None:
    def entry(uri: str, name: str, kind: str = "Totp") -> dict[str, object]:
        return {
            "id": os.urandom(8).hex(),
            "content": {"uri": uri, "entry_type": kind, "name": name},
            "note": None,
        }

    doc = {
        "version": 1,
        "entries": [
            entry(LINKS[0], T1[1]),
            entry(LINKS[1], T2[1]),
            entry(f"steam://{ST[2]}", ST[1], "Steam"),
        ],
    }
    plain = json.dumps(doc).encode("utf-8")
    write("proton_authenticator.json", plain)
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key = hash_secret_raw(
        PASSWORD, salt, time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, type=Type.ID
    )
    sealed = nonce + AESGCM(key).encrypt(nonce, plain, b"proton.authenticator.export.v1")
    enc = {
        "version": 1,
        "salt": base64.b64encode(salt).decode(),
        "content": base64.b64encode(sealed).decode(),
    }
    write("proton_authenticator_encrypted.json", json.dumps(enc))
    items = [
        {
            "itemId": "i1",
            "data": {
                "type": "login",
                "metadata": {"name": "Mail", "note": ""},
                "content": {
                    "itemEmail": "",
                    "itemUsername": T1[1],
                    "password": "",
                    "urls": [],
                    "totpUri": LINKS[0],
                    "passkeys": [],
                },
            },
        },
        {
            "itemId": "i2",
            "data": {
                "type": "login",
                "metadata": {"name": "Rx", "note": ""},
                "content": {
                    "itemEmail": T2[1],
                    "itemUsername": "",
                    "password": "",
                    "urls": [],
                    "totpUri": LINKS[1],
                    "passkeys": [],
                },
            },
        },
        {
            "itemId": "i3",
            "data": {"type": "note", "metadata": {"name": "A note", "note": "text"}, "content": {}},
        },
    ]
    pass_doc = {
        "version": "1.21.2",
        "userId": "u",
        "encrypted": False,
        "vaults": {"v1": {"name": "Personal", "description": "", "items": items}},
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Proton Pass/data.json", json.dumps(pass_doc))
    write("proton_pass.zip", buf.getvalue())


def ente() -> None:
    import nacl.bindings as s

    salt = os.urandom(s.crypto_pwhash_SALTBYTES)
    mem, ops = 64 * 1024 * 1024, 2
    key = s.crypto_pwhash_alg(32, PASSWORD, salt, ops, mem, s.crypto_pwhash_ALG_ARGON2ID13)
    state = s.crypto_secretstream_xchacha20poly1305_state()
    header = s.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    plain = ("\n".join([*LINKS, link("totp", *ST, digits=5, encoder="steam")]) + "\n").encode("utf-8")
    data = s.crypto_secretstream_xchacha20poly1305_push(
        state, plain, None, s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
    )
    doc = {
        "version": 1,
        "kdfParams": {"memLimit": mem, "opsLimit": ops, "salt": base64.b64encode(salt).decode()},
        "encryptedData": base64.b64encode(data).decode(),
        "encryptionNonce": base64.b64encode(header).decode(),
    }
    write("ente_encrypted.txt", json.dumps(doc))


def authpro() -> None:
    def auth(
        kind: int, issuer: str, user: str, secret: str, algo: int, digits: int, period: int, counter: int
    ):
        return {
            "Type": kind,
            "Icon": None,
            "Issuer": issuer,
            "Username": user,
            "Secret": secret,
            "Pin": None,
            "Algorithm": algo,
            "Digits": digits,
            "Period": period,
            "Counter": counter,
            "Ranking": 0,
        }

    doc = {
        "Authenticators": [
            auth(2, T1[0], T1[1], T1[2], 0, 6, 30, 0),
            auth(2, T2[0], T2[1], T2[2], 1, 8, 60, 0),
            auth(1, H1[0], H1[1], H1[2], 2, 7, 30, 42),
            auth(4, ST[0], ST[1], ST[2], 0, 5, 30, 0),
            auth(5, "Yandex", "ya", MOTP_SECRET, 0, 8, 30, 0),
        ],
        "Categories": [],
        "AuthenticatorCategories": [],
        "CustomIcons": [],
    }
    plain = json.dumps(doc).encode("utf-8")
    write("authpro.json", plain)
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives import hashes, padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    salt, iv = os.urandom(16), os.urandom(12)
    key = hash_secret_raw(
        PASSWORD, salt, time_cost=3, memory_cost=65536, parallelism=4, hash_len=32, type=Type.ID
    )
    write("authpro_encrypted.authpro", b"AUTHENTICATORPRO" + salt + iv + AESGCM(key).encrypt(iv, plain, None))
    salt, iv = os.urandom(20), os.urandom(16)
    key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=64_000).derive(PASSWORD)  # noqa: S303 (the formats use SHA1)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    write("authpro_legacy.authpro", b"AuthenticatorPro" + salt + iv + enc.update(padded) + enc.finalize())


def lastpass() -> None:
    def acc(issuer: str, user: str, secret: str, algo: str, digits: int, step: int) -> dict[str, object]:
        return {
            "accountID": issuer.lower(),
            "issuerName": issuer,
            "originalIssuerName": issuer,
            "userName": user,
            "originalUserName": user,
            "pushNotification": False,
            "secret": secret,
            "timeStep": step,
            "digits": digits,
            "creationTimestamp": 0,
            "isFavorite": False,
            "algorithm": algo,
            "folderData": {"folderId": 0, "position": 0},
        }

    doc = {
        "deviceName": "phone",
        "deviceSecret": "",
        "localDeviceId": "",
        "version": 3,
        "accounts": [acc(*T1[:3], "SHA1", 6, 30), acc(*T2[:3], "SHA256", 8, 60)],
        "folders": [{"id": 0, "name": "Favorites", "isOpened": True}],
    }
    write("lastpass.json", json.dumps(doc))


def steam() -> None:
    doc = {
        "shared_secret": base64.b64encode(raw(ST[2])).decode(),
        "serial_number": "1",
        "revocation_code": "R00000",
        "uri": f"otpauth://totp/Steam:{ST[1]}?secret={ST[2]}&issuer=Steam",
        "server_time": 0,
        "account_name": ST[1],
        "token_gid": "0",
        "identity_secret": base64.b64encode(b"x" * 20).decode(),
        "secret_1": "",
        "status": 1,
        "device_id": "android:0",
        "fully_enrolled": True,
        "Session": None,
    }
    write("gamer.maFile", json.dumps(doc))


def keepass() -> None:
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(
        ["Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon", "Last Modified", "Created"]
    )
    w.writerow(["Root", T1[0], T1[1], "pw", "", "", LINKS[0], "0", "", ""])
    w.writerow(["Root", T2[0], T2[1], "pw", "", "", LINKS[1], "0", "", ""])
    w.writerow(
        ["Root", "Games", ST[1], "pw", "", "", f"key={ST[2]}&step=30&size=5&encoder=steam", "0", "", ""]
    )
    w.writerow(["Root", "No OTP", "x", "pw", "", "", "", "0", "", ""])
    write("keepassxc.csv", out.getvalue())
    from xml.sax.saxutils import escape

    def entry(fields: dict[str, str]) -> str:
        return (
            "<Entry>"
            + "".join(
                f"<String><Key>{escape(k)}</Key><Value>{escape(v)}</Value></String>"
                for k, v in fields.items()
            )
            + "</Entry>"
        )

    xml = (
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile><Meta><Generator>KeePass'
        "</Generator></Meta><Root><Group><Name>Root</Name>"
        + entry({"Title": T1[0], "UserName": T1[1], "Password": "pw", "otp": LINKS[0]})
        + entry(
            {
                "Title": T2[0],
                "UserName": T2[1],
                "TimeOtp-Secret-Base32": T2[2],
                "TimeOtp-Length": "8",
                "TimeOtp-Period": "60",
                "TimeOtp-Algorithm": "HMAC-SHA-256",
            }
        )
        + entry({"Title": H1[0], "UserName": H1[1], "HmacOtp-Secret-Base32": H1[2], "HmacOtp-Counter": "42"})
        + entry({"Title": "Plain", "UserName": "p", "Password": "pw"})
        + "</Group></Root></KeePassFile>\n"
    )
    write("keepass.xml", xml)


def winauth() -> None:
    lines = [
        link("totp", *T1[:3], digits=6, icon="Google"),
        link("totp", *T2[:3], algorithm="SHA256", digits=8, period=60),
        link("totp", *ST, digits=5, deviceid="android%3A0", icon="Steam"),
    ]
    write("winauth.txt", "\r\n".join(lines) + "\r\n")


if __name__ == "__main__":
    DATA.mkdir(exist_ok=True)
    for make in (andotp, freeotp, bitwarden, proton, ente, authpro, lastpass, steam, keepass, winauth):
        make()
