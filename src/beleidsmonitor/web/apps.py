from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "beleidsmonitor.web"
    label = "web"
    verbose_name = "Webinterface"

    def ready(self) -> None:
        from beleidsmonitor.web import checks  # noqa: F401  (registers the system checks)
