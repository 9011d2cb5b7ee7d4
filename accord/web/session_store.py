"""Database sessions that refresh their expiry at most once a minute instead of every request.

SESSION_SAVE_EVERY_REQUEST keeps a session alive while it is used (inactivity expiry), but
with Django's database store it costs a write transaction (an UPDATE of django_session) on
every page view. On SQLite every such write takes the database's single write lock; the load
benchmark (bench/load.py) measured it at roughly a third of a trivial signed-in request. This
store skips the write when nothing in the session changed and the stored expiry was pushed
forward less than REFRESH_SECONDS ago, so inactivity expiry stays exact to within a minute of
an 8-hour window. Any change to the session's data is saved at once, as before.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.sessions.backends import db
from django.db import models

REFRESH_SECONDS = 60


class SessionStore(db.SessionStore):
    _stored_expiry: datetime | None = None

    def _get_session_from_db(self) -> models.Model | None:
        stored = super()._get_session_from_db()
        self._stored_expiry = stored.expire_date if stored is not None else None
        return stored

    def _recently_refreshed(self) -> bool:
        if self._stored_expiry is None:
            return False
        pushed = self.get_expiry_date() - self._stored_expiry
        return pushed < timedelta(seconds=REFRESH_SECONDS)

    def save(self, must_create: bool = False) -> None:
        if not must_create and not self.modified and self._recently_refreshed():
            return  # unchanged and refreshed within the last minute: no write
        super().save(must_create=must_create)
        self._stored_expiry = self.get_expiry_date()
