"""`als dashboard --sign-in FILE`: check a Streamlit secrets file before serving with st.login.

Streamlit signs users in through an OpenID Connect provider configured in an `[auth]` table
(https://docs.streamlit.io/develop/api-reference/user/st.login). A file that lacks a setting would
only fail when the first reader clicks "Sign in", so it is checked here and the serve is refused
first. Only setting names are ever printed: the values are secrets.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

# Shared by every provider; the provider's own settings sit in [auth] or in [auth.NAME].
SHARED_SETTINGS = ("redirect_uri", "cookie_secret")
PROVIDER_SETTINGS = ("client_id", "client_secret", "server_metadata_url")
# Read by dashboards/sign_in.py: every page then asks for a signed-in user before it reads anything.
SIGN_IN_VARIABLE = "ALS_SIGN_IN"


class SignInSettingsError(ValueError):
    """The secrets file cannot sign anyone in; the message names what is missing, never a value."""


def check_sign_in_file(path: Path) -> list[str]:
    """The provider names configured in PATH ("default" for settings directly under [auth]), or an error."""
    if not path.is_file():
        raise SignInSettingsError(f"sign-in settings {path} do not exist (a Streamlit secrets.toml with [auth])")
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SignInSettingsError(f"sign-in settings {path} are not valid TOML ({type(error).__name__})") from None
    auth = settings.get("auth")
    if not isinstance(auth, dict):
        raise SignInSettingsError(f"{path} has no [auth] table: see README, Serving the dashboard to others")
    missing = [name for name in SHARED_SETTINGS if not auth.get(name)]
    providers = {name: value for name, value in auth.items() if isinstance(value, dict)}
    if all(auth.get(name) for name in PROVIDER_SETTINGS):
        providers["default"] = auth
    if not providers:
        missing += [name for name in PROVIDER_SETTINGS if not auth.get(name)]
    for name, provider in providers.items():
        missing += [f"{name}.{setting}" for setting in PROVIDER_SETTINGS if not provider.get(setting)]
    if missing:
        raise SignInSettingsError(f"{path} [auth] lacks: {', '.join(missing)}")
    if len(str(auth["cookie_secret"])) < 32:
        raise SignInSettingsError(f"{path} [auth] cookie_secret is too short: use at least 32 random characters")
    return sorted(providers)
