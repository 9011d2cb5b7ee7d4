from accord.core.appconfig import AccordAppConfig


class JobsConfig(AccordAppConfig):
    """Background jobs with visible progress: long work never runs inside a request."""

    default = True
    name = "accord.jobs"
    label = "jobs"
