"""The session lists' filters (django-filter), applied by `selectors.session_list` to parameters
the view has validated (`serializers.SessionFilterSerializer`, also what the schema shows)."""

from __future__ import annotations

import uuid

import django_filters
from django.db.models import QuerySet

from accounts.selectors import users_with_email
from core.choices import JobCategory

from .models import InterviewSession, SessionStatus


class SessionFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=SessionStatus.choices)
    category = django_filters.ChoiceFilter(choices=JobCategory.choices)
    from_date = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    to_date = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    # Staff only (the view drops it for everyone else): an email or a user id.
    user = django_filters.CharFilter(method="filter_user")

    class Meta:
        model = InterviewSession
        fields = ["status", "category"]

    def filter_user(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        try:
            return queryset.filter(user_id=uuid.UUID(value))
        except ValueError:
            return users_with_email(value, queryset=queryset, path="user__")
