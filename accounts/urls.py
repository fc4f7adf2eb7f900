"""This app's API routes, mounted under /api/ (paths here start with the resource name)."""

urlpatterns: list = []
