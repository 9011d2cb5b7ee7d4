"""Sign-in with throttling."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm

from accord.accounts import throttle


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses further attempts once a username or address has failed too often."""

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        address = throttle.client_address(self.request)
        if throttle.is_locked(username, address):
            raise forms.ValidationError(throttle.LOCKOUT_MESSAGE, code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.clear(username, address)
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True
