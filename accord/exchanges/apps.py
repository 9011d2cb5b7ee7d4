from accord.core.appconfig import AccordAppConfig


class ExchangesConfig(AccordAppConfig):
    """Prisoner-exchange lists and their reconciliation."""

    default = True
    name = "accord.exchanges"
    label = "exchanges"

    def ready(self) -> None:
        super().ready()
        from accord.exchanges import jobs  # noqa: F401  (registers the reconcile job)
