from django.contrib import admin

from recordings.models import Recording


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    list_display = ("source_path", "session", "status", "published", "size_bytes", "created_at")
    list_filter = ("status", "published")
    raw_id_fields = ("session",)
    readonly_fields = ("source_path", "file", "size_bytes", "duration_seconds", "created_at", "announced_at")
