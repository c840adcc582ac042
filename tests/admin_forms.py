"""Submitting admin forms as a browser would: the rendered form's values, then a few changes."""
import html
import re

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper


def form_values(form):
    """The POST data a browser would send for ``form`` as rendered (its current values)."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        widget = field.widget.widget if isinstance(field.widget, RelatedFieldWidgetWrapper) else field.widget
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(widget, forms.widgets.ChoiceWidget):
            if widget.allow_multiple_selected:
                data[bound.html_name] = [str(v) for v in value or []]
            else:
                data[bound.html_name] = "" if value is None else str(value)
        else:
            data[bound.html_name] = widget.format_value(value) or ""
    return data


def admin_form_data(response, **changes):
    """The POST data of an admin change (or add, or revert) page, with ``changes`` applied.

    Includes every inline formset's management form and rows.
    """
    data = form_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:
        formset = inline.formset
        data.update(form_values(formset.management_form))
        for form in formset.forms:
            data.update(form_values(form))
    data.update(changes)
    return data


def page_text(response):
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
