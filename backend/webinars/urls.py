from rest_framework.routers import SimpleRouter

from webinars.api import WebinarViewSet

router = SimpleRouter()
router.register("webinars", WebinarViewSet, basename="webinar")
urlpatterns = router.urls
