"""Errors the core raises; messages are Chinese and meant for people.

A :class:`ServiceError` is a refusal the user can act on (nothing was
changed); anything else escaping a service is a bug. A
:class:`ValidationError` names the refused field by a stable *key*
(``"matter.deadline"``) the GUI maps to its widget, and by a Chinese label
for messages (see :mod:`.fields`).
"""

from __future__ import annotations


class ServiceError(ValueError):
    """A request the services refuse. Nothing was changed."""


class NotFoundError(ServiceError):
    pass


class IllegalTransition(ServiceError):
    """A life-cycle action that is not allowed in the matter's current state."""


class ValidationError(ServiceError):
    """A value was refused.

    ``field`` is the field's key (see :data:`.fields.FIELD_LABELS`), ``label``
    the Chinese name people see, ``message`` what is expected.
    """

    def __init__(self, field: str, message: str, label: str | None = None):
        from .fields import field_label

        self.field = field
        self.label = label or field_label(field)
        self.message = message
        super().__init__(f"{self.label}：{message}" if self.label else message)
