"""The Spanish catalogue ships, loads by locale, and reaches the widgets."""

from __future__ import annotations

import pytest

from epcs_desktop.ui import i18n
from epcs_desktop.ui.start import StartWindow


def test_spanish_is_shipped() -> None:
    assert "es" in i18n.available_languages()


def test_spanish_strings_appear(qtbot, data_dir_store, spanish) -> None:
    assert spanish
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    assert w.windowTitle() == "Desbloquear"
    assert w.unlock_button.text() == "&Desbloquear"
    assert "no se puede recuperar" in " ".join(
        label.text() for label in w.create_page.findChildren(type(w.strength))
    )


def test_spanish_plural_and_main_window(qtbot, controller, lee_profile, spanish) -> None:
    from PySide6.QtCore import Qt

    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    model = window.erx.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Dispositivo principal"
    assert model.index(0, 2).data() == "“Is Primary”"  # DrChrono's label, as DrChrono shows it (core.erx)
    assert model.index(1, 2).data() == "Seleccionar como dispositivo principal"
    spoken = window.codes.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "quedan 10 segundos" in spoken


def test_english_without_translator(qtbot, data_dir_store) -> None:
    i18n.remove_translators()
    w = StartWindow(data_dir_store)
    qtbot.addWidget(w)
    assert w.unlock_button.text() == "&Unlock"


def test_spanish_help_page(qtbot, data_dir_store, spanish) -> None:
    from epcs_desktop.ui.dialogs import HelpDialog

    dialog = HelpDialog("x", "change-phone")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "¿Qué pasa con mi MFA si cambio de teléfono?" in text
    assert text.count("Account > Provider Settings > eRx Info") == 2


# --------------------------------------------------------------------------- the catalogue

import ast  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402
from pathlib import Path  # noqa: E402

import epcs_desktop  # noqa: E402

UI_DIR = Path(epcs_desktop.__file__).parent / "ui"
SHIPPED_TS = Path(str(i18n.TRANSLATIONS / "epcs_desktop_es.ts"))
SHIPPED_QM = Path(str(i18n.TRANSLATIONS / "epcs_desktop_es.qm"))
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%(?:\d+|n|v)")
_MNEMONIC = re.compile(r"&[^&\s]")  # "Sign In & Security" has no mnemonic


def _tool(name: str) -> str:
    """pyside6-lupdate / -lrelease from the same environment as the running Python."""
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (it ships with PySide6)")
    return path


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own catalogue)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def _forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") is None
        and all(form.strip() for form in _forms(message))
    )


def _lupdate_helper():
    """scripts/lupdate.py: the one extraction (ui/ tr texts, core/ N_ texts) scripts/translations runs."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "lupdate.py"
    spec = importlib.util.spec_from_file_location("epcs_lupdate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the ui/ and core/ sources today, in a throw-away catalogue."""
    ts = tmp_path_factory.mktemp("lupdate") / "fresh_es.ts"
    _lupdate_helper().update(ts, relative=False)
    return _messages(ts)


def test_every_source_string_is_translated(extracted) -> None:
    """A string added to the UI without a Spanish translation fails here (run scripts/translations)."""
    shipped = _messages(SHIPPED_TS)
    assert len(extracted) > 300
    missing = [f"[{ctx}] {src}" for (ctx, src) in extracted if (ctx, src) not in shipped]
    unfinished = [f"[{ctx}] {src}" for (ctx, src), m in shipped.items() if not _finished(m)]
    assert not missing, "not in the catalogue; run scripts/translations:\n" + "\n".join(missing)
    assert not unfinished, "untranslated in the catalogue:\n" + "\n".join(unfinished)


def _runtime_contexts() -> set[str]:
    """Contexts the program asks for: its class names (self.tr) and translate("Context", ...) literals."""
    names: set[str] = {i18n.CORE_CONTEXT}  # core/'s N_ texts, looked up by ui.i18n.core_text
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Call) and node.args:
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                first = node.args[0]
                if called in {"translate", "QT_TRANSLATE_NOOP"} and isinstance(first, ast.Constant):
                    names.add(str(first.value))
    return names


