from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "beleidsmonitor.api"
    label = "api"
    verbose_name = "REST API"
