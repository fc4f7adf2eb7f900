"""Choosing the provider from AI_PROVIDER and OPENAI_API_KEY."""

import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from analysis.ai.base import AIService
from analysis.ai.offline import OfflineAIService
from analysis.ai.openai_provider import OpenAIService
from analysis.ai.registry import (
    _openai_service,
    get_ai_service,
    get_offline_service,
    resolve_provider_name,
)

MODULE = "analysis.ai.openai_provider"


@pytest.fixture(autouse=True)
def _fresh_clients():
    _openai_service.cache_clear()
    yield
    _openai_service.cache_clear()


def test_auto_without_a_key_is_offline(settings):
    settings.AI_PROVIDER = "auto"
    settings.OPENAI_API_KEY = ""
    assert resolve_provider_name() == "offline"
    assert isinstance(get_ai_service(), OfflineAIService)


def test_auto_with_a_key_is_openai(settings):
    settings.AI_PROVIDER = "auto"
    settings.OPENAI_API_KEY = "sk-test"
    assert resolve_provider_name() == "openai"
    assert isinstance(get_ai_service(), OpenAIService)


def test_one_openai_client_per_configuration(settings):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test"
    assert get_ai_service() is get_ai_service()
    settings.OPENAI_MODEL = "another-model"
    assert get_ai_service().model == "another-model"


def test_offline_is_used_when_asked_even_with_a_key(settings):
    settings.AI_PROVIDER = "offline"
    settings.OPENAI_API_KEY = "sk-test"
    assert isinstance(get_ai_service(), OfflineAIService)


def test_an_explicit_name_overrides_the_setting(settings):
    settings.AI_PROVIDER = "offline"
    settings.OPENAI_API_KEY = "sk-test"
    assert isinstance(get_ai_service("openai"), OpenAIService)
    assert isinstance(get_ai_service("offline"), OfflineAIService)


def test_openai_without_its_module_is_a_configuration_error(settings, monkeypatch):
    monkeypatch.setitem(sys.modules, MODULE, None)  # makes the import fail
    settings.AI_PROVIDER = "openai"
    with pytest.raises(ImproperlyConfigured):
        get_ai_service()


def test_an_unknown_provider_is_a_configuration_error(settings):
    settings.AI_PROVIDER = "magic"
    with pytest.raises(ImproperlyConfigured):
        get_ai_service()


def test_the_offline_service_is_always_available_for_preliminary_feedback(settings):
    settings.AI_PROVIDER = "openai"
    service = get_offline_service()
    assert isinstance(service, AIService)
    assert isinstance(service, OfflineAIService)
