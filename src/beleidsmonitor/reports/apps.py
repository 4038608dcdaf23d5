from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "beleidsmonitor.reports"
    label = "reports"
    verbose_name = "Rapporten"
