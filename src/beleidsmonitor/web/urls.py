from django.urls import path

from beleidsmonitor.web.views import plans

urlpatterns = [
    path("", plans.home, name="home"),
    path("plannen/<int:plan_id>/", plans.plan_detail, name="plan-detail"),
]
