from accord.core.appconfig import AccordAppConfig


class AnalysisConfig(AccordAppConfig):
    """Package-deal analysis over each delegation's private preferences."""

    default = True
    name = "accord.analysis"
    label = "analysis"
