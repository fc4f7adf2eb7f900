"""Reading and validating the bank's data files (questions/bank/<language>/<category>.json)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.choices import BANK_CATEGORIES, Difficulty, Language, QuestionType

BANK_DIR = Path(__file__).resolve().parent / "bank"
MIN_PER_CATEGORY_DIFFICULTY = 8
CRITERIA = ("understanding", "logic", "specificity", "jobFit")
REQUIRED = ("key", "difficulty", "type", "question", "tags", "expectedKeywords", "sampleAnswer")


@dataclass(frozen=True)
class BankQuestion:
    key: str
    language: str
    category: str
    difficulty: str
    type: str
    question: str
    tags: list[str] = field(hash=False)
    expected_keywords: list[str] = field(hash=False)
    sample_answer: str = ""
    evaluation_criteria: dict[str, str] = field(default_factory=dict, hash=False)

    FIELD_NAMES = (
        "language",
        "category",
        "difficulty",
        "type",
        "question",
        "tags",
        "expected_keywords",
        "sample_answer",
        "evaluation_criteria",
    )

    def model_fields(self) -> dict:
        return {
            "language": self.language,
            "category": self.category,
            "difficulty": self.difficulty,
            "type": self.type,
            "question": self.question,
            "tags": list(self.tags),
            "expected_keywords": list(self.expected_keywords),
            "sample_answer": self.sample_answer,
            "evaluation_criteria": dict(self.evaluation_criteria),
        }


class BankError(ValueError):
    pass


def bank_files(
    *, languages: list[str] | None = None, categories: list[str] | None = None
) -> list[Path]:
    paths = []
    for language in languages or Language.values:
        for category in categories or [c.value for c in BANK_CATEGORIES]:
            path = BANK_DIR / language / f"{category}.json"
            if path.is_file():
                paths.append(path)
    return paths


def load_file(path: Path) -> list[BankQuestion]:
    data = json.loads(path.read_text(encoding="utf-8"))
    language, category = data["language"], data["category"]
    questions = []
    for raw in data["questions"]:
        missing = [name for name in REQUIRED if not raw.get(name)]
        criteria = raw.get("evaluationCriteria") or {}
        missing += [f"evaluationCriteria.{c}" for c in CRITERIA if not criteria.get(c)]
        if missing:
            raise BankError(f"{path.name} {raw.get('key')}: missing {', '.join(missing)}")
        questions.append(
            BankQuestion(
                key=raw["key"],
                language=language,
                category=category,
                difficulty=raw["difficulty"],
                type=raw["type"],
                question=raw["question"].strip(),
                tags=list(raw["tags"]),
                expected_keywords=list(raw["expectedKeywords"]),
                sample_answer=raw["sampleAnswer"].strip(),
                # Stored snake_case like every JSON document; the API camelizes it.
                evaluation_criteria={
                    "understanding": criteria["understanding"],
                    "logic": criteria["logic"],
                    "specificity": criteria["specificity"],
                    "job_fit": criteria["jobFit"],
                },
            )
        )
    return questions


def load_bank(
    *, languages: list[str] | None = None, categories: list[str] | None = None
) -> list[BankQuestion]:
    questions: list[BankQuestion] = []
    for path in bank_files(languages=languages, categories=categories):
        questions.extend(load_file(path))
    return questions


def validate_bank(questions: list[BankQuestion]) -> list[str]:
    """Every problem found, as sentences; an empty list means the bank is sound."""
    problems: list[str] = []
    keys = Counter(q.key for q in questions)
    problems += [f"duplicate key {key}" for key, n in keys.items() if n > 1]
    texts = Counter((q.language, " ".join(q.question.lower().split())) for q in questions)
    problems += [f"duplicate question {text[:60]!r}" for (_, text), n in texts.items() if n > 1]
    for q in questions:
        if q.difficulty not in Difficulty.values:
            problems.append(f"{q.key}: unknown difficulty {q.difficulty}")
        if q.type not in QuestionType.values:
            problems.append(f"{q.key}: unknown type {q.type}")
        if not q.key.startswith(f"{q.language}-{q.category}-{q.difficulty}-"):
            problems.append(f"{q.key}: key does not match its language/category/difficulty")
        if not all(isinstance(k, str) and k.strip() for k in q.expected_keywords):
            problems.append(f"{q.key}: an empty expected keyword")
        if not 2 <= len(q.tags) <= 5:
            problems.append(f"{q.key}: {len(q.tags)} tags (2-5 expected)")
    cells = Counter((q.language, q.category, q.difficulty) for q in questions)
    types = Counter((q.language, q.category, q.difficulty, q.type) for q in questions)
    for language in Language.values:
        for category in BANK_CATEGORIES:
            for difficulty in Difficulty.values:
                n = cells[(language, category.value, difficulty)]
                if n < MIN_PER_CATEGORY_DIFFICULTY:
                    problems.append(f"{language}/{category.value}/{difficulty}: {n} questions")
                for question_type in QuestionType.values:
                    if not types[(language, category.value, difficulty, question_type)]:
                        problems.append(
                            f"{language}/{category.value}/{difficulty}: no {question_type}"
                        )
    return problems
