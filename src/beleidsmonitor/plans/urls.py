"""Mounted at the site root before the web pages; every path starts with `afstemming/`
or `woordenlijst/` so none can shadow a web page."""

from django.urls import path

from beleidsmonitor.plans import views

app_name = "plans"

urlpatterns = [
    path("afstemming/", views.match_index, name="match-index"),
    path("afstemming/<int:report_id>/", views.match_review, name="match-review"),
    path("afstemming/<int:report_id>/afstemmen/", views.match_run, name="match-run"),
    path("afstemming/<int:report_id>/cijfers/", views.figure_list, name="figures"),
    path("afstemming/beslis/<int:match_id>/", views.match_decide, name="match-decide"),
    path("afstemming/cijfers/<int:figure_id>/", views.figure_decide, name="figure-decide"),
    path("afstemming/doelstelling/<int:goal_id>/", views.goal_reported, name="goal-reported"),
    path("woordenlijst/", views.glossary_store, name="glossary"),
    path("woordenlijst/plan/<int:plan_id>/", views.glossary_plan, name="plan-glossary"),
]
