"""Create the "Editors" and "Librarians" groups with their permissions."""
from django.contrib.auth.management import create_permissions
from django.db import migrations

ARCHIVE_MODELS = [
    "outlet", "series", "agent", "alias", "mergecandidate", "entry", "authorship",
    "entrytombstone", "statementgroup", "statement", "quotedterm",
    "historicalagent", "historicalentry", "historicalstatement",
]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    archive_perms = Permission.objects.filter(content_type__app_label__in=["archive", "taggit"])
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(archive_perms)
    librarians, _ = Group.objects.get_or_create(name="Librarians")
    librarians.permissions.set(archive_perms.filter(codename__startswith="view_"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Librarians"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
