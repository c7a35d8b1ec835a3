from django.urls import path
from rest_framework.routers import SimpleRouter

from webinars import api

router = SimpleRouter()
router.register("webinars", api.WebinarViewSet, basename="webinar")
urlpatterns = [
    path("webinars/<int:pk>/co-hosts/invite/", api.CoHostInviteView.as_view(), name="co-host-invite"),
    path("webinars/<int:pk>/co-hosts/leave/", api.CoHostLeaveView.as_view(), name="co-host-leave"),
    path("auth/me/co-host-invitations/", api.MyCoHostInvitationListView.as_view(), name="my-co-host-invitations"),
    path("co-host-invitations/<int:pk>/", api.CoHostInvitationView.as_view(), name="co-host-invitation"),
    path("co-host-invitations/<int:pk>/accept/", api.CoHostInvitationAnswerView.as_view(answer="accept"), name="co-host-accept"),
    path("co-host-invitations/<int:pk>/decline/", api.CoHostInvitationAnswerView.as_view(answer="decline"), name="co-host-decline"),
    *router.urls,
]
