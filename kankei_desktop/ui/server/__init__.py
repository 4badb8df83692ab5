"""Saved server connections for ファイルを開く: a name and a URL, never a password."""

from kankei_desktop.ui.server.connections import (
    ServerConnectionDialog,
    choose_server,
    install_action,
    install_in,
    open_server,
    saved_connections,
)

__all__ = ["ServerConnectionDialog", "choose_server", "install_action", "install_in", "open_server",
           "saved_connections"]
