"""Running the background worker in the test's process (the real db_worker command)."""
from django.core.management import call_command


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*", verbosity=0)
