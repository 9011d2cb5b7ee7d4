from accord.core.appconfig import AccordAppConfig


class MonitorConfig(AccordAppConfig):
    """Public statements extracted from the news."""

    default = True
    name = "accord.monitor"
    label = "monitor"
