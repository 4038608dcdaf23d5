from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("rapportering/", include("beleidsmonitor.monitoring.urls")),
    path("koppelingen/", include("beleidsmonitor.linking.urls")),
    path("api/", include("beleidsmonitor.api.urls")),
    path("rapporten/", include("beleidsmonitor.reports.urls")),
    path("", include("beleidsmonitor.plans.urls")),
    path("", include("beleidsmonitor.web.urls")),
]
