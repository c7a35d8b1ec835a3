from django.contrib import admin

from live.models import AttendanceInterval, LiveSession


class AttendanceIntervalInline(admin.TabularInline):
    model = AttendanceInterval
    extra = 0
    raw_id_fields = ("user",)
    readonly_fields = ("source", "external_id", "joined_at", "left_at")


@admin.register(LiveSession)
class LiveSessionAdmin(admin.ModelAdmin):
    list_display = ("webinar", "state", "started_at", "opened_at", "ended_at")
    list_filter = ("state",)
    search_fields = ("webinar__title",)
    raw_id_fields = ("webinar", "started_by", "ended_by")
    # The room name admits people to the meeting: shown to staff, never editable.
    readonly_fields = ("room", "started_at", "opened_at", "ended_at", "room_destroyed_at")
    inlines = [AttendanceIntervalInline]


@admin.register(AttendanceInterval)
class AttendanceIntervalAdmin(admin.ModelAdmin):
    list_display = ("session", "user", "source", "joined_at", "left_at")
    list_filter = ("source",)
    raw_id_fields = ("session", "user")
