from accord.core.appconfig import AccordAppConfig


class AnalysisConfig(AccordAppConfig):
    """Package-deal analysis over each delegation's private preferences."""

    default = True
    name = "accord.analysis"
    label = "analysis"

    def ready(self) -> None:
        super().ready()
        from accord.analysis import jobs  # noqa: F401  (registers the analysis job)
