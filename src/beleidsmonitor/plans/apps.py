from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "beleidsmonitor.plans"
    label = "plans"
    verbose_name = _("Plannen")

    def ready(self) -> None:
        from beleidsmonitor.plans.operations.after_import import on_plan_imported
        from beleidsmonitor.plans.signals import plan_imported

        # A progress report is matched to its policy note as part of its import.
        plan_imported.connect(on_plan_imported, dispatch_uid="plans.match_reports")
