"""The form renderer: Django's form templates through Jinja2, still escaped; others through DTL."""

from __future__ import annotations

import pytest
from django import forms
from django.template import TemplateDoesNotExist
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as JinjaTemplate

from accord.web.form_renderer import JinjaFirstRenderer

HOSTILE = '<script>alert("x")</script>'


class Sample(forms.Form):
    name = forms.CharField(help_text="Plain help")
    kind = forms.ChoiceField(choices=[("a", HOSTILE), ("b", "B")])
    notes = forms.CharField(widget=forms.Textarea)


def test_built_in_widget_templates_come_from_jinja2() -> None:
    renderer = JinjaFirstRenderer()
    assert isinstance(renderer.get_template("django/forms/widgets/select.html"), JinjaTemplate)
    assert isinstance(renderer.get_template("django/forms/div.html"), JinjaTemplate)


def test_templates_only_the_django_language_has_fall_back_to_it() -> None:
    renderer = JinjaFirstRenderer()
    wrapper = "admin/widgets/related_widget_wrapper.html"
    assert isinstance(renderer.get_template(wrapper), DjangoTemplate)
    with pytest.raises(TemplateDoesNotExist):
        renderer.get_template("no/such/template.html")


def test_values_labels_and_errors_are_escaped() -> None:
    form = Sample(data={"name": HOSTILE, "kind": "zzz", "notes": HOSTILE})
    assert not form.is_valid()
    html = form.as_div()
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 3  # the input's value, the option label, the textarea
    assert "Select a valid choice. zzz is not one of the available choices." in html
