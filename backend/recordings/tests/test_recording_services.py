"""Publishing, deleting, downloading and expiring recordings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import Storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recordings.models import Recording
from recordings.storage import recordings_storage
from registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(live_world, stored_recording):
    live_world["session"] = live_world["to_state"]("ended")
    live_world["recording"] = stored_recording(live_world["session"])
    return live_world


def url(world, rest=""):
    return f"/api/webinars/{world['webinar'].pk}/recordings/{world['recording'].pk}/{rest}"


class TestPublishing:
    def test_publishing_emails_each_approved_registrant_a_link_to_the_event_page_once(self, api, world, django_capture_on_commit_callbacks):
        host = api.as_(world["users"]["host"])
        with django_capture_on_commit_callbacks(execute=True):
            response = host.patch(url(world), {"published": True}, format="json")
        assert response.status_code == 200 and response.json()["published"] is True
        assert [message.to for message in mail.outbox] == [[world["users"]["approved"].email]]
        assert f"/w/{world['webinar'].slug}" in mail.outbox[0].body
        with django_capture_on_commit_callbacks(execute=True):
            host.patch(url(world), {"published": False}, format="json")
            host.patch(url(world), {"published": True}, format="json")
        assert len(mail.outbox) == 1  # withdrawing and publishing again tells nobody twice

    def test_a_recording_still_processing_cannot_be_published(self, api, world, stored_recording):
        processing = stored_recording(world["session"], status=Recording.Status.PROCESSING)
        response = api.as_(world["users"]["host"]).patch(
            f"/api/webinars/{world['webinar'].pk}/recordings/{processing.pk}/", {"published": True}, format="json"
        )
        assert response.status_code == 409 and response.json()["code"] == "recording_not_ready"
        assert not Recording.objects.get(pk=processing.pk).published

    @pytest.mark.parametrize("body", [{}, {"published": "perhaps"}, {"published": None}, {"status": "ready"}])
    def test_a_bad_patch_is_400_naming_the_field(self, api, world, body):
        response = api.as_(world["users"]["host"]).patch(url(world), body, format="json")
        assert response.status_code == 400
        assert "published" in response.json()["fields"]

    def test_registrants_see_a_published_recording_only_once_it_is_ready(self, api, world, stored_recording):
        stored_recording(world["session"], published=True, status=Recording.Status.PROCESSING)
        world["recording"].published = True
        world["recording"].save()
        results = api.as_(world["users"]["approved"]).get(f"/api/webinars/{world['webinar'].pk}/recordings/").json()["results"]
        assert [item["id"] for item in results] == [world["recording"].pk]
        assert set(results[0]) == {"id", "session", "status", "published", "size_bytes", "duration_seconds", "created_at", "download_url"}


class TestDeleting:
    def test_deleting_removes_the_file_from_storage_after_commit(self, api, world, django_capture_on_commit_callbacks):
        name = world["recording"].file
        with django_capture_on_commit_callbacks(execute=True):
            assert api.as_(world["users"]["co_host"]).delete(url(world)).status_code == 204
        assert not Recording.objects.exists()
        assert not recordings_storage().exists(name)
        assert api.as_(world["users"]["host"]).delete(url(world)).status_code == 404

    def test_deleting_the_webinar_removes_its_recordings_files(self, world, django_capture_on_commit_callbacks):
        name = world["recording"].file
        with django_capture_on_commit_callbacks(execute=True):
            world["webinar"].delete()
        assert not recordings_storage().exists(name)

    def test_a_recording_deleted_while_the_worker_copies_leaves_no_file(
        self, world, inbox, media, jibri_file, django_capture_on_commit_callbacks
    ):
        from recordings import services

        path = jibri_file(world["session"].room)
        recording = Recording.objects.create(session=world["session"], source_path=path)
        real_save = recordings_storage().save

        def save_then_host_deletes(name, content, **kwargs):
            stored = real_save(name, content, **kwargs)
            Recording.objects.filter(pk=recording.pk).delete()
            return stored

        storage = recordings_storage()
        storage.save = save_then_host_deletes
        try:
            with django_capture_on_commit_callbacks(execute=True):
                assert services.recording_store(recording_id=recording.pk) is None
        finally:
            del storage.save
        assert not list(media.rglob(f"recording-{recording.pk}*.mp4"))


class TestDownloading:
    def test_in_development_django_streams_the_file(self, api, world):
        response = api.as_(world["users"]["host"]).get(url(world, "download/"))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"video"
        assert response["Content-Type"] == "video/mp4"

    def test_behind_nginx_it_answers_x_accel_redirect_and_no_bytes(self, api, world, settings):
        settings.RECORDINGS_ACCEL_REDIRECT_PREFIX = "/_protected/media/"
        response = api.as_(world["users"]["host"]).get(url(world, "download/"))
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/_protected/media/{world['recording'].file}"
        assert response.content == b""
        assert world["webinar"].slug in response["Content-Disposition"]

    def test_with_s3_it_redirects_to_the_storages_signed_url(self, api, world, settings):
        settings.STORAGES = {**settings.STORAGES, "recordings": {"BACKEND": f"{__name__}.SignedUrlStorage"}}
        response = api.as_(world["users"]["host"]).get(url(world, "download/"))
        assert response.status_code == 302
        assert response["Location"] == f"https://bucket.example.test/{world['recording'].file}?X-Amz-Signature=sig"

    def test_the_listed_link_works_without_the_authorization_header(self, api, world):
        link = api.as_(world["users"]["host"]).get(url(world)).json()["download_url"]
        assert link.startswith(url(world, "download/?token="))
        api.as_(None)
        assert api.get(link).status_code == 200

    def test_a_registrants_link_dies_when_the_recording_is_withdrawn(self, api, world):
        world["recording"].published = True
        world["recording"].save()
        link = api.as_(world["users"]["approved"]).get(url(world)).json()["download_url"]
        api.as_(None)
        assert api.get(link).status_code == 200
        Recording.objects.filter(pk=world["recording"].pk).update(published=False)
        assert api.get(link).status_code == 404
        Recording.objects.filter(pk=world["recording"].pk).update(published=True)
        Registration.objects.filter(user=world["users"]["approved"]).update(status="cancelled")
        assert api.get(link).status_code == 404

    def test_a_link_is_bound_to_its_recording_and_expires(self, api, world, stored_recording, settings):
        other = stored_recording(world["session"])
        link = api.as_(world["users"]["host"]).get(url(world)).json()["download_url"]
        token = link.split("token=", 1)[1]
        api.as_(None)
        stolen = api.get(f"/api/webinars/{world['webinar'].pk}/recordings/{other.pk}/download/?token={token}")
        assert stolen.status_code == 401 and "token" in stolen.json()["fields"]
        assert api.get(url(world, "download/?token=forged")).status_code == 401
        settings.RECORDINGS_LINK_TTL = -1
        assert api.get(link).status_code == 401

    def test_a_recording_still_processing_has_no_link_and_no_download(self, api, world, stored_recording):
        processing = stored_recording(world["session"], status=Recording.Status.PROCESSING)
        base = f"/api/webinars/{world['webinar'].pk}/recordings/{processing.pk}/"
        host = api.as_(world["users"]["host"])
        assert host.get(base).json()["download_url"] is None
        response = host.get(base + "download/")
        assert response.status_code == 409 and response.json()["code"] == "recording_not_ready"


class SignedUrlStorage(Storage):
    """Stands in for S3: no local paths, a signed URL per file."""

    def url(self, name):
        return f"https://bucket.example.test/{name}?X-Amz-Signature=sig"


class TestRetention:
    def test_the_reaper_deletes_recordings_older_than_the_retention_with_their_files(
        self, world, stored_recording, settings, django_capture_on_commit_callbacks
    ):
        settings.RECORDINGS_RETENTION_DAYS = 30
        old, fresh = world["recording"], stored_recording(world["session"], published=True)
        Recording.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
        with django_capture_on_commit_callbacks(execute=True):
            call_command("delete_expired_recordings")
        assert list(Recording.objects.values_list("pk", flat=True)) == [fresh.pk]
        assert not recordings_storage().exists(old.file)
        assert recordings_storage().exists(fresh.file)

    def test_without_a_retention_nothing_expires(self, world, settings):
        settings.RECORDINGS_RETENTION_DAYS = 0
        Recording.objects.update(created_at=timezone.now() - timedelta(days=3650))
        call_command("delete_expired_recordings")
        assert Recording.objects.count() == 1


def test_reads_never_write(api, world):
    host = api.as_(world["users"]["host"])
    with CaptureQueriesContext(connection) as queries:
        assert host.get(f"/api/webinars/{world['webinar'].pk}/recordings/").status_code == 200
        assert host.get(url(world)).status_code == 200
        assert host.get(url(world, "download/")).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) or "FOR UPDATE" in q["sql"]]
    assert writes == []
