"""Pages of the analysis app (mounted at the site root, under p/<id:process_id>/)."""

urlpatterns: list = []
