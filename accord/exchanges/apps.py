from accord.core.appconfig import AccordAppConfig


class ExchangesConfig(AccordAppConfig):
    """Prisoner-exchange lists and their reconciliation."""

    default = True
    name = "accord.exchanges"
    label = "exchanges"
