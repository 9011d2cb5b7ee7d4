"""Forms for the truce pages; party choices are limited to the seat's process."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.visibility import VISIBILITY_CHOICES
from accord.domain.register import decode, event_type_choices, sub_event_type_choices
from accord.talks.models import Party
from accord.truces.models import IncidentReport, Verification

DATE = forms.DateInput(attrs={"type": "date"})


class TruceForm(forms.Form):
    name = forms.CharField(max_length=200)
    scope = forms.CharField(max_length=200, help_text="e.g. energy infrastructure")
    geographic_scope = forms.CharField(max_length=300, required=False)
    terms = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    brokered_by = forms.ModelChoiceField(queryset=None, required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["brokered_by"].queryset = Party.objects.filter(process_id=process_id)


class ClaimForm(forms.Form):
    party = forms.ModelChoiceField(queryset=None)
    starts_on = forms.DateField(widget=DATE)
    ends_on = forms.DateField(widget=DATE, required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(process_id=process_id)


class ReportForm(forms.Form):
    event_date = forms.DateField(widget=DATE)
    event_time = forms.TimeField(required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    time_precision = forms.TypedChoiceField(
        choices=IncidentReport.Precision.choices, coerce=int, initial=1
    )
    admin1 = forms.CharField(label="Oblast", max_length=120, required=False)
    location = forms.CharField(label="Settlement", max_length=160, required=False)
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180)
    event_type = forms.ChoiceField(choices=event_type_choices())
    sub_event_type = forms.ChoiceField(choices=sub_event_type_choices())
    alleged_party = forms.ModelChoiceField(queryset=None, required=False)
    alleged_actor = forms.CharField(max_length=200, required=False)
    target_type = forms.ChoiceField(
        choices=[("", "—"), *IncidentReport.Target.choices], required=False
    )
    fatalities = forms.IntegerField(min_value=0, max_value=1_000_000, initial=0)
    injuries = forms.IntegerField(min_value=0, max_value=1_000_000, initial=0)
    sources = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=20000,
        help_text="One source or link per line",
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20000
    )
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, initial="own")

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alleged_party"].queryset = Party.objects.filter(process_id=process_id)


class VerificationForm(forms.Form):
    status = forms.ChoiceField(choices=Verification.Status.choices)
    reasoning = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=20000)
    visibility = forms.ChoiceField(
        choices=VISIBILITY_CHOICES, initial="own", help_text="Own: mediators only"
    )


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES)


class MergeForm(forms.Form):
    duplicate = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class FilterForm(forms.Form):
    event_type = forms.ChoiceField(choices=[("", "any"), *event_type_choices()], required=False)
    alleged_party = forms.ModelChoiceField(queryset=None, required=False, empty_label="any")
    status = forms.ChoiceField(choices=[("", "any"), *Verification.Status.choices], required=False)
    date_from = forms.DateField(widget=DATE, required=False)
    date_to = forms.DateField(widget=DATE, required=False)

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alleged_party"].queryset = Party.objects.filter(process_id=process_id)


# The CSV import page. The confirm step posts the previewed text back (multipart, so it is not
# URL-encoded); the import service validates it again, so an edited text cannot slip past.
IMPORT_MAX_BYTES = 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(help_text="ACLED-style CSV, UTF-8, at most 1 MiB")
    visibility = forms.ChoiceField(
        choices=VISIBILITY_CHOICES,
        initial="own",
        help_text="Who sees the imported reports (share wider later, never narrower)",
    )

    def clean_file(self) -> str:
        """The upload as text: too large or not UTF-8 is a form error naming the file."""
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"{upload.name}: {upload.size} bytes is more than the page takes "
                f"({IMPORT_MAX_BYTES}); use `accord truce import` for larger files."
            )
        try:
            return decode(upload.read())
        except ValueError as error:
            raise forms.ValidationError(f"{upload.name}: {error}") from error


class ImportConfirmForm(forms.Form):
    text = forms.CharField(widget=forms.HiddenInput, strip=False, max_length=IMPORT_MAX_BYTES)
    visibility = forms.ChoiceField(choices=VISIBILITY_CHOICES, widget=forms.HiddenInput)
