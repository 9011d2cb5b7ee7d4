"""Pages of the consultations app (mounted at the site root, under p/<id:process_id>/)."""

urlpatterns: list = []
