from django.urls import path

from accord.jobs import views

urlpatterns = [
    path("p/<id:process_id>/jobs/<id:job_id>/", views.job_detail, name="job"),
]
