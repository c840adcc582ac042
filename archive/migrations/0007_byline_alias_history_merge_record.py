"""History of bylines and aliases; merged name pairs kept as a record of the decision.

- Authorship and Alias get django-simple-history tables, so an entry's history page
  shows byline changes and a name record's shows alias changes (with who and when);
  Editors may see and manage those history rows, Librarians see them.
- MergeCandidate's sides may be empty: merging deletes the record merged away, and the
  pair now stays (marked merged) instead of vanishing with it; ``label`` keeps the names.
  An open pair still goes when one of its records is deleted outright.
"""
from django.contrib.auth.management import create_permissions
import archive.models.names
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


HISTORY_MODELS = ["historicalauthorship", "historicalalias"]


def label_candidates(apps, schema_editor):
    MergeCandidate = apps.get_model("archive", "MergeCandidate")
    for candidate in MergeCandidate.objects.select_related("first", "second"):
        candidate.label = f"{candidate.first.name} ≟ {candidate.second.name}"[:610]
        candidate.save(update_fields=["label"])


def grant_history(apps, schema_editor):
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="archive", content_type__model__in=HISTORY_MODELS)
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*perms)
    librarians, _ = Group.objects.get_or_create(name="Librarians")
    librarians.permissions.add(*perms.filter(codename__startswith="view_"))


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0006_search_index_keys'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='mergecandidate',
            name='label',
            field=models.CharField(blank=True, editable=False, help_text='Both names, kept when a merge empties one side.', max_length=610, verbose_name='names'),
        ),
        migrations.AlterField(
            model_name='mergecandidate',
            name='first',
            field=models.ForeignKey(blank=True, null=True, on_delete=archive.models.names.forget_open_proposals, related_name='+', to='archive.agent'),
        ),
        migrations.AlterField(
            model_name='mergecandidate',
            name='second',
            field=models.ForeignKey(blank=True, null=True, on_delete=archive.models.names.forget_open_proposals, related_name='+', to='archive.agent'),
        ),
        migrations.CreateModel(
            name='HistoricalAlias',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=300)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='archive.agent')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical alias',
                'verbose_name_plural': 'historical aliases',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalAuthorship',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=0)),
                ('role', models.CharField(choices=[('author', 'Author'), ('editor', 'Editor'), ('translator', 'Translator')], default='author', max_length=20)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('agent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='archive.agent')),
                ('entry', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='archive.entry')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical authorship',
                'verbose_name_plural': 'historical authorships',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(label_candidates, migrations.RunPython.noop),
        migrations.RunPython(grant_history, migrations.RunPython.noop),
    ]
