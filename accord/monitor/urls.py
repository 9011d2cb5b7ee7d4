"""Pages of the monitor app (mounted at the site root, under p/<id:process_id>/)."""

urlpatterns: list = []
