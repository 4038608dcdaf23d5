from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "beleidsmonitor.search"
    label = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        # Connects the receivers that reindex progress updates when they change.
        from beleidsmonitor.search import signals  # noqa: F401
