from accord.core.appconfig import AccordAppConfig


class ConsultationsConfig(AccordAppConfig):
    """Public consultations: votes, opinion groups, consensus."""

    default = True
    name = "accord.consultations"
    label = "consultations"
