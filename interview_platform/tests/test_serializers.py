"""BuiltFieldsCache: a ModelSerializer's fields built from the model once per class."""

from __future__ import annotations

from unittest import mock

import pytest
from rest_framework.serializers import ModelSerializer

from questions.serializers import QuestionSerializer
from questions.tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_a_model_serializer_builds_its_fields_once_and_serializes_the_same():
    questions = QuestionFactory.create_batch(2)
    first = QuestionSerializer(questions, many=True).data
    with mock.patch.object(
        ModelSerializer, "build_field", autospec=True, side_effect=ModelSerializer.build_field
    ) as build_field:
        again = QuestionSerializer(questions, many=True).data
        one = QuestionSerializer(questions[0]).data
    assert build_field.call_count == 0
    assert again == first
    assert one == first[0]


def test_each_instance_gets_fields_of_its_own():
    a, b = QuestionSerializer(), QuestionSerializer()
    assert a.fields["question"] is not b.fields["question"]
    assert a.fields["question"].parent is a
    assert b.fields["question"].parent is b
