from accord.core.appconfig import AccordAppConfig


class AgreementsConfig(AccordAppConfig):
    """Agreements, their provisions and implementation status."""

    default = True
    name = "accord.agreements"
    label = "agreements"
