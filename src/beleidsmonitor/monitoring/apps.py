from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "beleidsmonitor.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        # a new version of a plan takes over the open rounds and coordinators of the old
        from beleidsmonitor.monitoring.operations.carry_over import on_plan_imported
        from beleidsmonitor.plans.signals import plan_imported

        plan_imported.connect(on_plan_imported, dispatch_uid="monitoring.carry_over")
