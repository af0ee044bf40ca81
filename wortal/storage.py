"""Media storage on the local disk that fails in a way the portal can explain.

A full disk, a quota or a media folder the app may not write to is an OSError deep inside a form's save. It is
re-raised as `MediaWriteError`, which the error handler answers with a Polish page (status 507) instead of a
500. Uploads are saved inside the services' and the admin's transactions, so the rows of a submission whose
file could not be written are rolled back with it: nothing half-written stays in the database. The partly
written file is removed; a complete file written earlier by the same form (a logo before the failing photo)
stays on the disk unreferenced, which is harmless.
"""

import contextlib

from django.core.files.storage import FileSystemStorage


class MediaWriteError(OSError):
    pass


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if self.exists(name):
                with contextlib.suppress(OSError):
                    self.delete(name)  # a partly written file
            raise MediaWriteError(error.errno, f"cannot write media file: {error.strerror}") from error
