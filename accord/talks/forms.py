"""Forms for the table's pages; choices are limited to what the seat may pick."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.visibility import VISIBILITY_CHOICES
from accord.talks.models import Issue, Position, Round


class PositionForm(forms.Form):
    stance = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=20000)
    option = forms.ModelChoiceField(queryset=None, required=False, empty_label="(no option)")
    round = forms.ModelChoiceField(queryset=None, required=False, empty_label="(no round)")
    red_lines = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=20000
    )
    flexibility = forms.ChoiceField(choices=Position.Flexibility.choices, initial="medium")
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, issue: Issue, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = issue.options.all()
        self.fields["round"].queryset = Round.objects.filter(process_id=issue.process_id)


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES)


class NoteForm(forms.Form):
    title = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=50000)
    source = forms.CharField(max_length=300, required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")
