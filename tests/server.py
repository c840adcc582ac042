"""A real gunicorn serving the project (config/gunicorn.py) for tests that need one."""
import json
import socket
import subprocess
import time
import urllib.error
import urllib.request

from .processes import PYTHON, ROOT, manage


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env, tmp_dir, workers=2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        static = tmp_dir / "static"
        self.env = {**env, "BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers), "ACCESS_LOG": "",
                    "STATIC_ROOT": str(static), "GUNICORN_LOG_LEVEL": "warning"}
        manage(self.env, "collectstatic", "--noinput", "-v0")
        self.log = open(tmp_dir / "gunicorn.log", "w+")
        self.process = subprocess.Popen([PYTHON, "-m", "gunicorn", "-c", str(ROOT / "config" / "gunicorn.py"),
                                         "config.wsgi"], env=self.env, cwd=ROOT, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        self.log.seek(0)
        raise AssertionError("gunicorn did not start:\n" + self.log.read())

    def get(self, path, headers=None):
        """(status, headers, body bytes) of a GET."""
        request = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def json(self, path):
        status, headers, body = self.get(path)
        return status, headers, json.loads(body)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
