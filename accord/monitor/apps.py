from accord.core.appconfig import AccordAppConfig


class MonitorConfig(AccordAppConfig):
    """Public statements extracted from the news."""

    default = True
    name = "accord.monitor"
    label = "monitor"

    def ready(self) -> None:
        super().ready()
        from accord.monitor import jobs  # noqa: F401  (registers the ingest job)
