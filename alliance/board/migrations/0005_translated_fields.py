# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('board', '0004_upload_policy'),
    ]

    operations = [
        migrations.AddField(
            model_name='agendaitem',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=250, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='decision',
            name='text',
            field=alliance.core.i18n.TranslatedField(verbose_name='text'),
        ),
        migrations.AddField(
            model_name='expertarea',
            name='name',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='title'),
        ),
        copy_columns(
            'board',
            {
                'agendaitem': ['title'],
                'decision': ['text'],
                'expertarea': ['name'],
                'meeting': ['title'],
            },
        ),
        RemoveColumn(
            model_name='agendaitem',
            name='title_en',
        ),
        RemoveColumn(
            model_name='agendaitem',
            name='title_fr',
        ),
        RemoveColumn(
            model_name='decision',
            name='text_en',
        ),
        RemoveColumn(
            model_name='decision',
            name='text_fr',
        ),
        RemoveColumn(
            model_name='expertarea',
            name='name_en',
        ),
        RemoveColumn(
            model_name='expertarea',
            name='name_fr',
        ),
        RemoveColumn(
            model_name='meeting',
            name='title_en',
        ),
        RemoveColumn(
            model_name='meeting',
            name='title_fr',
        ),
    ]
