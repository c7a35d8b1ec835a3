from django.contrib import admin

from registrations.models import Notice, Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "webinar", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("user__username", "user__email", "webinar__title")
    raw_id_fields = ("user", "webinar")
    # Status changes go through the API's services (capacity, waitlist, emails), not here.
    readonly_fields = ("status", "created_at", "updated_at")


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """Support's answer to "did they get it?": which message went to whom, when. Read-only."""

    list_display = ("registration", "kind", "key", "sent_at")
    list_filter = ("kind",)
    search_fields = ("registration__user__email", "registration__webinar__title")
    raw_id_fields = ("registration",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
