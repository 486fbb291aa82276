"""Headers of the CSV and Excel files people download: in the reader's language, from one
table of labels per export. The snake_case keys stay the files' stable names for scripts:
the open-data registry gives them with `?header=keys` (and always in its JSON); see
docs/i18n.md."""


def labelled(keys, labels: dict) -> list[str]:
    """The header row for `keys`, each named by its label in the active language."""
    return [str(labels.get(key, key)) for key in keys]


def wants_keys(request) -> bool:
    return request.GET.get("header") == "keys"
