from django.apps import AppConfig


class LinkingConfig(AppConfig):
    name = "beleidsmonitor.linking"
    label = "linking"
    verbose_name = "Koppelingen"
