from accord.core.appconfig import AccordAppConfig


class TrucesConfig(AccordAppConfig):
    """Truces and the shared register of alleged violations."""

    default = True
    name = "accord.truces"
    label = "truces"
