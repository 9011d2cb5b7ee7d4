"""Pages of the consultations app: the table's under p/<id:process_id>/consultations/, the
participants' (no account) under c/<token>/."""

from django.urls import path

from accord.consultations import public, views

P = "p/<id:process_id>/consultations/"

urlpatterns = [
    path(P, views.consultation_list, name="consultations"),
    path(P + "import", views.polis_import, name="consultation_import"),
    path(P + "<id:consultation_id>/", views.consultation_detail, name="consultation"),
    path(P + "<id:consultation_id>/seed", views.statement_seed, name="consultation_seed"),
    path(P + "<id:consultation_id>/status", views.consultation_status, name="consultation_status"),
    path(P + "<id:consultation_id>/invites", views.invite_add, name="consultation_invite"),
    path(P + "<id:consultation_id>/analyse", views.analysis_start, name="consultation_analyse"),
    path(P + "<id:consultation_id>/export", views.polis_export, name="consultation_export"),
    path(
        P + "statements/<id:statement_id>/moderate",
        views.statement_moderate,
        name="consultation_moderate",
    ),
    path(P + "results/<id:result_id>/", views.result_detail, name="consultation_result"),
    path(P + "results/<id:result_id>/release", views.result_release, name="consultation_release"),
    path(P + "results/<id:result_id>/attach", views.consensus_attach, name="consultation_attach"),
    path("c/<slug:token>/", public.participate, name="consult_participate"),
    path("c/<slug:token>/vote", public.vote, name="consult_vote"),
    path("c/<slug:token>/statements", public.submit, name="consult_submit"),
]
