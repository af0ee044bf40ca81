"""Settings for the portal, read from environment variables.

Defaults suit a developer's machine (DEBUG on, SQLite file, console e-mail). With DEBUG off every secret
and host must come from the environment: a missing one stops the start-up instead of running insecurely.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("true", "1", "yes", "on"):
        return True
    if value.lower() in ("false", "0", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The portal's name in e-mails and the admin: from here, never from the request's host.
SITE_NAME = os.environ.get("SITE_NAME", "Małopolski Wortal Ekonomii Społecznej")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "sorl.thumbnail",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_ratelimit",
    "axes",
    "simple_history",
    "import_export",
    # Django REST framework itself is deliberately not an installed app: its Polish catalogue would replace
    # Django's own messages for the whole site ("Enter a valid URL." and others). The API needs none of its
    # templates or static files; its few English messages are replaced by ours where visitors see them.
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "mailer",
    # Only for its static files (the editor); wortal/widgets.py starts it within the CSP.
    "django_prose_editor",
    "wortal",
    "search",
    "members",
    "moderation",
    "entities",
    "initiatives",
    "news",
    "monitoring",
    "api",
    "solo",
    "office",
    "knowledge",
    "newsletter",
    "pakt",
]

MIDDLEWARE = [
    # /healthz before everything (no SSL redirect, host check, session or user); then the fault pages.
    "wortal.faults.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wortal.faults.QueryStringLimitMiddleware",
    # With a read replica configured: anonymous GETs read from it (wortal/db_router.py); else it does nothing.
    "wortal.db_router.ReplicaMiddleware",
    # Permissions-Policy, Cross-Origin-Resource-Policy, no-store on personal pages; a view's own header wins.
    "wortal.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from Redis, before sessions, CSRF and the view run (wortal/cache.py).
    "wortal.cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff reach the admin only after a second factor (STAFF_MFA_REQUIRED); needs the user and messages.
    "wortal.staff_mfa.StaffMFAMiddleware",
    # Editors' panel: who made each change (history) and the sign-in lockout (axes, kept last).
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wortal.urls"
WSGI_APPLICATION = "wortal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wortal.context_processors.site",
                "office.context_processors.site_settings",
            ],
        },
    },
    # Only for fragments repeated many times per page (wortal/jinja2.py); found under templates/jinja2/.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "wortal.jinja2.environment"},
    },
]

# Database: SQLite file by default (zero setup), PostgreSQL in production and CI via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 0 if DEBUG else 600),
        conn_health_checks=True,
    )
}
# Optional read replica (wortal/db_router.py): anonymous visitors' page views read from it.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["wortal.db_router.ReplicaRouter"]
# A database that does not answer must not hold a page for long: the visitor gets the Polish 503 page
# (wortal/faults.py) within DB_CONNECT_TIMEOUT seconds (libpq's minimum is 2).
for _database in DATABASES.values():
    if _database["ENGINE"] == "django.db.backends.postgresql":
        _database.setdefault("OPTIONS", {})["connect_timeout"] = envint("DB_CONNECT_TIMEOUT", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if not DEBUG and not REDIS_URL:
    # Rate limits, lockouts and caches must be shared by every process: the local-memory cache is not.
    raise ImproperlyConfigured("REDIS_URL must be set when DEBUG is off")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "wortal.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages for anonymous visitors, invalidated by the content generation (wortal/cache.py,
# docs/performance.md). On wherever Redis is (production); tests switch it on where they need it.
PAGE_CACHE = envbool("PAGE_CACHE", bool(REDIS_URL))
# Upper bound for changes that come from the clock alone (scheduled posts, events that end).
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 60)
# Apps whose writes do not change public pages, besides sessions, auth, axes, allauth and thumbnails.
PAGE_CACHE_IGNORED_APPS = envlist("PAGE_CACHE_IGNORED_APPS")
# The registry's searches ranked from its words in each worker's memory (entities/word_index.py, about 15 MB
# per worker at 100,000 entities); off, PostgreSQL ranks them. Only with the page cache, on PostgreSQL.
SEARCH_WORD_INDEX = envbool("SEARCH_WORD_INDEX", True)
# Benchmark only: adds /bench/ok (an empty view through the whole middleware) as the stack's ceiling.
BENCHMARK = envbool("BENCHMARK", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must not be public (images of submissions not yet approved): outside MEDIA_ROOT, which the web
# server serves; Django serves them only to whom may see them (moderation.views.submission_image).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# Media on the local disk (wortal/storage.py: a full disk is a clear Polish error), or with MEDIA_STORAGE=s3 in
# an S3-compatible bucket through django-storages (several app servers share it; see docs/deployment.md).
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE == "filesystem":
    _media_storage = {"BACKEND": "wortal.storage.MediaStorage"}
elif MEDIA_STORAGE == "s3":
    if not os.environ.get("S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET")
    # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role), read by boto3.
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,  # media are public: plain, cacheable addresses
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be filesystem or s3, not {MEDIA_STORAGE!r}")
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail. EMAIL_BACKEND is how mail is finally delivered (console in development, SMTP in production). With
# MAIL_QUEUE on (the default in production) every send_mail() only writes the message to the database queue
# (django-mailer) and `manage.py send_queued_mail` delivers it: no page waits for SMTP, and an SMTP outage
# defers mail (retried every MAIL_RETRY_SECONDS) instead of losing it. `make run` sends straight to the console.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAIL_QUEUE = envbool("MAIL_QUEUE", not DEBUG)
EMAIL_BACKEND = "mailer.backend.DbBackend" if MAIL_QUEUE else EMAIL_DELIVERY_BACKEND
MAILER_EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND
MAIL_RETRY_SECONDS = envint("MAIL_RETRY_SECONDS", 60)
# Several workers may run (one per machine): each message is locked in the database while it is sent, so no
# lock file is needed. The log keeps the outcome and Message-ID, not the body (sign-in links, personal data).
MAILER_USE_FILE_LOCK = False
MAILER_EMAIL_LOG_MESSAGE_DATA = False
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
# A display name with the address: mail programs show the portal, not a bare "wortal@…".
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <wortal@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER via the environment flag.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "wortal.views.csrf_failure"
# Browser features the portal never uses are switched off for it and anything it frames (wortal/headers.py).
# Only the film players (after consent) get what their iframe's `allow` asks for.
_PLAYERS = '"https://www.youtube-nocookie.com" "https://player.vimeo.com"'
PERMISSIONS_POLICY = ", ".join(
    [
        *(f"{feature}=()" for feature in ["accelerometer", "autoplay", "camera", "display-capture"]),
        *(f"{feature}=()" for feature in ["geolocation", "gyroscope", "magnetometer", "microphone", "midi"]),
        *(f"{feature}=()" for feature in ["payment", "publickey-credentials-get", "screen-wake-lock", "usb"]),
        "xr-spatial-tracking=()",
        *(
            f"{feature}=(self {_PLAYERS})"
            for feature in ["encrypted-media", "fullscreen", "picture-in-picture"]
        ),
    ]
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Pages with a person's own data: never stored by a browser or any cache between.
PRIVATE_PATH_PREFIXES = ["/konto/"]
BEHIND_TLS_PROXY = envbool("BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies we run in front of the app (nginx: 1). The client's address is the one the outermost
# of them appended to X-Forwarded-For; allauth, axes and django-ratelimit all read it through wortal.client_ip.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 1 if BEHIND_TLS_PROXY else 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Map tiles (entities/map.py): any XYZ tile server; the CSP below allows images from exactly its host.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
_tiles = urlsplit(MAP_TILE_URL)
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}" if _tiles.netloc else ""

# A strict policy from day one: templates carry no inline scripts, handlers or style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        # Only the privacy-enhanced players, loaded only after the visitor's consent (news/video.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "wortal.security_log.JSONFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        # Security events, one JSON object a line (wortal/security_log.py): no passwords, tokens or e-mails.
        "security": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "wortal.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}

# The public registry's page size; tests and the benchmark rely on it.
ENTITIES_PER_PAGE = 20

# Content (news, films, events, initiatives).
NEWS_PER_PAGE = 12
INITIATIVES_PER_PAGE = 12
VIDEO_UPLOAD_MAX_BYTES = envint("VIDEO_UPLOAD_MAX_BYTES", 500 * 1024 * 1024)
# Request bodies are refused from their Content-Length before they are read (wortal.faults): 40 MB fits a
# form with six 5 MB photos; the film form's address takes a film on top. nginx's client_max_body_size agrees.
REQUEST_BODY_MAX_BYTES = envint("REQUEST_BODY_MAX_BYTES", 40 * 1024 * 1024)
LARGE_UPLOAD_PATHS = ["/admin/news/film/"]
FILE_UPLOAD_HANDLERS = [
    "wortal.faults.RequestBodyLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
QUERY_STRING_MAX_BYTES = 32 * 1024
CAPTIONS_UPLOAD_MAX_BYTES = 2 * 1024 * 1024

# Thumbnails (sorl-thumbnail): renditions are made on first use and remembered in its database table, read
# through Django's cache (Redis in production): once an image has been shown, listing it costs no query.
THUMBNAIL_CACHE = "default"
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_UPSCALE = False
THUMBNAIL_QUALITY = 85

# Accounts (django-allauth): e-mail as the login, verified before the first log-in.
# axes first, so a locked-out username and address is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"{SITE_NAME}: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
# Also signs our e-mail texts (templates/account/email/) with SITE_NAME and SITE_URL.
ACCOUNT_ADAPTER = "wortal.accounts.AccountAdapter"
ACCOUNT_FORMS = {"signup": "wortal.accounts.SignupForm"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "member:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

# Submissions by organisations: a rate limit per account and per IP address, counted in the default cache
# (Redis with REDIS_URL, so every process shares the counters). The address comes from wortal.client_ip.
SUBMISSION_RATE_PER_USER = os.environ.get("SUBMISSION_RATE_PER_USER", "10/h")
SUBMISSION_RATE_PER_IP = os.environ.get("SUBMISSION_RATE_PER_IP", "30/h")
RATELIMIT_IP_META_KEY = "wortal.client_ip.client_ip"
# django-ratelimit only knows the third-party Redis backend; Django's own RedisCache increments atomically
# too. The local-memory cache (development and tests) is per process; production requires REDIS_URL (above).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + ([] if REDIS_URL else ["django_ratelimit.E003"])

# Editors told by e-mail about each new submission and claim (comma-separated; empty: nobody).
MODERATION_NOTIFY_EMAILS = envlist("MODERATION_NOTIFY_EMAILS")

# Photos an organisation may show on its profile.
ENTITY_MAX_PHOTOS = 6
# Editors' panel (issue 5) ---------------------------------------------------------------------------------
# Failed sign-ins are counted per username *and* address: one office behind one NAT address is not locked out
# by a stranger guessing at its accounts. The axes backend goes first so it works with any sign-in form that
# calls authenticate() with the request (the admin's today, allauth's later).
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no start-up banner in every command's output; lockouts are still logged
AXES_LOCKOUT_TEMPLATE = "editors/lockout.html"
# The client's address by the portal's one proxy rule (wortal/client_ip.py), as for allauth and ratelimit.
AXES_CLIENT_IP_CALLABLE = "wortal.client_ip.client_ip"

# History (django-simple-history): a row per change of entities, initiatives, posts, films and events.
SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Import and export (django-import-export): an import is one transaction, written only after the preview.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# A cell starting with "=" in an exported CSV would run as a formula in a spreadsheet program.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Entities not verified for this many days are listed on the admin home.
VERIFICATION_MAX_AGE_DAYS = 365

# Two-factor sign-in (django-allauth MFA): TOTP with recovery codes. Staff sign in through allauth's login (the
# admin's login form redirects there) and, with STAFF_MFA_REQUIRED, reach the admin only after a second factor
# (wortal/staff_mfa.py). On in production, off for the demo (`make run`) so `redaktor` signs in with a password.
STAFF_MFA_REQUIRED = envbool("STAFF_MFA_REQUIRED", not DEBUG)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Wortal Ekonomii Społecznej"
# django-axes owns the password lockout (per username *and* address, see above). allauth's per-login limit counts
# failures from every address together: it is what stops a guesser who spreads tries over many addresses, and
# it limits guesses at the six-digit code, which axes does not see. But it also shuts the person out everywhere,
# so it is set where only a spread-out attack reaches it: 30 in 15 minutes means at least six addresses each
# stopped by axes (5 each), while a person mistyping from home, office and phone never gets there. An editor
# lifts either lock in the admin ("Zablokowane logowania"). See docs/deployment.md, "Sign-in limits".
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,30/15m/key"}
# allauth passes the typed login as `email` (not `username`): axes must key its count on it.
AXES_USERNAME_CALLABLE = "wortal.staff_mfa.axes_username"

# Open data (/otwarte-dane/, the exports and the API): the licence, and who publishes the data.
OPEN_DATA_LICENCE_NAME = os.environ.get("OPEN_DATA_LICENCE_NAME", "CC BY 4.0")
OPEN_DATA_LICENCE_URL = os.environ.get(
    "OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/deed.pl"
)
OPEN_DATA_PUBLISHER = os.environ.get(
    "OPEN_DATA_PUBLISHER", "Regionalny Ośrodek Polityki Społecznej w Krakowie"
)

# Public read-only API (api/, /api/v1/): anonymous, JSON only, rate-limited per client address in the default
# cache (Redis in production). Behind the TLS proxy the address is the last one the proxy added to
# X-Forwarded-For; otherwise REMOTE_ADDR, so a client cannot pick a fresh address per request.
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": API_ANON_RATE},
    "NUM_PROXIES": 1 if envbool("BEHIND_TLS_PROXY", False) else 0,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Małopolski Wortal Ekonomii Społecznej – API",
    "DESCRIPTION": (
        "Publiczne dane portalu tylko do odczytu: podmioty ekonomii społecznej, inicjatywy, aktualności, filmy "
        "i wydarzenia. Dane osób kontaktowych nigdy nie są udostępniane. Licencja: zob. /otwarte-dane/."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # Swagger UI's files come from drf-spectacular-sidecar (served by us), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
}
# Site settings (office.SiteSettings, django-solo): one row read on every page, kept in the default cache and
# refreshed when editors save it (Redis in production, so every process sees the change at once).
SOLO_CACHE = "default"
SOLO_CACHE_TIMEOUT = 24 * 60 * 60

# The contact form (/kontakt/): messages per IP address, counted like organisations' submissions.
CONTACT_RATE_PER_IP = os.environ.get("CONTACT_RATE_PER_IP", "5/h")

# The knowledge library (/wiedza/): page size and the largest file of a publication.
PUBLICATIONS_PER_PAGE = 12
PUBLICATION_FILE_MAX_BYTES = envint("PUBLICATION_FILE_MAX_BYTES", 50 * 1024 * 1024)

# Newsletter: messages per batch (one mail connection each), days an unconfirmed address is kept, sign-ups per
# address (each sends an e-mail).
NEWSLETTER_BATCH_SIZE = envint("NEWSLETTER_BATCH_SIZE", 100)
NEWSLETTER_CONFIRM_DAYS = 7
NEWSLETTER_SUBSCRIBE_RATE_PER_IP = os.environ.get("NEWSLETTER_SUBSCRIBE_RATE_PER_IP", "10/h")
