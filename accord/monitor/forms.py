"""Forms of the monitor's pages; choices are limited to the seat's process."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.core.visibility import VISIBILITY_CHOICES
from accord.talks.models import Issue, Party, Person

MAX_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = [single(item, initial) for item in files if item]
        if not cleaned:
            raise forms.ValidationError("Choose at least one file.")
        if len(cleaned) > MAX_FILES:
            raise forms.ValidationError(f"At most {MAX_FILES} files at once.")
        return cleaned


class UploadForm(forms.Form):
    files = MultipleFileField(
        help_text="Text (.txt), HTML (.html) or RSS/Atom (.rss, .atom, .xml); up to 5 MB each."
    )


class FilterForm(forms.Form):
    TONES = [
        ("", "any tone"),
        ("positive", "positive"),
        ("negative", "negative"),
        ("neutral", "neutral"),
    ]
    KINDS = [("", "any kind"), ("direct", "direct"), ("indirect", "indirect"), ("mixed", "mixed")]
    CLAIMS = [("", "any claim"), ("agreed", "claims agreed"), ("not agreed", "claims not agreed")]

    party = forms.ModelChoiceField(queryset=None, required=False, empty_label="all parties")
    issue = forms.ModelChoiceField(queryset=None, required=False, empty_label="all issues")
    speaker = forms.ModelChoiceField(queryset=None, required=False, empty_label="all people")
    tone = forms.ChoiceField(choices=TONES, required=False)
    kind = forms.ChoiceField(choices=KINDS, required=False)
    claim = forms.ChoiceField(choices=CLAIMS, required=False)
    q = forms.CharField(required=False, max_length=200, label="Words in the quote")

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(process_id=process_id)
        self.fields["issue"].queryset = Issue.objects.filter(process_id=process_id)
        self.fields["speaker"].queryset = Person.objects.filter(process_id=process_id)

    def apply(self, statements):
        """The statements narrowed by every valid filter (invalid values are ignored)."""
        if not self.is_valid():
            return statements
        data = self.cleaned_data
        for name in ("party", "speaker", "tone", "kind", "claim"):
            if data.get(name):
                statements = statements.filter(**{name: data[name]})
        if data.get("issue"):
            statements = statements.filter(issues=data["issue"])
        if data.get("q"):
            statements = statements.filter(quote__icontains=data["q"])
        return statements


class AnnotationForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    visibility = forms.ChoiceField(
        choices=VISIBILITY_CHOICES,
        initial="own",
        help_text="Own: only your delegation sees it.",
    )


class AcceptForm(forms.Form):
    name = forms.CharField(max_length=160)
    title = forms.CharField(max_length=240, required=False)
    party = forms.ModelChoiceField(queryset=None, required=False, empty_label="(no party)")

    def __init__(self, *args: Any, process_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(process_id=process_id)
