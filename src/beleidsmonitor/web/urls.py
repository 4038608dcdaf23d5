from django.urls import path

from beleidsmonitor.web.views import (
    actions,
    actors,
    dashboard,
    importing,
    matrix,
    plans,
    search,
    timeline,
)

urlpatterns = [
    path("", plans.home, name="home"),
    path("plannen/<int:plan_id>/", plans.plan_detail, name="plan-detail"),
    path("plannen/<int:plan_id>/matrix/", matrix.plan_matrix, name="plan-matrix"),
    path("plannen/<int:plan_id>/tijdlijn/", timeline.plan_timeline, name="plan-timeline"),
    path("plannen/<int:plan_id>/dashboard/", dashboard.plan_dashboard, name="plan-dashboard"),
    path("acties/<int:action_id>/", actions.action_detail, name="action-detail"),
    path("actoren/", actors.actor_list, name="actor-list"),
    path("actoren/<slug:slug>/", actors.actor_detail, name="actor-detail"),
    path("importeren/", importing.upload, name="import-upload"),
    path("importeren/<uuid:pending_id>/", importing.preview, name="import-preview"),
    path("zoeken/", search.search_page, name="search"),
]
