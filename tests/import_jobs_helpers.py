"""Running the background worker in the test's process (the real db_worker command)."""
from unittest import mock

from django.core.management import call_command


def run_worker():
    """Run every queued task with db_worker --batch, in this process and transaction.

    The worker closes "old" database connections between tasks, as a long-running
    process should; inside a test's transaction (autocommit off) that would close the
    test's own connection, so here it is left open.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*", verbosity=0)
