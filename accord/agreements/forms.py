"""Forms for the agreement pages."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.register import LEVELS
from accord.talks.models import Party

DATE = forms.DateInput(attrs={"type": "date"})


class AgreementForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    source_reference = forms.CharField(max_length=300, required=False)
    concluded_on = forms.DateField(widget=DATE, required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")


class ProvisionForm(forms.Form):
    action = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=20000)
    obligor = forms.ModelChoiceField(queryset=None, required=False, empty_label="all parties")
    due_on = forms.DateField(widget=DATE, required=False)
    verifier = forms.CharField(max_length=200, required=False)
    clause_reference = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["obligor"].queryset = Party.objects.filter(process_id=process_id)


class StatusForm(forms.Form):
    provision = forms.TypedChoiceField(coerce=int, choices=())
    level = forms.TypedChoiceField(coerce=int, choices=list(LEVELS.items()))
    as_of = forms.DateField(widget=DATE)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=20000)
    links = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=20000
    )
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, provisions: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provision"].choices = [(p.pk, str(p)) for p in provisions]
