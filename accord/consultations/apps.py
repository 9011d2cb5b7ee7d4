import importlib

from accord.core.appconfig import AccordAppConfig


class ConsultationsConfig(AccordAppConfig):
    """Public consultations: votes, opinion groups, consensus."""

    default = True
    name = "accord.consultations"
    label = "consultations"

    def ready(self) -> None:
        super().ready()
        importlib.import_module("accord.consultations.analysis")  # registers the job kinds
        importlib.import_module("accord.consultations.polis")
