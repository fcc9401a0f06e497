"""Delivery of events: HMAC-signed webhooks with retries, fed from the outbox."""

from __future__ import annotations

from scraper.notify.outbox import DeliveryStats, Outbox, deliver_pending, plan_deliveries
from scraper.notify.webhook import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    post_delivery,
    retry_delay,
    sign,
    verify,
)

__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "DeliveryStats",
    "Outbox",
    "deliver_pending",
    "plan_deliveries",
    "post_delivery",
    "retry_delay",
    "sign",
    "verify",
]
