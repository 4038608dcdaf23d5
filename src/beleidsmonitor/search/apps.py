from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "beleidsmonitor.search"
    label = "search"
    verbose_name = "Zoeken"
