from django.urls import path

from accord.accounts import account_views as views

urlpatterns = [
    path("account/", views.security, name="security"),
    path("account/two-factor/", views.two_factor, name="two_factor"),
    path("account/two-factor/recovery-codes", views.recovery_codes, name="recovery_codes"),
    path("account/sessions/end", views.session_end, name="session_end"),
    path("account/sessions/end-all", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("account/tokens/revoke", views.token_end, name="token_revoke"),
    path("account/my-data.json", views.my_data, name="my_data"),
]
