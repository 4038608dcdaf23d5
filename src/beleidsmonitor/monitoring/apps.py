from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "beleidsmonitor.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"
