import factory

from questions.models import Question


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    key = factory.Sequence(lambda n: f"en-software_engineering-easy-t{n:04d}")
    category = "software_engineering"
    difficulty = "easy"
    type = "behavioral"
    language = "en"
    source = "bank"
    question = factory.Sequence(lambda n: f"Tell me about a time you resolved conflict #{n}.")
    tags = factory.LazyFunction(lambda: ["teamwork", "conflict"])
    expected_keywords = factory.LazyFunction(lambda: ["conflict", "listened", "result"])
    sample_answer = "In my last team, two engineers disagreed about ... the result was 20% faster."
    evaluation_criteria = factory.LazyFunction(
        lambda: {
            "understanding": "Addresses the conflict.",
            "logic": "Situation, task, action, result.",
            "specificity": "Names actions and numbers.",
            "job_fit": "Relates to engineering teamwork.",
        }
    )
