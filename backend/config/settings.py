"""Stagecall settings: one module, every value from the environment (see docs/configuration.md)."""

import hashlib
import hmac
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

# Development-only defaults. With debug off, start-up refuses them (below).
_DEV_SECRET_KEY = "django-insecure-stagecall-development-key-do-not-use-in-production"
_DEV_JITSI_SECRET = "stagecall-development-jitsi-secret-do-not-use-in-production"

SECRET_KEY = env_str("DJANGO_SECRET_KEY") or (_DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when DJANGO_DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_ALLOW_CREDENTIALS = True
# The public URL of the frontend, used for links in emails and the instant-webinar answer.
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "corsheaders",
    "csp",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "common",
    "accounts",
    "webinars",
    "registrations",
    "live",
    "recordings",
]

MIDDLEWARE = [
    # Outermost, so that every answer carries the policy, also those served by WhiteNoise.
    "csp.middleware.CSPMiddleware",
    # Next: it also reshapes what Django answers before a view runs (bad Host, oversized body).
    "common.middleware.ApiResponseMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "common.middleware.DatabaseUnavailableMiddleware",
    # The public status poll, the busiest request, needs nothing below (live/status_http.py).
    "live.status_http.PublicStatusFastPath",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
    )
}
# A database that accepts connections but never answers must not hold a worker until gunicorn's timeout
# kills it (the client would get gunicorn's HTML 500): connecting gives up after DATABASE_CONNECT_TIMEOUT
# seconds and any statement after DATABASE_STATEMENT_TIMEOUT_MS; both end as a JSON 503
# (common.middleware). 0 turns the statement timeout off (e.g. for a long data migration).
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 5, minimum=2)  # libpq's minimum is 2
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 10000, minimum=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT, options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks. Start every transaction as a writer (BEGIN IMMEDIATE) so that
    # concurrent writers queue on the busy timeout; a deferred transaction that reads first and
    # then writes fails at once with "database is locked" when another writer holds the lock
    # (seen as a 500 on live/end while an attendee's leave was being written).
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")

REDIS_URL = env_str("REDIS_URL")
# The cache fails open (common/cache.py): with Redis down or hanging, a request waits one short socket
# timeout, then the cache is skipped for REDIS_RETRY_SECONDS. redis-py retries nothing here (its default
# for a connection without retry options), so the timeout is paid once per call, not per retry.
REDIS_CACHE_BACKEND = "common.cache.FailOpenRedisCache"
_redis_timeout = env_int("REDIS_TIMEOUT_MS", 250, minimum=10) / 1000
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": _redis_timeout, "socket_timeout": _redis_timeout}
REDIS_RETRY_SECONDS = env_int("REDIS_RETRY_SECONDS", 5, minimum=0)
if REDIS_URL:
    CACHES = {"default": {"BACKEND": REDIS_CACHE_BACKEND, "LOCATION": REDIS_URL, "OPTIONS": REDIS_CACHE_OPTIONS}}
else:
    # A cache per process: right for `make run` (one process) and tests. A server with several
    # worker processes would retire a changed status in one of them only, and the others would
    # serve the old state (seen under gunicorn with 2 workers). `check --deploy` always refuses it.
    if not DEBUG and not env_bool("ALLOW_LOCAL_MEMORY_CACHE", default=False):
        raise ImproperlyConfigured(
            "REDIS_URL must be set when DJANGO_DEBUG is off: a per-process cache serves stale live status "
            "across worker processes (ALLOW_LOCAL_MEMORY_CACHE=1 allows it for a single-process server)."
        )
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "stagecall"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The built React app (frontend/dist) is served by WhiteNoise at the site root; index.html
# is the fallback for client-side routes (see common.views.spa_index).
FRONTEND_DIST = Path(env_str("FRONTEND_DIST") or REPO_DIR / "frontend" / "dist")
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Email and background tasks -------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Stagecall <no-reply@stagecall.local>")

