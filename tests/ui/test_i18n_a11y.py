"""Accessibility of the enrollment wizard and the front-desk dialogs.

What a screen-reader or keyboard user meets: every input and every button
without text has a name (as Qt's accessibility layer reports it, buddy labels
included), the main buttons have mnemonics that do not clash on one screen,
and Tab walks the widgets in reading order. The same checks run in Spanish,
where the translated mnemonics must not clash either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise

import pytest
from gui_support import T0, otp
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableView,
    QWidget,
    QWizard,
)

from epcs_desktop.core.clock import FixedClock
from epcs_desktop.ui import i18n
from epcs_desktop.ui.frontdesk import (
    ActivityLogDialog,
    ChangeGuideDialog,
    HandOverDialog,
    NewPasswordDialog,
    PracticeDialog,
    RecordDeviceDialog,
)
from epcs_desktop.ui.wizard import EnrollWizard
from epcs_desktop.ui.wizard.ids import PageId

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTableView)
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


@pytest.fixture(params=["en", "es"])
def language(request, qapp) -> Iterator[str]:
    if request.param == "es":
        assert i18n.install_translators(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    else:
        i18n.remove_translators()
    yield request.param
    i18n.remove_translators()


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def shown(root: QWidget, types: type | tuple[type, ...]) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, types) and w.isVisibleTo(root)]


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.findall(text.replace("&&", ""))
    assert len(found) <= 1, f"two mnemonics in {text!r}"
    return found[0].casefold() if found else None


def mnemonic_clashes(root: QWidget, extra: Iterable[QAbstractButton] = ()) -> dict[str, list[str]]:
    """Letters used by more than one button or buddy label visible in `root` (plus `extra` buttons)."""
    texts = [b.text() for b in shown(root, QAbstractButton)]
    texts += [lbl.text() for lbl in shown(root, QLabel) if lbl.buddy() is not None]
    texts += [b.text() for b in extra if not b.isHidden()]
    letters = Counter(m for m in map(mnemonic, texts) if m)
    return {k: [t for t in texts if mnemonic(t) == k] for k, n in letters.items() if n > 1}


def literal_ampersands(root: QWidget) -> list[str]:
    """Plain labels showing a literal "&" ("&File:"): a mnemonic with no buddy (issue 22 item 10)."""
    import re

    from PySide6.QtGui import Qt as QtGui

    out = []
    for label in shown(root, QLabel):
        text = label.text()
        plain = not QtGui.mightBeRichText(text)
        if label.buddy() is None and plain and re.search(r"(?<!&)&(?=[^\s&])", text):
            out.append(text)
    return out


def unnamed(root: QWidget) -> list[str]:
    """Inputs, and buttons without text, that a screen reader would announce without a name."""
    inputs = [w for w in shown(root, INPUTS) if not isinstance(w.parentWidget(), QAbstractSpinBox)]
    missing = [w for w in inputs if not accessible_name(w)]
    missing += [b for b in shown(root, QAbstractButton) if not b.text().strip() and not accessible_name(b)]
    return [f"{type(w).__name__} {w.objectName() or ''}".strip() for w in missing]


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside `root`, in order."""
    out: list[QWidget] = []
    w = root.nextInFocusChain()
    while w is not root and w not in out:
        if (
            w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(root)
            and w.isEnabled()
            and root.isAncestorOf(w)
            and not isinstance(w.parentWidget(), QAbstractSpinBox)  # a spin box's own line edit
        ):
            out.append(w)
        w = w.nextInFocusChain()
    return out


def _scroller(root: QWidget, w: QWidget) -> QScrollArea | None:
    while w is not None and w is not root:
        if isinstance(w, QScrollArea):
            return w
        w = w.parentWidget()
    return None


def _rects(root: QWidget, a: QWidget, b: QWidget) -> tuple[QRect, QRect]:
    """Where `a` and `b` are drawn; a widget inside a scroll area counts as the area when the other is not."""
    sa, sb = _scroller(root, a), _scroller(root, b)
    if sa is not None and sa is sb:
        base = sa.widget()
        return (QRect(a.mapTo(base, QPoint(0, 0)), a.size()), QRect(b.mapTo(base, QPoint(0, 0)), b.size()))
    a, b = sa or a, sb or b
    return QRect(a.mapTo(root, QPoint(0, 0)), a.size()), QRect(b.mapTo(root, QPoint(0, 0)), b.size())


def reading_order_breaks(root: QWidget, chain: list[QWidget]) -> list[str]:
    """Consecutive Tab stops where the next one is above, or on the same line but to the left."""
    breaks = []
    for a, b in pairwise(chain):
        ra, rb = _rects(root, a, b)
        above = rb.bottom() < ra.top()
        same_line = rb.top() <= ra.bottom() and ra.top() <= rb.bottom()
        if above or (same_line and rb.right() < ra.left()):
            breaks.append(f"{type(a).__name__}({a.objectName()}) -> {type(b).__name__}({b.objectName()})")
    return breaks


def check_dialog(qtbot, dlg: QDialog) -> None:
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    assert not unnamed(dlg)
    assert not mnemonic_clashes(dlg)
    assert not literal_ampersands(dlg)
    chain = focus_chain(dlg)
    assert len(chain) >= 2
    assert not reading_order_breaks(dlg, chain)


# --------------------------------------------------------------------------- front desk


