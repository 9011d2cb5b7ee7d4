"""Form rendering: Jinja2 for Django's own form and widget templates, Django templates otherwise.

A page with a form renders one small template per field, per widget and per <option>; with the
Django template language that was a third to a half of such a page's CPU (the incident report
form: 19 ms of 20). Django ships the same form templates for Jinja2, which renders them several
times faster and escapes as strictly (autoescape is on in Django's Jinja2 backend). Templates
that exist only for the Django language, such as the admin's widget wrappers, still come from it.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class JinjaFirstRenderer(BaseRenderer):
    """FORM_RENDERER: Django's Jinja2 form templates first, Django templates as the fallback."""

    @cached_property
    def _jinja(self) -> Jinja2:
        return Jinja2()

    @cached_property
    def _django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return self._jinja.get_template(template_name)
        except TemplateDoesNotExist:
            return self._django.get_template(template_name)
