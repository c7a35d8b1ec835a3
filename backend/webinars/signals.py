"""What the webinars app announces to the apps built on it (which may depend on it; never the reverse)."""

from django.dispatch import Signal

# Sent by webinars.services.webinar_update, under the webinar lock and inside its transaction, when a
# host changes the capacity: kwargs `webinar` (saved, new capacity) and `previous`. A receiver that
# raises rolls the whole edit back. registrations applies its seat rules here.
capacity_changed = Signal()

# Sent by webinars.services.webinar_cancel, under the webinar lock and inside its transaction, when a
# published webinar is cancelled: kwargs `webinar`. registrations tells the registrants (after commit).
webinar_cancelled = Signal()

# Sent by webinars.services.webinar_update, under the webinar lock and inside its transaction, when a
# host changes the time or the title of a published webinar: kwargs `webinar` (saved, its `sequence`
# already raised) and `changed` (the field names). registrations sends the updated calendar file.
webinar_rescheduled = Signal()
