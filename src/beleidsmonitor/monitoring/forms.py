"""Forms with Dutch labels and messages (translated); the update form also checks Excel rows."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.monitoring.models import ActionUpdate, IndicatorValue, UpdateStatus
from beleidsmonitor.monitoring.models.rounds import round_date_errors
from beleidsmonitor.monitoring.numbers import dutch_number
from beleidsmonitor.monitoring.validation import (
    DELIVERABLE_CHOICES,
    MESSAGES,
    check_budget,
    check_indicator_value,
    check_links,
    check_progress,
    check_status,
    check_status_progress,
    parse_dutch_number,
)
from beleidsmonitor.plans.models import IndicatorKind, Plan

NUMERIC_KINDS = (IndicatorKind.COUNT, IndicatorKind.PERCENTAGE)


def indicator_field_name(value: IndicatorValue) -> str:
    return f"indicator_{value.indicator_id}"


class UpdateForm(forms.Form):
    """One update's values; `version` is the version the editor started from.

    With `check_pair=False` the form leaves the status/progress pair rule to its caller:
    a sheet checks it only on the rows a reporter changed (`check_pair`)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("— nog niet ingevuld —")), *UpdateStatus.choices],
        required=False,
        error_messages={"invalid_choice": MESSAGES["status"]},
        validators=[check_status],
    )
    progress = forms.IntegerField(
        label=_("Voortgang (%)"),
        required=False,
        validators=[check_progress],
        error_messages={"invalid": MESSAGES["progress_number"]},
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
    )
    narrative = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    budget_spent = forms.CharField(
        label=_("Besteed budget (euro)"),
        required=False,
        help_text=_("Bijvoorbeeld 1250,50"),
    )
    evidence_links = forms.CharField(
        label=_("Bewijsstukken (één link per regel)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, update: ActionUpdate, *args, check_pair: bool = True, **kwargs):
        self.update = update
        self.check_pair = check_pair
        self.indicator_values = list(update.indicator_values.select_related("indicator"))
        kwargs.setdefault("initial", initial_for(update, self.indicator_values))
        super().__init__(*args, **kwargs)
        for value in self.indicator_values:
            self.fields[indicator_field_name(value)] = indicator_field(value)

    def clean_budget_spent(self) -> Decimal | None:
        text = self.cleaned_data["budget_spent"].strip()
        if not text:
            return None
        amount = parse_dutch_number(text, invalid=MESSAGES["budget_number"])
        check_budget(amount)
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(_("Een bedrag heeft hoogstens twee cijfers na de komma."))
        return amount

    def clean_evidence_links(self) -> list[str]:
        links = self.cleaned_data["evidence_links"].split()
        check_links(links)
        return links

    def clean(self):
        cleaned = super().clean()
        if self.check_pair:
            error = self.pair_error()
            if error is not None:
                self.add_error("progress", error)
        for value in self.indicator_values:
            name = indicator_field_name(value)
            if name not in cleaned:
                continue
            raw = cleaned[name]
            kind = value.indicator.kind
            if kind == IndicatorKind.QUALITATIVE:
                continue
            if raw in ("", None):
                cleaned[name] = None
                continue
            if kind == IndicatorKind.DELIVERABLE:
                cleaned[name] = DELIVERABLE_CHOICES[raw]
                continue
            try:
                number = parse_dutch_number(str(raw), invalid=MESSAGES["indicator_number"])
                check_indicator_value(value.indicator, number)
            except ValidationError as error:
                self.add_error(name, error)
            else:
                cleaned[name] = number
        return cleaned

    def pair_error(self) -> ValidationError | None:
        """The status/progress pair rule on the cleaned values: None if they agree."""
        cleaned = self.cleaned_data
        if "status" not in cleaned or cleaned.get("progress") is None:
            return None
        try:
            check_status_progress(cleaned["status"], cleaned["progress"])
        except ValidationError as error:
            return error
        return None

    def values(self) -> dict:
        """The cleaned values in the shape `save_update` takes."""
        data = self.cleaned_data
        values = {
            field: data[field]
            for field in ("status", "progress", "narrative", "budget_spent", "evidence_links")
        }
        values["indicators"] = {
            value.indicator_id: data[indicator_field_name(value)] for value in self.indicator_values
        }
        return values

    def indicator_fields(self):
        return [(value, self[indicator_field_name(value)]) for value in self.indicator_values]


def indicator_field(value: IndicatorValue) -> forms.Field:
    indicator = value.indicator
    label = indicator.text + (f" ({indicator.unit})" if indicator.unit else "")
    help_bits = []
    if value.baseline is not None:
        help_bits.append(gettext("nulmeting %(value)s") % {"value": dutch_number(value.baseline)})
    if indicator.target:
        help_bits.append(gettext("streefwaarde %(value)s") % {"value": indicator.target})
    help_text = ", ".join(help_bits)
    if indicator.kind == IndicatorKind.QUALITATIVE:
        return forms.CharField(
            label=label,
            required=False,
            help_text=help_text,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    if indicator.kind == IndicatorKind.DELIVERABLE:
        return forms.ChoiceField(
            label=gettext("%(indicator)s: opgeleverd?") % {"indicator": label},
            required=False,
            help_text=help_text,
            # the values stay "ja" and "nee": they are what the Excel sheet holds too
            choices=[("", "—"), ("ja", _("ja")), ("nee", _("nee"))],
            error_messages={"invalid_choice": MESSAGES["deliverable"]},
        )
    if indicator.kind == IndicatorKind.PERCENTAGE:
        label = f"{label} (%)"
    return forms.CharField(label=label, required=False, help_text=help_text)


def initial_for(update: ActionUpdate, indicator_values: list[IndicatorValue]) -> dict:
    """The stored values as a Dutch user reads and types them (decimal comma)."""
    budget = update.budget_spent
    initial = {
        "version": update.version,
        "status": update.status,
        "progress": update.progress,
        "narrative": update.narrative,
        "budget_spent": "" if budget is None else f"{budget:.2f}".replace(".", ","),
        "evidence_links": "\n".join(update.evidence_links or []),
    }
    for value in indicator_values:
        shown = value.display_value
        if value.indicator.kind in NUMERIC_KINDS:
            shown = shown.replace(".", ",")
        initial[indicator_field_name(value)] = shown
    return initial


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Wat moet de rapporteur aanpassen?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Zeg in een opmerking wat de rapporteur moet aanpassen.")},
    )


class OpenRoundForm(forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=200, help_text=_("Bijvoorbeeld Rapportering 2026")
    )
    period_start = forms.DateField(
        label=_("Begin van de periode"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Einde van de periode"), widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline = forms.DateField(
        label=_("Uiterste datum"), widget=forms.DateInput(attrs={"type": "date"})
    )
    plans = forms.ModelMultipleChoiceField(
        label=_("Plannen"), queryset=Plan.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, plans, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plans"].queryset = plans

    def clean(self):
        cleaned = super().clean()
        dates = (cleaned.get(name) for name in ("period_start", "period_end", "deadline"))
        for field, message in round_date_errors(*dates).items():
            self.add_error(field, message)
        return cleaned


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Ingevuld rapporteringsblad (.xlsx)"),
        error_messages={"required": _("Kies een Excel-bestand (.xlsx).")},
    )
