"""The JSON parser of every API view."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as BaseJSONParser


class JSONParser(BaseJSONParser):
    """DRF's parser, plus a 400 for JSON nested deeper than Python's recursion limit.

    `json.loads` raises RecursionError there (about 1,000 levels), which DRF does not catch: a 500.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply.") from None
