from django.urls import path

from beleidsmonitor.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.round_list, name="round-list"),
    path("nieuw/", views.round_open, name="round-open"),
    path("gepubliceerd/", views.published, name="published"),
    path("mijn/", views.my_open_updates, name="my-open"),
    path("rondes/<int:round_id>/", views.round_detail, name="round-detail"),
    path("rondes/<int:round_id>/sluiten/", views.round_close, name="round-close"),
    path(
        "rondes/<int:round_id>/excel/<int:actor_id>/",
        views.sheet_download,
        name="sheet-download",
    ),
    path(
        "rondes/<int:round_id>/excel/<int:actor_id>/opladen/",
        views.sheet_upload,
        name="sheet-upload",
    ),
    path("rapporteringen/<int:update_id>/", views.update_detail, name="update"),
    path("rapporteringen/<int:update_id>/indienen/", views.update_submit, name="update-submit"),
    path(
        "rapporteringen/<int:update_id>/terugsturen/",
        views.update_send_back,
        name="update-send-back",
    ),
    path("rapporteringen/<int:update_id>/goedkeuren/", views.update_approve, name="update-approve"),
    path("rapporteringen/<int:update_id>/publiceren/", views.update_publish, name="update-publish"),
    path("rapporteringen/<int:update_id>/historiek/", views.update_history, name="update-history"),
    path(
        "rapporteringen/<int:update_id>/historiek/<int:change_id>/herstellen/",
        views.update_restore,
        name="update-restore",
    ),
]
