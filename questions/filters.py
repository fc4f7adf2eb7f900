"""The question list's filters (django-filter), applied by `selectors.question_list` to
parameters the view has validated (`serializers.QuestionFilterSerializer`, which is also what
the OpenAPI schema shows)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from core.choices import Difficulty, JobCategory, Language, QuestionSource, QuestionType

from .models import Question


class QuestionFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(choices=JobCategory.choices)
    difficulty = django_filters.ChoiceFilter(choices=Difficulty.choices)
    type = django_filters.ChoiceFilter(choices=QuestionType.choices)
    language = django_filters.ChoiceFilter(choices=Language.choices)
    source = django_filters.ChoiceFilter(choices=QuestionSource.choices)
    tag = django_filters.CharFilter(method="filter_tag")
    search = django_filters.CharFilter(method="filter_search")
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = Question
        fields = ["category", "difficulty", "type", "language", "source", "is_active"]

    def filter_tag(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # The JSON text of ["a", "b"] holds "a" with its quotes: a whole-tag match on any backend.
        return queryset.filter(tags__icontains=f'"{value.lower()}"')

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(question__icontains=value) | Q(tags__icontains=value))
