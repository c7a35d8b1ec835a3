from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"

    def ready(self):
        from registrations.selectors import with_registration_details
        from registrations.services import registrants_notify_cancelled, seats_follow_capacity
        from webinars import selectors as webinar_selectors
        from webinars.signals import capacity_changed, webinar_cancelled

        webinar_selectors.detail_annotators.append(with_registration_details)

        def on_capacity_changed(sender, *, webinar, previous, **kwargs):
            seats_follow_capacity(webinar=webinar, previous=previous)

        def on_webinar_cancelled(sender, *, webinar, **kwargs):
            registrants_notify_cancelled(webinar=webinar)

        # weak=False: the receivers are local functions that would otherwise be garbage-collected.
        capacity_changed.connect(on_capacity_changed, weak=False, dispatch_uid="registrations.seats_follow_capacity")
        webinar_cancelled.connect(on_webinar_cancelled, weak=False, dispatch_uid="registrations.notify_cancelled")
