"""Page-number pagination that refuses, rather than trims or guesses, a malformed page or page size."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return self._whole_number(self.page_size_query_param, raw, maximum=self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        # DRF answers 404 "Invalid page." for page=0, -1 or abc; a malformed parameter is the client's
        # mistake and docs/api.md promises a 400 naming it. A page past the last one stays a 404.
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings:
            self._whole_number(self.page_query_param, raw)
        return super().paginate_queryset(queryset, request, view)

    @staticmethod
    def _whole_number(name: str, raw: str, *, maximum: int | None = None) -> int:
        if not (raw.isascii() and raw.isdigit()):
            raise ValidationError({name: ["A whole number is required."]})
        value = int(raw)
        if value < 1 or (maximum is not None and value > maximum):
            message = f"Must be between 1 and {maximum}." if maximum is not None else "Must be 1 or more."
            raise ValidationError({name: [message]})
        return value

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
