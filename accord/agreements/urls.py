"""Pages of the agreements app (mounted at the site root, under p/<id:process_id>/)."""

from django.urls import path

from accord.agreements import documents, views

urlpatterns = [
    path("p/<id:process_id>/agreements/", views.agreement_list, name="agreements"),
    path(
        "p/<id:process_id>/agreements/<id:agreement_id>/",
        views.agreement_detail,
        name="agreement",
    ),
    path(
        "p/<id:process_id>/provisions/<id:provision_id>/",
        views.provision_detail,
        name="provision",
    ),
    *documents.urlpatterns,
]
