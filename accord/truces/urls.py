"""Pages of the truces app (mounted at the site root, under p/<id:process_id>/)."""

from django.urls import path

from accord.truces import attachments, views

urlpatterns = [
    path("p/<id:process_id>/truces/", views.truce_list, name="truces"),
    path("p/<id:process_id>/truces/<id:truce_id>/", views.truce_detail, name="truce"),
    path(
        "p/<id:process_id>/truces/<id:truce_id>/incidents/",
        views.incident_list,
        name="truce_incidents",
    ),
    path("p/<id:process_id>/truces/<id:truce_id>/report", views.report_add, name="truce_report"),
    path(
        "p/<id:process_id>/truces/<id:truce_id>/export.csv",
        views.truce_export,
        name="truce_export",
    ),
    path(
        "p/<id:process_id>/truces/<id:truce_id>/import",
        views.truce_import,
        name="truce_import",
    ),
    path("p/<id:process_id>/incidents/<id:incident_id>/", views.incident_detail, name="incident"),
    path(
        "p/<id:process_id>/incidents/<id:incident_id>/merge",
        views.incident_merge,
        name="incident_merge",
    ),
    path("p/<id:process_id>/reports/<id:report_id>/share", views.report_share, name="report_share"),
]
urlpatterns += attachments.urlpatterns
