"""The 1688 Open Platform connector (kind ``open1688``): signing, OAuth, the HTTP client, the
API calls the app makes. See ``connector.py`` for the interface and ``client.py`` for the rules
on retries; nothing here touches the database except reading the account list."""

from __future__ import annotations

from .connector import KIND, Open1688Connector

__all__ = ["KIND", "Open1688Connector"]
