from .celery import app as celery_app
from .memory import return_large_blocks

# Every process of the project imports this package first (settings, web, workers).
return_large_blocks()

__all__ = ("celery_app",)
