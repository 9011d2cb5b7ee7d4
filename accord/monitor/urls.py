"""Pages of the monitor app (mounted at the site root, under p/<id:process_id>/monitor/)."""

from django.urls import path

from accord.monitor import views

P = "p/<id:process_id>/monitor/"

urlpatterns = [
    path(P, views.timeline_all, name="monitor"),
    path(P + "parties/<id:party_id>/", views.timeline_party, name="monitor_party"),
    path(P + "issues/<id:issue_id>/", views.timeline_issue, name="monitor_issue"),
    path(P + "people/<id:person_id>/", views.person_statements, name="monitor_person"),
    path(
        P + "statements/<id:public_statement_id>/", views.statement_detail, name="monitor_statement"
    ),
    path(
        P + "statements/<id:public_statement_id>/annotate",
        views.annotate,
        name="monitor_annotate",
    ),
    path(P + "documents/", views.documents, name="monitor_documents"),
    path(P + "documents/<id:source_document_id>/", views.document_detail, name="monitor_document"),
    path(P + "review/", views.review, name="monitor_review"),
    path(
        P + "review/<id:speaker_proposal_id>/accept",
        views.proposal_accept,
        name="monitor_proposal_accept",
    ),
    path(
        P + "review/<id:speaker_proposal_id>/dismiss",
        views.proposal_dismiss,
        name="monitor_proposal_dismiss",
    ),
]
