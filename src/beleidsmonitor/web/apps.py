from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "beleidsmonitor.web"
    label = "web"
    verbose_name = "Webinterface"
