from accord.core.appconfig import AccordAppConfig


class TextsConfig(AccordAppConfig):
    """The single negotiating text: clauses, brackets, acceptance, releases."""

    default = True
    name = "accord.texts"
    label = "texts"