_TASK_BACKENDS = {
    # A worker (`manage.py db_worker`) takes tasks from the database: production.
    "database": "django_tasks_db.DatabaseBackend",
    # Runs the task at once, in the process that enqueued it: tests and `make run`.
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = env_str("TASKS_BACKEND", "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}, got {_task_backend!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

# --- Notifications (docs/notifications.md) ---------------------------------------------
# Reminders go this many minutes before a webinar starts; `manage.py send_due_reminders` (the reaper) sends them.
# Empty means the default (compose passes an unset variable as ""); "off" means no reminders.
_raw_offsets = env_str("REMINDER_OFFSETS_MINUTES") or "1440,15"
_offsets = [] if _raw_offsets == "off" else [item.strip() for item in _raw_offsets.split(",")]
if not all(item.isdigit() and int(item) > 0 for item in _offsets) or len({int(item) for item in _offsets}) != len(_offsets):
    raise ImproperlyConfigured(f"REMINDER_OFFSETS_MINUTES must be distinct positive whole minutes, comma-separated, got {_offsets!r}.")
REMINDER_OFFSETS_MINUTES = sorted((int(item) for item in _offsets), reverse=True)
# Recipients per send task: a webinar with 10,000 registrants becomes 20 short tasks, not one long one.
NOTIFY_BATCH_SIZE = env_int("NOTIFY_BATCH_SIZE", 500, minimum=1)

# --- API -----------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["common.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "common.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "common.exceptions.exception_handler",
    # Per client (address) for anonymous calls, per account for signed-in ones; docs/configuration.md.
    "DEFAULT_THROTTLE_RATES": {
        "auth": env_rate("THROTTLE_AUTH_RATE", "30/min"),  # sign-up, login
        "refresh": env_rate("THROTTLE_REFRESH_RATE", "30/min"),
        "logout": env_rate("THROTTLE_LOGOUT_RATE", "30/min"),
        "admin_login": env_rate("THROTTLE_ADMIN_LOGIN_RATE", "10/min"),
        "lookup": env_rate("THROTTLE_LOOKUP_RATE", "60/min"),  # the co-host lookup, and co-host invitations
        "register": env_rate("THROTTLE_REGISTER_RATE", "30/min"),
        "join": env_rate("THROTTLE_JOIN_RATE", "60/min"),
        "create": env_rate("THROTTLE_CREATE_RATE", "60/hour"),  # new webinars and instant calls
        "jitsi_refused": env_rate("THROTTLE_JITSI_REFUSED_RATE", "10/min"),  # wrong secrets only
    },
    # How many proxies in front of the app append to X-Forwarded-For: the compose nginx is one, a bare
    # gunicorn none. Unset, DRF would key throttles on the whole header, which the client writes.
    "NUM_PROXIES": env_int("TRUSTED_PROXY_COUNT", 0, minimum=0),
}

# API tokens are signed with their own key, so that leaking one kind of secret does not
# forge the other. When unset, it is derived from the Django secret (never equal to it).
API_TOKEN_SIGNING_KEY = (
    env_str("API_TOKEN_SIGNING_KEY") or hmac.new(SECRET_KEY.encode(), b"stagecall.api-tokens", hashlib.sha256).hexdigest()
)
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("API_ACCESS_TOKEN_MINUTES", 15, minimum=1)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("API_REFRESH_TOKEN_DAYS", 7, minimum=1)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": API_TOKEN_SIGNING_KEY,
    "ALGORITHM": "HS256",
}
# The refresh token also travels as an HttpOnly cookie so that the browser app never
# keeps it where scripts can read it (docs/security.md).
REFRESH_COOKIE_NAME = "stagecall_refresh"
REFRESH_COOKIE_SECURE = env_bool("REFRESH_COOKIE_SECURE", default=not DEBUG)

SPECTACULAR_SETTINGS = {
    "TITLE": "Stagecall API",
    "DESCRIPTION": "Webinars, registrations, live sessions and Jitsi room tokens. Errors: see docs/api.md.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Status fields appear in several serializers; one name per choice set in the schema (and the generated types).
    "ENUM_NAME_OVERRIDES": {
        "WebinarStatusEnum": "webinars.models.Webinar.Status",
        "RegistrationStatusEnum": "registrations.models.Registration.Status",
    },
    # Every operation documents its error answers in the one error shape, and inputs refuse NUL (common/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.schema.add_error_responses",
        "common.schema.forbid_nul_in_inputs",
    ],
}

# --- Jitsi ----------------------------------------------------------------------------
JITSI_DOMAIN = env_str("JITSI_DOMAIN", "localhost:8443")
JITSI_APP_ID = env_str("JITSI_APP_ID", "stagecall")
JITSI_APP_SECRET = env_str("JITSI_APP_SECRET") or (_DEV_JITSI_SECRET if DEBUG else "")
JITSI_AUDIENCE = env_str("JITSI_AUDIENCE", "jitsi")
JITSI_SUBJECT = env_str("JITSI_SUBJECT", "meet.jitsi")
JITSI_TOKEN_TTL = env_int("JITSI_TOKEN_TTL", 300, minimum=30)
JITSI_TOKEN_ALGORITHM = env_str("JITSI_TOKEN_ALGORITHM", "HS256")
JITSI_PRIVATE_KEY_FILE = env_str("JITSI_PRIVATE_KEY_FILE")  # RS256 only
JITSI_KEY_ID = env_str("JITSI_KEY_ID")  # RS256 only
JITSI_EVENTS_SECRET = env_str("JITSI_EVENTS_SECRET")
# Where Prosody's event_sync posts (its api_prefix); only `manage.py jitsi_check` reads it here.
JITSI_EVENTS_API_PREFIX = env_str("JITSI_EVENTS_API_PREFIX", "http://127.0.0.1:8000/api/jitsi")
# How long a live session survives an empty, destroyed Jitsi room before it is ended.
JITSI_ROOM_GRACE_SECONDS = env_int("JITSI_ROOM_GRACE_SECONDS", 300, minimum=0)
# `make bench` only: mounts the floor view (benchmarks/floor.py) at /api/bench/floor/. Never in production.
BENCHMARK_FLOOR = env_bool("BENCHMARK_FLOOR", default=False)
# How long the public status answer may be cached by browsers and CDNs.
STATUS_MAX_AGE = env_int("STATUS_MAX_AGE", 5, minimum=0)

