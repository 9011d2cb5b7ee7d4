"""Content-addressed storage of uploaded files (blobs) with integrity checks.

Public API (for other apps):
- `services.blob_store(source, *, content_type="", max_bytes=None) -> Blob`: store an upload
  (a Django UploadedFile, bytes, or an iterable of byte chunks), hashing while writing.
- `services.blob_open(blob) -> BinaryIO`: open a stored blob after checking size and SHA-256
  (raises `storage.BlobIntegrityError` when it is missing or altered).
- `names.safe_filename(name) -> str`: a user-facing file name fit to keep and to serve.
- `selectors.blobs_verify() -> list[Problem]`: every missing or altered file, by hash, with the
  records that reference it (what `accord files verify` and `accord doctor` print).
- `models.Blob`: reference it with a ForeignKey(on_delete=PROTECT); keep the file name on the
  referencing row. References are found automatically for the integrity report.
"""
