"""gunicorn settings for production: ``gunicorn -c config/gunicorn.py config.wsgi``.

Every value can be changed from the environment without editing this file:

- ``BIND`` (default ``127.0.0.1:$PORT``, PORT 8000): put a reverse proxy (nginx,
  Caddy) in front for TLS and slow clients; sync workers should not face the internet.
- ``WEB_CONCURRENCY``: worker processes (default 2 per CPU, at least 2). Sync
  workers: pages are CPU-bound Python, so processes, not threads, use the cores;
  the second per core covers the time a worker waits for the database.
- ``GUNICORN_TIMEOUT`` (default 30 s): a worker silent for longer is restarted.
  No anonymous request should come near it (see README, "Bounded work").
- ``ACCESS_LOG``: ``-`` for stdout (the default), empty to turn it off.
"""
import multiprocessing
import os

bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or max(2, 2 * multiprocessing.cpu_count()))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Load the application once in the master, then fork: workers share its memory
# (the citation styles, the quote engine's tables) and start at once.
preload_app = True
# Restart a worker after this many requests (with jitter, so not all at once):
# bounds the memory a long-running Python process can gather.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    # Connections must not be shared with the master that opened them before forking.
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
