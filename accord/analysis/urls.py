"""Pages of the analysis app (mounted at the site root, under p/<id:process_id>/)."""

from django.urls import path

from accord.analysis import views

P = "p/<id:process_id>/analysis/"

urlpatterns = [
    path(P, views.home, name="analysis"),
    path(P + "preference/", views.preference, name="analysis_preference"),
    path(P + "constraints/add", views.constraint_add, name="analysis_constraint_add"),
    path(
        P + "constraints/<id:constraint_id>/remove",
        views.constraint_remove,
        name="analysis_constraint_remove",
    ),
    path(P + "runs/start", views.run_start, name="analysis_run_start"),
    path(P + "runs/<id:run_id>/", views.run_detail, name="analysis_run"),
    path(P + "runs/<id:run_id>/baseline", views.run_baseline, name="analysis_baseline"),
    path(P + "runs/<id:run_id>/release", views.package_release, name="analysis_release"),
    path(P + "packages/", views.packages, name="analysis_packages"),
    path(P + "packages/<id:package_id>/", views.package_detail, name="analysis_package"),
]
