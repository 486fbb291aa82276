"""The data migrations that moved translated content from column pairs (title_en,
title_fr) into one TranslatedField (title = {"en": ..., "fr": ...}).

Each app's migration adds the new fields, runs `copy_columns(...)` and drops the old
columns; backwards it re-adds the columns and copies English and French back (any other
language is lost, as the columns had no place for it).
"""

from django.db import migrations

OLD_LANGUAGES = ("en", "fr")


def copy_columns(app_label: str, fields: dict[str, list[str]]) -> migrations.RunPython:
    """`fields`: model name -> the translated attributes to carry over."""

    def forward(apps, schema_editor):
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            rows = list(model.objects.all())
            for row in rows:
                for name in names:
                    texts = {lang: getattr(row, f"{name}_{lang}") or "" for lang in OLD_LANGUAGES}
                    setattr(row, name, {lang: text for lang, text in texts.items() if text})
            model.objects.bulk_update(rows, names, batch_size=500)

    def backward(apps, schema_editor):
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            rows = list(model.objects.all())
            for row in rows:
                for name in names:
                    value = getattr(row, name) or {}
                    for lang in OLD_LANGUAGES:
                        setattr(row, f"{name}_{lang}", value.get(lang, ""))
            columns = [f"{name}_{lang}" for name in names for lang in OLD_LANGUAGES]
            model.objects.bulk_update(rows, columns, batch_size=500)

    return migrations.RunPython(forward, backward)


class RemoveColumn(migrations.RemoveField):
    """RemoveField whose backwards step re-adds the column filled with "" (the copy then
    writes the texts back): most old columns were NOT NULL without a default."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        to_model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, to_model):
            return
        from_model = from_state.apps.get_model(app_label, self.model_name)
        field = to_model._meta.get_field(self.name)
        original, field.default = field.default, ""
        try:
            schema_editor.add_field(from_model, field)
        finally:
            field.default = original
