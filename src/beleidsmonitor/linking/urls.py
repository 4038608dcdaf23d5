from django.urls import path

from beleidsmonitor.linking.views import actors, links

app_name = "linking"

urlpatterns = [
    path("", links.review_list, name="review"),
    path("<int:proposal_id>/beslissen/", links.decide, name="decide"),
    path("acties/<int:action_id>/", links.action_links, name="action"),
    path("opvolging/<int:plan_id>/", links.lineage, name="lineage"),
    path("overlap/", links.overlap_index, name="overlap-index"),
    path("overlap/<int:first_id>/<int:second_id>/", links.overlap_matrix, name="overlap"),
    path("voorstellen.json", links.links_json, name="json"),
    path("actoren/", actors.actor_review, name="actor-review"),
    path("actoren/<int:actor_id>/", actors.actor_obligations, name="actor"),
    path("actoren/<int:actor_id>/wijzigen/", actors.actor_change, name="actor-change"),
]
