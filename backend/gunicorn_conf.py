"""gunicorn settings for QingPin (`gunicorn -c python:backend.gunicorn_conf "backend:create_app()"`, and `qingpin run`)."""
import os

from gunicorn.http import wsgi

from backend import gunicorn_body

# Uploads are received straight into the staging buffer (see backend/gunicorn_body.py).
gunicorn_body.install()

# No server banner: the product and version name nothing a client needs and help an attacker pick exploits.
wsgi.SERVER = "qingpin"

bind = os.environ.get("QINGPIN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = 120
# Phones on 150 ms round trips gain from reusing a connection; longer than the usual client idle timeouts (node 4 s).
keepalive = 20
# Uploads stream for minutes over slow mobile networks; threads keep a worker free for other requests meanwhile.
worker_class = "gthread"
