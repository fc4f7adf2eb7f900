from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission


class IsStaff(BasePermission):
    """Role `admin` (staff): the admin API and other staff-only endpoints."""

    message = _("Staff only.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.is_staff)
