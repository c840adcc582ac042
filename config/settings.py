"""Settings for the Commentary Archive, read from environment variables.

Every setting that differs between a laptop and production comes from the
environment (see README, "Configuration"), so the same code runs in both.
"""
from pathlib import Path
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def read_local_env(path):
    """Defaults from a git-ignored ``local.env`` (KEY=VALUE lines) that ``make run`` writes:
    DEBUG on and a generated SECRET_KEY, so plain ``manage.py`` commands work on a laptop.
    The environment always wins; a production server has no such file (ARCHIVE_LOCAL_ENV=""
    turns it off anywhere)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, IsADirectoryError):
        return
    for line in lines:
        key, sep, value = line.strip().partition("=")
        if sep and key and not key.startswith("#"):
            os.environ.setdefault(key.strip(), value.strip())


LOCAL_ENV = os.environ.get("ARCHIVE_LOCAL_ENV", str(BASE_DIR / "local.env"))
if LOCAL_ENV:
    read_local_env(LOCAL_ENV)

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment for production, "
            "or run `make run` once (it writes local.env: DEBUG on, a generated key) for development."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "simple_history",
    "django_ratelimit",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GETs answered from the cache before sessions, auth or the view run.
    "archive.caching.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "archive.base_url.RequestBaseUrlMiddleware",  # absolute links on the request's own host
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "archive.middleware.DatabaseUnavailableMiddleware",
    "archive.throttling.ThrottleMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'archive.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets public readers keep reading while an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        # Reads served from the operating system's file cache through a memory map (256 MiB)
        # and a 64 MiB page cache per connection: a new connection's first search reads the
        # full-text index without copying every page into a cold private cache (issue 14).
        " PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536;"
    )
    # A writer waits up to 20 s for another's write lock, and takes it when its
    # transaction begins: a read lock upgraded later fails at once with "database is
    # locked" when another process wrote in between (D5).
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Archive-specific settings.
ARCHIVE_SITE_NAME = os.environ.get("ARCHIVE_SITE_NAME", "Commentary Archive")
ARCHIVE_BASE_URL = os.environ.get("ARCHIVE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
ARCHIVE_IMPORT_MAX_BYTES = int(os.environ.get("ARCHIVE_IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_IMPORT_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_IMPORT_MAX_BYTES + 1024 * 1024

# --- Production: cache, background jobs, security headers, abuse limits (README, "Production") ---

def cache_from_url(url, default_dir):
    """CACHES["default"] from CACHE_URL: redis://host:6379/0 (production: one cache every
    worker and machine sees), file:///path (the embedded default: shared by the worker
    processes of one machine, no service), locmem:// (one process: tests), dummy://."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "archive"), "TIMEOUT": 24 * 3600}
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url[9:] or "archive"}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if url and not url.startswith("file://"):
        raise ImproperlyConfigured(f"CACHE_URL {url!r}: use redis://, file://, locmem:// or dummy://")
    location = url[7:] if url else str(default_dir)
    return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": location,
            "TIMEOUT": 24 * 3600, "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4}}


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""), BASE_DIR / "var" / "cache")}
#: Anonymous pages, feeds and exports from the cache (archive/caching/); 0 turns it off.
ARCHIVE_PUBLIC_CACHE = env_bool("ARCHIVE_PUBLIC_CACHE", default=True)
#: Stored whole-archive exports (built in the background) live here.
MEDIA_ROOT = Path(os.environ.get("ARCHIVE_MEDIA_ROOT") or BASE_DIR / "var" / "media")

# Background jobs (imports, whole-archive exports): django-tasks with its database
# backend; `manage.py db_worker` runs them (make serve starts one).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "exports"]}}

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Abuse limits (django-ratelimit) count in the default cache. Its checks refuse the
# file cache because its increment is not atomic: under concurrent requests from one
# client a few hits may go uncounted, so on the embedded default a limit is approximate
# (exact with Redis, which Django's own RedisCache backend serves; "not officially
# supported" is about django-redis being the one they test).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "archive.throttling.limited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
#: Per client: expensive requests (list exports, deep search pages) and failed sign-ins.
ARCHIVE_EXPENSIVE_RATE = os.environ.get("ARCHIVE_EXPENSIVE_RATE", "30/m")
ARCHIVE_LOGIN_RATE = os.environ.get("ARCHIVE_LOGIN_RATE", "10/m")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
    X_FRAME_OPTIONS = "DENY"
