from accord.core.appconfig import AccordAppConfig


class FilesConfig(AccordAppConfig):
    """Uploaded files, stored once per content hash and checked on every read."""

    default = True
    name = "accord.files"
    label = "files"
