"""The benchmark floor: the cheapest DRF view there is, served by the same process as the API.

Mounted at /api/bench/floor/ only when BENCHMARK_FLOOR=1 (never in production): every HTTP figure
in docs/benchmarks.md is a ratio to this view, measured in the same run.
"""

from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class FloorView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"state": "live", "participant_count": 0})
