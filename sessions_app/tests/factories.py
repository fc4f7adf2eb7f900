from datetime import timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from questions.tests.factories import QuestionFactory
from sessions_app.models import InterviewSession, SessionQuestion, SessionStart


class InterviewSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewSession
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    category = "software_engineering"
    difficulty = "medium"
    language = "en"
    question_count = 5
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2))

    @factory.post_generation
    def _start_logged(obj, create, extracted, **kwargs):
        # As session_start does: every session counts once toward the daily limit.
        if create:
            SessionStart.objects.create(user=obj.user, started_at=obj.created_at)


class SessionQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionQuestion

    session = factory.SubFactory(InterviewSessionFactory)
    question = factory.SubFactory(QuestionFactory)
    order = factory.Sequence(lambda n: n + 1)
    started_at = factory.LazyFunction(timezone.now)
