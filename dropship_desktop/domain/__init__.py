"""Pure-Python domain: no PySide6, no peewee."""
