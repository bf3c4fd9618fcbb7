"""The sign-in dialog: server, username, password, "remember me". The password is sent once and
never kept; the request runs off the GUI thread so the window stays responsive on a slow link."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mask_editor.api.cleartext import cleartext_host, sends_secrets_in_clear
from mask_editor.api.records import Token
from mask_editor.ui.platform.messages import explain
from mask_editor.ui.platform.tasks import run_task
from mask_editor.ui.session.session import SignedIn

DEFAULT_SERVER = "https://api.pyronear.org"


class SignInDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, server: str = DEFAULT_SERVER, username: str = "",
                 reason: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Pyronear"))
        self.result_value: SignedIn | None = None
        self._cleartext_accepted = ""  # the http:// server the user agreed to send secrets to in clear
        self.server = QLineEdit(server or DEFAULT_SERVER)
        self.server.setPlaceholderText(DEFAULT_SERVER)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setChecked(True)
        self.remember.setToolTip(self.tr("Keeps the session (never the password) in the system keyring, or in "
                                         "a file only your user can read."))
        self.message = QLabel(reason or "")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(reason))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # The dialog grows with a long error instead of squeezing the fields to a few pixels.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for field in (self.server, self.username, self.password):
            field.setMinimumHeight(field.sizeHint().height())
        self.setMinimumWidth(420)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: palette(highlight);" if not error else "color: #d0342c;")
        self.message.setVisible(bool(text))
        layout = self.layout()
        if text and layout is not None and layout.hasHeightForWidth():  # tall enough for the wrapped text
            self.resize(self.width(), max(self.height(), layout.totalHeightForWidth(self.width())))

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.username, self.password, self.remember, self.sign_in_button):
            widget.setEnabled(not busy)

    def confirm_cleartext(self, server: str) -> bool:
        """Ask before a sign-in over plain http:// to another computer; No is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Send your password unencrypted?"),
                          self.tr("%1 is reached over plain http://, not https://. Your password, and the session "
                                  "token the server sends back (valid for a year), would cross the network "
                                  "unencrypted: anyone on the way (the Wi-Fi, a proxy, the provider) could read them "
                                  "and sign in as you until the token expires.").replace(
                              "%1", cleartext_host(server)),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Sign in over http:// anyway?"))
        send = box.addButton(self.tr("Send in clear"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setObjectName("cleartext_warning")
        box.exec()
        return box.clickedButton() is send

    def submit(self) -> None:
        server = self.server.text().strip().rstrip("/")
        username, password = self.username.text().strip(), self.password.text()
        if not server.startswith(("https://", "http://")):
            self._show(self.tr("The server address starts with https:// (for example https://api.pyronear.org)."), True)
            return
        if not username or not password:
            self._show(self.tr("Enter your username and password."), True)
            return
        if sends_secrets_in_clear(server) and server != self._cleartext_accepted:
            if not self.confirm_cleartext(server):
                self._show(self.tr("Not signed in: nothing was sent. Use the server's https:// address."), True)
                return
            self._cleartext_accepted = server
        self._busy(True)
        self._show(self.tr("Signing in to %1…").replace("%1", server), False)

        def sign_in() -> Token:
            from mask_editor.api import PyroClient

            with PyroClient(server) as client:
                return client.sign_in(username, password)

        def done(token: Token) -> None:
            self.password.clear()  # the password lives no longer than the request
            self.result_value = SignedIn(server, username, token, self.remember.isChecked())
            self.accept()

        def failed(error: BaseException) -> None:
            self._busy(False)
            self.password.selectAll()
            self._show(explain(error, server=server).text, True)

        run_task(sign_in, done, failed, owner=self)
