"""Errors the services raise; messages are Chinese and meant for people."""


class ServiceError(ValueError):
    """A request the services refuse. Nothing was changed."""


class NotFoundError(ServiceError):
    pass


class IllegalTransition(ServiceError):
    """A life-cycle action that is not allowed in the matter's current state."""
