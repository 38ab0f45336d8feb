"""Sign-in with Streamlit's st.login, when `als dashboard --sign-in FILE` serves the dashboard.

Every page calls `require_sign_in()` first (through common.open_page), so nothing is read from the
database for a visitor who has not signed in. Without --sign-in the dashboard listens on this
machine only, or behind a reverse proxy that signs users in (README).
"""
from __future__ import annotations

import os

import streamlit as st

SIGN_IN_VARIABLE = "ALS_SIGN_IN"  # pipeline/cli/sign_in.py sets it


def sign_in_required() -> bool:
    return os.environ.get(SIGN_IN_VARIABLE, "") == "1"


def require_sign_in() -> None:
    """Stop the page with a sign-in button until the visitor has signed in; then offer a sign-out."""
    if not sign_in_required():
        return
    # .get: st.user has no is_logged_in at all until a provider is configured; missing means not signed in.
    if not st.user.get("is_logged_in", False):
        st.info("This dashboard shows anonymised logs of the programme to signed-in readers only.")
        st.button("Sign in", type="primary", on_click=st.login)
        st.stop()
    st.sidebar.caption(f"Signed in as {st.user.get('email') or st.user.get('name') or 'a reader'}")
    st.sidebar.button("Sign out", on_click=st.logout)
