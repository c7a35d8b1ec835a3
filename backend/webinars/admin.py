from django.contrib import admin

from webinars.models import CoHostInvitation, Tag, Webinar


@admin.register(Webinar)
class WebinarAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "visibility", "starts_at", "organizer", "capacity")
    list_filter = ("status", "visibility", "registration_policy", "tags")
    search_fields = ("title", "slug", "organizer__username")
    readonly_fields = ("slug", "created_at", "updated_at")
    raw_id_fields = ("organizer",)
    filter_horizontal = ("co_hosts", "tags")
    date_hierarchy = "starts_at"


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ("name",)


@admin.register(CoHostInvitation)
class CoHostInvitationAdmin(admin.ModelAdmin):
    list_display = ("webinar", "user", "invited_by", "created_at")
    search_fields = ("webinar__title", "user__username")
    raw_id_fields = ("webinar", "user", "invited_by")
