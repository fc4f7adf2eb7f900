"""Views that exist only for the error-envelope tests, mounted beside the real URLs."""

from django.db import OperationalError
from django.urls import include, path
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from interview_platform.api.errors import ApplicationError
from interview_platform.api.ratelimit import rate_limit
from interview_platform.urls import urlpatterns as real_urlpatterns


class EchoInput(serializers.Serializer):
    full_name = serializers.CharField(max_length=5)
    age = serializers.IntegerField(min_value=0)


class EchoView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        data = EchoInput(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(data.validated_data)


class BoomView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError("secret internals")


class DatabaseDownView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise OperationalError("connection refused")


class LimitedView(APIView):
    permission_classes = [AllowAny]

    @rate_limit(group="test-limited", key="ip", rate="2/m")
    def get(self, request):
        return Response({"ok": True})


class WriteThenFailView(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        from questions.models import Question

        Question.objects.create(
            category="design",
            difficulty="easy",
            type="behavioral",
            language="en",
            question="Written before the error",
        )
        raise ApplicationError("Refused after a write.", code="refused_after_write")


def plain_django_boom(request):
    raise ValueError("plain django view failed")


test_patterns = [
    path("echo", EchoView.as_view()),
    path("boom", BoomView.as_view()),
    path("db-down", DatabaseDownView.as_view()),
    path("limited", LimitedView.as_view()),
    path("plain-boom", plain_django_boom),
    path("write-then-fail", WriteThenFailView.as_view()),
]

urlpatterns = [path("api/_test/", include(test_patterns)), *real_urlpatterns]
