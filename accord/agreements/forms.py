"""Forms for the agreement pages; every choice of a linked record comes from its own app's
selectors for the seat, so a form never offers what the seat may not see."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.agreements import links
from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.register import LEVELS
from accord.exchanges import selectors as exchange_selectors
from accord.files.attached import checked_upload
from accord.monitor import selectors as monitor_selectors
from accord.talks.access import Seat
from accord.talks.models import Party
from accord.truces import selectors as truce_selectors

DATE = forms.DateInput(attrs={"type": "date"})


class AgreementForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    source_reference = forms.CharField(max_length=300, required=False)
    concluded_on = forms.DateField(widget=DATE, required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")


class FromTextForm(forms.Form):
    """An agreement from a released version: its agreed clauses become provisions."""

    version = forms.ModelChoiceField(queryset=None, label="Released text version")
    title = forms.CharField(max_length=200)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    concluded_on = forms.DateField(widget=DATE, required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, seat: Seat, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = links.released_versions(seat=seat)
        self.fields["version"].label_from_instance = lambda v: f"{v.text.title}, version {v.number}"


def clause_choices(seat: Seat) -> list[tuple[str, str]]:
    """`<version id>:<clause number>` for every clause of every released version readable."""
    choices = [("", "—")]
    for version in links.released_versions(seat=seat):
        for number in links.clause_numbers(version):
            choices.append(
                (f"{version.pk}:{number}", f"{version.text.title} v{version.number}, {number}")
            )
    return choices


class ProvisionForm(forms.Form):
    action = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=20000)
    obligor = forms.ModelChoiceField(queryset=None, required=False, empty_label="all parties")
    due_on = forms.DateField(widget=DATE, required=False)
    verifier = forms.CharField(max_length=200, required=False)
    clause_reference = forms.CharField(max_length=200, required=False)
    clause = forms.ChoiceField(
        required=False, label="Text clause", help_text="Link the clause it came from (optional)"
    )
    exchange = forms.ModelChoiceField(queryset=None, required=False)
    truce = forms.ModelChoiceField(queryset=None, required=False)

    def __init__(self, *args: Any, seat: Seat, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seat = seat
        self.fields["obligor"].queryset = Party.objects.filter(process=seat.process)
        self.fields["clause"].choices = clause_choices(seat)
        self.fields["exchange"].queryset = exchange_selectors.exchange_list(seat=seat)
        self.fields["truce"].queryset = truce_selectors.truce_list(seat=seat)

    def clean_clause(self) -> tuple[Any, str]:
        """(version, clause number) or (None, "")."""
        value = self.cleaned_data["clause"]
        if not value:
            return None, ""
        version_id, number = value.split(":", 1)
        return links.readable_version(seat=self.seat, version_id=int(version_id)), number


def statement_label(statement: Any) -> str:
    when = statement.date.isoformat() if statement.date else "undated"
    return f"{when} {statement.speaker_name}: {statement.quote[:90]}"


class StatusForm(forms.Form):
    provision = forms.TypedChoiceField(coerce=int, choices=())
    level = forms.TypedChoiceField(coerce=int, choices=list(LEVELS.items()))
    as_of = forms.DateField(widget=DATE)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=20000)
    links = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=20000
    )
    statements = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Statements cited",
        help_text="Public statements from the monitor that show it (optional)",
    )
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")
    document = forms.FileField(
        required=False,
        allow_empty_file=False,
        max_length=1000,
        help_text="A document that shows it (optional; seen by whoever sees this entry)",
    )
    document_description = forms.CharField(max_length=500, required=False)

    def __init__(self, *args: Any, provisions: list, seat: Seat, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provision"].choices = [(p.pk, str(p)) for p in provisions]
        statements = monitor_selectors.statement_list(seat=seat).order_by("date", "id")
        self.fields["statements"].queryset = statements
        self.fields["statements"].label_from_instance = statement_label

    def clean_document(self) -> Any:
        return checked_upload(self.cleaned_data.get("document"))
