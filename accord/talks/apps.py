from accord.core.appconfig import AccordAppConfig


class TalksConfig(AccordAppConfig):
    """The negotiation table: process, parties, people, rounds, sessions, issues, positions."""

    default = True
    name = "accord.talks"
    label = "talks"
