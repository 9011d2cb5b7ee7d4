"""Forms of the exchange pages."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.exchanges.models import PersonStatusEvent

EXCHANGE_VISIBILITY = [("parties", "Parties"), ("mediator", "Mediators only")]


class ExchangeForm(forms.Form):
    title = forms.CharField(max_length=200)
    agreed_number = forms.IntegerField(min_value=1, max_value=1_000_000)
    visibility = forms.ChoiceField(choices=EXCHANGE_VISIBILITY, initial="parties")


class UploadForm(forms.Form):
    file = forms.FileField(help_text="CSV or XLSX; columns are recognised from their headers.")
    id_column = forms.CharField(
        max_length=200, required=False, help_text="Header of the id column (default: the first)."
    )


class MappingForm(forms.Form):
    id_column = forms.ChoiceField(choices=())

    def __init__(self, *args: Any, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["id_column"].choices = [(h, h) for h in headers]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])


class StatusForm(forms.Form):
    """A status to append; a delegation is not offered "exchanged" (the mediator records it)."""

    status = forms.ChoiceField(choices=PersonStatusEvent.Status.choices)
    note = forms.CharField(max_length=400, required=False)

    def __init__(self, *args: Any, mediator: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not mediator:
            self.fields["status"].choices = [
                (value, label)
                for value, label in PersonStatusEvent.Status.choices
                if value != PersonStatusEvent.Status.EXCHANGED
            ]
