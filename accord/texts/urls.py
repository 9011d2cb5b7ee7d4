"""Pages of the texts app (mounted at the site root, under p/<id:process_id>/)."""

from django.urls import path

from accord.texts import views

urlpatterns = [
    path("p/<id:process_id>/texts/", views.text_index, name="texts"),
    path("p/<id:process_id>/texts/trace/", views.trace, name="text_trace"),
    path("p/<id:process_id>/texts/<id:text_id>/", views.text_detail, name="text"),
    path("p/<id:process_id>/texts/<id:text_id>/mark", views.mark, name="text_mark"),
    path("p/<id:process_id>/texts/<id:text_id>/heatmap/", views.heatmap, name="text_heatmap"),
    path(
        "p/<id:process_id>/texts/<id:text_id>/versions/", views.version_index, name="text_versions"
    ),
    path("p/<id:process_id>/texts/<id:text_id>/diff/", views.diff, name="text_diff"),
    path("p/<id:process_id>/clauses/<id:text_clause_id>/", views.clause_row, name="text_clause"),
    path(
        "p/<id:process_id>/clauses/<id:text_clause_id>/edit",
        views.clause_edit,
        name="text_clause_edit",
    ),
    path(
        "p/<id:process_id>/text-versions/<id:text_version_id>/",
        views.version_detail,
        name="text_version",
    ),
    path(
        "p/<id:process_id>/text-versions/<id:text_version_id>/approve",
        views.version_approve,
        name="text_version_approve",
    ),
    path(
        "p/<id:process_id>/text-versions/<id:text_version_id>/docx",
        views.version_docx,
        name="text_version_docx",
    ),
    path(
        "p/<id:process_id>/text-versions/<id:text_version_id>/pdf",
        views.version_pdf,
        name="text_version_pdf",
    ),
]
