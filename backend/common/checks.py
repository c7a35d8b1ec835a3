"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The public status is retired by a version in the cache: every worker process must see the same cache."""
    if settings.CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
        return [
            Error(
                "The default cache is local to each process: worker processes would serve stale live status.",
                hint="Set REDIS_URL to a Redis shared by every API process.",
                id="common.E001",
            )
        ]
    return []
