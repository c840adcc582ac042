"""The quote engine is pure Python: importing it, its command line and its evaluation loads no Django."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
import archive.quotes
import archive.quotes.cli
import archive.quotes.evaluate
from archive.quotes import extract
extract('Smith said, "We will win."')
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded))
"""


def test_importing_the_engine_cli_and_evaluation_loads_no_django_module():
    env = {"PATH": "", "PYTHONPATH": str(ROOT)}  # no DJANGO_SETTINGS_MODULE, no SECRET_KEY
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"django modules loaded: {done.stdout.strip()}"
