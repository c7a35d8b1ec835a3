from django.urls import path

from accounts import api

urlpatterns = [
    path("register/", api.SignUpView.as_view(), name="auth-register"),
    path("token/", api.LoginView.as_view(), name="auth-token"),
    path("token/refresh/", api.RefreshView.as_view(), name="auth-token-refresh"),
    path("logout/", api.LogoutView.as_view(), name="auth-logout"),
    path("me/", api.MeView.as_view(), name="auth-me"),
    path("unsubscribe/<str:token>/", api.UnsubscribeView.as_view(), name="unsubscribe"),
    path("users/lookup/", api.UserLookupView.as_view(), name="user-lookup"),
]
