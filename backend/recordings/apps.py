from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "recordings"

    def ready(self):
        from common.mail import event_url
        from recordings.models import Recording
        from registrations.providers import providers

        def recording_url(webinar_id: int) -> str:
            """Published recordings play on the event page (per-person signed links are made there)."""
            published = Recording.objects.filter(session__webinar_id=webinar_id, published=True, status=Recording.Status.READY)
            slug = published.values_list("session__webinar__slug", flat=True).first()
            return event_url(slug) if slug else ""

        providers.recording_url = recording_url
