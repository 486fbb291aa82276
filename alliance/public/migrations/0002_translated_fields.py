# Translated content moves from the _en/_fr columns into one TranslatedField each.

import alliance.core.i18n
import django.db.models.fields.json
from alliance.core.translation_migrations import RemoveColumn, copy_columns
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('public', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='milestone',
            name='milestone_unique_date_title',
        ),
        migrations.AddField(
            model_name='milestone',
            name='description',
            field=alliance.core.i18n.TranslatedField(blank=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='title',
            field=alliance.core.i18n.TranslatedField(max_length=200, verbose_name='title'),
        ),
        copy_columns(
            'public',
            {
                'milestone': ['description', 'title'],
            },
        ),
        RemoveColumn(
            model_name='milestone',
            name='description_en',
        ),
        RemoveColumn(
            model_name='milestone',
            name='description_fr',
        ),
        RemoveColumn(
            model_name='milestone',
            name='title_en',
        ),
        RemoveColumn(
            model_name='milestone',
            name='title_fr',
        ),
        migrations.AddConstraint(
            model_name='milestone',
            constraint=models.UniqueConstraint(models.F('date'), django.db.models.fields.json.KeyTextTransform('en', 'title'), name='milestone_unique_date_title'),
        ),
    ]
