from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"

    def ready(self):
        from registrations.notifications import registrants_notify_cancelled, registrants_notify_rescheduled
        from registrations.selectors import with_registration_details
        from registrations.services import seats_follow_capacity
        from webinars import selectors as webinar_selectors
        from webinars.signals import capacity_changed, webinar_cancelled, webinar_rescheduled

        webinar_selectors.detail_annotators.append(with_registration_details)

        def on_capacity_changed(sender, *, webinar, previous, **kwargs):
            seats_follow_capacity(webinar=webinar, previous=previous)

        def on_webinar_cancelled(sender, *, webinar, **kwargs):
            registrants_notify_cancelled(webinar=webinar)

        def on_webinar_rescheduled(sender, *, webinar, **kwargs):
            registrants_notify_rescheduled(webinar=webinar)

        # weak=False: the receivers are local functions that would otherwise be garbage-collected.
        capacity_changed.connect(on_capacity_changed, weak=False, dispatch_uid="registrations.seats_follow_capacity")
        webinar_cancelled.connect(on_webinar_cancelled, weak=False, dispatch_uid="registrations.notify_cancelled")
        webinar_rescheduled.connect(on_webinar_rescheduled, weak=False, dispatch_uid="registrations.notify_rescheduled")
