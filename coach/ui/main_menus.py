"""The main window's menu bar, and the choices of its Settings menu (language, theme,
high contrast, text size): saved at once, applied at once or offered a restart."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from coach import config
from coach.ui import theme
from coach.ui.settings import Settings
from coach.ui.widgets import translate

if TYPE_CHECKING:
    from coach.ui.main_window import MainWindow

T = TypeVar("T")


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for *key*, or *fallback* where the platform has none (the
    offscreen platform and some desktops define no Quit key at all)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


class MainMenus:
    """The menu bar of *window* (File, View, Tests, Settings, Help), each item calling
    the window's own slot. The words keep the ``MainWindow`` context they were first
    translated in."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        self._window = window
        self._settings = settings
        self._build()

    def _build(self) -> None:
        window = self._window
        file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
        # Actions that make no sense while a session runs (Quit and Help stay).
        self.outside_session: list[QAction] = []
        rate_action = file_menu.addAction(translate("MainWindow", "Rate my &pain now…"))
        rate_action.setShortcut(QKeySequence("Ctrl+N"))
        rate_action.triggered.connect(window.check_in)
        file_menu.addSeparator()
        reload_action = file_menu.addAction(translate("MainWindow", "&Reload routines"))
        reload_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Refresh, "F5"))
        reload_action.triggered.connect(window.reload_routines)
        calendar_action = file_menu.addAction(
            translate("MainWindow", "Export weekly plan to &calendar…"))
        calendar_action.triggered.connect(window.export_plan_calendar)
        self.outside_session += [rate_action, reload_action, calendar_action]
        file_menu.addSeparator()
        quit_action = file_menu.addAction(translate("MainWindow", "&Quit"))
        quit_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(window.quit)

        view_menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
        for name, text, key in (("today", translate("MainWindow", "T&oday"), "Ctrl+1"),
                                ("routines", translate("MainWindow", "&Routines"), "Ctrl+2"),
                                ("trend", translate("MainWindow", "Pain &trend"), "Ctrl+3")):
            action = view_menu.addAction(text)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, n=name: window.show_page(n))
            self.outside_session.append(action)

        tests_menu = window.menuBar().addMenu(translate("MainWindow", "T&ests"))
        chair_action = tests_menu.addAction(
            translate("MainWindow", "30-second &chair stand test…"))
        chair_action.triggered.connect(window.chair_stand_test)
        psfs_action = tests_menu.addAction(
            translate("MainWindow", "&Activities that are hard (PSFS)…"))
        psfs_action.triggered.connect(window.psfs_test)
        self.outside_session += [chair_action, psfs_action]

        settings_menu = window.menuBar().addMenu(translate("MainWindow", "&Settings"))
        language_menu = settings_menu.addMenu(translate("MainWindow", "&Language"))
        self.outside_session.append(language_menu.menuAction())
        group = QActionGroup(window)
        saved = self._settings.get(config.LANGUAGE)
        for code, name in (("system", translate("MainWindow", "System default")),
                           ("en", "English"), ("ja", "日本語")):
            action = self._choice(name, code, saved == code)
            group.addAction(action)
            language_menu.addAction(action)
        group.triggered.connect(self._on_language_chosen)
        self._build_appearance_menus(settings_menu)
        # addAction(text) then connect: addAction(text, slot) makes PySide6 build
        # QIcon's enums while it picks the overload.
        settings_menu.addAction(translate("MainWindow", "Sound and &voice…")).triggered.connect(
            window.show_sound_settings)
        plan_action = settings_menu.addAction(
            translate("MainWindow", "Weekly &plan and reminders…"))
        plan_action.triggered.connect(window.edit_plan)
        self.outside_session.append(plan_action)

        help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
        safety_action = help_menu.addAction(
            translate("MainWindow", "&Safety and when to get help"))
        safety_action.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        safety_action.triggered.connect(window.show_safety)
        help_menu.addAction(translate("MainWindow", "&Daily life tips")).triggered.connect(
            window.show_daily_life)
        help_menu.addAction(translate("MainWindow", "&About Knee Coach")).triggered.connect(
            window.show_about)

    def _build_appearance_menus(self, settings_menu: QMenu) -> None:
        """Appearance (theme, high contrast): saved and applied at once. Text size:
        saved at once, used from the next start (fonts are sized from it as the
        window is built)."""
        appearance = settings_menu.addMenu(translate("MainWindow", "&Appearance"))
        appearance.setObjectName("appearanceMenu")
        group = QActionGroup(self._window)
        saved = self._settings.get(config.THEME)
        for code, name in (("system", translate("MainWindow", "System default")),
                           ("light", translate("MainWindow", "Light")),
                           ("dark", translate("MainWindow", "Dark"))):
            action = self._choice(name, code, saved == code)
            group.addAction(action)
            appearance.addAction(action)
        group.triggered.connect(
            lambda action: self._appearance_changed(config.THEME, action.data()))
        appearance.addSeparator()
        contrast = self._choice(translate("MainWindow", "&High contrast"), None,
                                self._settings.get(config.HIGH_CONTRAST))
        contrast.setObjectName("highContrastAction")
        contrast.toggled.connect(
            lambda on: self._appearance_changed(config.HIGH_CONTRAST, bool(on)))
        appearance.addAction(contrast)
        sizes = settings_menu.addMenu(translate("MainWindow", "&Text size"))
        sizes.setObjectName("textSizeMenu")
        size_group = QActionGroup(self._window)
        scale = theme.clamp_scale(self._settings.get(config.TEXT_SCALE))
        for percent in theme.TEXT_SCALES:
            action = self._choice(translate("MainWindow", "{n} %").format(n=percent), percent,
                                  percent == scale)
            size_group.addAction(action)
            sizes.addAction(action)
        size_group.triggered.connect(
            lambda action: self._appearance_changed(config.TEXT_SCALE, int(action.data())))
        self.outside_session += [appearance.menuAction(), sizes.menuAction()]

    def _choice(self, text: str, data: object, checked: bool) -> QAction:
        """A checkable menu item of the window. (``QAction(text, parent)`` would make
        PySide6 build QIcon's enums while it picks the overload: ~3 ms of start-up.)"""
        action = QAction(self._window)
        action.setText(text)
        action.setCheckable(True)
        if data is not None:
            action.setData(data)
        action.setChecked(checked)
        return action

    def _appearance_changed(self, key: config.Setting[T], value: T) -> None:
        """The theme and high contrast change at once; the text size at the next start
        (offered now)."""
        if key == config.TEXT_SCALE:
            self._save_and_offer_restart(key, value, translate("MainWindow", "Text size"),
                                         translate("MainWindow",
                                                   "The new text size is used the next time "
                                                   "Knee Coach starts. Restart now?"),
                                         "appearanceRestart")
            return
        self._settings.set(key, value)
        self._settings.sync()
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self._settings)

    def _on_language_chosen(self, action: QAction) -> None:
        self._save_and_offer_restart(
            config.LANGUAGE, action.data(), translate("MainWindow", "Language"),
            translate("MainWindow",
                      "The new language is used the next time Knee Coach starts. Restart now?"),
            "languageRestart")

    def _save_and_offer_restart(self, key: config.Setting[T], value: T, title: str, text: str,
                                name: str) -> None:
        """Save a setting the window reads only at start, and offer to restart."""
        self._settings.set(key, value)
        self._settings.sync()
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self._window)
        box.setObjectName(name)
        box.accepted.connect(self._restart)
        box.open()

    def _restart(self) -> None:
        """Close, and have the app start again once this one has let go of the data
        folder (see ``coach.ui.app.run_window``)."""
        window = self._window
        window.restart_pending = True
        if not window.close():
            window.restart_pending = False
