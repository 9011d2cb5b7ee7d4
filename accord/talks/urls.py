from django.urls import path

from accord.talks import views

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<id:process_id>/", views.process_dashboard, name="process"),
    path("p/<id:process_id>/notes/add", views.note_add, name="note_add"),
    path("p/<id:process_id>/issues/<id:issue_id>/", views.issue_detail, name="issue"),
    path(
        "p/<id:process_id>/positions/<id:position_id>/share",
        views.position_share,
        name="position_share",
    ),
    path("p/<id:process_id>/parties/<id:party_id>/", views.party_detail, name="party"),
    path("p/<id:process_id>/people/<id:person_id>/", views.person_detail, name="person"),
    path("p/<id:process_id>/rounds/<id:round_id>/", views.round_detail, name="round"),
]
