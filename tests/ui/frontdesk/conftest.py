"""Fixtures for the front-desk dialogs: real SQLCipher profiles in a per-test folder."""

from __future__ import annotations

import pytest
from frontdesk_support import PW, SECRET

from epcs_desktop.core.erx import DeviceOption
from epcs_desktop.core.otpauth import OtpParams
from epcs_desktop.core.profiles import ProfileStore


@pytest.fixture
def ada_profile(data_dir_store: ProfileStore):
    """Dr Ada with one code generator held here ('android', primary), like the article's screenshot."""
    p = data_dir_store.create("Dr Ada", PW)
    params = OtpParams("totp", SECRET, "ada@example.org", "ID.me")
    p.add_device("android", DeviceOption.GENERATOR_HERE, params)
    yield p
    if p.vault.is_open:
        p.close()
