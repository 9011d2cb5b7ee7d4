from django.db import migrations, models

from accord.audit.seal import install_statements, remove_statements


def install_triggers(apps, schema_editor):
    for statement in install_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def remove_triggers(apps, schema_editor):
    for statement in remove_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="AuditEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seq", models.PositiveBigIntegerField(unique=True)),
                ("actor", models.CharField(max_length=150)),
                ("action", models.CharField(max_length=80)),
                ("object_type", models.CharField(max_length=80)),
                ("object_id", models.CharField(max_length=64)),
                ("process_id", models.BigIntegerField(blank=True, db_index=True, null=True)),
                ("change_digest", models.CharField(max_length=64)),
                ("created_at", models.CharField(help_text="ISO 8601 UTC, as hashed", max_length=40)),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64, unique=True)),
            ],
            options={"ordering": ["seq"], "verbose_name_plural": "audit entries"},
        ),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