# --- Content-Security-Policy (django-csp) -----------------------------------------------
# Everything from our own origin, plus exactly what the Jitsi embed needs: Jitsi's external_api.js
# (script-src) and the meeting it opens in an iframe (frame-src). No inline scripts or styles,
# no eval; nobody may frame our pages. frontend/nginx.conf sends the same policy (docs/security.md).
_JITSI_ORIGIN = f"https://{JITSI_DOMAIN}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", _JITSI_ORIGIN],
        "frame-src": [_JITSI_ORIGIN],
        "connect-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

if JITSI_TOKEN_ALGORITHM not in {"HS256", "RS256"}:
    raise ImproperlyConfigured("JITSI_TOKEN_ALGORITHM must be HS256 or RS256.")
if JITSI_TOKEN_ALGORITHM == "RS256" and not (JITSI_PRIVATE_KEY_FILE and JITSI_KEY_ID):
    raise ImproperlyConfigured("RS256 Jitsi tokens need JITSI_PRIVATE_KEY_FILE and JITSI_KEY_ID.")
if JITSI_SUBJECT == "*":
    raise ImproperlyConfigured("JITSI_SUBJECT must name the XMPP domain or tenant, never '*'.")
if not DEBUG and JITSI_TOKEN_ALGORITHM == "HS256":
    if len(JITSI_APP_SECRET.encode()) < 32 or JITSI_APP_SECRET == _DEV_JITSI_SECRET:
        raise ImproperlyConfigured("JITSI_APP_SECRET must be a random value of at least 32 bytes when DJANGO_DEBUG is off.")
    if JITSI_APP_SECRET in {SECRET_KEY, JITSI_EVENTS_SECRET}:
        raise ImproperlyConfigured("JITSI_APP_SECRET must differ from DJANGO_SECRET_KEY and JITSI_EVENTS_SECRET.")

# --- Recordings (Jibri) --------------------------------------------------------------
# Where Jibri's finished files appear (its recordings directory, shared with the worker).
RECORDINGS_INBOX_DIR = Path(env_str("RECORDINGS_INBOX_DIR") or BASE_DIR / "recordings-inbox")
# Where kept recordings live with the local storage (the "recordings" storage below).
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Bearer secret of Jibri's finalize script (POST /api/jitsi/recordings); empty keeps the endpoint shut.
RECORDINGS_SECRET = env_str("RECORDINGS_SECRET")
# Recordings older than this many days are deleted by `manage.py delete_expired_recordings`; 0 keeps them.
RECORDINGS_RETENTION_DAYS = env_int("RECORDINGS_RETENTION_DAYS", 0, minimum=0)
# Lifetime of a download/playback link (and of an S3 signed URL), in seconds.
RECORDINGS_LINK_TTL = env_int("RECORDINGS_LINK_TTL", 6 * 3600, minimum=60)
# With nginx in front (compose), downloads answer X-Accel-Redirect to this `internal` location,
# which maps to MEDIA_ROOT; empty streams the file from Django (development only).
RECORDINGS_ACCEL_REDIRECT_PREFIX = env_str("RECORDINGS_ACCEL_REDIRECT_PREFIX")
_recordings_storage = env_str("RECORDINGS_STORAGE", "local")
if _recordings_storage == "local":
    STORAGES["recordings"] = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}}
elif _recordings_storage == "s3":
    import importlib.util

    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured("RECORDINGS_STORAGE=s3 needs django-storages: pip install 'django-storages[s3]'.")
    # Credentials come from boto3's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, an instance role...).
    STORAGES["recordings"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("RECORDINGS_S3_BUCKET"),
            "region_name": env_str("RECORDINGS_S3_REGION") or None,
            "endpoint_url": env_str("RECORDINGS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,  # downloads are short-lived signed URLs, never public objects
            "querystring_expire": RECORDINGS_LINK_TTL,
            "file_overwrite": False,
        },
    }
    if not STORAGES["recordings"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("RECORDINGS_STORAGE=s3 needs RECORDINGS_S3_BUCKET.")
else:
    raise ImproperlyConfigured(f"RECORDINGS_STORAGE must be local or s3, got {_recordings_storage!r}.")
if not DEBUG and RECORDINGS_SECRET:
    if len(RECORDINGS_SECRET) < 32:
        raise ImproperlyConfigured("RECORDINGS_SECRET must be a random value of at least 32 characters.")
    if RECORDINGS_SECRET in {SECRET_KEY, JITSI_APP_SECRET, JITSI_EVENTS_SECRET}:
        raise ImproperlyConfigured("RECORDINGS_SECRET must differ from every other secret.")

# --- Production hardening (debug off) -------------------------------------------------
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Internal callers speak plain HTTP inside the compose network: the health check and
    # Prosody's event_sync, which does not follow redirects.
    SECURE_REDIRECT_EXEMPT = [r"^api/health/$", r"^api/jitsi/"]
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("DJANGO_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
