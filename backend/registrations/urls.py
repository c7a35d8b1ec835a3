from django.urls import path

from registrations import api

urlpatterns = [
    path("auth/me/registrations/", api.MyRegistrationListView.as_view(), name="my-registrations"),
    path("webinars/<int:pk>/register/", api.RegisterView.as_view(), name="webinar-register"),
    path("webinars/by-slug/<slug:slug>/register/", api.RegisterBySlugView.as_view(), name="webinar-register-by-slug"),
    path("webinars/<int:pk>/unregister/", api.UnregisterView.as_view(), name="webinar-unregister"),
    path("webinars/<int:pk>/calendar.ics", api.CalendarView.as_view(), name="webinar-calendar"),
    path("webinars/<int:pk>/registrations/", api.RegistrantListView.as_view(), name="webinar-registrations"),
    path("webinars/<int:pk>/registrations.csv", api.RegistrantCsvView.as_view(), name="webinar-registrations-csv"),
    path("webinars/<int:pk>/registrations/bulk/", api.BulkDecideView.as_view(), name="webinar-registrations-bulk"),
    path(
        "webinars/<int:pk>/registrations/<int:registration_id>/approve/",
        api.DecideView.as_view(decision="approve"),
        name="registration-approve",
    ),
    path(
        "webinars/<int:pk>/registrations/<int:registration_id>/reject/",
        api.DecideView.as_view(decision="reject"),
        name="registration-reject",
    ),
]
