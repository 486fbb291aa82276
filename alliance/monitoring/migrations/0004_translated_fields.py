# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0003_role_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='indicator',
            name='definition',
            field=alliance.core.i18n.TranslatedField(verbose_name='definition'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='name',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='name'),
        ),
        copy_columns(
            'monitoring',
            {
                'indicator': ['definition', 'name'],
            },
        ),
        RemoveColumn(
            model_name='indicator',
            name='definition_en',
        ),
        RemoveColumn(
            model_name='indicator',
            name='definition_fr',
        ),
        RemoveColumn(
            model_name='indicator',
            name='name_en',
        ),
        RemoveColumn(
            model_name='indicator',
            name='name_fr',
        ),
    ]
