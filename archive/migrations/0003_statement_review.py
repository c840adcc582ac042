"""The editors' review queue (a proxy of Statement) and its permissions for Editors."""
from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_review(apps, schema_editor):
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="archive",
                                      content_type__model="statementreview")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*perms)
    librarians, _ = Group.objects.get_or_create(name="Librarians")
    librarians.permissions.add(*perms.filter(codename__startswith="view_"))


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0002_groups'),
    ]

    operations = [
        migrations.CreateModel(
            name='StatementReview',
            fields=[
            ],
            options={
                'verbose_name': 'statement to review',
                'verbose_name_plural': 'statement review',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('archive.statement',),
        ),
        migrations.RunPython(grant_review, migrations.RunPython.noop),
    ]