def test_lupdate_contexts_match_the_runtime_context(extracted) -> None:
    """`parent.tr()` / `window.tr()` is filed by lupdate under "parent", but looked up as the class name.

    Such strings are never translated on screen: use self.tr() inside the class, or
    QCoreApplication.translate("ClassName", ...) in a helper function.
    """
    bogus = sorted({ctx for ctx, _ in extracted} - _runtime_contexts())
    assert not bogus


def test_translations_keep_placeholders_and_mnemonics() -> None:
    """A lost {name} would raise KeyError in .format(); a lost & loses the keyboard shortcut."""
    problems = []
    for (ctx, src), message in _messages(SHIPPED_TS).items():
        for form in _forms(message):
            if sorted(_PLACEHOLDER.findall(src.replace("%n", ""))) != sorted(
                _PLACEHOLDER.findall(form.replace("%n", ""))
            ):
                problems.append(f"[{ctx}] placeholders differ: {src!r} -> {form!r}")
            if len(_MNEMONIC.findall(src.replace("&&", ""))) != len(
                _MNEMONIC.findall(form.replace("&&", ""))
            ):
                problems.append(f"[{ctx}] mnemonic differs: {src!r} -> {form!r}")
            if "{" in src:
                src.format_map(_Anything())
                form.format_map(_Anything())  # a stray brace in the translation raises here
    assert not problems, "\n".join(problems)


class _Anything(dict):
    def __missing__(self, key: str) -> str:
        return key


def test_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    qm = tmp_path / "es.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(SHIPPED_TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert qm.read_bytes() == SHIPPED_QM.read_bytes(), "run scripts/translations to rebuild the .qm"


# --------------------------------------------------------------------------- no plain strings

# Calls whose string arguments end up on screen (or in a screen reader).
_SINKS = {
    "setText",
    "setWindowTitle",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QToolButton",
    "addRow",
    "setToolTip",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "addItem",
    "addItems",
    "show_message",
    "show_error",
    "setTitle",
    "setSubTitle",
    "setButtonText",
    "QAction",
    "addAction",
    "addMenu",
    "setStatusTip",
    "setWhatsThis",
    "getOpenFileName",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "information",
    "warning",
    "critical",
    "question",
    "setLabelText",
    "setFormat",
    "showMessage",
    "run_inline",
    "setTabText",
    "addTab",
    "setHeaderLabels",
    "setInformativeText",
    "RuleError",
}
_ALLOWED = {"EPCS Desktop", "otpauth://totp/…"}  # product name; a URI scheme example


