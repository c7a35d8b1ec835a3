"""Domain errors: raised by services, turned into the one JSON error shape by common.exceptions."""


class DomainError(Exception):
    """A business rule said no. Subclasses declare their HTTP status and machine-readable code."""

    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."

    def __init__(self, message: str | None = None, *, code: str | None = None, field: str | None = None):
        self.message = message or self.message
        self.code = code or self.code
        self.field = field
        super().__init__(self.message)


class IllegalTransition(DomainError):
    code = "illegal_transition"
    message = "This change is not allowed in the current state."


class Forbidden(DomainError):
    status_code = 403
    code = "permission_denied"
    message = "You do not have permission to perform this action."


class Invalid(DomainError):
    status_code = 400
    code = "validation_error"
    message = "Invalid input."


class Unauthenticated(DomainError):
    status_code = 401
    code = "not_authenticated"
    message = "Authentication credentials were not provided or are invalid."


class Missing(DomainError):
    status_code = 404
    code = "not_found"
    message = "Not found."
