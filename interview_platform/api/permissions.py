from rest_framework.permissions import BasePermission


class IsStaff(BasePermission):
    """Role `admin` (staff): the admin API and other staff-only endpoints."""

    message = "Staff only."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.is_staff)
