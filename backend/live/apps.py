from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"

    def ready(self):
        from live import audience
        from registrations.providers import providers

        # registrations may not import live: it asks through these (docs/notifications.md).
        providers.in_room = audience.in_room
        providers.attended = audience.attended
