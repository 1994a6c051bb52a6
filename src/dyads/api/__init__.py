"""The REST API and web explorer over a dyads store (``dyads serve``)."""
from dyads.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
