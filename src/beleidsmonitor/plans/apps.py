from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "beleidsmonitor.plans"
    label = "plans"
    verbose_name = "Plannen"
