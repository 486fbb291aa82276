# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('calls', '0005_review_permission'),
    ]

    operations = [
        migrations.AddField(
            model_name='call',
            name='required_documents',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='required documents'),
        ),
        migrations.AddField(
            model_name='call',
            name='summary',
            field=alliance.core.i18n.TranslatedField(max_length=600, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='call',
            name='text',
            field=alliance.core.i18n.TranslatedField(verbose_name='full text'),
        ),
        migrations.AddField(
            model_name='call',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='description',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='what reviewers look for'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='criterion'),
        ),
        migrations.AddField(
            model_name='question',
            name='choices',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='choices (one a line)'),
        ),
        migrations.AddField(
            model_name='question',
            name='help',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='help text'),
        ),
        migrations.AddField(
            model_name='question',
            name='label',
            field=alliance.core.i18n.TranslatedField(max_length=300, verbose_name='question'),
        ),
        copy_columns(
            'calls',
            {
                'call': ['required_documents', 'summary', 'text', 'title'],
                'criterion': ['description', 'title'],
                'question': ['choices', 'help', 'label'],
            },
        ),
        RemoveColumn(
            model_name='call',
            name='required_documents_en',
        ),
        RemoveColumn(
            model_name='call',
            name='required_documents_fr',
        ),
        RemoveColumn(
            model_name='call',
            name='summary_en',
        ),
        RemoveColumn(
            model_name='call',
            name='summary_fr',
        ),
        RemoveColumn(
            model_name='call',
            name='text_en',
        ),
        RemoveColumn(
            model_name='call',
            name='text_fr',
        ),
        RemoveColumn(
            model_name='call',
            name='title_en',
        ),
        RemoveColumn(
            model_name='call',
            name='title_fr',
        ),
        RemoveColumn(
            model_name='criterion',
            name='description_en',
        ),
        RemoveColumn(
            model_name='criterion',
            name='description_fr',
        ),
        RemoveColumn(
            model_name='criterion',
            name='title_en',
        ),
        RemoveColumn(
            model_name='criterion',
            name='title_fr',
        ),
        RemoveColumn(
            model_name='question',
            name='choices_en',
        ),
        RemoveColumn(
            model_name='question',
            name='choices_fr',
        ),
        RemoveColumn(
            model_name='question',
            name='help_en',
        ),
        RemoveColumn(
            model_name='question',
            name='help_fr',
        ),
        RemoveColumn(
            model_name='question',
            name='label_en',
        ),
        RemoveColumn(
            model_name='question',
            name='label_fr',
        ),
    ]
