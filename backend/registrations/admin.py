from django.contrib import admin

from registrations.models import Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "webinar", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("user__username", "user__email", "webinar__title")
    raw_id_fields = ("user", "webinar")
    # Status changes go through the API's services (capacity, waitlist, emails), not here.
    readonly_fields = ("status", "created_at", "updated_at")
