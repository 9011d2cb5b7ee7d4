"""The operator's view: accounts, seats and tokens; never negotiation content.

Changes made here are audited like any other write.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.forms import ModelForm
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts.models import ApiToken
from accord.audit.services import audit_append
from accord.talks.models import Membership


class AuditedAdmin(admin.ModelAdmin):
    """Every save and delete through the admin appends an audit entry in the same transaction."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            action = f"admin.{obj._meta.model_name}.{'change' if change else 'add'}"
            audit_append(actor=request.user, action=action, obj=obj, change=form.cleaned_data)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            audit_append(
                actor=request.user,
                action=f"admin.{obj._meta.model_name}.delete",
                obj=obj,
                change={"pk": obj.pk},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]
    search_fields = ["name", "user__username"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "process", "role", "party"]
    list_filter = ["role"]
    search_fields = ["user__username"]


class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    """Django's user admin, audited."""


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), AuditedUserAdmin)

# django-otp's own admin shows device secrets and writes without audit: not for the operator.
# A lost authenticator is reset with `accord ops reset-2fa USER` (audited).
for _device in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device):
        admin.site.unregister(_device)
