from django.urls import path

from beleidsmonitor.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path(
        "plan/<int:plan_id>/ronde/<int:round_id>/jaarrapport.<str:fmt>",
        views.plan_report,
        name="plan-report",
    ),
    path(
        "actor/<int:actor_id>/ronde/<int:round_id>/jaarrapport.<str:fmt>",
        views.actor_report,
        name="actor-report",
    ),
    path("plan/<int:plan_id>/export.<str:fmt>", views.plan_export, name="plan-export"),
    path("open-data/", views.open_data, name="open-data"),
    path("open-data/plan/<int:plan_id>.<str:fmt>", views.open_data_download, name="open-data-file"),
]
