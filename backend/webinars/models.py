"""Webinars: what is scheduled, who hosts it, who may see it."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify


class Tag(models.Model):
    name = models.CharField(max_length=30, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def _hosts(user) -> Q:
    """The user organizes or co-hosts: an EXISTS, never a join, so no DISTINCT is needed."""
    co_host = Webinar.co_hosts.through.objects.filter(webinar_id=models.OuterRef("pk"), user_id=user.pk)
    return Q(organizer=user) | Q(models.Exists(co_host))


def _published() -> Q:
    return ~Q(status=Webinar.Status.DRAFT)


class WebinarQuerySet(models.QuerySet):
    def hosted_by(self, user) -> "WebinarQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(_hosts(user))

    def listed_for(self, user) -> "WebinarQuerySet":
        """What a listing shows: published public webinars, plus everything the caller hosts."""
        public = Q(visibility=Webinar.Visibility.PUBLIC) & _published()
        if not user.is_authenticated:
            return self.filter(public)
        return self.filter(public | _hosts(user))

    def reachable_by(self, user) -> "WebinarQuerySet":
        """What the caller may open by id: the listing, plus webinars they registered for; staff see all."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if not user.is_authenticated:
            return self.listed_for(user)
        registered = models.Exists(Webinar.objects.filter(pk=models.OuterRef("pk"), registrations__user=user))
        public = Q(visibility=Webinar.Visibility.PUBLIC) & _published()
        return self.filter(public | (Q(registered) & _published()) | _hosts(user))

    def by_slug_for(self, user) -> "WebinarQuerySet":
        """What an event page may show: any published webinar, unlisted ones included (the slug is the secret)."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        if not user.is_authenticated:
            return self.filter(_published())
        return self.filter(_published() | _hosts(user))


class Webinar(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft"
        SCHEDULED = "scheduled"
        LIVE = "live"
        ENDED = "ended"
        CANCELLED = "cancelled"

    class Policy(models.TextChoices):
        OPEN = "open"
        APPROVAL = "approval"

    class Visibility(models.TextChoices):
        PUBLIC = "public"
        UNLISTED = "unlisted"

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=20000)
    slug = models.SlugField(max_length=80, unique=True, editable=False)
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField(null=True, blank=True, help_text="Empty means unlimited.")
    registration_policy = models.CharField(max_length=10, choices=Policy.choices, default=Policy.OPEN)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    organizer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organized_webinars")
    co_hosts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="co_hosted_webinars")
    tags = models.ManyToManyField(Tag, blank=True, related_name="webinars")
    # The calendar file's SEQUENCE: raised by every change of time or title and by the cancellation, so
    # that calendars move (or drop) the event they already hold instead of adding a second one.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WebinarQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="webinar_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="webinar_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            # The random part keeps unlisted event pages unguessable (about 48 bits).
            self.slug = f"{slugify(self.title)[:60].strip('-') or 'webinar'}-{secrets.token_hex(6)}"
        super().save(*args, **kwargs)

    def host_ids(self) -> set[int]:
        """The organizer's and co-hosts' user ids; co-hosts are read once per instance (prefetched, or here)."""
        if "co_hosts" not in getattr(self, "_prefetched_objects_cache", {}):
            models.prefetch_related_objects([self], "co_hosts")
        return {self.organizer_id, *(host.pk for host in self.co_hosts.all())}

    def is_host(self, user) -> bool:
        return user.is_authenticated and user.pk in self.host_ids()


class CoHostInvitation(models.Model):
    """A host asked this person to co-host; they become one only by accepting (answering deletes the row)."""

    webinar = models.ForeignKey(Webinar, on_delete=models.CASCADE, related_name="co_host_invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="co_host_invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["webinar", "user"], name="one_co_host_invitation_per_person")]

    def __str__(self) -> str:
        return f"{self.user} invited to co-host {self.webinar}"
