"""The one settings module: every value comes from the environment (see README, Configuration)."""

from __future__ import annotations

from pathlib import Path

from django.utils.csp import CSP

from accord.web.env import (
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("ACCORD_DATA_DIR", str(Path.cwd() / "data"))).resolve()
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'accord.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django_htmx",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accord.core",
    "accord.audit",
    "accord.files",
    "accord.accounts",
    "accord.talks",
    "accord.jobs",
    "accord.texts",
    "accord.analysis",
    "accord.exchanges",
    "accord.truces",
    "accord.agreements",
    "accord.monitor",
    "accord.consultations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accord.web.nul_guard.NulGuardMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accord.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "accord.web.urls"
WSGI_APPLICATION = "accord.web.wsgi.application"

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

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
LOGIN_FAILURE_LIMIT = env_int("ACCORD_LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_SECONDS = env_int("ACCORD_LOGIN_LOCKOUT_SECONDS", 900)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "accord_cache",
    }
}

# Sessions and cookies: HTTPS-only cookies whenever the deployment says it is behind TLS.
BEHIND_TLS = env_bool("ACCORD_BEHIND_TLS", False)
SESSION_COOKIE_SECURE = BEHIND_TLS
CSRF_COOKIE_SECURE = BEHIND_TLS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Inactivity expiry: every request renews the cookie, so a session idle for this long ends.
SESSION_COOKIE_AGE = env_int("ACCORD_SESSION_SECONDS", 8 * 3600)
SESSION_SAVE_EVERY_REQUEST = True
# ... but the row's expiry is written at most once a minute (a write per page view otherwise).
SESSION_ENGINE = "accord.web.session_store"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("ACCORD_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("ACCORD_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("ACCORD_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Browsers' preload list is for public hosts; air-gapped installations are not on it.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (Django's own middleware): everything from this origin, nothing
# inline. Templates carry no <script> bodies and no style="" attributes (a test crawls for them).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Two-factor sign-in (TOTP, recovery codes) for everyone holding a mediator or delegation seat.
# On by default behind TLS (production); off for the demo and the tests unless set.
ACCORD_REQUIRE_2FA = env_bool("ACCORD_REQUIRE_2FA", BEHIND_TLS)
OTP_TOTP_ISSUER = env_str("ACCORD_OTP_ISSUER", "Accord")

# Background jobs run in a worker thread of the server; eager runs them at commit (tests, CLI).
ACCORD_JOBS_EAGER = env_bool("ACCORD_JOBS_EAGER", False)

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("ACCORD_MAX_REQUEST_BYTES", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Largest file kept in the content-addressed blob store (attachments); see docs/operations.md.
ACCORD_MAX_UPLOAD_BYTES = env_int("ACCORD_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "files"

# ACCORD_LOG_FORMAT=json writes one JSON object per line (for journald, Loki, ELK...).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "accord.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env_str("ACCORD_LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("ACCORD_LOG_LEVEL", "WARNING")},
}
# Django's own form and widget templates through Jinja2 (several times faster; see the module).
FORM_RENDERER = "accord.web.form_renderer.JinjaFirstRenderer"
