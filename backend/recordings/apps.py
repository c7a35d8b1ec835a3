from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "recordings"

    def ready(self):
        from recordings import selectors
        from registrations.providers import providers

        # registrations may not import recordings: it asks through this (docs/notifications.md).
        providers.recording_url = selectors.recording_url
