"""The values a write stores, checked against their model fields before the database sees
them: too long, not one of the choices, out of range, not a web address. The same check on
SQLite (which stores anything) and PostgreSQL (which refuses with a DataError), so that a
page, the API or a script get the same ValidationError (a 422 in the API)."""

from django.core import exceptions
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

# Whether a required field is filled is the form's or the service's business (some writes
# store a draft with blanks on purpose); this check is about values no database would keep.
SKIPPED_CODES = {"blank", "null", "required", "english", "invalid_choice_blank"}
# PostgreSQL's ranges, the narrowest of the databases we run on, on every database.
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def _range_errors(field, value) -> list[str]:
    low, high = INTEGER_RANGES.get(field.get_internal_type(), (None, None))
    if not isinstance(value, int) or low is None:
        return []
    try:
        MinValueValidator(low)(value)
        MaxValueValidator(high)(value)
    except exceptions.ValidationError as exc:
        return exc.messages
    return []


def check_values(obj: models.Model, names=None) -> None:
    """Raise a ValidationError ({field: [messages]}) for the values of `names` (every
    concrete field when None) that no database should store."""
    errors: dict[str, list[str]] = {}
    for field in obj._meta.concrete_fields:
        if names is not None and field.name not in names and field.attname not in names:
            continue
        if field.primary_key or field.is_relation or isinstance(field, models.FileField):
            continue
        value = getattr(obj, field.attname)
        if value is None or value == "":
            continue
        problems = []
        if isinstance(field, models.IntegerField) and not isinstance(value, bool):
            problems += _range_errors(field, value)
        try:
            cleaned = field.to_python(value)
            field.validate(cleaned, obj)
            field.run_validators(cleaned)
        except exceptions.ValidationError as exc:
            problems += [
                message
                for error in exc.error_list
                if error.code not in SKIPPED_CODES
                for message in error.messages
            ]
        if problems:
            errors[field.name] = list(dict.fromkeys(problems))
    if errors:
        raise exceptions.ValidationError(errors)
