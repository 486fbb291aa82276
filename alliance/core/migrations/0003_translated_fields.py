# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_reference_data'),
    ]

    operations = [
        migrations.AddField(
            model_name='region',
            name='name',
            field=alliance.core.i18n.TranslatedField(max_length=100, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='strategicobjective',
            name='description',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='strategicobjective',
            name='name',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='name'),
        ),
        copy_columns(
            'core',
            {
                'region': ['name'],
                'strategicobjective': ['description', 'name'],
            },
        ),
        RemoveColumn(
            model_name='region',
            name='name_en',
        ),
        RemoveColumn(
            model_name='region',
            name='name_fr',
        ),
        RemoveColumn(
            model_name='strategicobjective',
            name='description_en',
        ),
        RemoveColumn(
            model_name='strategicobjective',
            name='description_fr',
        ),
        RemoveColumn(
            model_name='strategicobjective',
            name='name_en',
        ),
        RemoveColumn(
            model_name='strategicobjective',
            name='name_fr',
        ),
    ]
