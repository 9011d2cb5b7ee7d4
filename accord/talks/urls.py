from django.urls import path

from accord.talks import views

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<int:process_id>/", views.process_dashboard, name="process"),
    path("p/<int:process_id>/notes/add", views.note_add, name="note_add"),
    path("p/<int:process_id>/issues/<int:issue_id>/", views.issue_detail, name="issue"),
    path(
        "p/<int:process_id>/positions/<int:position_id>/share",
        views.position_share,
        name="position_share",
    ),
    path("p/<int:process_id>/parties/<int:party_id>/", views.party_detail, name="party"),
    path("p/<int:process_id>/people/<int:person_id>/", views.person_detail, name="person"),
    path("p/<int:process_id>/rounds/<int:round_id>/", views.round_detail, name="round"),
]
