# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('centres', '0005_role_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='centre',
            name='description',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='public description'),
        ),
        migrations.AddField(
            model_name='centretype',
            name='name',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='centretype',
            name='observation',
            field=alliance.core.i18n.TranslatedField(verbose_name='observation'),
        ),
        migrations.AddField(
            model_name='centretype',
            name='ownership_note',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='ownership note'),
        ),
        migrations.AddField(
            model_name='centretype',
            name='resource_model',
            field=alliance.core.i18n.TranslatedField(verbose_name='resource model'),
        ),
        migrations.AddField(
            model_name='flagshipinitiative',
            name='summary',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='flagshipinitiative',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='title'),
        ),
        copy_columns(
            'centres',
            {
                'centre': ['description'],
                'centretype': ['name', 'observation', 'ownership_note', 'resource_model'],
                'flagshipinitiative': ['summary', 'title'],
            },
        ),
        RemoveColumn(
            model_name='centre',
            name='description_en',
        ),
        RemoveColumn(
            model_name='centre',
            name='description_fr',
        ),
        RemoveColumn(
            model_name='centretype',
            name='name_en',
        ),
        RemoveColumn(
            model_name='centretype',
            name='name_fr',
        ),
        RemoveColumn(
            model_name='centretype',
            name='observation_en',
        ),
        RemoveColumn(
            model_name='centretype',
            name='observation_fr',
        ),
        RemoveColumn(
            model_name='centretype',
            name='ownership_note_en',
        ),
        RemoveColumn(
            model_name='centretype',
            name='ownership_note_fr',
        ),
        RemoveColumn(
            model_name='centretype',
            name='resource_model_en',
        ),
        RemoveColumn(
            model_name='centretype',
            name='resource_model_fr',
        ),
        RemoveColumn(
            model_name='flagshipinitiative',
            name='summary_en',
        ),
        RemoveColumn(
            model_name='flagshipinitiative',
            name='summary_fr',
        ),
        RemoveColumn(
            model_name='flagshipinitiative',
            name='title_en',
        ),
        RemoveColumn(
            model_name='flagshipinitiative',
            name='title_fr',
        ),
    ]
