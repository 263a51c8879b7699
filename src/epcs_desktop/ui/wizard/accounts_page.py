"""Pick which accounts of a Google Authenticator export to add.

An export usually carries every account on the phone (bank, e-mail, ID.me);
only the ID.me one belongs in the eRx Info table, so nothing is added
without the person choosing it. Accounts from issuers that look like ID.me
start checked; if none does, all start checked.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from .ids import PageId
from .owner import owner
from .state import describe

log = logging.getLogger(__name__)


def _looks_like_idme(issuer: str) -> bool:
    return "id.me" in issuer.casefold() or "idme" in issuer.casefold()


class AccountsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose the accounts to add"))
        self.setSubTitle(self.tr("This Google Authenticator export holds these accounts. Add only ID.me's."))
        self.boxes: list[QCheckBox] = []
        self.skipped = QLabel(self)
        self.skipped.setWordWrap(True)
        self.skipped.setTextFormat(Qt.TextFormat.PlainText)
        self._list = QWidget(self)
        self._list_layout = QVBoxLayout(self._list)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a nameless Tab stop; its check boxes are
        scroll.setWidget(self._list)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.skipped)

    def initializePage(self) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        state = owner(self).state
        accounts = state.migration_accounts
        any_idme = any(_looks_like_idme(a.issuer) for a in accounts)
        for params in accounts:
            box = QCheckBox(describe(params), self._list)
            box.setAccessibleName(describe(params))
            box.setChecked(_looks_like_idme(params.issuer) or not any_idme)
            box.toggled.connect(self.completeChanged)
            self._list_layout.addWidget(box)
            self.boxes.append(box)
        if state.migration_skipped:
            self.skipped.setText(
                self.tr("Not included: {items}").format(items="; ".join(state.migration_skipped))
            )
        else:
            self.skipped.setText("")
        if self.boxes:
            self.boxes[0].setFocus()

    def chosen(self) -> list[int]:
        return [i for i, box in enumerate(self.boxes) if box.isChecked()]

    def isComplete(self) -> bool:
        return bool(self.chosen())

    def validatePage(self) -> bool:
        state = owner(self).state
        state.selected = [state.migration_accounts[i] for i in self.chosen()]
        return bool(state.selected)

    def nextId(self) -> int:
        return int(PageId.CONFIRM)