def _visible_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = re.sub(r"<[^>]*>", "", node.value)
        return node.value not in _ALLOWED and any(c.isalpha() for c in text)
    if isinstance(node, ast.JoinedStr):
        return any(_visible_literal(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _visible_literal(node.left) or _visible_literal(node.right)
    if isinstance(node, ast.IfExp):
        return _visible_literal(node.body) or _visible_literal(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _visible_literal(node.func.value)
    return False


def plain_strings(source: str) -> list[str]:
    """Literal text handed to a widget without tr()/translate() (lupdate would never see it)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in _SINKS:
            continue
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in {"log", "logger", "logging"}:
            continue
        args = list(node.args) + [k.value for k in node.keywords]
        if name == "getSaveFileName":
            args = args[:2]
        found += [f"line {a.lineno}: {ast.unparse(a)[:80]}" for a in args if _visible_literal(a)]
    return found


def test_no_plain_strings_reach_the_screen() -> None:
    problems = {}
    for path in sorted(UI_DIR.rglob("*.py")):
        found = plain_strings(path.read_text(encoding="utf-8"))
        if found:
            problems[str(path.relative_to(UI_DIR))] = found
    assert not problems


def test_plain_string_check_catches_untranslated_text() -> None:
    bad = 'QLabel("Hello")\nb.setText(f"{n} of {m} done")\nform.addRow("Name", edit)\n'
    good = 'QLabel(self.tr("Hello"))\nlog.warning("x %s", y)\nb.setText("")\n'
    good += 'QLabel("<b>" + self.tr("x") + "</b>")\n'
    assert len(plain_strings(bad)) == 3
    assert plain_strings(good) == []


def non_literal_translations(source: str) -> list[str]:
    """tr()/translate() calls whose text is not a literal: lupdate cannot extract those.

    A helper like `def _tr(text): return translate("Ctx", text)` hides every string
    passed to it from the catalogue, so it silently stays English at run time.
    """
    tree = ast.parse(source)
    # Texts marked with QT_TRANSLATE_NOOP("Ctx", "...") are extracted there: translate("Ctx", name) is fine;
    # so are core/'s N_("...") texts, which scripts/lupdate.py extracts into the "core" context.
    marked = {"core"} | {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "tr":
            texts = node.args[:1]
        elif node.func.attr == "translate":
            texts = node.args[:2]
            context = node.args[0] if node.args else None
            if isinstance(context, ast.Constant) and context.value in marked:
                texts = node.args[:1]
        else:
            continue
        for arg in texts:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
                break
    return found


def test_every_translated_text_is_a_literal() -> None:
    problems = {}
    for path in sorted(UI_DIR.rglob("*.py")):
        found = non_literal_translations(path.read_text(encoding="utf-8"))
        if found:
            problems[str(path.relative_to(UI_DIR))] = found
    assert not problems


def test_non_literal_check_catches_a_wrapper() -> None:
    bad = 'def _tr(text):\n    return QCoreApplication.translate("Ctx", text)\nself.tr(message)\n'
    good = 'QCoreApplication.translate("Ctx", "Hello")\nself.tr("Hi %1").replace("%1", x)\n'
    good += 'T = QT_TRANSLATE_NOOP("Marked", "Title")\nQCoreApplication.translate("Marked", T)\n'
    assert len(non_literal_translations(bad)) == 2
    assert non_literal_translations(good) == []


# --------------------------------------------------------------------------- real windows in Spanish


def test_wizard_first_page_in_spanish(qtbot, data_dir_store, spanish) -> None:
    from PySide6.QtWidgets import QWizard

    from epcs_desktop.ui.wizard import EnrollWizard
    from epcs_desktop.ui.wizard.ids import PageId
    from epcs_desktop.ui.wizard.state import EnrollState

    profile = data_dir_store.create("Dra Ruiz", "correct horse battery")
    try:
        wizard = EnrollWizard(profile, None, clock=profile.clock, cameras=list, screen_grabber=list)
        qtbot.addWidget(wizard)
        with qtbot.waitExposed(wizard):
            wizard.show()
        assert wizard.windowTitle() == "Añadir generador de códigos"
        assert wizard.currentPage().title() == "Añadir un generador de códigos"
        assert wizard.method_page.buttons[PageId.KEY].text() == "&Escribir la clave secreta"
        next_text = wizard.button(QWizard.WizardButton.NextButton).text()
        assert next_text.replace("&", "") == "Siguiente >"  # Qt's own catalogue is installed too
        assert (
            EnrollState().preview([]).message
            == "Todavía no hay código QR. Mantenga el código dentro del recuadro."
        )
        wizard.reject()
    finally:
        profile.close()


def test_front_desk_dialogs_in_spanish(qtbot, data_dir_store, spanish) -> None:
    from epcs_desktop.ui.frontdesk import HandOverDialog, NewPasswordDialog
    from epcs_desktop.ui.frontdesk.setup_sheet import sheet_html

    dlg = HandOverDialog(data_dir_store)
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Preparar un perfil para un profesional"
    assert dlg.generate_button.text() == "&Generar"
    dlg.name_edit.setText("")
    assert not dlg.create_profile()
    assert dlg.name_error.text() == "El nombre del perfil no puede estar vacío."  # at its field (item 15)

    profile = data_dir_store.create("Dra Ruiz", "temporary pass 1", temporary=True, staff="Pat")
    try:
        change = NewPasswordDialog(profile)
        qtbot.addWidget(change)
        assert change.windowTitle() == "Elija su propia contraseña"
        labels = " ".join(lbl.text() for lbl in change.findChildren(type(change.error)))
        assert "Pat preparó este perfil para usted" in labels
        html = sheet_html(profile, profile.clock)
        assert "Hoja de configuración de MFA para EPCS — Dra Ruiz" in html
        assert "Información del prescriptor" in html and "Prescriber Info" not in html
    finally:
        profile.close()


def test_core_display_texts_are_extracted_where_they_are_written(extracted) -> None:
    """The guide steps, setting labels and password words live in core/ (no Qt), marked with N_().

    lupdate must find each in the "core" context the window looks them up in: no copy in ui/.
    """
    from epcs_desktop.core import passwords
    from epcs_desktop.core.guide import STEPS
    from epcs_desktop.core.i18n import CONTEXT
    from epcs_desktop.core.settings import SETTINGS

    assert CONTEXT == i18n.CORE_CONTEXT == "core"
    assert not hasattr(i18n, "CORE_TEXTS")  # the copy table is gone
    texts = {t for s in STEPS for t in (s.title, s.instructions, s.what_you_see, s.link_label) if t}
    texts |= {t for s in SETTINGS for t in (s.label, s.help)}
    texts |= {passwords.MISMATCH, passwords.TOO_SHORT, *passwords.LABELS}
    core = {src for (ctx, src) in extracted if ctx == "core"}
    assert sorted(texts - core) == []


def _non_literal_markers(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        marker = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_"
        if marker and not (len(node.args) == 1 and isinstance(node.args[0], ast.Constant)):
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_every_core_marker_holds_a_literal() -> None:
    """N_(variable) or N_(f"...") is invisible to lupdate: that text would stay English on screen."""
    core_dir = UI_DIR.parent / "core"
    problems = {}
    for path in sorted(core_dir.rglob("*.py")):
        if found := _non_literal_markers(path.read_text(encoding="utf-8")):
            problems[path.name] = found
    assert not problems
    assert _non_literal_markers('N_(f"{x} days")\nN_(name)\nN_("fine")\n') == [
        'line 1: N_(f\'{x} days\')',
        "line 2: N_(name)",
    ]


def test_a_core_message_is_shown_translated(qapp, spanish) -> None:
    """An EpcsError core raised with an N_ text reaches the window in Spanish (user_message)."""
    from epcs_desktop.core.errors import RuleError
    from epcs_desktop.core.passwords import MISMATCH
    from epcs_desktop.ui.tasks import user_message

    shown = user_message(RuleError(MISMATCH))
    assert shown and shown != MISMATCH


def test_change_guide_steps_in_spanish(qtbot, data_dir_store, spanish) -> None:
    from epcs_desktop.core.clock import FixedClock
    from epcs_desktop.core.guide import REMOVE_OLD
    from epcs_desktop.ui.frontdesk import ChangeGuideDialog

    profile = data_dir_store.create("Dra Ruiz", "correct horse battery")
    try:
        dlg = ChangeGuideDialog(profile, None, FixedClock(1_764_300_005.0))
        qtbot.addWidget(dlg)
        box = dlg.boxes[REMOVE_OLD]
        assert box.title() == "Paso 6 — Elimine el dispositivo antiguo en ID.me"  # last: the safe order
        assert box.link is not None and box.link.text() == "Abrir “Sign In && Security” de ID.me"
        assert dlg.progress_label.text().endswith(" de 6 pasos completados")
        dlg.done(0)
    finally:
        profile.close()


def test_one_quote_style_in_spanish() -> None:
    """Issue 22: « » and “ ” were mixed in one step; the glossary's curly double quotes everywhere."""
    help_dir = Path(epcs_desktop.__file__).parent / "resources" / "help"
    for path in [SHIPPED_TS, *help_dir.glob("*.html")]:
        text = path.read_text(encoding="utf-8")
        assert "«" not in text and "»" not in text, path.name


def test_help_names_only_commands_that_exist(qtbot, controller, lee_profile) -> None:
    """F1 help named a “Record another device…” button that does not exist (issue 22 item 10)."""
    window = controller.open_profile(lee_profile)
    qtbot.addWidget(window)
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPushButton

    commands = {a.text().replace("&", "") for a in window.findChildren(QAction)}
    commands |= {b.text().replace("&", "") for b in window.findChildren(QPushButton)}
    from epcs_desktop.ui.dialogs import help_html

    text = help_html("change-phone")  # built from core.guide (issue 18)
    named = re.findall(r"“([^”]+…)”", text)
    assert named and all(n in commands for n in named), (named, sorted(commands))
