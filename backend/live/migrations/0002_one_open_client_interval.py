from django.db import migrations, models


def close_duplicate_open_intervals(apps, schema_editor):
    """Racing rejoins used to open two client intervals; keep each person's earliest open, close the rest at once."""
    AttendanceInterval = apps.get_model("live", "AttendanceInterval")
    kept = set()
    for interval in AttendanceInterval.objects.filter(source="client", left_at__isnull=True).order_by("joined_at", "id"):
        key = (interval.session_id, interval.user_id)
        if key in kept:
            interval.left_at = interval.joined_at
            interval.save(update_fields=["left_at"])
        kept.add(key)


class Migration(migrations.Migration):
    dependencies = [("live", "0001_initial")]

    operations = [
        migrations.RunPython(close_duplicate_open_intervals, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="attendanceinterval",
            constraint=models.UniqueConstraint(
                condition=models.Q(("left_at__isnull", True), ("source", "client")),
                fields=("session", "user"),
                name="one_open_client_interval",
            ),
        ),
    ]
