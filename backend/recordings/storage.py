"""The "recordings" storage: where kept files live, and how a download reaches the browser."""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect


def recordings_storage() -> Storage:
    return storages["recordings"]


def download_response(name: str, *, filename: str) -> HttpResponse:
    """Hand the file to the browser without streaming it through Python where a server can do it.

    S3 (any storage without local paths): a redirect to a short-lived signed URL. Local files behind
    nginx: X-Accel-Redirect to the `internal` location that maps RECORDINGS_ACCEL_REDIRECT_PREFIX to
    MEDIA_ROOT. Otherwise (development): Django streams the file itself.
    """
    storage = recordings_storage()
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    disposition = f'inline; filename="{filename}"'
    if not isinstance(storage, FileSystemStorage):
        return HttpResponseRedirect(storage.url(name))
    prefix = settings.RECORDINGS_ACCEL_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{PurePosixPath(name)}"
        response["Content-Disposition"] = disposition
        return response
    response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    return response
