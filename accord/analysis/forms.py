"""Forms of the analysis pages: a delegation's preference, a run, a release."""

from __future__ import annotations

from typing import Any

from django import forms

from accord.analysis.models import OptionConstraint, Preference
from accord.talks.models import Issue, Option


class PreferenceForm(forms.Form):
    """Weights are relative importances 0..100 (sliders), normalised to sum to one on save."""

    reservation = forms.FloatField(
        min_value=0, max_value=1, initial=0.3,
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        help_text="Utility of walking away without agreement, 0 to 1.",
    )  # fmt: skip
    notes = forms.CharField(
        required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your delegation's own reasoning; nobody else ever sees it.",
    )  # fmt: skip

    def __init__(
        self, *args: Any, issues: list[Issue], preference: Preference | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.issues = issues
        weights = {w.issue_id: w.weight for w in preference.weights.all()} if preference else {}
        scores = {s.option_id: s.score for s in preference.scores.all()} if preference else {}
        if preference:
            self.initial.update(reservation=preference.reservation, notes=preference.notes)
        for issue in issues:
            self.fields[f"weight_{issue.pk}"] = forms.IntegerField(
                label=f"Weight of {issue.title}", min_value=0, max_value=100,
                initial=round(weights.get(issue.pk, 1 / len(issues)) * 100),
                widget=forms.NumberInput(attrs={"type": "range", "min": 0, "max": 100}),
            )  # fmt: skip
            for option in issue.options.all():
                self.fields[f"score_{option.pk}"] = forms.FloatField(
                    label=option.label, min_value=0, max_value=1,
                    initial=scores.get(option.pk, 0.5),
                    widget=forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}),
                )  # fmt: skip

    def issue_rows(self) -> list[tuple[Issue, forms.BoundField, list[forms.BoundField]]]:
        return [
            (i, self[f"weight_{i.pk}"], [self[f"score_{o.pk}"] for o in i.options.all()])
            for i in self.issues
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        weights = [data.get(f"weight_{i.pk}") for i in self.issues]
        if all(w is not None for w in weights) and sum(weights) <= 0:
            raise forms.ValidationError("Give at least one issue a weight above zero.")
        return data

    def weights(self) -> dict[Issue, float]:
        return {i: float(self.cleaned_data[f"weight_{i.pk}"]) for i in self.issues}

    def scores(self) -> dict[Option, float]:
        return {o: self.cleaned_data[f"score_{o.pk}"] for i in self.issues for o in i.options.all()}


class RunForm(forms.Form):
    label = forms.CharField(max_length=200, required=False)


class ReleaseForm(forms.Form):
    package = forms.CharField(max_length=20, help_text="A row number or a point name")
    note = forms.CharField(required=False, max_length=5000)


def _option_choices(issues: list[Issue]) -> list[tuple[str, list[tuple[int, str]]]]:
    return [(i.title, [(o.pk, o.label) for o in i.options.all()]) for i in issues]


class ConstraintForm(forms.Form):
    """A mediator's hard rule: option A of one issue requires or excludes option B of another."""

    option = forms.TypedChoiceField(coerce=int, label="If the package chooses")
    kind = forms.ChoiceField(choices=OptionConstraint.Kind.choices, label="it")
    other_option = forms.TypedChoiceField(coerce=int, label="option")
    note = forms.CharField(max_length=500, required=False)

    def __init__(self, *args: Any, issues: list[Issue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _option_choices(issues)
        self.fields["option"].choices = choices
        self.fields["other_option"].choices = choices
        self.options = {o.pk: o for i in issues for o in i.options.all()}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, second = (
            self.options.get(data.get("option")),
            self.options.get(data.get("other_option")),
        )
        if first and second and first.issue_id == second.issue_id:
            raise forms.ValidationError("A constraint links options of two different issues.")
        data["option"], data["other_option"] = first, second
        return data


class BaselineForm(forms.Form):
    """A baseline package: one option per analysed issue (status quo, or the current text)."""

    def __init__(self, *args: Any, issues: list[Issue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issues = issues
        for issue in issues:
            self.fields[f"issue_{issue.pk}"] = forms.TypedChoiceField(
                coerce=int, label=issue.title,
                choices=[(o.pk, o.label) for o in issue.options.all()],
            )  # fmt: skip

    def options(self) -> list[Option]:
        by_id = {o.pk: o for i in self.issues for o in i.options.all()}
        return [by_id[self.cleaned_data[f"issue_{i.pk}"]] for i in self.issues]
