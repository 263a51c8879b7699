"""The Spanish catalogue ships, loads by locale, and reaches the widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from epcs_desktop.ui import i18n
from epcs_desktop.ui.start import StartWindow


@pytest.fixture
def spanish(qapp) -> Iterator[bool]:
    loaded = i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    yield loaded
    i18n.remove_translators()


def test_spanish_is_shipped() -> None:
    assert "es" in i18n.available_languages()


def test_spanish_strings_appear(qtbot, store, spanish) -> None:
    assert spanish
    w = StartWindow(store)
    qtbot.addWidget(w)
    assert w.windowTitle() == "EPCS Desktop — Desbloquear"
    assert w.unlock_button.text() == "&Desbloquear"
    assert "no se puede recuperar" in " ".join(
        label.text() for label in w.create_page.findChildren(type(w.strength))
    )


def test_spanish_plural_and_main_window(qtbot, controller, profile, spanish) -> None:
    from PySide6.QtCore import Qt

    window = controller.open_profile(profile)
    qtbot.addWidget(window)
    model = window.erx.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Dispositivo principal"
    assert model.index(0, 2).data() == "Es el principal"
    spoken = window.codes.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "quedan 10 segundos" in spoken


def test_english_without_translator(qtbot, store) -> None:
    i18n.remove_translators()
    w = StartWindow(store)
    qtbot.addWidget(w)
    assert w.unlock_button.text() == "&Unlock"


def test_spanish_help_page(qtbot, store, spanish) -> None:
    from epcs_desktop.ui.dialogs import HelpDialog

    dialog = HelpDialog("x", "change-phone")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "¿Qué pasa con mi MFA si cambio de teléfono?" in text
    assert text.count("Account > Provider Settings > eRx Info") == 2
