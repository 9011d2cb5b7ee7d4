"""Forms of the text pages (the API has its own schemas in api.py)."""

from __future__ import annotations

from django import forms

from accord.domain.text import Mark
from accord.domain.visibility import Visibility

MAX_NOTATION = 200_000
MAX_DOCX = 2 * 1024 * 1024


class TextForm(forms.Form):
    title = forms.CharField(max_length=200)
    notation = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        max_length=MAX_NOTATION,
        required=False,
        help_text="One clause per line (`3.1 The Parties shall [a {RU} | b {UA}].`)",
    )
    file = forms.FileField(required=False, help_text="…or a DOCX draft that uses brackets")

    def clean(self):
        data = super().clean()
        if not data.get("notation") and not data.get("file"):
            raise forms.ValidationError("Paste the notation or upload a DOCX draft.")
        upload = data.get("file")
        if upload is not None and upload.size > MAX_DOCX:
            self.add_error("file", "A draft may be at most 2 MB here.")
        return data


class ClauseForm(forms.Form):
    source = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=20_000)
    expected_version = forms.IntegerField(min_value=1, max_value=2**31)


class MarkForm(forms.Form):
    clause = forms.CharField(max_length=40)
    bracket = forms.IntegerField(min_value=1, max_value=10_000, required=False)
    alternative = forms.IntegerField(min_value=1, max_value=10_000, required=False)
    mark = forms.ChoiceField(choices=[(m.value, m.value) for m in Mark])
    note = forms.CharField(max_length=5000, required=False)
    note_visibility = forms.ChoiceField(
        choices=[(v.value, v.value) for v in Visibility],
        initial=Visibility.OWN.value,
        required=False,
    )


class ReleaseForm(forms.Form):
    recipients = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(max_length=500, required=False)

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].choices = [(str(p.pk), f"{p.name} ({p.code})") for p in parties]


class TraceForm(forms.Form):
    pasted = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), max_length=1_000_000, required=False
    )
    file = forms.FileField(required=False)

    def clean(self):
        data = super().clean()
        if not data.get("pasted") and not data.get("file"):
            raise forms.ValidationError("Paste the leaked text or upload the file.")
        upload = data.get("file")
        if upload is not None and upload.size > MAX_DOCX * 10:
            self.add_error("file", "A file may be at most 20 MB.")
        return data
