"""gunicorn reads this file from the working directory on every start (web container, `make
bench`): command-line options still win over it."""

from interview_platform import gunicorn_errors

# The longest request line gunicorn accepts (its maximum); longer ones are answered 414, in the
# API's error envelope like every other error (interview_platform/gunicorn_errors.py).
limit_request_line = 8190

gunicorn_errors.install()
