"""Test-side name for :mod:`scraper.localsite` (the real 127.0.0.1 server)."""

from scraper.localsite import LocalSite, Request, Route

__all__ = ["LocalSite", "Request", "Route"]
