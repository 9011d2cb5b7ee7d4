"""Pages of the exchanges app (mounted at the site root, under p/<id:process_id>/)."""

from django.urls import path

from accord.exchanges import views

P = "p/<id:process_id>/exchanges/"

urlpatterns = [
    path(P, views.exchange_index, name="exchanges"),
    path(P + "<id:exchange_id>/", views.exchange_detail, name="exchange"),
    path(P + "<id:exchange_id>/upload", views.list_upload, name="exchange_upload"),
    path(P + "<id:exchange_id>/reconcile", views.reconcile, name="exchange_reconcile"),
    path(P + "<id:exchange_id>/review/", views.review, name="exchange_review"),
    path(P + "<id:exchange_id>/export.csv", views.export, name="exchange_export"),
    path(P + "lists/<id:exchange_list_id>/", views.list_detail, name="exchange_list"),
    path(P + "records/<id:list_record_id>/", views.record_detail, name="exchange_record"),
    path(P + "links/<id:candidate_link_id>/", views.link_detail, name="exchange_link"),
    path(P + "links/<id:candidate_link_id>/decide", views.decide, name="exchange_decide"),
]
