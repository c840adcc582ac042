"""Production configuration: refuses to start without a secret, passes Django's deploy checks."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items()
             if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # browser tests set it
    clean["ARCHIVE_LOCAL_ENV"] = ""  # a developer's local.env must not answer for production
    clean.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=clean,
                          capture_output=True, text=True, timeout=120)


def test_production_without_secret_key_refuses_to_start():
    result = run_manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    # One line a person can act on, no traceback.
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Commentary Archive cannot start: SECRET_KEY is not set.")


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0",
                        SECRET_KEY="k" * 10 + "-production-like-secret-7f3a9c1e5b2d8a4f6e0c3b9d1a7e5f2c",
                        ALLOWED_HOSTS="archive.example.org")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_debug_runs_with_a_development_key():
    result = run_manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_the_local_env_file_lets_plain_manage_py_commands_run(tmp_path):
    """What `make run` writes: afterwards no DEBUG=1 is needed in front of manage.py."""
    local = tmp_path / "local.env"
    local.write_text("# written by make run\nDEBUG=1\nSECRET_KEY=generated-for-this-laptop-" + "x" * 40 + "\n")
    result = run_manage("check", ARCHIVE_LOCAL_ENV=str(local))
    assert result.returncode == 0, result.stderr
    # The environment still wins: production variables override the file.
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)",
                        ARCHIVE_LOCAL_ENV=str(local), DEBUG="0")
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