def test_handover_dialog(qtbot, data_dir_store, language) -> None:
    dlg = HandOverDialog(data_dir_store)
    check_dialog(qtbot, dlg)
    # Tab goes down the form as it is drawn: name, password (+ Generate), set up by, prescriber.
    chain = focus_chain(dlg)
    order = [dlg.name_edit, dlg.password_edit, dlg.generate_button, dlg.staff_edit, dlg.state_combo]
    assert [w for w in chain if w in order] == order


def test_new_password_dialog(qtbot, data_dir_store, language) -> None:
    profile = data_dir_store.create("Dr Ruiz", "temporary pass 1", temporary=True, staff="Pat")
    try:
        check_dialog(qtbot, NewPasswordDialog(profile))
    finally:
        profile.close()


def test_record_device_dialog(qtbot, lee_profile, language) -> None:
    check_dialog(qtbot, RecordDeviceDialog(lee_profile))


def test_activity_log_dialog(qtbot, lee_profile, language) -> None:
    check_dialog(qtbot, ActivityLogDialog(lee_profile))


def test_change_guide_dialog(qtbot, lee_profile, language) -> None:
    dlg = ChangeGuideDialog(lee_profile, None, FixedClock(T0))
    check_dialog(qtbot, dlg)
    dlg.done(0)


def test_practice_dialog_every_page(qtbot, lee_profile, language) -> None:
    dlg = PracticeDialog(lee_profile, None, FixedClock(T0))
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg):
        dlg.show()
    for page in (dlg.SECURE, dlg.BARCODE, dlg.CONFIRM):
        dlg.go(page)
        current = dlg.pages.currentWidget()
        assert not unnamed(current), page
        # The page's own buttons and the dialog's "End practice" share the keyboard.
        assert not mnemonic_clashes(current, [dlg.close_button]), page
    assert accessible_name(dlg.qr_label)
    dlg.done(0)


# --------------------------------------------------------------------------- wizard


def _wizard(qtbot, lee_profile) -> EnrollWizard:
    wizard = EnrollWizard(lee_profile, None, clock=FixedClock(T0), cameras=list, screen_grabber=list)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def _wizard_buttons(wizard: QWizard) -> list[QAbstractButton]:
    kinds = (
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.FinishButton,
        QWizard.WizardButton.CancelButton,
    )
    return [wizard.button(k) for k in kinds]


@pytest.mark.parametrize(
    "page_id",
    [PageId.METHOD, PageId.CAMERA, PageId.SCREEN, PageId.IMAGE, PageId.KEY, PageId.LINK, PageId.CONFIRM],
)
def test_wizard_pages(qtbot, lee_profile, language, page_id) -> None:
    wizard = _wizard(qtbot, lee_profile)
    if page_id == PageId.CONFIRM:
        wizard.method_page.choose(PageId.KEY)
        wizard.next()
        wizard.key_page.key_edit.setText(otp().secret)
    elif page_id != PageId.METHOD:
        wizard.method_page.choose(page_id)
    if page_id != PageId.METHOD:
        wizard.next()
    assert wizard.currentId() == page_id
    page = wizard.currentPage()
    if page_id == PageId.KEY:
        wizard.key_page.advanced_button.setChecked(True)  # the advanced settings too
    if page_id in (PageId.CAMERA, PageId.SCREEN, PageId.IMAGE):
        page.fallback.setVisible(True)  # the "instead" buttons shown when a path cannot work
    assert not unnamed(page), page_id
    assert not mnemonic_clashes(page, _wizard_buttons(wizard)), page_id
    chain = [w for w in focus_chain(wizard) if page.isAncestorOf(w)]
    assert not reading_order_breaks(page, chain), page_id
    wizard.reject()


def test_checker_catches_clashes_and_unnamed_inputs(qtbot) -> None:
    """The helpers above fail on a dialog built wrong (else these tests could not fail)."""
    from PySide6.QtWidgets import QPushButton, QToolButton, QVBoxLayout

    dlg = QDialog()
    qtbot.addWidget(dlg)
    lay = QVBoxLayout(dlg)
    second = QLineEdit()
    first = QLineEdit()
    for w in (first, second, QPushButton("&Save"), QPushButton("&Send"), QToolButton()):
        lay.addWidget(w)
    with qtbot.waitExposed(dlg):
        dlg.show()
    assert set(mnemonic_clashes(dlg)) == {"s"}
    assert unnamed(dlg) == ["QLineEdit", "QLineEdit", "QToolButton"]
    QWidget.setTabOrder(second, first)
    assert reading_order_breaks(dlg, [second, first])


def test_file_dialogs_show_no_literal_ampersand(qtbot, lee_profile, language) -> None:
    """“&File:” and “Code on the &phone:” showed their “&” (a form row holding a layout has no buddy)."""
    from epcs_desktop.ui.backup_dialogs import BackupDialog, RestoreDialog
    from epcs_desktop.ui.export_dialog import ExportDialog

    for dlg in (
        BackupDialog(lee_profile, choose_path=lambda *_: ""),
        RestoreDialog(lee_profile, choose_path=lambda *_: ""),
        ExportDialog(lee_profile, clock=lee_profile.clock),
    ):
        qtbot.addWidget(dlg)
        dlg.show()
        assert not literal_ampersands(dlg), type(dlg).__name__
