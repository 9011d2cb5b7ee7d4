"""Top-level URLs: pages, the API, sign-in, health."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from accord.accounts.views import LoginView
from accord.web import bench
from accord.web.api import api


def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability, for load balancers and monitoring."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("health", health, name="health"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("accord.accounts.urls")),
    path("", include("accord.talks.urls")),
    path("", include("accord.jobs.urls")),
    path("", include("accord.texts.urls")),
    path("", include("accord.analysis.urls")),
    path("", include("accord.exchanges.urls")),
    path("", include("accord.truces.urls")),
    path("", include("accord.agreements.urls")),
    path("", include("accord.monitor.urls")),
    path("", include("accord.consultations.urls")),
]
if bench.ENABLED:  # bench/load.py's ceiling; absent unless ACCORD_BENCH_CEILING=1
    urlpatterns.append(path("_bench/ceiling", bench.ceiling))
