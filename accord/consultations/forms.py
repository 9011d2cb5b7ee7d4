"""Forms of the consultation pages; choices limited to what the seat may pick."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.consultations.models import Consultation, ConsultationStatement
from accord.consultations.services import MAX_STATEMENT_CHARS
from accord.core.visibility import VISIBILITY_CHOICES
from accord.talks.models import Issue, Process

RELEASE_CHOICES = [c for c in VISIBILITY_CHOICES if c[0] != "own"]


class _IssueChoice(forms.Form):
    issue = forms.ModelChoiceField(queryset=None, required=False, empty_label="(no agenda issue)")

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = Issue.objects.filter(process=process)


class ConsultationForm(_IssueChoice):
    title = forms.CharField(max_length=200)
    question = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    accepts_statements = forms.BooleanField(
        required=False, initial=True, label="Participants may submit statements"
    )
    field_order = ["title", "question", "issue", "accepts_statements"]


class SeedForm(forms.Form):
    texts = forms.CharField(
        label="Statements, one per line",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=100_000,
    )


class ModerateForm(forms.Form):
    status = forms.ChoiceField(choices=ConsultationStatement.Moderation.choices)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Consultation.Status.choices)


class InviteForm(forms.Form):
    label = forms.CharField(max_length=120, required=False)


class AnalyseForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[("default", "Default (scales)"), ("red-dwarf", "red-dwarf 0.4.0 compatible")],
        initial="default",
    )


class ReleaseForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20000
    )
    visibility = forms.ChoiceField(choices=RELEASE_CHOICES, label="Who may see the report")


class AttachForm(_IssueChoice):
    statement_id = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="mediator")

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, process=process, **kwargs)
        self.fields["issue"].required = True
        self.fields["issue"].empty_label = None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        items = data if isinstance(data, list | tuple) else [data]
        return [single(d, initial) for d in items]


class ImportForm(ConsultationForm):
    files = MultipleFileField(
        label="A Polis export: a .zip, or comments.csv with votes.csv or participants-votes.csv"
    )


class VoteForm(forms.Form):
    statement = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    value = forms.TypedChoiceField(
        choices=[("1", "Agree"), ("-1", "Disagree"), ("0", "Pass")], coerce=int
    )


class SubmitForm(forms.Form):
    text = forms.CharField(
        label="Add your own statement",
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_STATEMENT_CHARS}),
        max_length=MAX_STATEMENT_CHARS,
        min_length=3,
    )
